package kz.komek.admin;

import io.javalin.http.Context;
import java.util.Optional;
import kz.komek.i18n.Locale;

/** The admin UI's language: {@code ?lang=kz|ru}, else the browser's Accept-Language, else Russian. */
public final class AdminLocale {
    private AdminLocale() {}

    public static Locale of(Context ctx) {
        return Locale.parse(ctx.queryParam("lang"))
                .or(() -> Locale.parse(ctx.isFormUrlencoded() ? ctx.formParam("lang") : null))
                .or(() -> fromAcceptLanguage(ctx.header("Accept-Language")))
                .orElse(Locale.DEFAULT);
    }

    /** The first of Kazakh ({@code kk}, also the common mistake {@code kz}) or Russian the browser prefers. */
    static Optional<Locale> fromAcceptLanguage(String header) {
        if (header == null || header.isBlank() || header.length() > 500) {
            return Optional.empty();
        }
        try {
            for (var range : java.util.Locale.LanguageRange.parse(header)) {
                if (range.getWeight() <= 0) {
                    continue;
                }
                String tag = range.getRange().toLowerCase(java.util.Locale.ROOT);
                if (tag.equals("kk") || tag.startsWith("kk-") || tag.equals("kz") || tag.startsWith("kz-")) {
                    return Optional.of(Locale.KZ);
                }
                if (tag.equals("ru") || tag.startsWith("ru-")) {
                    return Optional.of(Locale.RU);
                }
            }
        } catch (IllegalArgumentException e) {
            // a malformed header says nothing
        }
        return Optional.empty();
    }
}
