package kz.komek.feedback;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import kz.komek.bundle.BundleJson;
import kz.komek.bundle.VotePolicy;
import kz.komek.testing.TestApp;

/** Requests as a reader's browser or the app sends them, with or without the visitor cookie. */
final class Http {
    static final String BROWSER = "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0";

    private Http() {}

    static HttpResponse<String> voteJson(TestApp app, long id, String json, Optional<String> cookie) {
        var b = HttpRequest.newBuilder(URI.create(app.url("/api/v1/questions/" + id + "/votes")))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        cookie.ifPresent(c -> b.header("Cookie", VisitorCookie.NAME + "=" + c));
        return app.send(b.build());
    }

    static HttpResponse<String> voteForm(
            TestApp app, String page, Map<String, String> fields, Optional<String> cookie) {
        String body = TestApp.formBody(fields);
        var b = HttpRequest.newBuilder(URI.create(app.url(page)))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("User-Agent", BROWSER)
                .POST(HttpRequest.BodyPublishers.ofString(body));
        cookie.ifPresent(c -> b.header("Cookie", VisitorCookie.NAME + "=" + c));
        return app.send(b.build());
    }

    static HttpResponse<String> get(TestApp app, String path, Optional<String> cookie) {
        var b = HttpRequest.newBuilder(URI.create(app.url(path))).header("User-Agent", BROWSER);
        cookie.ifPresent(c -> b.header("Cookie", VisitorCookie.NAME + "=" + c));
        return app.send(b.GET().build());
    }

    /**
     * Back to the mini fixture as imported, without votes: one app serves a whole test class (each app is a new
     * database on the shared test server, and they add up). The import replaces the counts readers moved: by default
     * an import keeps them.
     */
    static void resetVotes(TestApp app) {
        app.app().jdbi().useHandle(h -> h.execute("delete from vote"));
        app.app()
                .bundles()
                .importBundle(
                        new BundleJson().read(TestApp.resource("/fixtures/mini.bundle.json")),
                        List.of(),
                        VotePolicy.REPLACE,
                        false);
    }

    /** The visitor cookie's Set-Cookie header. */
    static String setCookie(HttpResponse<?> r) {
        return r.headers().allValues("Set-Cookie").stream()
                .filter(h -> h.startsWith(VisitorCookie.NAME + "="))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no visitor cookie in " + r.headers()));
    }

    /** The visitor id the response set. */
    static String visitor(HttpResponse<?> r) {
        String h = setCookie(r);
        int end = h.indexOf(';');
        return h.substring(VisitorCookie.NAME.length() + 1, end < 0 ? h.length() : end);
    }
}
