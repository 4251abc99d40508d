package kz.komek.i18n;

/**
 * An interface text in both locales: the enums that list a part's texts for a translator (the visitor pages', the
 * admin's) implement this, so they only list their texts. Texts with {@code %s}/{@code %d} are formats for
 * {@link #format(Locale, Object...)}.
 */
public interface BilingualText {
    Bilingual text();

    default String in(Locale locale) {
        return text().in(locale);
    }

    default String format(Locale locale, Object... args) {
        return String.format(java.util.Locale.ROOT, in(locale), args);
    }
}
