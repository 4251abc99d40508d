package kz.komek.search;

import io.javalin.http.Context;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import kz.komek.catalog.CatalogPages;
import kz.komek.catalog.CatalogStore;
import kz.komek.catalog.ReaderKit;
import kz.komek.catalog.UiText;
import kz.komek.content.Platform;
import kz.komek.http.BadRequestException;
import kz.komek.http.NotFoundException;
import kz.komek.i18n.Locale;
import kz.komek.i18n.StorableText;

/** {@code GET /{site}/{locale}/search?q=}: the results page (not indexed by search engines). */
public final class SearchPages {
    private final SearchService search;
    private final SearchMisses misses;
    private final CatalogPages frames;
    private final ReaderKit kit;
    private final CatalogStore catalog;
    private final ReaderWords readers;

    public SearchPages(
            ReaderKit kit,
            SearchService search,
            SearchMisses misses,
            CatalogPages frames,
            CatalogStore catalog,
            ReaderWords readers) {
        this.kit = kit;
        this.search = search;
        this.misses = misses;
        this.frames = frames;
        this.catalog = catalog;
        this.readers = readers;
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
        String site = ctx.pathParam("site");
        String localeCode = ctx.pathParam("locale");
        String title = q.isEmpty()
                ? UiText.SEARCH_TITLE.in(Locale.parse(localeCode).orElse(Locale.DEFAULT))
                : UiText.SEARCH_RESULTS_FOR.format(Locale.parse(localeCode).orElse(Locale.DEFAULT), q);
        Locale other = Locale.parse(localeCode).orElse(Locale.DEFAULT).other();
        var chrome = frames.frame(ctx, title, title, "/" + site + "/" + other.code() + "/search" + query(q));
        Locale locale = chrome.locale();
        Platform platform = kit.platform(ctx);
        if (!q.isEmpty()) {
            readers.searched(ctx, q);
        }
        SearchResults results = q.isEmpty()
                ? SearchResults.none(q)
                : search.search(new SearchRequest(q, site, Optional.of(locale), 20, kit.now(), false));
        if (!q.isEmpty() && results.total() == 0) {
            misses.record(new SearchRequest(q, site, Optional.of(locale), 1, kit.now(), false));
        }
        String chat = kit.answers().render("%вставка остались_вопросы()%", platform, locale);
        var page = new SearchPage(
                chrome,
                q,
                results.total(),
                results.moreThanTotal(),
                results.hits(),
                results.understoodAs(),
                results.didYouMean(),
                results.didYouMean().map(d -> "/" + site + "/" + locale.code() + "/search" + query(d)),
                "/" + site + "/" + locale.code() + "/search" + query(q) + "&open=",
                chat);
        ctx.html(kit.render("search/results.jte", page));
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
        }
        ctx.header("Cache-Control", "no-store");
        ctx.redirect("/" + site + "/" + target.code() + path, io.javalin.http.HttpStatus.SEE_OTHER);
    }

    private static String query(String q) {
        return q.isEmpty() ? "" : "?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8);
    }
}
