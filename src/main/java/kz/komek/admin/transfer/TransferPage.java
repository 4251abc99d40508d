package kz.komek.admin.transfer;

import java.util.List;
import java.util.Optional;
import kz.komek.admin.AdminFrame;
import kz.komek.admin.FramedPage;

/**
 * Model of {@code admin/transfer.jte}: the export link and upload form, and after an upload its dry run's report
 * (with the "Apply" form when the file can be applied) or its error; after applying, what was done.
 *
 * @param pendingId the stored upload the "Apply" form names; empty when there is nothing to apply
 * @param applied true on the result page of an applied import
 */
public record TransferPage(
        AdminFrame frame,
        Optional<Report> report,
        Optional<String> error,
        Optional<String> pendingId,
        String fileName,
        String site,
        boolean applied)
        implements FramedPage {

    /**
     * Counts per kind of record, the new and changed questions (the first {@link #SHOWN}, with how many more), and
     * the notes (findings) of the import.
     */
    public record Report(List<Row> rows, List<Long> changed, int moreChanged, List<String> notes) {
        public static final int SHOWN = 100;

        public static Report of(List<Row> rows, List<Long> changed, List<String> notes) {
            List<Long> shown = changed.size() > SHOWN ? changed.subList(0, SHOWN) : changed;
            return new Report(rows, List.copyOf(shown), changed.size() - shown.size(), notes);
        }
    }

    public record Row(String label, long created, long updated, long unchanged) {}
}
