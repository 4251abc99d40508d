package kz.komek.search;

import java.time.LocalDateTime;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import kz.komek.catalog.CatalogUrls;
import kz.komek.catalog.Material;
import kz.komek.i18n.Locale;

/**
 * What the index knows of one question, or one material (a video or document), in one locale. A material's
 * {@code id} in the index is its own id negated ({@link #forMaterial}): materials and questions number apart, and
 * every index structure keys on that one number.
 *
 * @param kind {@code question}, {@code video} or {@code document}
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
        Map<Locale, String> readers,
        String kind) {

    /** What a question's document says it is. */
    public static final String QUESTION = "question";

    public SearchDocument {
        locales = Set.copyOf(locales);
        readers = Map.copyOf(readers);
        if (kind.equals(QUESTION) != id > 0) {
            throw new IllegalArgumentException("a question's document has its positive id, a material's the negated");
        }
    }

    /** A question's document. */
    public SearchDocument(
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
        this(
                id,
                site,
                locale,
                sectionPath,
                sectionTitle,
                title,
                phrasings,
                text,
                sections,
                description,
                published,
                usefulness,
                pinned,
                locales,
                readers,
                QUESTION);
    }

    /** The index id of material {@code id}. */
    public static long forMaterial(long id) {
        return -id;
    }

    public String key() {
        return id + ":" + locale.code();
    }

    public String url() {
        return id > 0
                ? CatalogUrls.question(site, locale, sectionPath, id)
                : CatalogUrls.section(site, locale, sectionPath) + "#" + Material.anchor(-id);
    }
}
