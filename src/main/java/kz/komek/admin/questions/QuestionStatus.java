package kz.komek.admin.questions;

import java.util.Locale;
import kz.komek.admin.AdminText;

/** Where a question stands for readers, as the editor reports it. */
public enum QuestionStatus {
    /** The latest revision is not public: never published, unpublished, or a newer draft over a public one. */
    DRAFT,
    /** The latest revision is public. */
    PUBLISHED,
    /** The latest revision is published with a publication date in the future (in the help center's zone). */
    SCHEDULED,
    /** Deleted: not public; its revisions stay and one can be restored. */
    DELETED;

    /** The status for people, in the admin UI's language. */
    public String label(kz.komek.i18n.Locale locale) {
        return switch (this) {
            case DRAFT -> AdminText.Q_STATUS_DRAFT.in(locale);
            case PUBLISHED -> AdminText.Q_STATUS_PUBLISHED.in(locale);
            case SCHEDULED -> AdminText.Q_STATUS_SCHEDULED.in(locale);
            case DELETED -> AdminText.Q_STATUS_DELETED.in(locale);
        };
    }

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}
