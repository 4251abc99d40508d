package kz.komek.sitemap;

import static kz.komek.testing.SitemapXml.locs;
import static kz.komek.testing.SitemapXml.validate;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import kz.komek.Config;
import kz.komek.bundle.BundleJson;
import kz.komek.testing.HeadTags;
import kz.komek.testing.SitemapXml;
import kz.komek.testing.TestApp;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** What sitemaps list, with {@code --base-url} set, against the mini fixture (two sites, both locales). */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SitemapContentTest {
    private static final String BASE = "https://help.example.kz";
    private TestApp app;

    @BeforeAll
    void start() {
        app = TestApp.withBundle("/fixtures/mini.bundle.json", c -> c.withBaseUrl(Optional.of(BASE + "/")));
    }

    @AfterAll
    void stop() {
        if (app != null) {
            app.close();
        }
    }

    private String get(String path) {
        HttpResponse<String> r = app.get(path);
        assertThat(r.statusCode()).as(path).isEqualTo(200);
        return r.body();
    }

    private static List<String> absolute(String... paths) {
        return List.of(paths).stream().map(p -> BASE + p).toList();
    }

    @Test
    void listsTheHomeThenEachSectionWithItsCanonicalPublishedIndexableQuestions() throws Exception {
        String sitemap = get("/sitemaps/client-ru-1.xml");
        validate(sitemap, "sitemap.xsd");
        // not listed: the copy 17562, the scheduled 999, the Kazakh-only 553, 900 and section bonus/kzonly
        assertThat(locs(sitemap))
                .containsExactlyElementsOf(absolute(
                        "/client/ru/",
                        "/client/ru/bonus",
                        "/client/ru/bonus/save",
                        "/client/ru/bonus/save/general",
                        "/client/ru/bonus/save/general/q451",
                        "/client/ru/bonus/save/general/q456",
                        "/client/ru/bonus/save/general/q462",
                        "/client/ru/bonus/save/partners",
                        "/client/ru/bonus/save/partners/q700",
                        "/client/ru/bonus/spend",
                        "/client/ru/bonus/spend/q600",
                        "/client/ru/shop",
                        "/client/ru/shop/comment",
                        "/client/ru/shop/comment/q17561",
                        "/client/ru/shop/delivery",
                        "/client/ru/shop/delivery/q950"));
        assertThat(SitemapXml.lastmodOf(sitemap, BASE + "/client/ru/bonus/save/general/q456"))
                .isEqualTo("2021-01-03");
        // a theme's page shows its subthemes' questions: its lastmod is theirs
        assertThat(SitemapXml.lastmodOf(sitemap, BASE + "/client/ru/bonus/save"))
                .isEqualTo("2025-04-22");
        assertThat(locs(get("/sitemaps/client-kz-1.xml")))
                .contains(BASE + "/client/kz/bonus/kzonly", BASE + "/client/kz/bonus/kzonly/q900")
                .doesNotContain(BASE + "/client/kz/shop/delivery/q950");
    }

    @Test
    void theBaseUrlStartsEveryPublicUrl() throws Exception {
        String index = get("/sitemap.xml");
        validate(index, "siteindex.xsd");
        assertThat(locs(index))
                .containsExactlyElementsOf(absolute(
                        "/sitemaps/client-ru-1.xml",
                        "/sitemaps/client-kz-1.xml",
                        "/sitemaps/partner-ru-1.xml",
                        "/sitemaps/partner-kz-1.xml"));
        assertThat(get("/robots.txt")).contains("Sitemap: " + BASE + "/sitemap.xml");
        var doc = Jsoup.parse(get("/client/ru/bonus/spend/q17562"));
        assertThat(HeadTags.canonical(doc)).isEqualTo(BASE + "/client/ru/shop/comment/q17561");
        assertThat(HeadTags.hreflang(Jsoup.parse(get("/client/kz/bonus"))))
                .containsEntry("kk-KZ", BASE + "/client/kz/bonus")
                .containsEntry("x-default", BASE + "/client/ru/bonus");
    }

    @Test
    void sitemapsSplitPastTheLimit() throws Exception {
        var clock = Clock.system(Config.DEFAULT_ZONE);
        var small = new Sitemaps(app.app().catalog(), new SitemapStore(app.app().jdbi()), clock, 3);
        String index = small.index(BASE);
        validate(index, "siteindex.xsd");
        var files = locs(index);
        assertThat(files)
                .contains(BASE + "/sitemaps/client-ru-6.xml", BASE + "/sitemaps/partner-ru-2.xml")
                .doesNotContain(BASE + "/sitemaps/client-ru-7.xml", BASE + "/sitemaps/partner-ru-3.xml");
        var joined = new ArrayList<String>();
        for (int n = 1; n <= 6; n++) {
            String xml = small.sitemap(BASE, "client-ru-" + n + ".xml").orElseThrow();
            validate(xml, "sitemap.xsd");
            assertThat(locs(xml)).hasSizeBetween(1, 3);
            joined.addAll(locs(xml));
        }
        // the parts, in order, are the unsplit sitemap
        assertThat(joined).containsExactlyElementsOf(locs(get("/sitemaps/client-ru-1.xml")));
        assertThat(small.sitemap(BASE, "client-ru-7.xml")).isEmpty();
    }

    @Test
    void aScheduledQuestionIsListedOnceItsTimeComesWithoutAnyWrite() {
        var now = new AtomicReference<>(LocalDateTime.parse("2098-12-31T23:59:00")
                .atZone(Config.DEFAULT_ZONE)
                .toInstant());
        var sitemaps = new Sitemaps(
                app.app().catalog(),
                new SitemapStore(app.app().jdbi()),
                new SettableClock(now, Config.DEFAULT_ZONE),
                Sitemaps.MAX_URLS);
        String q999 = BASE + "/client/ru/bonus/save/general/q999";
        assertThat(locs(sitemaps.sitemap(BASE, "client-ru-1.xml").orElseThrow()))
                .doesNotContain(q999);
        now.set(LocalDateTime.parse("2099-01-01T00:00:01")
                .atZone(Config.DEFAULT_ZONE)
                .toInstant());
        assertThat(locs(sitemaps.sitemap(BASE, "client-ru-1.xml").orElseThrow()))
                .contains(q999);
    }

    @Test
    void aWriteShowsInTheSitemapsAtOnce() {
        assertThat(locs(get("/sitemaps/partner-ru-1.xml"))).doesNotContain(BASE + "/partner/ru/pay/qr/q8080");
        importPartnerQuestion(false);
        assertThat(locs(get("/sitemaps/partner-ru-1.xml"))).contains(BASE + "/partner/ru/pay/qr/q8080");
        importPartnerQuestion(true);
        assertThat(locs(get("/sitemaps/partner-ru-1.xml"))).doesNotContain(BASE + "/partner/ru/pay/qr/q8080");
    }

    private void importPartnerQuestion(boolean noIndex) {
        app.app().bundles().importBundle(new BundleJson().read("""
                                {"format": "komek-bundle/1", "locales": ["ru", "kz"], "default_locale": "ru",
                                 "sites": [], "sections": [],
                                 "questions": [{"id": 8080, "site": "partner", "section": "pay/qr", "position": 5,
                                   "pinned": false, "canonical": "/pay/qr/q8080",
                                   "locales": {"ru": {"title": "Как вернуть оплату?", "content": "<p>…</p>",
                                     "updated": "2025-05-05", "published": "2025-05-05T10:00:00",
                                     "meta_title": null, "meta_description": null, "meta_h1": null,
                                     "no_index": %s, "no_follow": false}}}]}
                                """.formatted(noIndex)), List.of());
    }

    /** A clock the test moves; every zone view reads the same instant. */
    private static final class SettableClock extends Clock {
        private final AtomicReference<Instant> now;
        private final ZoneId zone;

        SettableClock(AtomicReference<Instant> now, ZoneId zone) {
            this.now = now;
            this.zone = zone;
        }

        @Override
        public ZoneId getZone() {
            return zone;
        }

        @Override
        public Clock withZone(ZoneId z) {
            return new SettableClock(now, z);
        }

        @Override
        public Instant instant() {
            return now.get();
        }
    }
}
