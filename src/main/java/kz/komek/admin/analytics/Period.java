package kz.komek.admin.analytics;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import kz.komek.http.BadRequestException;
import kz.komek.i18n.Locale;

/**
 * What a figure is read for: a site, a locale and the last {@code days} days up to {@code to} (today, in the help
 * center's zone), both ends included.
 */
record Period(String site, Locale locale, int days, LocalDate to) {
    /** The periods one may choose. */
    static final List<Integer> DAYS = List.of(7, 30, 90);

    Period {
        if (!DAYS.contains(days)) {
            throw new BadRequestException("days must be 7, 30 or 90, was " + days);
        }
    }

    /** The first day counted. */
    LocalDate from() {
        return to.minusDays(days - 1L);
    }

    /**
     * The period asked for by {@code ?site=&locale=&days=}; a parameter left out takes its default (the first site,
     * Russian, 30 days). Anything else is a 400 naming the parameter.
     */
    static Period parse(
            Optional<String> site,
            Optional<String> locale,
            Optional<String> days,
            List<String> sites,
            Locale defaultLocale,
            LocalDate today) {
        // a help center without sites yet (a fresh install) shows empty figures, not an error
        String s = site.filter(v -> !v.isEmpty()).orElse(sites.isEmpty() ? "" : sites.get(0));
        if (!sites.contains(s) && !(sites.isEmpty() && s.isEmpty())) {
            throw new BadRequestException("site must be one of " + String.join(", ", sites) + "; was \""
                    + kz.komek.i18n.Excerpt.of(s, 40) + "\"");
        }
        Locale l = locale.filter(v -> !v.isEmpty())
                .map(v -> Locale.parse(v).orElseThrow(() -> new BadRequestException("locale must be ru or kz")))
                .orElse(defaultLocale);
        int d;
        String raw = days.filter(v -> !v.isEmpty()).orElse("30");
        try {
            d = Integer.parseInt(raw);
        } catch (NumberFormatException e) {
            throw new BadRequestException("days must be 7, 30 or 90");
        }
        return new Period(s, l, d, today);
    }

    /** {@code site=client&locale=ru&days=30}. */
    String query() {
        return "site=" + java.net.URLEncoder.encode(site, java.nio.charset.StandardCharsets.UTF_8) + "&locale="
                + locale.code() + "&days=" + days;
    }
}
