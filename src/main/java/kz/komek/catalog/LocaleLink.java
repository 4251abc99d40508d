package kz.komek.catalog;

import kz.komek.i18n.Locale;

/** The locale switch: the same page in {@code target}, or its nearest ancestor that exists there. */
public record LocaleLink(Locale target, String href) {
    public String label() {
        return UiText.LANGUAGE_NAME.in(target);
    }
}
