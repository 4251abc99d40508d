package kz.komek.admin.content;

import java.util.Locale;

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

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}
