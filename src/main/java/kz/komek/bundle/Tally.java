package kz.komek.bundle;

/** New, changed and unchanged records of one kind, as an import meets them. */
final class Tally {
    private int created;
    private int updated;
    private int unchanged;

    void add(RecordWrite write) {
        switch (write) {
            case CREATED -> created++;
            case UPDATED -> updated++;
            case UNCHANGED -> unchanged++;
        }
    }

    ImportReport.Counts counts() {
        return new ImportReport.Counts(created, updated, unchanged);
    }
}
