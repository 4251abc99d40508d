package kz.komek.search;

import java.time.LocalDateTime;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import kz.komek.catalog.CatalogUrls;
import kz.komek.i18n.Locale;

/**
 * What the index knows of one question in one locale.
 *
 * @param phrasings the editors' other phrasings of the question, one a line ("" when none): searched like the title
 * @param text the answer as readers see it (rendered once, as plain text: each platform phrase counted once)
 * @param sections the titles of the question's section and its ancestors, product first
 * @param readers readers' phrases by the language they searched in, one a line ({@link ReaderWords}); searched, never
 *     shown
 * @param locales every locale the question is published in, so a query may fall back to another locale only
 *     for questions that lack its own
 */
public record SearchDocument(
        long id,
        String site,
        Locale locale,
        String sectionPath,
        String sectionTitle,
        String title,
        String phrasings,
        String text,
        String sections,
        String description,
        Optional<LocalDateTime> published,
        double usefulness,
        boolean pinned,
        Set<Locale> locales,
        Map<Locale, String> readers) {

    public SearchDocument {
        locales = Set.copyOf(locales);
        readers = Map.copyOf(readers);
    }

    public String key() {
        return id + ":" + locale.code();
    }

    public String url() {
        return CatalogUrls.question(site, locale, sectionPath, id);
    }
}
