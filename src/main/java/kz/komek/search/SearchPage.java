package kz.komek.search;

import java.util.List;
import java.util.Optional;
import kz.komek.catalog.Chrome;
import kz.komek.catalog.UiText;

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

    /**
     * The link of a result: a question's goes through the search page, which notes which result the reader opened
     * (readers' words are learnt for questions); a video's or document's is its place on its section's page.
     */
    public String href(SearchResults.Hit hit) {
        return hit.question() ? openHref + hit.id() + "&lang=" + hit.locale().code() : hit.url();
    }

    /** What a result is, as its badge says; empty for a question. */
    public java.util.Optional<String> kindLabel(SearchResults.Hit hit) {
        return switch (hit.kind()) {
            case "video" -> java.util.Optional.of(UiText.KIND_VIDEO.in(chrome.locale()));
            case "document" -> java.util.Optional.of(UiText.KIND_DOCUMENT.in(chrome.locale()));
            default -> java.util.Optional.empty();
        };
    }
}
