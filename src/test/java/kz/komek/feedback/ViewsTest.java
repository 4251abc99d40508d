package kz.komek.feedback;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import kz.komek.App;
import kz.komek.Config;
import kz.komek.bundle.BundleJson;
import kz.komek.testing.TestApp;
import kz.komek.testing.TestDatabase;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Question page views: people only, counted in memory, written in batches that add up across nodes. */
class ViewsTest {
    private static final String PAGE = "/client/ru/bonus/save/general/q462";

    /** Flushes only when a test asks (or the app closes). */
    private static Config rarelyFlushed(Config c) {
        return c.withFeedback(c.feedback().withViewFlush(Duration.ofHours(1)));
    }

    private static int status(TestApp app, String method, String path, String... headers) {
        var b = HttpRequest.newBuilder(URI.create(app.url(path))).method(method, HttpRequest.BodyPublishers.noBody());
        if (headers.length > 0) {
            b.headers(headers);
        }
        return app.send(b.build()).statusCode();
    }

    private static long rows(Jdbi jdbi) {
        return jdbi.withHandle(h -> h.createQuery("select count(*) from question_view")
                .mapTo(Long.class)
                .one());
    }

    private static long views(Jdbi jdbi, long id) {
        return jdbi.withHandle(
                h -> h.createQuery("select coalesce(sum(views), 0) from question_view where question_id = :id")
                        .bind("id", id)
                        .mapTo(Long.class)
                        .one());
    }

    @Test
    void readersAreCountedInBatchesAndCrawlersPrefetchesAndHeadAreNot() {
        try (var app = TestApp.withBundle("/fixtures/mini.bundle.json", ViewsTest::rarelyFlushed)) {
            Jdbi jdbi = app.app().jdbi();
            String ua = Http.BROWSER;
            for (int i = 0; i < 3; i++) {
                assertThat(status(app, "GET", PAGE, "User-Agent", ua)).isEqualTo(200);
            }
            assertThat(status(app, "GET", "/client/kz/bonus/save/general/q462", "User-Agent", ua))
                    .isEqualTo(200);
            // not readers, or not reading
            assertThat(status(app, "HEAD", PAGE, "User-Agent", ua)).isEqualTo(200);
            status(
                    app,
                    "GET",
                    PAGE,
                    "User-Agent",
                    "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)");
            status(app, "GET", PAGE, "User-Agent", "Mozilla/5.0 (compatible; YandexBot/3.0)");
            status(app, "GET", PAGE, "User-Agent", "facebookexternalhit/1.1");
            status(app, "GET", PAGE, "User-Agent", "Mozilla/5.0 (compatible; bingbot/2.0)");
            status(app, "GET", PAGE, "User-Agent", "curl/8.5.0");
            status(app, "GET", PAGE); // Java's HttpClient, as scripts use it
            status(app, "GET", PAGE, "User-Agent", ua, "Sec-Purpose", "prefetch;prerender");
            status(app, "GET", PAGE, "User-Agent", ua, "Purpose", "prefetch");
            status(app, "GET", PAGE, "User-Agent", ua, "X-Moz", "prefetch");
            // only pages that were shown
            assertThat(status(app, "GET", "/client/ru/bonus/q462", "User-Agent", ua))
                    .isEqualTo(301);
            assertThat(status(app, "GET", "/client/ru/bonus/save/general/q4040", "User-Agent", ua))
                    .isEqualTo(404);

            assertThat(rows(jdbi)).as("nothing is written per request").isZero();
            assertThat(app.app().flushViews()).isEqualTo(4);
            assertThat(views(jdbi, 462)).isEqualTo(4);
            assertThat(rows(jdbi)).as("one row per question and day").isEqualTo(1);
            assertThat(app.app().flushViews()).as("nothing counted twice").isZero();

            Http.get(app, PAGE, Optional.empty());
            Http.get(app, "/client/ru/bonus/save/general/q456", Optional.empty());
            assertThat(app.app().flushViews()).isEqualTo(2);
            assertThat(views(jdbi, 462)).isEqualTo(5);
            assertThat(views(jdbi, 456)).isEqualTo(1);
            assertThat(new FeedbackStore(jdbi).viewsSince(462, LocalDate.now(Config.DEFAULT_ZONE)))
                    .isEqualTo(5);
        }
    }

    @Test
    void viewsAreFlushedEveryFewSecondsByThemselves() throws Exception {
        try (var app = TestApp.withBundle(
                "/fixtures/mini.bundle.json",
                c -> c.withFeedback(c.feedback().withViewFlush(Duration.ofMillis(200))))) {
            Http.get(app, PAGE, Optional.empty());
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (views(app.app().jdbi(), 462) == 0 && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            assertThat(views(app.app().jdbi(), 462)).isEqualTo(1);
        }
    }

    /** Two nodes on one database, as behind a load balancer; each writes what is left when it stops. */
    @Test
    void nodesAddUpAndClosingWritesWhatIsLeft(@TempDir Path dir) throws Exception {
        var db = TestDatabase.fresh();
        var bundle = new BundleJson().read(TestApp.resource("/fixtures/mini.bundle.json"));
        try (var a = App.create(rarelyFlushed(
                        Config.forTests(Files.createDirectory(dir.resolve("a"))).withDb(Optional.of(db))));
                var b = App.create(rarelyFlushed(
                        Config.forTests(Files.createDirectory(dir.resolve("b"))).withDb(Optional.of(db))))) {
            a.bundles().importBundle(bundle, List.of());
            a.start();
            b.start();
            var client = java.net.http.HttpClient.newHttpClient();
            for (var node : List.of(a, a, b, b, b)) {
                var r = client.send(
                        HttpRequest.newBuilder(URI.create("http://localhost:" + node.port() + PAGE))
                                .header("User-Agent", Http.BROWSER)
                                .build(),
                        java.net.http.HttpResponse.BodyHandlers.discarding());
                assertThat(r.statusCode()).isEqualTo(200);
            }
        }
        Jdbi jdbi = Jdbi.create(db.url(), db.user(), db.password());
        assertThat(views(jdbi, 462)).isEqualTo(5);
        assertThat(rows(jdbi)).isEqualTo(1);
    }

    @Test
    void crawlersAndPreviewsAreRecognised() {
        for (String ua : List.of(
                "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)",
                "Mozilla/5.0 (compatible; Yahoo! Slurp; http://help.yahoo.com/help/us/ysearch/slurp)",
                "Baiduspider+(+http://www.baidu.com/search/spider.htm)",
                "Mozilla/5.0 (compatible; AhrefsBot/7.0; +http://ahrefs.com/robot/)",
                "TelegramBot (like TwitterBot)",
                "WhatsApp/2.23.20.0",
                "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/120.0 Safari/537.36",
                "python-requests/2.31.0",
                "")) {
            assertThat(ViewFilter.isReader("GET", h -> h.equals("User-Agent") ? ua : null))
                    .as(ua)
                    .isFalse();
        }
        for (String ua : List.of(
                Http.BROWSER,
                "Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) "
                        + "Version/17.4 Mobile/15E148 Safari/604.1",
                "Mozilla/5.0 (Linux; Android 14) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0 Mobile "
                        + "Safari/537.36 YaBrowser/24.4",
                "Mozilla/5.0 (Linux; Android 14; wv) AppleWebKit/537.36 KomekApp/3.1")) {
            assertThat(ViewFilter.isReader("GET", h -> h.equals("User-Agent") ? ua : null))
                    .as(ua)
                    .isTrue();
        }
    }
}
