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
    void aMalformedMultipartBodyIsABadRequest() {
        for (String path : new String[] {"/client/kz/bonus/save/general/q462", "/admin/login"}) {
            var r = app.send(HttpRequest.newBuilder(URI.create(app.url(path)))
                    .header("Content-Type", "multipart/form-data; boundary=xyz")
                    .POST(HttpRequest.BodyPublishers.ofString("--xyz\r\nnot a part\r\n"))
                    .build());
            assertThat(r.statusCode()).as(path + ": " + r.body()).isEqualTo(400);
            assertThat(r.body()).doesNotContain("Exception").doesNotContain("\tat ");
        }
    }
}
