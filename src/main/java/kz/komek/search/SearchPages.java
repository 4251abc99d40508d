package kz.komek.search;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import kz.komek.catalog.CatalogMemory;
import kz.komek.catalog.CatalogPages;
import kz.komek.catalog.CatalogStore;
import kz.komek.catalog.CatalogUrls;
import kz.komek.catalog.Chrome;
import kz.komek.catalog.ReaderKit;
import kz.komek.catalog.ReaderSignals;
import kz.komek.catalog.UiText;
import kz.komek.http.BadRequestException;
import kz.komek.http.NotFoundException;
import kz.komek.i18n.Locale;
import kz.komek.i18n.StorableText;

/**
 * {@code GET /{site}/{locale}/search?q=&page=}: the results page (not indexed by search engines), {@value
 * Paging#PER_PAGE} results a page.
 */
public final class SearchPages {
    private final SearchService search;
    private final SearchMisses misses;
    private final CatalogPages frames;
    private final ReaderKit kit;
    private final CatalogStore catalog;
    private final CatalogMemory memory;
    private final ReaderWords readers;
    private final SearchCounter counter;
    private final SearchPageModels models;

    /**
     * @param memory the catalog in memory: the sections that name each result's place
     * @param signals the site's popular questions, offered when nothing was found
     * @param counter counts searches and opened results for the editors' analytics
     */
    public SearchPages(
            ReaderKit kit,
            SearchService search,
            SearchMisses misses,
            CatalogPages frames,
            CatalogStore catalog,
            CatalogMemory memory,
            ReaderSignals signals,
            ReaderWords readers,
            SearchCounter counter) {
        this.kit = kit;
        this.search = search;
        this.misses = misses;
        this.frames = frames;
        this.catalog = catalog;
        this.memory = memory;
        this.readers = readers;
        this.counter = counter;
        this.models = new SearchPageModels(signals, memory);
    }

    public void results(Context ctx) {
        if (ctx.queryParam("open") != null) {
            open(ctx);
            return;
        }
        // a reader's stray control character (a NUL from a copied text) is dropped, not refused
        String q = StorableText.withoutControls(
                        Optional.ofNullable(ctx.queryParam("q")).orElse(""))
                .strip();
        if (q.length() > SearchRequest.MAX_QUERY) {
            q = q.substring(0, SearchRequest.MAX_QUERY);
        }
        int requested = Paging.requested(ctx.queryParam("page"));
        String site = ctx.pathParam("site");
        Locale asked = Locale.parse(ctx.pathParam("locale")).orElse(Locale.DEFAULT);
        String title = q.isEmpty() ? UiText.SEARCH_TITLE.in(asked) : UiText.SEARCH_RESULTS_FOR.format(asked, q);
        if (!q.isEmpty() && requested > 1 && requested <= Paging.PAGES) {
            title = UiText.SEARCH_PAGE_TITLE.format(asked, title, requested);
        }
        String otherLocale = CatalogUrls.prefix(site, asked.other()) + "/search"
                + (q.isEmpty() ? "" : "?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8));
        // the page's own form is its one search form: the header's is left out
        var chrome = frames.frame(ctx, title, title, otherLocale).withoutHeaderSearch();
        Locale locale = chrome.locale();
        var a = new SearchPageModels.Asked(site, memory.tree(site), chrome, q, kit.now());
        if (q.isEmpty()) {
            ctx.html(kit.render("search/results.jte", models.empty(a)));
            return;
        }
        readers.searched(ctx, q);
        var paging = new Paging(Math.min(requested, Paging.PAGES));
        SearchResults results =
                search.search(new SearchRequest(q, site, Optional.of(locale), Paging.PER_PAGE, kit.now(), false)
                        .from(paging.offset()));
        int last = Paging.last(results.total());
        if (requested > last || (requested > 1 && results.hits().isEmpty())) {
            // past the last page (an old link, a shorter list now, a typed number): to the last one there is
            ctx.header("Cache-Control", "no-store");
            ctx.redirect(a.searchHref(q, requested > last ? last : 1), HttpStatus.FOUND);
            return;
        }
        if (results.total() == 0) {
            misses.record(new SearchRequest(q, site, Optional.of(locale), 1, kit.now(), false));
        } else if (requested == 1) {
            counter.searched(site, locale, q); // a search, not each page of its results
        }
        // nothing found: the hand-off form, with the query as the start of the reader's message (decision 0045)
        String chat = results.hits().isEmpty()
                ? kz.komek.content.ContentConfig.handoffHref(site, locale, chrome.platform())
                : "";
        ctx.html(kit.render("search/results.jte", models.results(a, paging, results, chat)));
    }

    /**
     * {@code ?q=…&open={id}&lang={locale}}: a result was opened. Noted for readers' words (decision 0033), then the
     * reader is sent on to the question (303), in the language of the result.
     */
    private void open(Context ctx) {
        String site = ctx.pathParam("site");
        Locale page = Locale.parse(ctx.pathParam("locale"))
                .orElseThrow(() -> new NotFoundException("no such language: " + ctx.pathParam("locale")));
        long id;
        try {
            id = Long.parseLong(ctx.queryParam("open"));
        } catch (NumberFormatException e) {
            throw new BadRequestException("open= must be a question id");
        }
        Locale target = Optional.ofNullable(ctx.queryParam("lang"))
                .map(l -> Locale.parse(l).orElseThrow(() -> new BadRequestException("lang= must be ru or kz")))
                .orElse(page);
        String path =
                catalog.ownPath(site, id).orElseThrow(() -> new NotFoundException("no question " + id + " in " + site));
        String q = StorableText.withoutControls(
                        Optional.ofNullable(ctx.queryParam("q")).orElse(""))
                .strip();
        if (!q.isEmpty()) {
            readers.opened(ctx, site, page, q, id);
            counter.opened(site, page, q);
        }
        ctx.header("Cache-Control", "no-store");
        // the app's webview stays in the app's pages
        ctx.redirect(Chrome.sticky("/" + site + "/" + target.code() + path, kit.platform(ctx)), HttpStatus.SEE_OTHER);
    }
}
