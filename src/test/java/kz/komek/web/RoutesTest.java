package kz.komek.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import kz.komek.testing.TestApp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** What every route shares: the root redirect, HEAD, static files, headers, errors for unknown URLs. */
class RoutesTest {
    private static TestApp app;

    @BeforeAll
    static void start() {
        app = TestApp.withDemo();
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    private int head(String path) {
        return app.send(HttpRequest.newBuilder(URI.create(app.url(path)))
                        .method("HEAD", HttpRequest.BodyPublishers.noBody())
                        .build())
                .statusCode();
    }

    @Test
    void rootLeadsToTheDefaultSiteAndLocale() {
        var r = app.get("/");
        assertThat(r.statusCode()).isEqualTo(302);
        assertThat(r.headers().firstValue("Location")).hasValue("/client/ru/");
        var noSlash = app.get("/client/kz");
        assertThat(noSlash.statusCode()).isEqualTo(301);
        assertThat(noSlash.headers().firstValue("Location")).hasValue("/client/kz/");
    }

    @Test
    void headAnswersWithTheStatusOfGet() {
        assertThat(head("/client/kz/bonus/save/general")).isEqualTo(200);
        assertThat(head("/client/kz/bonus/save/nothing-here")).isEqualTo(404);
        assertThat(head("/api/v1/questions/462?locale=kz")).isEqualTo(200);
        assertThat(head("/")).isEqualTo(302);
    }

    @Test
    void theStylesheetIsServedWithAnETag() {
        var css = app.get("/static/komek.css");
        assertThat(css.statusCode()).isEqualTo(200);
        assertThat(css.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("text/css"));
        String etag = css.headers().firstValue("ETag").orElseThrow();
        assertThat(app.get("/static/komek.css", "If-None-Match", etag).statusCode())
                .isEqualTo(304);
        assertThat(app.get("/static/nothing.css").statusCode()).isEqualTo(404);
        assertThat(app.get("/static/..%2Fdemo%2Fdemo.bundle.json").statusCode()).isEqualTo(404);
    }

    @Test
    void aBodyInAnUnknownCharacterSetIsRefusedBeforeAnyHandlerReadsIt() {
        for (String path : new String[] {"/api/v1/questions/462/votes", "/api/v1/admin/tokens", "/admin/transfer"}) {
            var r = app.post(path, "application/json; charset=bogus", "{\"useful\": true}");
            assertThat(r.statusCode()).as(path).isEqualTo(415);
            assertThat(r.body()).as(path).contains("unknown character set");
        }
        assertThat(app.post("/api/v1/questions/462/votes", "application/json; charset=UTF-8", "{\"useful\": true}")
                        .statusCode())
                .isEqualTo(200);
    }

    @Test
    void pagesCarrySecurityHeaders() {
        var r = app.get("/client/kz/");
        assertThat(r.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(r.headers().firstValue("Referrer-Policy")).isPresent();
    }

    @Test
    void unknownUrlsGetAnHtmlPageOrAJsonError() {
        var page = app.get("/no/such/page/at/all/here");
        assertThat(page.statusCode()).isEqualTo(404);
        assertThat(page.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
        assertThat(page.body()).contains("<h1");
        var api = app.get("/api/v1/nope");
        assertThat(api.statusCode()).isEqualTo(404);
        assertThat(api.body()).startsWith("{\"error\":");
    }

    /** A form body that claims to be multipart but is not: the sender's mistake (400), on every form. */
    @Test
    void aMalformedMultipartBodyIsABadRequest() throws Exception {
        // over a connection of its own: the server closes it after refusing a body it did not read
        for (String path : new String[] {"/client/kz/bonus/save/general/q462", "/admin/login"}) {
            String body = "--xyz\r\nnot a part\r\n";
            String r = raw("POST " + path + " HTTP/1.1\r\nHost: localhost\r\n"
                    + "Content-Type: multipart/form-data; boundary=xyz\r\nContent-Length: " + body.length()
                    + "\r\n\r\n" + body);
            assertThat(r).as(path).startsWith("HTTP/1.1 400");
            assertThat(r).doesNotContain("Exception").doesNotContain("\tat ");
        }
    }

    /**
     * A body that ends before its framing says (a broken chunk; fewer bytes than its length): Jetty tells the handler
     * reading it with a 400 of its own, which is the answer, not a 500. Found by the attack suite.
     */
    @Test
    void aBodyThatEndsEarlyIsABadRequest() throws Exception {
        String head = "POST /api/v1/questions/462/votes HTTP/1.1\r\nHost: localhost\r\n"
                + "Content-Type: application/json\r\n";
        for (String request : new String[] {
            head + "Transfer-Encoding: chunked\r\n\r\nzz\r\n", head + "Content-Length: 40\r\n\r\n{\"value\": "
        }) {
            try (var socket = new java.net.Socket("localhost", app.app().port())) {
                socket.setSoTimeout(10_000);
                socket.getOutputStream().write(request.getBytes(java.nio.charset.StandardCharsets.UTF_8));
                socket.shutdownOutput(); // the rest never comes
                String r = new String(socket.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
                assertThat(r).as(request).startsWith("HTTP/1.1 400").contains("application/json");
                assertThat(r).doesNotContain("Exception").doesNotContain("\tat ");
            }
        }
    }

    /** Errors Jetty answers before any route (headers or address too large, a broken request): ours, not Jetty's. */
    @Test
    void errorsBeforeRoutingAreJsonUnderTheApiAndTheSitesPageElsewhere() throws Exception {
        String big = "x".repeat(20_000);
        String api = raw("GET /api/v1/search?q=x HTTP/1.1\r\nHost: localhost\r\nX-Big: " + big + "\r\n\r\n");
        assertThat(api).startsWith("HTTP/1.1 431").contains("application/json").contains("{\"error\":");
        String page = raw("GET /client/kz/ HTTP/1.1\r\nHost: localhost\r\nX-Big: " + big + "\r\n\r\n");
        assertThat(page).startsWith("HTTP/1.1 431").contains("text/html").contains("lang=\"kk-KZ\"");
        String longUri = raw("GET /api/v1/search?q=" + big + " HTTP/1.1\r\nHost: localhost\r\n\r\n");
        assertThat(longUri).startsWith("HTTP/1.1 414");
        String broken = raw("GET /client/ru/ HTTP/1.1\r\nHost: localhost\r\nno colon here\r\n\r\n");
        assertThat(broken).startsWith("HTTP/1.1 400").contains("text/html");
        for (String r : new String[] {api, page, longUri, broken}) {
            assertThat(r).doesNotContainIgnoringCase("jetty").doesNotContain("Powered by");
        }
    }

    private static String raw(String request) throws java.io.IOException {
        try (var socket = new java.net.Socket("localhost", app.app().port())) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream()
                    .write((request.replace("\r\n\r\n", "\r\nConnection: close\r\n\r\n"))
                            .getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return new String(socket.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    /** HSTS only where the reader's connection is HTTPS: behind a trusted proxy that says so, never on plain HTTP. */
    @Test
    void strictTransportSecurityOnlyOverHttps() {
        assertThat(app.get("/client/ru/", "X-Forwarded-Proto", "https")
                        .headers()
                        .firstValue("Strict-Transport-Security"))
                .as("a proxy not trusted")
                .isEmpty();
        try (var behindProxy = TestApp.empty(c -> c.withFeedback(c.feedback().withTrustProxy(true)))) {
            assertThat(behindProxy
                            .get("/health", "X-Forwarded-Proto", "https")
                            .headers()
                            .firstValue("Strict-Transport-Security"))
                    .hasValue("max-age=31536000");
            assertThat(behindProxy.get("/health").headers().firstValue("Strict-Transport-Security"))
                    .isEmpty();
        }
    }

    /** Every page says scripts come from our own files only: no inline script runs, whatever an answer holds. */
    @Test
    void pagesForbidInlineScripts() {
        for (String path : new String[] {"/client/kz/bonus/save/general/q462", "/admin/login", "/api/v1/search?q=x"}) {
            String csp = app.get(path)
                    .headers()
                    .firstValue("Content-Security-Policy")
                    .orElseThrow();
            String scripts = java.util.Arrays.stream(csp.split(";"))
                    .map(String::strip)
                    .filter(d -> d.startsWith("script-src"))
                    .findFirst()
                    .orElseThrow();
            assertThat(scripts).as(path).isEqualTo("script-src 'self'");
            assertThat(csp).contains("object-src 'none'").contains("frame-ancestors 'self'");
        }
    }
}
