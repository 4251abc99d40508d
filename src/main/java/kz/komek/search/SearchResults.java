package kz.komek.search;

import java.util.List;
import java.util.Optional;
import kz.komek.i18n.Locale;

/**
 * What a search found, best first.
 *
 * @param total how many questions match, counted up to {@link #COUNTED}
 * @param moreThanTotal more than {@code total} match: counting stops at {@link #COUNTED}, where Lucene starts skipping
 *     what cannot make the top hits (and a count past it would depend on that skipping)
 * @param understoodAs the query as komek read it when that differs from what was typed (wrong keyboard layout,
 *     Latin letters), shown as "results for …"
 * @param spellings other spellings of the query, the likeliest first, when it found little: its words the index
 *     does not know, each replaced by a known word near it (at most {@link #SPELLINGS})
 */
public record SearchResults(
        String query,
        int total,
        boolean moreThanTotal,
        List<Hit> hits,
        Optional<String> understoodAs,
        List<String> spellings) {
    public static final int COUNTED = 1000;

    /** Most other spellings offered: a few to choose from, not a list to read. */
    public static final int SPELLINGS = 3;

    /** Nothing found. */
    public static SearchResults none(String query) {
        return new SearchResults(query, 0, false, List.of(), Optional.empty(), List.of());
    }

    public SearchResults {
        hits = List.copyOf(hits);
        spellings = List.copyOf(spellings);
        if (spellings.size() > SPELLINGS) {
            throw new IllegalArgumentException("at most " + SPELLINGS + " spellings, not " + spellings.size());
        }
    }

    /** The likeliest other spelling, if any. */
    public Optional<String> didYouMean() {
        return spellings.stream().findFirst();
    }

    /**
     * One question found.
     *
     * @param id the question's id, or the material's
     * @param otherLocale the question has no text in the reader's locale; this is its text in another one
     * @param snippetHtml a passage of the answer (a material's description), escaped, with matches in {@code <mark>}
     * @param kind {@code question}, {@code video} or {@code document}; a material's {@code url} is its place on its
     *     section's page ({@code …/pos/video#m9001})
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
            float score,
            String kind) {
        public boolean question() {
            return kind.equals(SearchDocument.QUESTION);
        }
    }
}
