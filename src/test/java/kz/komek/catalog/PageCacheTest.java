package kz.komek.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import kz.komek.bundle.BundleJson;
import kz.komek.feedback.Feedback;
import kz.komek.testing.HeadTags;
import kz.komek.testing.TestApp;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Rendered pages are cached and revalidated, change with the content, and never carry one reader's vote to another. */
class PageCacheTest {
    private static final String PAGE = "/client/ru/bonus/save/general/q456";
    private static final String BROWSER = "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0";

    static TestApp app;

    @BeforeAll
    static void start() {
        app = TestApp.withBundle("/fixtures/mini.bundle.json");
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    private static HttpResponse<String> get(String path, String... headers) {
        var b = HttpRequest.newBuilder(URI.create(app.url(path))).header("User-Agent", BROWSER);
        for (int i = 0; i < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        return app.send(b.GET().build());
    }

    @Test
    void aMatchingETagGets304AndAnOtherPlatformAnotherTag() {
        var first = get(PAGE);
        assertThat(first.statusCode()).isEqualTo(200);
        String etag = first.headers().firstValue("ETag").orElseThrow();
        assertThat(etag).matches("\"[0-9a-f]{24}\"");
        assertThat(first.headers().firstValue("Cache-Control")).hasValue(PageCache.PUBLIC);
        assertThat(first.headers().firstValue("Last-Modified")).isPresent();

        var again = get(PAGE);
        assertThat(again.headers().firstValue("ETag")).hasValue(etag);
        assertThat(again.body()).isEqualTo(first.body());

        var revalidated = get(PAGE, "If-None-Match", etag);
        assertThat(revalidated.statusCode()).isEqualTo(304);
        assertThat(revalidated.body()).isEmpty();
        assertThat(revalidated.headers().firstValue("ETag")).hasValue(etag);

        var byDate = get(
                PAGE,
                "If-Modified-Since",
                first.headers().firstValue("Last-Modified").orElseThrow());
        assertThat(byDate.statusCode()).isEqualTo(304);

        var stale = get(PAGE, "If-None-Match", "\"000000000000000000000000\"");
        assertThat(stale.statusCode()).isEqualTo(200);
        assertThat(stale.body()).isEqualTo(first.body());

        // an answer with platform spans: each platform has its own copy, and tag
        String spans = "/client/kz/bonus/save/general/q462";
        String desktopTag = get(spans).headers().firstValue("ETag").orElseThrow();
        var app = get(spans + "?platform=app");
        assertThat(app.statusCode()).isEqualTo(200);
        assertThat(app.headers().firstValue("ETag")).isPresent().get().isNotEqualTo(desktopTag);
        assertThat(get(spans).headers().firstValue("ETag")).hasValue(desktopTag);
        assertThat(get(PAGE + "?platform=nonsense").statusCode()).isEqualTo(400);
    }

    @Test
    void aWriteChangesThePageWithinASecond() throws Exception {
        String etag = get(PAGE).headers().firstValue("ETag").orElseThrow();
        String changed = TestApp.resource("/fixtures/mini.bundle.json")
                .replace("Где узнать, сколько бонусов накоплено?", "Где узнать, сколько бонусов уже накоплено?");
        try {
            app.app().bundles().importBundle(new BundleJson().read(changed), List.of());
            HttpResponse<String> after = null;
            for (long end = System.nanoTime() + Duration.ofSeconds(5).toNanos(); System.nanoTime() < end; ) {
                after = get(PAGE, "If-None-Match", etag);
                if (after.statusCode() == 200) {
                    break;
                }
                Thread.sleep(100);
            }
            assertThat(after.statusCode()).isEqualTo(200);
            assertThat(after.body()).contains("сколько бонусов уже накоплено");
            assertThat(after.headers().firstValue("ETag")).isPresent().get().isNotEqualTo(etag);
        } finally {
            app.app()
                    .bundles()
                    .importBundle(new BundleJson().read(TestApp.resource("/fixtures/mini.bundle.json")), List.of());
        }
    }

    @Test
    void noReaderSeesAnotherReadersVote() {
        // a shared copy of the page exists before anyone votes
        assertThat(get(PAGE).body()).doesNotContain("vote-thanks");

        var vote = app.send(HttpRequest.newBuilder(URI.create(app.url("/api/v1/questions/456/votes")))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"useful\": true}"))
                .build());
        assertThat(vote.statusCode()).isEqualTo(200);
        String cookie = vote.headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith(Feedback.VISITOR_COOKIE + "="))
                .map(c -> c.substring(0, c.indexOf(';')))
                .findFirst()
                .orElseThrow();

        var voter = get(PAGE, "Cookie", cookie);
        assertThat(voter.body()).contains("vote-thanks");
        assertThat(voter.headers().firstValue("Cache-Control")).hasValue("private, no-cache");
        assertThat(voter.headers().firstValue("ETag")).isEmpty();

        // after the voter's page was rendered: others still get the shared page, without the vote
        for (int i = 0; i < 3; i++) {
            var other = get(PAGE);
            assertThat(other.body()).doesNotContain("vote-thanks");
            assertThat(other.headers().firstValue("Cache-Control")).hasValue(PageCache.PUBLIC);
        }
        // and the API's voted is the reader's own, never cached for others
        assertThat(app.send(HttpRequest.newBuilder(URI.create(app.url("/api/v1/questions/456?locale=ru")))
                                .header("Cookie", cookie)
                                .build())
                        .body())
                .contains("\"voted\":true");
        assertThat(get("/api/v1/questions/456?locale=ru").body()).contains("\"voted\":false");
    }

    @Test
    void cachedQuestionPagesStillCountViews() {
        get(PAGE); // the page is in the cache from here on
        app.app().flushViews();
        for (int i = 0; i < 3; i++) {
            assertThat(get(PAGE).statusCode()).isEqualTo(200);
        }
        assertThat(get(
                                PAGE,
                                "If-None-Match",
                                get(PAGE).headers().firstValue("ETag").orElseThrow())
                        .statusCode())
                .isEqualTo(304);
        assertThat(app.app().flushViews())
                .as("3 + 1 served from the cache, and the 304")
                .isEqualTo(5);
    }

    /** One request with a forged Host header must not choose the links every later reader gets from the cache. */
    @Test
    void aForgedHostDoesNotReachOtherReadersPages() throws Exception {
        String path = "/client/ru/bonus/save";
        String forged = rawGet(path, "attacker.example");
        assertThat(forged).contains("HTTP/1.1 200").contains("http://attacker.example" + path);
        var reader = get(path);
        assertThat(reader.statusCode()).isEqualTo(200);
        Document doc = Jsoup.parse(reader.body());
        assertThat(HeadTags.canonical(doc)).isEqualTo(app.url(path));
        assertThat(reader.body()).doesNotContain("attacker.example");
    }

    /** A request as a hostile client writes it: java.net.http will not send a Host header of its own choosing. */
    private static String rawGet(String path, String host) throws IOException {
        try (var socket = new Socket("localhost", app.app().port())) {
            socket.setSoTimeout(10_000);
            var out = socket.getOutputStream();
            out.write(("GET " + path + " HTTP/1.1\r\nHost: " + host + "\r\nUser-Agent: " + BROWSER
                            + "\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
