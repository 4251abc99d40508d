package kz.komek;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import kz.komek.admin.Role;
import kz.komek.admin.accounts.Password;
import kz.komek.admin.accounts.UserName;
import kz.komek.testing.AdminHttp;
import kz.komek.testing.TestApp;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Two nodes of one help center on one database, as behind a load balancer: nothing a reader or an editor does
 * depends on which one answers (decision 0040). The deployment with nginx in front is {@code MultiNodeIT}.
 */
class NodesAgreeTest {
    private static final String PAGE = "/client/ru/bonus/save/general/q456";

    private TestApp a;
    private TestApp b;

    @BeforeEach
    void start() {
        // as in production, pages link to the public address, not to the node that answered
        a = TestApp.withBundle(
                "/fixtures/mini.bundle.json",
                c -> c.withFeedback(c.feedback().withVotesPerMinute(4))
                        .withBaseUrl(Optional.of("https://help.example.kz")));
        b = a.anotherNode(c -> c.withBaseUrl(Optional.of("https://help.example.kz")));
    }

    @AfterEach
    void stop() {
        b.close();
        a.close();
    }

    private static HttpResponse<String> vote(TestApp node) {
        return node.send(HttpRequest.newBuilder(URI.create(node.url("/api/v1/questions/700/votes")))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"useful\": true}"))
                .build());
    }

    @Test
    void aClientsVoteLimitIsOneForAllNodes() {
        var statuses = new java.util.ArrayList<Integer>();
        for (int i = 0; i < 8; i++) {
            statuses.add(vote(i % 2 == 0 ? a : b).statusCode());
        }
        // 4 a minute: the first four pass, whichever node took them; then both refuse
        assertThat(statuses).containsExactly(200, 200, 200, 200, 429, 429, 429, 429);
        var refused = vote(b);
        assertThat(refused.headers().firstValue("Retry-After").map(Long::parseLong))
                .hasValueSatisfying(s -> assertThat(s).isBetween(1L, 15L));
        long stored = a.app()
                .jdbi()
                .withHandle(h -> h.createQuery("select count(*) from vote where question_id = 700")
                        .mapTo(Long.class)
                        .one());
        assertThat(stored).isEqualTo(4);
    }

    @Test
    void anAllowanceComesBackAsTimePasses() {
        for (int i = 0; i < 4; i++) {
            assertThat(vote(a).statusCode()).isEqualTo(200);
        }
        assertThat(vote(b).statusCode()).isEqualTo(429);
        // 30 s later by the database's clock, two of the four are back (one every 15 s)
        a.app().jdbi().useHandle(h -> h.execute("update client_allowance set at = at - interval '30 seconds'"));
        assertThat(List.of(vote(b).statusCode(), vote(a).statusCode(), vote(b).statusCode()))
                .containsExactly(200, 200, 429);
    }

    @Test
    void bothNodesSendTheSameValidatorsForTheSamePage() throws Exception {
        var first = a.get(PAGE);
        // a second later, so that a date taken from the other node's own clock would differ
        Thread.sleep(1_100);
        var second = b.get(PAGE);
        assertThat(second.body()).isEqualTo(first.body());
        assertThat(second.headers().firstValue("ETag"))
                .isEqualTo(first.headers().firstValue("ETag"));
        assertThat(second.headers().firstValue("Last-Modified"))
                .isPresent()
                .isEqualTo(first.headers().firstValue("Last-Modified"));
        // so one node's 304 is the other's
        var revalidated = b.get(
                PAGE,
                "If-Modified-Since",
                first.headers().firstValue("Last-Modified").orElseThrow());
        assertThat(revalidated.statusCode()).isEqualTo(304);
    }

    @Test
    void aPageWhoseBytesChangeGetsALaterDateEvenWhenItGoesBack() throws Exception {
        String lastModified = a.get(PAGE).headers().firstValue("Last-Modified").orElseThrow();
        Thread.sleep(1_100);
        retitle("Где узнать, сколько бонусов накоплено сегодня?");
        var changed = await(() -> b.get(PAGE), r -> r.body().contains("накоплено сегодня"));
        String changedDate = changed.headers().firstValue("Last-Modified").orElseThrow();
        assertThat(date(changedDate)).isAfter(date(lastModified));
        Thread.sleep(1_100);
        retitle("Где узнать, сколько бонусов накоплено?");
        var back = await(() -> a.get(PAGE), r -> !r.body().contains("накоплено сегодня"));
        // a client holding the changed page must not be told, by its date, that it has this one
        assertThat(date(back.headers().firstValue("Last-Modified").orElseThrow()))
                .isAfter(date(changedDate));
        assertThat(a.get(PAGE, "If-Modified-Since", changedDate).statusCode()).isEqualTo(200);
    }

    @Test
    void aPublishOnOneNodeIsFoundBySearchOnTheOtherWithinASecond() {
        String query = "/api/v1/search?site=client&locale=ru&q="
                + URLEncoder.encode("зебровые бонусы", StandardCharsets.UTF_8);
        assertThat(b.get(query).body()).doesNotContain("\"id\":5000");
        var editor = a.app().questionEditor();
        var by = kz.komek.admin.Actor.of(
                new kz.komek.admin.Principal(1, "bolat", Role.PUBLISHER, kz.komek.admin.Principal.Via.TOKEN));
        var json = new kz.komek.bundle.BundleJson();
        String text = """
                {"id": 5000, "site": "client", "section": "bonus/spend", "position": 9,
                 "locales": {"ru": {"title": "Как получить зебровые бонусы?",
                                    "content": "<p>Зебра приносит бонусы по вторникам.</p>"}}}
                """;
        editor.saveDraft(5000, json.readQuestion(json.tree(text, "q5000"), 5000), Optional.empty(), by);
        long start = System.nanoTime();
        editor.publish(5000, Optional.empty(), by);
        var found = await(() -> b.get(query), r -> r.body().contains("\"id\":5000"));
        long ms = (System.nanoTime() - start) / 1_000_000;
        assertThat(found.body()).contains("\"id\":5000");
        assertThat(ms).as("ms until the other node's search found it").isLessThan(1_000);
        assertThat(b.get("/client/ru/bonus/spend/q5000").statusCode()).isEqualTo(200);
        assertThat(b.get("/sitemaps/client-ru-1.xml").body()).contains("/q5000");
    }

    @Test
    void theOtherNodesTopQuestionsFollowARetitleAndAnUnpublishWithinASecond() {
        String product = "/client/ru/bonus";
        assertThat(b.page(product).select(".top-questions ol a").eachAttr("href"))
                .anyMatch(h -> h.endsWith("/q456"));
        long start = System.nanoTime();
        retitle("Где узнать, сколько бонусов накоплено к концу месяца?");
        var retitled = await(() -> b.get(product), r -> r.body().contains("накоплено к концу месяца"));
        assertThat(Jsoup.parse(retitled.body()).select(".top-questions ol a").eachText())
                .contains("Где узнать, сколько бонусов накоплено к концу месяца?");
        var by = kz.komek.admin.Actor.of(
                new kz.komek.admin.Principal(1, "bolat", Role.PUBLISHER, kz.komek.admin.Principal.Via.TOKEN));
        a.app().questionEditor().unpublish(456, by);
        var gone = await(() -> b.get(product), r -> !r.body().contains("/q456\""));
        long ms = (System.nanoTime() - start) / 1_000_000;
        assertThat(Jsoup.parse(gone.body()).select(".top-questions ol a").eachAttr("href"))
                .noneMatch(h -> h.endsWith("/q456"));
        assertThat(ms)
                .as("ms for both changes to reach the other node's top list")
                .isLessThan(2_000);
    }

    @Test
    void anEditorsSessionCsrfAndPreviewWorkOnEitherNode() {
        a.app().accounts().addUser(new UserName("aigerim"), Role.EDITOR, new Password(AdminHttp.PASSWORD));
        var onA = new AdminHttp(a);
        var onB = new AdminHttp(b);
        // the sign-in form from one node, posted to the other
        var form = onA.loginForm("");
        var fields = new LinkedHashMap<String, String>();
        fields.put("_csrf", form.csrf());
        fields.put("next", "/admin");
        fields.put("name", "aigerim");
        fields.put("password", AdminHttp.PASSWORD);
        var signedIn = onB.postForm(
                "/admin/login",
                fields,
                Optional.of(kz.komek.admin.accounts.AdminCookies.LOGIN + "=" + form.loginCookie()));
        assertThat(signedIn.statusCode()).as(signedIn.body()).isEqualTo(303);
        String cookie = AdminHttp.cookie(signedIn, kz.komek.admin.accounts.AdminCookies.SESSION)
                .orElseThrow();
        // the session and its CSRF token, read on A, serve a preview and a save on B
        var home = onA.get("/admin", "Cookie", kz.komek.admin.accounts.AdminCookies.SESSION + "=" + cookie);
        String csrf = Jsoup.parse(home.body())
                .selectFirst("form[action=/admin/logout] input[name=_csrf]")
                .val();
        var session = new AdminHttp.Session(cookie, csrf);
        var edit = new LinkedHashMap<>(AdminHttp.questionForm(
                Jsoup.parse(onA.withSession("/admin/questions/456", session).body())));
        edit.put("ru.title", "Где узнать, сколько бонусов накоплено за год?");
        edit.remove("action");
        var preview = onB.postForm("/admin/questions/456/preview?locale=ru&platform=desktop", edit, session);
        assertThat(preview.statusCode()).as(preview.body()).isEqualTo(200);
        assertThat(Jsoup.parse(preview.body()).selectFirst("main").text()).contains("накоплено за год");
        edit.put("action", "save");
        var saved = onB.postForm("/admin/questions/456", edit, session);
        assertThat(saved.statusCode()).as(saved.body()).isIn(200, 303);
        assertThat(onA.withSession("/admin/questions/456", session).body()).contains("накоплено за год");
        // signed out on B is signed out on A
        var out = new LinkedHashMap<String, String>();
        out.put("_csrf", csrf);
        onB.postForm("/admin/logout", out, session);
        assertThat(onA.withSession("/admin/questions/456", session).statusCode())
                .isIn(302, 303, 401);
    }

    private void retitle(String title) {
        var editor = a.app().questionEditor();
        var by = kz.komek.admin.Actor.of(
                new kz.komek.admin.Principal(1, "bolat", Role.PUBLISHER, kz.komek.admin.Principal.Via.TOKEN));
        var json = new kz.komek.bundle.BundleJson();
        String live =
                json.questionNode(a.app().bundles().question(456).orElseThrow()).toString();
        String current = a.app()
                .bundles()
                .question(456)
                .orElseThrow()
                .locales()
                .get("ru")
                .title();
        var record = json.readQuestion(json.tree(live.replace(current, title), "q456"), 456);
        editor.saveDraft(456, record, Optional.empty(), by);
        editor.publish(456, Optional.empty(), by);
    }

    private static java.time.Instant date(String httpDate) {
        return java.time.ZonedDateTime.parse(httpDate, java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME)
                .toInstant();
    }

    private static HttpResponse<String> await(
            Supplier<HttpResponse<String>> get, java.util.function.Predicate<HttpResponse<String>> done) {
        long until = System.nanoTime() + Duration.ofSeconds(3).toNanos();
        HttpResponse<String> r = get.get();
        while (!done.test(r) && System.nanoTime() < until) {
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            r = get.get();
        }
        return r;
    }
}
