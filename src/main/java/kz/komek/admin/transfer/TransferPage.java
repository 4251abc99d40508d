package kz.komek.admin.transfer;

import java.util.List;
import java.util.Optional;
import kz.komek.admin.AdminFrame;
import kz.komek.admin.AdminText;

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
        boolean applied) {

    /** Counts per kind of record, and the notes (findings) of the import. */
    public record Report(List<Row> rows, List<String> notes) {}

    public record Row(String label, long created, long updated) {}

    public String t(AdminText text) {
        return frame.t(text);
    }

    public String csrf() {
        return frame.csrf().orElse("");
    }

    public String href(String path) {
        return frame.href(path);
    }
}
