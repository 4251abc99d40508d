package kz.komek.admin.questions;

import java.util.Locale;
import kz.komek.admin.AdminText;

/** What the editor's last action did, as the page says it; redirects carry it as {@code ?done=…}. */
enum Done {
    SAVED(AdminText.Q_DONE_SAVED),
    UNCHANGED(AdminText.Q_DONE_UNCHANGED),
    PUBLISHED(AdminText.Q_DONE_PUBLISHED),
    SCHEDULED(AdminText.Q_DONE_SCHEDULED),
    UNPUBLISHED(AdminText.Q_DONE_UNPUBLISHED),
    DELETED(AdminText.Q_DONE_DELETED),
    RESTORED(AdminText.Q_DONE_RESTORED);

    private final AdminText text;

    Done(AdminText text) {
        this.text = text;
    }

    /** {@code ?done=} of a redirect; anything else reads as saved. */
    static Done of(String code) {
        for (Done d : values()) {
            if (d.code().equals(code)) {
                return d;
            }
        }
        return SAVED;
    }

    String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    String in(kz.komek.i18n.Locale locale) {
        return text.in(locale);
    }
}
