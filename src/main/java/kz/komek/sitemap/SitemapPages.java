package kz.komek.sitemap;

import io.javalin.http.Context;
import kz.komek.catalog.CatalogStore;
import kz.komek.catalog.Site;
import kz.komek.http.NotFoundException;
import kz.komek.i18n.Locale;
import kz.komek.seo.PublicOrigin;

/** What crawlers read before pages: {@code /robots.txt}, {@code /sitemap.xml} and the sitemaps it lists. */
public final class SitemapPages {
    private static final String XML = "application/xml; charset=utf-8";

    private final Sitemaps sitemaps;
    private final CatalogStore catalog;
    private final PublicOrigin origin;

    public SitemapPages(Sitemaps sitemaps, CatalogStore catalog, PublicOrigin origin) {
        this.sitemaps = sitemaps;
        this.catalog = catalog;
        this.origin = origin;
    }

    /** {@code GET /sitemap.xml}: the sitemap index. */
    public void sitemapIndex(Context ctx) {
        ctx.contentType(XML).result(sitemaps.index(origin(ctx)));
    }

    /** {@code GET /sitemaps/{file}}. */
    public void sitemap(Context ctx) {
        String file = ctx.pathParam("file");
        String xml = sitemaps.sitemap(origin(ctx), file)
                .orElseThrow(() ->
                        new NotFoundException("No sitemap " + file.substring(0, Math.min(80, file.length()))));
        ctx.contentType(XML).result(xml);
    }

    /**
     * {@code GET /robots.txt}: everything but the API and the search pages, which are {@code noindex} anyway and
     * would only spend the crawl budget. The search pages are named exactly per site and locale ({@code $} ends the
     * path, {@code ?} starts the query), so a section whose slug starts with "search" stays crawlable.
     */
    public void robots(Context ctx) {
        var txt = new StringBuilder("User-agent: *\nAllow: /\nDisallow: /api/\n");
        for (Site site : catalog.sites()) {
            for (Locale locale : Locale.values()) {
                String search = "/" + site.slug() + "/" + locale.code() + "/search";
                txt.append("Disallow: ").append(search).append("$\n");
                txt.append("Disallow: ").append(search).append("?\n");
            }
        }
        txt.append("\nSitemap: ").append(origin(ctx)).append("/sitemap.xml\n");
        ctx.contentType("text/plain; charset=utf-8").result(txt.toString());
    }

    private String origin(Context ctx) {
        return origin.of(ctx.scheme(), ctx.host());
    }
}
