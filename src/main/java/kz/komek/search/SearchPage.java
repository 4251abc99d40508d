package kz.komek.search;

import java.util.List;
import java.util.Optional;
import kz.komek.catalog.Chrome;

/**
 * The model of {@code search/results.jte}.
 *
 * @param moreThanTotal more than {@code total} questions match (see {@link SearchResults})
 * @param didYouMeanHref the search for the suggested spelling
 * @param openHref a result's link starts with it, then its id and {@code &lang=} its language: opening it is noted
 *     for readers' words
 * @param chatHtml the chat hand-off, rendered for the reader's platform (safe HTML), offered when nothing was found
 */
public record SearchPage(
        Chrome chrome,
        String query,
        int total,
        boolean moreThanTotal,
        List<SearchResults.Hit> hits,
        Optional<String> understoodAs,
        Optional<String> didYouMean,
        Optional<String> didYouMeanHref,
        String openHref,
        String chatHtml) {
    public SearchPage {
        hits = List.copyOf(hits);
    }

    /** The link of a result: through the search page, which notes which result the reader opened. */
    public String href(SearchResults.Hit hit) {
        return openHref + hit.id() + "&lang=" + hit.locale().code();
    }
}
