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

    /**
     * The locale a browser's {@code Accept-Language} prefers among ours: the first of its languages (by weight, then
     * order) that is Kazakh ({@code kk}, or {@code kz} as people write it) or Russian; else the default.
     */
    public static Locale preferred(String acceptLanguage) {
        if (acceptLanguage == null || acceptLanguage.length() > 1000) {
            return DEFAULT;
        }
        Locale best = DEFAULT;
        double bestWeight = -1;
        for (String part : acceptLanguage.split(",", 40)) {
            String[] fields = part.strip().split(";");
            String tag = fields[0].strip().toLowerCase(java.util.Locale.ROOT);
            String language = tag.contains("-") ? tag.substring(0, tag.indexOf('-')) : tag;
            Locale l = language.equals("kk") || language.equals("kz") ? KZ : language.equals("ru") ? RU : null;
            double weight = 1;
            for (int i = 1; i < fields.length; i++) {
                String f = fields[i].strip();
                if (f.startsWith("q=")) {
                    try {
                        weight = Double.parseDouble(f.substring(2));
                    } catch (NumberFormatException e) {
                        weight = 0;
                    }
                }
            }
            if (l != null && weight > bestWeight && weight > 0) {
                best = l;
                bestWeight = weight;
            }
        }
        return best;
    }

    @Override
    public String toString() {
        return code;
    }
}
