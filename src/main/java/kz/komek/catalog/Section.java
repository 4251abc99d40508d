package kz.komek.catalog;

import java.util.Map;
import java.util.Optional;

/** A product, theme or subtheme. A section may lack a title in a locale: it is then not published there. */
public record Section(long id, String site, SectionPath path, int position, Map<Locale, String> titles) {
    public Section {
        titles = Map.copyOf(titles);
    }

    public Optional<String> title(Locale locale) {
        return Optional.ofNullable(titles.get(locale));
    }

    public boolean publishedIn(Locale locale) {
        return titles.containsKey(locale);
    }

    public int depth() {
        return path.depth();
    }
}
