package kz.komek.sitemap;

import static kz.komek.testing.SitemapXml.lastmodOf;
import static kz.komek.testing.SitemapXml.locs;
import static kz.komek.testing.SitemapXml.validate;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import kz.komek.testing.HeadTags;
import kz.komek.testing.TestApp;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Sitemaps, robots.txt and the cross-listed copy's head, over real HTTP against the demo content (the seed). */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SitemapTest {
    private TestApp app;

    @BeforeAll
    void start() {
        app = TestApp.withDemo();
    }

    @AfterAll
    void stop() {
        if (app != null) {
            app.close();
        }
    }

    private String xml(String path) {
        HttpResponse<String> r = app.get(path);
        assertThat(r.statusCode()).as(path).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type")).hasValue("application/xml; charset=utf-8");
        return r.body();
    }

    @Test
    void theIndexListsOneValidSitemapPerSiteAndLocale() throws Exception {
        String index = xml("/sitemap.xml");
        validate(index, "siteindex.xsd");
        assertThat(locs(index))
                .containsExactly(app.url("/sitemaps/client-ru-1.xml"), app.url("/sitemaps/client-kz-1.xml"));
        for (String loc : locs(index)) {
            String sitemap = xml(URI.create(loc).getPath());
            validate(sitemap, "sitemap.xsd");
            assertThat(locs(sitemap))
                    .isNotEmpty()
                    .allSatisfy(u -> assertThat(URI.create(u).isAbsolute()).isTrue());
        }
        assertThat(lastmodOf(index, app.url("/sitemaps/client-kz-1.xml"))).isEqualTo("2025-09-12");
    }

    @Test
    void theSchemaCatchesAnInvalidSitemap() {
        // the validation above can fail: a date that is not a W3C date is refused
        String bad = """
                <?xml version="1.0" encoding="UTF-8"?>
                <urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
                  <url><loc>http://localhost/client/kz/</loc><lastmod>14.07.2025</lastmod></url>
                </urlset>
                """;
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> validate(bad, "sitemap.xsd"))
                .hasMessageContaining("14.07.2025");
    }

    @Test
    void theKazakhSitemapListsTheSeedQuestionsButNotItsCopies() {
        String sitemap = xml("/sitemaps/client-kz-1.xml");
        var locs = locs(sitemap);
        assertThat(locs)
                .contains(
                        app.url("/client/kz/"),
                        app.url("/client/kz/bonus"),
                        app.url("/client/kz/bonus/save/general"),
                        app.url("/client/kz/bonus/save/general/q456"),
                        app.url("/client/kz/bonus/save/general/q1580"));
        // 17562 is a noindex copy of 17561; 17560 a copy of 17559 (canonical elsewhere)
        assertThat(locs).noneMatch(u -> u.endsWith("/q17562")).noneMatch(u -> u.endsWith("/q17560"));
        assertThat(locs).hasSize(3 + 9 + 1);
        assertThat(lastmodOf(sitemap, app.url("/client/kz/bonus/save/general/q462")))
                .isEqualTo("2025-04-22");
        assertThat(lastmodOf(sitemap, app.url("/client/kz/bonus/save/general"))).isEqualTo("2025-09-12");
        // the seed has no Russian texts: its sections are empty in Russian, so the Russian sitemap holds the home only
        assertThat(locs(xml("/sitemaps/client-ru-1.xml"))).containsExactly(app.url("/client/ru/"));
    }

    @Test
    void everyListedPageIsIndexableAndItsOwnCanonical() {
        for (String loc : locs(xml("/sitemaps/client-kz-1.xml"))) {
            HttpResponse<String> r = app.get(URI.create(loc).getPath());
            assertThat(r.statusCode()).as(loc).isEqualTo(200);
            Document doc = Jsoup.parse(r.body());
            assertThat(HeadTags.canonical(doc)).as(loc).isEqualTo(loc);
            assertThat(HeadTags.robots(doc)).as(loc).isEmpty();
        }
    }

    @Test
    void theNoindexCopyPointsItsCanonicalAtTheOriginal() {
        HttpResponse<String> r = app.get("/client/kz/bonus/save/general/q17562");
        assertThat(r.statusCode()).isEqualTo(200);
        Document doc = Jsoup.parse(r.body());
        assertThat(HeadTags.canonical(doc))
                .matches("https?://[^/]+/client/kz/shop/comment/q17561")
                .isEqualTo(app.url("/client/kz/shop/comment/q17561"));
        assertThat(HeadTags.robots(doc)).hasValue("noindex");
        assertThat(HeadTags.hreflang(doc)).isEmpty();
        // 17560 is followed by no one: nofollow, and indexed only through its original
        Document nofollow =
                Jsoup.parse(app.get("/client/kz/bonus/save/general/q17560").body());
        assertThat(HeadTags.robots(nofollow)).hasValue("nofollow");
        assertThat(HeadTags.canonical(nofollow)).isEqualTo(app.url("/client/kz/shop/comment/q17559"));
    }

    @Test
    void robotsTxtNamesTheSitemapAndKeepsCrawlersOffTheApiAndSearch() {
        HttpResponse<String> r = app.get("/robots.txt");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type").orElseThrow().replace(" ", ""))
                .isEqualToIgnoringCase("text/plain;charset=utf-8");
        assertThat(r.body().lines().toList())
                .startsWith("User-agent: *", "Allow: /", "Disallow: /api/")
                .contains(
                        "Disallow: /client/ru/search$",
                        "Disallow: /client/ru/search?",
                        "Disallow: /client/kz/search$",
                        "Disallow: /client/kz/search?",
                        "Sitemap: " + app.url("/sitemap.xml"));
    }

    @Test
    void unknownSitemapsAre404AndHeadWorks() {
        assertThat(app.get("/sitemaps/client-ru-2.xml").statusCode()).isEqualTo(404);
        assertThat(app.get("/sitemaps/nosuch.xml").statusCode()).isEqualTo(404);
        var head = app.send(HttpRequest.newBuilder(URI.create(app.url("/sitemap.xml")))
                .method("HEAD", HttpRequest.BodyPublishers.noBody())
                .build());
        assertThat(head.statusCode()).isEqualTo(200);
    }
}
