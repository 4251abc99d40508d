package kz.komek.i18n;

import java.util.Objects;

/** One text in both locales, as a translator writes it. */
public record Bilingual(String ru, String kz) {
    public Bilingual {
        Objects.requireNonNull(ru, "ru");
        Objects.requireNonNull(kz, "kz");
    }

    public String in(Locale locale) {
        return locale == Locale.KZ ? kz : ru;
    }
}
