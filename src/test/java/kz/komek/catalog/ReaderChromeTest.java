package kz.komek.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import kz.komek.bundle.BundleJson;
import kz.komek.testing.Fixtures;
import kz.komek.testing.HeadTags;
import kz.komek.testing.TestApp;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What surrounds the content of the readers' pages, over real HTTP: the app's webview gets the content only and keeps
 * its platform in every link and form; sections with nothing to read are not offered; a site without a locale leads
 * to its home.
 */
class ReaderChromeTest {
    private static final String APP_AGENT = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) KomekApp/1.0";
    private static TestApp app;

    @BeforeAll
    static void start() throws Exception {
        app = TestApp.withBundle("/fixtures/mini.bundle.json");
        // an empty theme under a product with content, and an empty product
        ObjectNode b = Fixtures.miniBundle();
        var sections = b.withArray("sections");
        sections.addObject()
                .put("site", "client")
                .put("path", "bonus/empty")
                .put("position", 9)
                .putObject("title")
                .put("ru", "Пустая тема")
                .put("kz", "Бос тақырып");
        sections.addObject()
                .put("site", "client")
                .put("path", "nothing")
                .put("position", 9)
                .putObject("title")
                .put("ru", "Пустой продукт")
                .put("kz", "Бос өнім");
        app.app().bundles().importBundle(new BundleJson().read(b.toString()), List.of());
    }

    @AfterAll
    static void stop() {
        if (app != null) {
            app.close();
        }
    }

    @Test
    void theAppsWebviewGetsTheContentWithoutTheWebsitesChrome() {
        for (String[] ask : List.of(
                new String[] {"/client/ru/bonus/save/general/q456", APP_AGENT},
                new String[] {"/client/ru/bonus/save/general/q456?platform=app", "Mozilla/5.0 (iPhone) Mobile"})) {
            Document doc = Jsoup.parse(app.get(ask[0], "User-Agent", ask[1]).body());
            assertThat(doc.select("body").attr("class")).isEqualTo("platform-app");
            assertThat(doc.select(
                            "header, footer, .skip-link, .site-switch, .locale-switch, form[role=search], nav.menu"))
                    .as(ask[0])
                    .isEmpty();
            assertThat(doc.select("article.answer h1").text()).isNotEmpty();
            // one level up, instead of the breadcrumbs
            assertThat(doc.select("nav.app-back a").attr("href"))
                    .isEqualTo("/client/ru/bonus/save/general?platform=app");
            // every link to a page of ours and the vote form keep the platform
            assertThat(doc.select("main a[href^=/client/]")).hasSizeGreaterThan(2);
            for (var a : doc.select("main a[href^=/client/]")) {
                assertThat(a.attr("href")).as(a.outerHtml()).contains("platform=app");
            }
            assertThat(doc.select(".vote form").eachAttr("action"))
                    .hasSize(2)
                    .allMatch(action -> action.equals("/client/ru/bonus/save/general/q456?platform=app"));
        }
        // the website keeps its chrome and its clean links
        Document web = Jsoup.parse(app.get("/client/ru/bonus/save/general/q456").body());
        assertThat(web.select("header.site-header, footer.site-footer, nav.menu"))
                .hasSize(3);
        assertThat(web.select("a[href*=platform]")).isEmpty();
        // canonical and alternates of the app's page are the clean addresses
        Document appPage = Jsoup.parse(
                app.get("/client/ru/bonus/save/general/q456?platform=app").body());
        assertThat(HeadTags.canonical(appPage))
                .isEqualTo(HeadTags.canonical(web))
                .doesNotContain("platform");
    }

    @Test
    void theAppsErrorPageIsTheAppsToo() {
        HttpResponse<String> r = app.get("/client/ru/no/such", "User-Agent", APP_AGENT);
        assertThat(r.statusCode()).isEqualTo(404);
        Document doc = Jsoup.parse(r.body());
        assertThat(doc.select("header, footer")).isEmpty();
        String home = doc.select(".error-page a").attr("href");
        assertThat(home).isEqualTo("/?platform=app");
        assertThat(app.get(home).headers().firstValue("Location")).hasValue("/client/ru/?platform=app");
    }

    @Test
    void aVoteFromTheAppComesBackToTheAppsPageAtTheThanks() {
        HttpResponse<String> r = app.post(
                "/client/ru/bonus/save/general/q462?platform=app",
                "application/x-www-form-urlencoded",
                TestApp.formBody(Map.of("useful", "true")));
        assertThat(r.statusCode()).isEqualTo(303);
        assertThat(r.headers().firstValue("Location"))
                .hasValue("/client/ru/bonus/save/general/q462?platform=app#vote-thanks");
        String cookies = String.join(
                "; ",
                r.headers().allValues("Set-Cookie").stream()
                        .map(c -> c.substring(0, c.indexOf(';')))
                        .toList());
        Document thanked = Jsoup.parse(app.get("/client/ru/bonus/save/general/q462?platform=app", "Cookie", cookies)
                .body());
        assertThat(thanked.select("#vote-thanks[tabindex=-1]")).hasSize(1);
        assertThat(thanked.select(".vote button[aria-pressed=true]")).hasSize(1);
    }

    @Test
    void sectionsWithNothingToReadAreNotOfferedToReadersOrSearchEngines() {
        Document home = Jsoup.parse(app.get("/client/ru/").body());
        assertThat(home.select("a")).noneMatch(a -> a.attr("href").startsWith("/client/ru/nothing"));
        assertThat(home.select("a")).noneMatch(a -> a.attr("href").startsWith("/client/ru/bonus/empty"));
        assertThat(home.select(".cards a[href=/client/ru/bonus]")).hasSize(1);
        Document product = Jsoup.parse(app.get("/client/ru/bonus").body());
        assertThat(product.select("nav.menu a, .cards a"))
                .noneMatch(a -> a.attr("href").contains("bonus/empty"));
        // a section whose questions are all in the other language is empty in this one
        Document kzShop = Jsoup.parse(app.get("/client/kz/shop").body());
        assertThat(kzShop.select("a")).noneMatch(a -> a.attr("href").equals("/client/kz/shop/delivery"));
        Document ruShop = Jsoup.parse(app.get("/client/ru/shop").body());
        assertThat(ruShop.select("a[href=/client/ru/shop/delivery]")).isNotEmpty();
        // a theme without subthemes is no empty card: it shows its first questions
        var commentCard = ruShop.select(".cards > li.card:has(h2 a[href=/client/ru/shop/comment])");
        assertThat(commentCard.select("ul a").eachAttr("href")).containsExactly("/client/ru/shop/comment/q17561");

        // its page still answers (an old link, an editor's), but asks not to be indexed
        HttpResponse<String> empty = app.get("/client/ru/bonus/empty");
        assertThat(empty.statusCode()).isEqualTo(200);
        assertThat(HeadTags.robots(Jsoup.parse(empty.body())))
                .hasValueSatisfying(v -> assertThat(v).contains("noindex"));

        String sitemap = app.get("/sitemaps/client-ru-1.xml").body();
        assertThat(sitemap)
                .contains("/client/ru/bonus/save/general<")
                .doesNotContain("/client/ru/bonus/empty")
                .doesNotContain("/client/ru/nothing");
        assertThat(app.get("/sitemaps/client-kz-1.xml").body()).doesNotContain("/client/kz/shop/delivery<");
        // the catalog API still lists them, with their counts, for integrators and editors
        assertThat(app.get("/api/v1/sections?site=client").body()).contains("bonus/empty");
    }

    @Test
    void aSiteWithoutALocaleLeadsToItsHomeInTheReadersLanguage() {
        HttpResponse<String> r = app.get("/client");
        assertThat(r.statusCode()).isEqualTo(302);
        assertThat(r.headers().firstValue("Location")).hasValue("/client/ru/");
        assertThat(app.get("/client/", "Accept-Language", "kk-KZ,kk;q=0.9,ru;q=0.8")
                        .headers()
                        .firstValue("Location"))
                .hasValue("/client/kz/");
        assertThat(app.get("/partner", "Accept-Language", "en-US,en;q=0.9,ru;q=0.5")
                        .headers()
                        .firstValue("Location"))
                .hasValue("/partner/ru/");
        assertThat(app.get("/nosuchsite").statusCode()).isEqualTo(404);
    }
}
