package kz.komek.catalog;

import java.util.Map;
import java.util.Optional;
import kz.komek.i18n.Locale;

/**
 * A product, theme or subtheme. A section may lack a title in a locale: it is then not published there. Its
 * {@code kind} says what it lists: questions, videos or documents.
 */
public record Section(
        long id, String site, SectionPath path, int position, Map<Locale, String> titles, SectionKind kind) {
    public Section {
        titles = Map.copyOf(titles);
        java.util.Objects.requireNonNull(kind, "kind");
    }

    /** A section of questions. */
    public Section(long id, String site, SectionPath path, int position, Map<Locale, String> titles) {
        this(id, site, path, position, titles, SectionKind.QUESTIONS);
    }

    public Optional<String> title(Locale locale) {
        return Optional.ofNullable(titles.get(locale));
    }

    /** What menus and lists call the section: its title in {@code locale}, else its slug. */
    String titleOrSlug(Locale locale) {
        return title(locale).orElse(path.lastSegment());
    }

    /** A breadcrumb may name a section not published in this locale (above a public question): any title will do. */
    public String titleInAnyLocale(Locale locale) {
        return title(locale).or(() -> title(locale.other())).orElse(path.lastSegment());
    }

    public boolean publishedIn(Locale locale) {
        return titles.containsKey(locale);
    }

    /**
     * Shown in a locale: titled in it. Seed sections may carry no titles at all; those are shown everywhere under
     * their slug rather than hidden.
     */
    public boolean shownIn(Locale locale) {
        return publishedIn(locale) || titles.isEmpty();
    }

    public int depth() {
        return path.depth();
    }
}
