package kz.komek.admin.materials;

import java.util.Locale;
import kz.komek.admin.AdminText;

/** Where a material stands for readers, as the editor reports it. */
public enum MaterialStatus {
    /** The latest revision is not public: never published, unpublished, or a newer draft over a public one. */
    DRAFT,
    /** The latest revision is public. */
    PUBLISHED,
    /** The latest revision is published with every publication time in the future. */
    SCHEDULED;

    public String label(kz.komek.i18n.Locale locale) {
        return switch (this) {
            case DRAFT -> AdminText.M_STATUS_DRAFT.in(locale);
            case PUBLISHED -> AdminText.M_STATUS_PUBLISHED.in(locale);
            case SCHEDULED -> AdminText.M_STATUS_SCHEDULED.in(locale);
        };
    }

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}
