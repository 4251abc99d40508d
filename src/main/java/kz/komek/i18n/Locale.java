package kz.komek.i18n;

import java.util.Arrays;
import java.util.Optional;

/** A content locale as it appears in URLs. The HTML {@code lang}/{@code hreflang} of {@code kz} is {@code kk-KZ}. */
public enum Locale {
    RU("ru", "ru-RU"),
    KZ("kz", "kk-KZ");

    public static final Locale DEFAULT = RU;

    private final String code;
    private final String htmlLang;

    Locale(String code, String htmlLang) {
        this.code = code;
        this.htmlLang = htmlLang;
    }

    public String code() {
        return code;
    }

    public String htmlLang() {
        return htmlLang;
    }

    public Locale other() {
        return this == RU ? KZ : RU;
    }

    public static Optional<Locale> parse(String code) {
        return Arrays.stream(values()).filter(l -> l.code.equals(code)).findFirst();
    }

    @Override
    public String toString() {
        return code;
    }
}
