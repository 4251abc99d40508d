package kz.komek.bundle;

/** What writing one record (site, section, question) did to the stored one, as an import counts it. */
enum RecordWrite {
    CREATED,
    UPDATED,
    UNCHANGED;

    static RecordWrite of(boolean created, boolean changed) {
        return created ? CREATED : changed ? UPDATED : UNCHANGED;
    }
}
