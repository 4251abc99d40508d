package kz.komek.admin.audit;

import java.util.List;
import java.util.Optional;
import kz.komek.admin.AdminFrame;
import kz.komek.admin.FramedPage;

/**
 * Model of {@code admin/audit.jte}: the filter form (as the reader filled it), the rows, and the link to older rows.
 *
 * @param ownOnly the reader is not an admin and sees only their own rows
 * @param olderHref the next page (rows before the last one shown); empty on the last page
 */
public record AuditPage(
        AdminFrame frame,
        Form form,
        List<Row> rows,
        boolean ownOnly,
        Optional<String> error,
        Optional<String> olderHref,
        List<Option> actions,
        List<Option> objectTypes)
        implements FramedPage {

    /** The filter form's fields as sent. */
    public record Form(String actor, String action, String objectType, String objectId, String from, String to) {}

    /** One row as shown; {@code objectHref} leads to the object's admin page when it has one. */
    public record Row(
            long id,
            String when,
            String who,
            String whoHref,
            String action,
            String actionCode,
            String object,
            Optional<String> objectHref,
            List<Change> changes) {}

    /**
     * One field of the before/after summaries: {@code before → after}, either side possibly empty.
     *
     * @param field the summary's key
     * @param name the key in words; empty for a key komek does not know, shown as stored
     */
    public record Change(String field, Optional<String> name, Optional<String> before, Optional<String> after) {
        public boolean changed() {
            return !before.equals(after);
        }
    }

    /** An action or object type of the filter's lists: its code and label. */
    public record Option(String code, String label, boolean selected) {}
}
