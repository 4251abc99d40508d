package kz.komek.seo;

import static kz.komek.testing.HeadTags.canonical;
import static kz.komek.testing.HeadTags.hreflang;
import static kz.komek.testing.HeadTags.jsonLd;
import static kz.komek.testing.HeadTags.ofType;
import static kz.komek.testing.HeadTags.og;
import static kz.komek.testing.HeadTags.robots;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import kz.komek.bundle.BundleJson;
import kz.komek.testing.TestApp;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** What catalog pages tell search engines, over real HTTP against the mini fixture (no --base-url). */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HeadTagsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private TestApp app;

    @BeforeAll
    void start() {
        app = TestApp.withBundle("/fixtures/mini.bundle.json");
    }

    @AfterAll
    void stop() {
        if (app != null) {
            app.close();
        }
    }

    private Document page(String path) {
        return app.page(path);
    }

    @Test
    void questionInBothLocalesHasAbsoluteCanonicalAndHreflangForBoth() {
        Document doc = page("/client/kz/bonus/save/general/q456");
        assertThat(canonical(doc)).isEqualTo(app.url("/client/kz/bonus/save/general/q456"));
        assertThat(hreflang(doc))
                .containsExactly(
                        Map.entry("ru-RU", app.url("/client/ru/bonus/save/general/q456")),
                        Map.entry("kk-KZ", app.url("/client/kz/bonus/save/general/q456")),
                        Map.entry("x-default", app.url("/client/ru/bonus/save/general/q456")));
        assertThat(robots(doc)).isEmpty();
    }

    @Test
    void questionWithOnlyAKazakhTextHasNoHreflang() {
        Document doc = page("/client/kz/bonus/save/general/q553");
        assertThat(hreflang(doc)).isEmpty();
        assertThat(canonical(doc)).isEqualTo(app.url("/client/kz/bonus/save/general/q553"));
        assertThat(doc.select("head meta[property=og:locale:alternate]")).isEmpty();
    }

    @Test
    void aScheduledOrNoindexTextIsNoAlternate() throws Exception {
        importQuestion(4343, "Когда?", "2099-01-01T00:00:00", false, "Қашан?", "2025-01-01T00:00:00", false);
        importQuestion(4344, "Где?", "2025-01-01T00:00:00", true, "Қайда?", "2025-01-01T00:00:00", false);
        assertThat(hreflang(page("/client/kz/bonus/spend/q4343"))).isEmpty();
        assertThat(hreflang(page("/client/kz/bonus/spend/q4344"))).isEmpty();
        Document noindex = page("/client/ru/bonus/spend/q4344");
        assertThat(robots(noindex)).hasValue("noindex");
        assertThat(hreflang(noindex)).isEmpty();
    }

    private void importQuestion(
            long id, String ru, String ruPublished, boolean ruNoindex, String kz, String kzPublished, boolean kzNoindex)
            throws Exception {
        String text = """
                {"title": %s, "content": "<p>…</p>", "updated": "2025-01-01", "published": "%s",
                 "meta_title": null, "meta_description": null, "meta_h1": null, "no_index": %s, "no_follow": false}
                """;
        app.app()
                .bundles()
                .importBundle(
                        new BundleJson().read("""
                                {"format": "komek-bundle/1", "locales": ["ru", "kz"], "default_locale": "ru",
                                 "sites": [], "sections": [],
                                 "questions": [{"id": %d, "site": "client", "section": "bonus/spend", "position": 9,
                                   "pinned": false, "canonical": "/bonus/spend/q%d",
                                   "locales": {"ru": %s, "kz": %s}}]}
                                """.formatted(
                                        id,
                                        id,
                                        text.formatted(JSON.writeValueAsString(ru), ruPublished, ruNoindex),
                                        text.formatted(JSON.writeValueAsString(kz), kzPublished, kzNoindex))),
                        List.of());
    }

    @Test
    void sectionsHaveHreflangOnlyWhereTheyExistInBothLocales() {
        assertThat(hreflang(page("/client/kz/bonus/save")))
                .containsExactly(
                        Map.entry("ru-RU", app.url("/client/ru/bonus/save")),
                        Map.entry("kk-KZ", app.url("/client/kz/bonus/save")),
                        Map.entry("x-default", app.url("/client/ru/bonus/save")));
        Document kazakhOnly = page("/client/kz/bonus/kzonly");
        assertThat(hreflang(kazakhOnly)).isEmpty();
        assertThat(canonical(kazakhOnly)).isEqualTo(app.url("/client/kz/bonus/kzonly"));
        assertThat(hreflang(page("/client/ru/")).keySet()).containsExactly("ru-RU", "kk-KZ", "x-default");
    }

    @Test
    void crossListedCopyPointsAtItsOriginalAndClaimsNoAlternates() {
        Document doc = page("/client/ru/bonus/spend/q17562");
        assertThat(canonical(doc)).isEqualTo(app.url("/client/ru/shop/comment/q17561"));
        assertThat(og(doc, "og:url")).isEqualTo(app.url("/client/ru/shop/comment/q17561"));
        assertThat(hreflang(doc)).isEmpty();
        // the original lists both of its locales
        assertThat(hreflang(page("/client/ru/shop/comment/q17561")).keySet())
                .containsExactly("ru-RU", "kk-KZ", "x-default");
    }

    @Test
    void metaOverridesAreUsedWhenSet() {
        Document doc = page("/client/ru/bonus/spend/q600");
        assertThat(doc.title()).isEqualTo("Списание бонусов — komek");
        assertThat(doc.select("head meta[name=description]").attr("content"))
                .isEqualTo("Как оплатить покупку бонусами");
        assertThat(doc.select("h1").text()).isEqualTo("Как потратить бонусы на покупки");
        assertThat(og(doc, "og:title")).isEqualTo("Списание бонусов — komek");
        assertThat(og(doc, "og:description")).isEqualTo("Как оплатить покупку бонусами");
    }

    @Test
    void titleAndDescriptionAreDerivedAsTheSeedDoesWhenNotSet() {
        // the same question in Kazakh has no overrides: question, product, then the site's tagline
        Document doc = page("/client/kz/bonus/spend/q600");
        assertThat(doc.title()).isEqualTo("Бонусты қалай жұмсаймын? ✔ Клиенттерге арналған komek анықтамасы");
        assertThat(doc.select("head meta[name=description]").attr("content"))
                .isEqualTo("Бонусты қалай жұмсаймын? ✔ «Бонустар» туралы толық ақпарат алыңыз"
                        + " ✔ Клиенттерге арналған komek анықтамасы");
        assertThat(doc.select("h1").text()).isEqualTo("Бонусты қалай жұмсаймын?");
        assertThat(page("/partner/ru/pay/qr/q801").title())
                .isEqualTo("Как принимать оплату по QR? ✔ Справочный центр komek · Партнёрам");
        assertThat(page("/client/ru/bonus/save/partners").title())
                .isEqualTo("Бонусы у партнёров · Накопление ✔ Справочный центр komek · Клиентам");
    }

    @Test
    void openGraphDescribesTheQuestionAsAnArticle() {
        Document doc = page("/client/kz/bonus/save/general/q456");
        assertThat(og(doc, "og:type")).isEqualTo("article");
        assertThat(og(doc, "og:url")).isEqualTo(app.url("/client/kz/bonus/save/general/q456"));
        assertThat(og(doc, "og:locale")).isEqualTo("kk_KZ");
        assertThat(og(doc, "og:locale:alternate")).isEqualTo("ru_RU");
        assertThat(og(doc, "og:site_name")).isEqualTo("komek");
        assertThat(og(doc, "og:title")).isEqualTo(doc.title());
        assertThat(og(page("/client/kz/bonus"), "og:type")).isEqualTo("website");
    }

    @Test
    void questionPagesCarryBreadcrumbsAndAnArticleAsJsonLd() throws Exception {
        Document doc = page("/client/kz/bonus/save/general/q456");
        var blocks = jsonLd(doc);
        assertThat(blocks).hasSize(2);
        JsonNode crumbs = ofType(blocks, "BreadcrumbList");
        assertThat(crumbs.path("@context").asText()).isEqualTo("https://schema.org");
        var items = crumbs.path("itemListElement");
        assertThat(items).hasSize(5);
        for (int i = 0; i < items.size(); i++) {
            assertThat(items.get(i).path("position").asInt()).isEqualTo(i + 1);
            assertThat(items.get(i).path("item").asText()).startsWith(app.url("/client/kz/"));
        }
        assertThat(items.get(0).path("name").asText()).isEqualTo("Клиенттерге");
        assertThat(items.get(3).path("item").asText()).isEqualTo(app.url("/client/kz/bonus/save/general"));
        assertThat(items.get(4).path("name").asText()).isEqualTo("Жиналған бонус санын қайдан білемін?");

        JsonNode article = ofType(blocks, "Article");
        assertThat(article.path("headline").asText()).isEqualTo("Жиналған бонус санын қайдан білемін?");
        assertThat(article.path("inLanguage").asText()).isEqualTo("kk-KZ");
        assertThat(article.path("dateModified").asText()).isEqualTo("2021-01-03");
        // published is a local time in Asia/Almaty; structured data needs its offset
        assertThat(OffsetDateTime.parse(article.path("datePublished").asText()).toLocalDateTime())
                .hasToString("2021-01-03T02:25:26.712298");
        assertThat(article.path("mainEntityOfPage").asText()).isEqualTo(app.url("/client/kz/bonus/save/general/q456"));
        assertThat(article.path("publisher").path("name").asText()).isEqualTo("komek");
        assertThat(blocks).noneMatch(b -> b.path("@type").asText().matches("FAQPage|QAPage"));
    }

    @Test
    void sectionPagesCarryOnlyBreadcrumbsAndTheHomeNone() throws Exception {
        var section = jsonLd(page("/client/ru/bonus/save/partners"));
        assertThat(section).hasSize(1);
        assertThat(section.get(0).path("@type").asText()).isEqualTo("BreadcrumbList");
        assertThat(section.get(0).path("itemListElement").findValuesAsText("name"))
                .containsExactly("Клиентам", "Бонусы", "Накопление", "Бонусы у партнёров");
        assertThat(jsonLd(page("/client/ru/"))).isEmpty();
    }

    @Test
    void titlesThatLookLikeMarkupCannotBreakOutOfTheJsonLdScript() throws Exception {
        String hostile = "Бонус </script><script>alert(1)</script> <!-- & \u2028 </SCRIPT >";
        app.app()
                .bundles()
                .importBundle(new BundleJson().read("""
                                {"format": "komek-bundle/1", "locales": ["ru", "kz"], "default_locale": "ru",
                                 "sites": [], "sections": [],
                                 "questions": [{"id": 4242, "site": "client", "section": "bonus/spend", "position": 9,
                                   "pinned": false, "canonical": "/bonus/spend/q4242",
                                   "locales": {"ru": {"title": %s, "content": "<p>ok</p>", "updated": "2025-01-01",
                                     "published": "2025-01-01T00:00:00", "meta_title": null,
                                     "meta_description": null, "meta_h1": null,
                                     "no_index": false, "no_follow": false}}}]}
                                """.formatted(JSON.writeValueAsString(hostile))), List.of());
        HttpResponse<String> r = app.get("/client/ru/bonus/spend/q4242");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).doesNotContain("<script>alert").doesNotContain("<!-- &");
        Document doc = Jsoup.parse(r.body());
        // only the two JSON-LD blocks are inline scripts (the other is our own file), and they still hold the title
        assertThat(doc.select("script:not([src])")).hasSize(2);
        assertThat(doc.select("script[src]"))
                .extracting(e -> e.attr("src"))
                .containsExactly("/static/reader.js", "/static/suggest.js");
        var blocks = jsonLd(doc);
        assertThat(ofType(blocks, "Article").path("headline").asText()).isEqualTo(hostile);
        var crumbs = ofType(blocks, "BreadcrumbList").path("itemListElement");
        assertThat(crumbs.get(crumbs.size() - 1).path("name").asText()).isEqualTo(hostile);
        assertThat(doc.select("script[type=application/ld+json]").first().data())
                .contains("\\u003c/script");
        assertThat(doc.title()).startsWith("Бонус </script>");
    }

    @Test
    void searchAndErrorPagesStayOutOfTheIndex() {
        Document search = page("/client/ru/search?q=bonus");
        assertThat(robots(search)).hasValue("noindex");
        assertThat(search.select("head link[rel=canonical]")).isEmpty();
        HttpResponse<String> missing = app.get("/client/ru/nosuch");
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(robots(Jsoup.parse(missing.body()))).hasValue("noindex");
    }
}
