package kz.komek.search;

import java.util.List;
import java.util.Optional;
import kz.komek.i18n.Locale;

/**
 * What a search found, best first.
 *
 * @param understoodAs the query as komek read it when that differs from what was typed (wrong keyboard layout,
 *     Latin letters), shown as "results for …"
 * @param didYouMean a spelling that finds more, when the query found little
 */
public record SearchResults(
        String query, int total, List<Hit> hits, Optional<String> understoodAs, Optional<String> didYouMean) {

    public SearchResults {
        hits = List.copyOf(hits);
    }

    /**
     * One question found.
     *
     * @param otherLocale the question has no text in the reader's locale; this is its text in another one
     * @param snippetHtml a passage of the answer, escaped, with matches in {@code <mark>}
     */
    public record Hit(
            long id,
            Locale locale,
            String title,
            String url,
            String sectionPath,
            String sectionTitle,
            String snippet,
            String snippetHtml,
            boolean otherLocale,
            float score) {}
}
