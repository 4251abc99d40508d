package kz.komek.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import kz.komek.testing.TestApp;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The question page and the API show exactly one variant of an answer per platform, and no raw macro. */
class PlatformRenderingTest {
    private static final String PAGE = "/client/kz/bonus/save/general/q1580";
    private static final String APP_ONLY = "Нөміріңіз ауыспаған болса, бізге, жазыңыз.";
    private static final String WEB_ONLY = "сілтемесіне өтіп, жазыңыз";
    private static final String IPHONE =
            "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 Mobile/15E148";

    private static TestApp app;

    @BeforeAll
    static void start() {
        app = TestApp.withDemo();
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    private static String answer(String html) {
        return Jsoup.parse(html).select(".answer-body").html();
    }

    private static int count(String haystack, String needle) {
        int n = 0;
        for (int i = haystack.indexOf(needle); i >= 0; i = haystack.indexOf(needle, i + 1)) {
            n++;
        }
        return n;
    }

    @Test
    void theAppSeesItsVariantAndTheHandOffInTheApp() {
        var r = app.get(PAGE + "?platform=app");
        assertThat(r.statusCode()).isEqualTo(200);
        String a = answer(r.body());
        assertThat(count(a, APP_ONLY)).isEqualTo(1);
        // "write to us" leads to the hand-off form first, which stays in the app (decision 0045)
        assertThat(a).doesNotContain(WEB_ONLY).contains("href=\"/client/kz/ask?platform=app\"");
        assertThat(r.body())
                .doesNotContain("вставка")
                .doesNotContain("mobileApp_only")
                .doesNotContain("desktop_only");
    }

    @Test
    void aDesktopBrowserSeesTheDesktopVariantOnce() {
        var r = app.get(PAGE, "User-Agent", "Mozilla/5.0 (X11; Linux x86_64) Chrome/120 Safari/537.36");
        String a = answer(r.body());
        assertThat(count(a, WEB_ONLY)).isEqualTo(1);
        assertThat(a).doesNotContain(APP_ONLY).contains("href=\"/client/kz/ask\"");
        assertThat(r.headers().allValues("Vary")).anySatisfy(v -> assertThat(v).contains("User-Agent"));
    }

    @Test
    void aPhoneBrowserIsRecognisedByItsUserAgent() {
        var r = app.get("/client/kz/bonus/save/general/q476", "User-Agent", IPHONE);
        assertThat(answer(r.body())).contains("https://komek.example/app/open").doesNotContain("вставка");
        var app = PlatformRenderingTest.app.get(
                "/client/kz/bonus/save/general/q476", "User-Agent", IPHONE + " KomekApp/3.1");
        assertThat(answer(app.body())).doesNotContain("komek.example/app").contains("Kaspi.kz қосымшасынан");
    }

    @Test
    void theApiRendersContentForTheAskedPlatform() throws Exception {
        var mapper = new ObjectMapper();
        var json = mapper.readTree(
                app.get("/api/v1/questions/1580?locale=kz&platform=app").body());
        assertThat(json.get("platform").asText()).isEqualTo("app");
        assertThat(json.get("content").asText())
                .contains(APP_ONLY)
                // a native app shows its own chat: the API's answers link to it, not to the pages' form
                .contains("href=\"komek-app://chat\"")
                .doesNotContain(WEB_ONLY)
                .doesNotContain("вставка");
        var desktop =
                mapper.readTree(app.get("/api/v1/questions/1580?locale=kz").body());
        assertThat(desktop.get("platform").asText()).isEqualTo("desktop");
        assertThat(count(desktop.get("content").asText(), WEB_ONLY)).isEqualTo(1);
    }

    @Test
    void anUnknownPlatformIsABadRequest() throws Exception {
        var page = app.get(PAGE + "?platform=tv");
        assertThat(page.statusCode()).isEqualTo(400);
        assertThat(page.body()).contains("desktop, mobile or app");
        var api = app.get("/api/v1/questions/1580?locale=kz&platform=tv");
        assertThat(api.statusCode()).isEqualTo(400);
        assertThat(new ObjectMapper().readTree(api.body()).get("error").asText())
                .contains("unknown platform");
    }
}
