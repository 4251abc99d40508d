package kz.komek.search;

import java.util.List;
import java.util.Optional;
import kz.komek.catalog.Chrome;
import kz.komek.catalog.LinkItem;
import kz.komek.catalog.UiText;

/**
 * The model of {@code search/results.jte}. Every link in it is already as the page shows it ({@link Chrome#link}).
 *
 * @param formAction where the page's search form goes: this page, without a query
 * @param summary "Results 21–40 of 97" or "Found: 7"; empty without results
 * @param start the number of the first result shown: the list counts on from the pages before
 * @param spellings searches for other spellings of the query, when it found little
 * @param pager links to the other pages of the results; empty when they fit on one
 * @param depthNote said when more match than the pages reach ({@link SearchRequest#MAX_DEPTH})
 * @param popular the site's most read questions, offered when nothing was found
 * @param handoffAction where the hand-off form posts ("describe your question"), offered when nothing was found
 */
public record SearchPage(
        Chrome chrome,
        String query,
        String formAction,
        Optional<String> summary,
        int start,
        List<Result> results,
        Optional<String> understoodAs,
        List<LinkItem> spellings,
        Optional<Pager> pager,
        Optional<String> depthNote,
        List<LinkItem> popular,
        String handoffAction) {
    public SearchPage {
        results = List.copyOf(results);
        spellings = List.copyOf(spellings);
        popular = List.copyOf(popular);
    }

    /**
     * One result.
     *
     * @param href a question's through the search page, which notes which result the reader opened; a video's or
     *     document's to its place on its section's page
     * @param sectionPath the titles of its product, theme and subtheme, in the reader's locale where they have one
     */
    public record Result(SearchResults.Hit hit, String href, List<String> sectionPath) {
        public Result {
            sectionPath = List.copyOf(sectionPath);
        }
    }

    /** What a result is, as its badge says; empty for a question. */
    public Optional<String> kindLabel(SearchResults.Hit hit) {
        return switch (hit.kind()) {
            case "video" -> Optional.of(UiText.KIND_VIDEO.in(chrome.locale()));
            case "document" -> Optional.of(UiText.KIND_DOCUMENT.in(chrome.locale()));
            default -> Optional.empty();
        };
    }

    /**
     * Links to the pages of the results.
     *
     * @param pages every page, the current one marked {@code aria-current="page"}; each labelled "Page N"
     */
    public record Pager(Optional<String> previous, Optional<String> next, List<Numbered> pages) {
        public Pager {
            pages = List.copyOf(pages);
        }
    }

    /** A page's number, its link and its accessible name; {@code current} for the page shown. */
    public record Numbered(int number, String href, String label, boolean current) {}
}
