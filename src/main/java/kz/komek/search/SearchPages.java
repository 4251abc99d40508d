package kz.komek.search;

import io.javalin.http.Context;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import kz.komek.catalog.CatalogPages;
import kz.komek.catalog.ReaderKit;
import kz.komek.catalog.UiText;
import kz.komek.content.Platform;
import kz.komek.i18n.Locale;
import kz.komek.i18n.StorableText;

/** {@code GET /{site}/{locale}/search?q=}: the results page (not indexed by search engines). */
public final class SearchPages {
    private final SearchService search;
    private final SearchMisses misses;
    private final CatalogPages frames;
    private final ReaderKit kit;

    public SearchPages(ReaderKit kit, SearchService search, SearchMisses misses, CatalogPages frames) {
        this.kit = kit;
        this.search = search;
        this.misses = misses;
        this.frames = frames;
    }

    public void results(Context ctx) {
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
                chat);
        ctx.html(kit.render("search/results.jte", page));
    }

    private static String query(String q) {
        return q.isEmpty() ? "" : "?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8);
    }
}
