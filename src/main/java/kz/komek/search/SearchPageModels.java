package kz.komek.search;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import kz.komek.catalog.CatalogMemory;
import kz.komek.catalog.CatalogUrls;
import kz.komek.catalog.Chrome;
import kz.komek.catalog.LinkItem;
import kz.komek.catalog.ReaderSignals;
import kz.komek.catalog.Section;
import kz.komek.catalog.SectionPath;
import kz.komek.catalog.SectionTree;
import kz.komek.catalog.UiText;
import kz.komek.i18n.Locale;

/**
 * Builds the search page's model from what a search found and what the catalog holds in memory: the results with
 * their sections' paths, the pages, other spellings, and, when nothing was found, the site's popular questions. It
 * sees no request: {@link SearchPages} reads the address and searches.
 */
final class SearchPageModels {
    /** Popular questions offered when nothing was found: a few to choose from, not a list to read. */
    static final int POPULAR = 5;

    private final ReaderSignals signals;
    /** Top questions as the content is now, whatever the ranking kept. */
    private final CatalogMemory memory;

    SearchPageModels(ReaderSignals signals, CatalogMemory memory) {
        this.memory = memory;
        this.signals = signals;
    }

    /** What the page is about: the site, its sections now, the reader's frame, and the query. */
    record Asked(String site, SectionTree tree, Chrome chrome, String query, LocalDateTime now) {
        Locale locale() {
            return chrome.locale();
        }

        /** The search page of this site and locale: {@code /client/ru/search}. */
        String base() {
            return CatalogUrls.prefix(site, locale()) + "/search";
        }

        /** A search for {@code q} on this page, at page {@code page} (1 leaves it out), as the page links it. */
        String searchHref(String q, int page) {
            return chrome.link(
                    base() + "?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8) + (page > 1 ? "&page=" + page : ""));
        }
    }

    /** The page before anything was asked. */
    SearchPage empty(Asked a) {
        return new SearchPage(
                a.chrome(),
                "",
                a.base(),
                Optional.empty(),
                1,
                List.of(),
                Optional.empty(),
                List.of(),
                Optional.empty(),
                Optional.empty(),
                List.of(),
                "");
    }

    /** Page {@code paging} of {@code results}; the chat hand-off and popular questions when nothing was found. */
    SearchPage results(Asked a, Paging paging, SearchResults results, String handoffAction) {
        Locale locale = a.locale();
        var shown = new ArrayList<SearchPage.Result>();
        for (SearchResults.Hit hit : results.hits()) {
            String open = a.base() + "?q=" + URLEncoder.encode(a.query(), StandardCharsets.UTF_8) + "&open=" + hit.id()
                    + "&lang=" + hit.locale().code();
            // a question's link goes through this page, which notes what was opened (readers' words are learnt for
            // questions); a video's or document's is its place on its section's page
            shown.add(new SearchPage.Result(
                    hit, a.chrome().link(hit.question() ? open : hit.url()), sectionPath(a.tree(), hit, locale)));
        }
        var spellings = results.spellings().stream()
                .map(s -> LinkItem.of(s, a.searchHref(s, 1)))
                .toList();
        int last = Paging.last(results.total());
        Optional<String> summary = Optional.empty();
        if (!shown.isEmpty()) {
            int from = paging.offset() + 1;
            int to = paging.offset() + shown.size();
            summary = Optional.of(
                    last == 1 && !results.moreThanTotal()
                            ? UiText.SEARCH_FOUND.format(locale, results.total())
                            : (results.moreThanTotal() ? UiText.SEARCH_SHOWN_MORE : UiText.SEARCH_SHOWN)
                                    .format(locale, from, to, results.total()));
        }
        boolean deeper = results.moreThanTotal() || results.total() > SearchRequest.MAX_DEPTH;
        return new SearchPage(
                a.chrome(),
                a.query(),
                a.base(),
                summary,
                paging.offset() + 1,
                shown,
                results.understoodAs(),
                spellings,
                last > 1 ? Optional.of(pager(a, paging.page(), last)) : Optional.empty(),
                deeper ? Optional.of(UiText.SEARCH_DEPTH.format(locale, SearchRequest.MAX_DEPTH)) : Optional.empty(),
                shown.isEmpty() ? popular(a) : List.of(),
                handoffAction);
    }

    private static SearchPage.Pager pager(Asked a, int page, int last) {
        Locale locale = a.locale();
        var pages = new ArrayList<SearchPage.Numbered>();
        for (int n = 1; n <= last; n++) {
            pages.add(new SearchPage.Numbered(
                    n, a.searchHref(a.query(), n), UiText.SEARCH_PAGE_N.format(locale, n), n == page));
        }
        return new SearchPage.Pager(
                page > 1 ? Optional.of(a.searchHref(a.query(), page - 1)) : Optional.empty(),
                page < last ? Optional.of(a.searchHref(a.query(), page + 1)) : Optional.empty(),
                pages);
    }

    /**
     * The titles of a hit's product, theme and subtheme, from the tree in memory (no query per hit), in the reader's
     * locale where they have one: "Жалпы сұрақтар" alone does not say which product's. A section the index knows and
     * the tree no longer does (an edit on its way to the index) is named by the index's title.
     */
    static List<String> sectionPath(SectionTree tree, SearchResults.Hit hit, Locale locale) {
        return SectionPath.parse(hit.sectionPath())
                .flatMap(tree::find)
                .map(s -> tree.lineage(s).stream()
                        .map(x -> x.titleInAnyLocale(locale))
                        .toList())
                .filter(path -> !path.isEmpty())
                .orElseGet(() -> hit.sectionTitle().isEmpty() ? List.of() : List.of(hit.sectionTitle()));
    }

    /** The site's most read questions in the reader's locale, from every section shown there. */
    private List<LinkItem> popular(Asked a) {
        Locale locale = a.locale();
        List<Long> sections = a.tree().all().stream()
                .filter(s -> a.tree().shownWithAncestors(s, locale))
                .map(Section::id)
                .toList();
        return memory.asNow(a.tree(), signals.top(sections, locale, a.now()), locale, a.now()).stream()
                .limit(POPULAR)
                .map(q -> LinkItem.of(
                        q.title(),
                        a.chrome()
                                .link(CatalogUrls.question(
                                        a.site(), locale, q.section().value(), q.id()))))
                .toList();
    }
}
