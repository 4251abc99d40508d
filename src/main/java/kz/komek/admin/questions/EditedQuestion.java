package kz.komek.admin.questions;

import java.util.Objects;
import java.util.Optional;
import kz.komek.bundle.Bundle;
import kz.komek.i18n.Locale;

/**
 * A question as an editor sees it: the record of its latest revision (with the readers' vote counts, which only
 * readers change), its status, that revision's number and the number of the revision readers see, if any.
 * Revision 0 is a question imported and never edited in the admin: its record is the live one.
 */
public record EditedQuestion(
        Bundle.Question record, QuestionStatus status, int revision, Optional<Integer> publishedRevision) {
    public EditedQuestion {
        Objects.requireNonNull(record, "record");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(publishedRevision, "publishedRevision");
        if (revision < 0) {
            throw new IllegalArgumentException("a revision number is ≥ 0, was " + revision);
        }
    }

    /** The question's title in the UI's language, else any. */
    public String title(Locale locale) {
        var t = record.locales().get(locale.code());
        if (t == null) {
            t = record.locales().values().stream().findFirst().orElse(null);
        }
        return t == null ? "" : t.title();
    }
}
