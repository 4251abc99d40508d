package kz.komek.catalog;

import java.util.Map;
import java.util.Optional;
import kz.komek.i18n.Locale;

/** An audience with its own tree (clients, partners). */
public record Site(String slug, int position, Map<Locale, String> titles) {
    public Site {
        titles = Map.copyOf(titles);
    }

    public Optional<String> title(Locale locale) {
        return Optional.ofNullable(titles.get(locale));
    }

    /** What the pages call the site: its title in {@code locale}, else in the other locale, else its slug. */
    String titleInAnyLocale(Locale locale) {
        return title(locale).or(() -> title(locale.other())).orElse(slug);
    }
}
