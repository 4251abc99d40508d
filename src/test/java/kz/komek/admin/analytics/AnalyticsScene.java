package kz.komek.admin.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Optional;
import kz.komek.Config;
import kz.komek.admin.Role;
import kz.komek.testing.AdminHttp;
import kz.komek.testing.TestApp;
import org.jdbi.v3.core.Jdbi;

/**
 * A help center (mini.bundle.json) after readers' days: page views, votes with reasons and comments, searches with and
 * without results and opens, made through the real pages and API today; older days (8 days ago) and the deflection
 * tables, which another feature fills, written with plain SQL. A viewer and an editor to read it.
 *
 * <p>What the scene holds, today (T) and 8 days ago (T-8), site client, Russian:
 *
 * <ul>
 *   <li>views: q456 ×3 (T); q462 ×5 (T-8)
 *   <li>votes cast: q456 6 useful; q600 10 useful, 2 not useful without reason; q462 1 useful, 5 not useful (2 unclear,
 *       both with comments; 2 outdated; 1 no answer); q451 3 useful, then one of those readers not useful (other, a
 *       comment that looks like a formula), and the same vote again (not counted); q700 6 not useful, no answer (T-8)
 *   <li>zero-result searches: "чебурашка апельсин" ×3 (two spellings), "=1+2" ×1 (T); "старый запрос" ×4 (T-8)
 *   <li>searches that found something: "бонус" ×3, one result opened; "доставка" ×2 (T); "кредит" ×5 (T-8)
 *   <li>deflection: 15 messages, 3 went on to chat (T); 4 messages, all to chat (T-8); two messages that went on to
 *       chat today, one 8 days ago
 * </ul>
 */
final class AnalyticsScene implements AutoCloseable {
    static final String VIEWER = "vera";
    static final String EDITOR = "erlan";
    static final String BROWSER = "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0";

    final TestApp app;
    final AdminHttp http;
    final String viewerToken;
    final AdminHttp.Session viewer;
    final AdminHttp.Session editor;
    final LocalDate today = LocalDate.now(Config.DEFAULT_ZONE);

    private int visitors;

    private AnalyticsScene(TestApp app) {
        this.app = app;
        this.http = new AdminHttp(app);
        this.viewerToken = http.token(VIEWER, Role.VIEWER);
        http.token(EDITOR, Role.EDITOR);
        this.viewer = http.session(VIEWER, AdminHttp.PASSWORD);
        this.editor = http.session(EDITOR, AdminHttp.PASSWORD);
    }

    static AnalyticsScene build() {
        var app = TestApp.withBundle(
                "/fixtures/mini.bundle.json",
                c -> c.withFeedback(c.feedback().withVotesPerMinute(0).withViewFlush(Duration.ofHours(1))));
        try {
            var scene = new AnalyticsScene(app);
            scene.readersCome();
            return scene;
        } catch (Exception e) {
            app.close();
            throw new IllegalStateException(e);
        }
    }

    Jdbi jdbi() {
        return app.app().jdbi();
    }

    private void readersCome() throws Exception {
        for (int i = 0; i < 3; i++) {
            assertThat(app.get("/client/ru/bonus/save/general/q456", "User-Agent", BROWSER)
                            .statusCode())
                    .isEqualTo(200);
        }
        app.app().flushViews();

        votes(456, 6, "{\"useful\": true}");
        votes(600, 10, "{\"useful\": true}");
        votes(600, 2, "{\"useful\": false}");
        votes(462, 1, "{\"useful\": true}");
        vote(462, next(), "{\"useful\": false, \"reason\": \"unclear\", \"comment\": \"Где именно смотреть?\"}");
        vote(
                462,
                next(),
                "{\"useful\": false, \"reason\": \"unclear\", \"comment\": \"Непонятно, а как же, партнёры\"}");
        votes(462, 2, "{\"useful\": false, \"reason\": \"outdated\"}");
        votes(462, 1, "{\"useful\": false, \"reason\": \"no_answer\"}");
        String changing = next();
        vote(451, changing, "{\"useful\": true}");
        votes(451, 2, "{\"useful\": true}");
        String formula = "{\"useful\": false, \"reason\": \"other\", \"comment\": \"=HYPERLINK(\\\"http://x\\\")\"}";
        vote(451, changing, formula);
        vote(451, changing, formula);

        for (String q : new String[] {"чебурашка апельсин", "чебурашка апельсин", "  ЧЕБУРАШКА   апельсин ", "=1+2"}) {
            assertThat(search(q).statusCode()).isEqualTo(200);
        }
        for (int i = 0; i < 3; i++) {
            assertThat(search("бонус").statusCode()).isEqualTo(200);
        }
        assertThat(search("доставка").statusCode()).isEqualTo(200);
        assertThat(search("Доставка").statusCode()).isEqualTo(200);
        var opened = app.get("/client/ru/search?q=" + enc("бонус") + "&open=462&lang=ru");
        assertThat(opened.statusCode()).isEqualTo(303);
        app.app().flushSearches();
        // misses are written in the background
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (count("select coalesce(sum(misses), 0) from search_miss_day") < 4 && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(count("select coalesce(sum(misses), 0) from search_miss_day"))
                .isEqualTo(4);

        LocalDate old = today.minusDays(8);
        jdbi().useHandle(h -> {
            h.execute("insert into question_view (question_id, day, views) values (462, ?, 5)", old);
            h.execute(
                    "insert into vote_day (day, question_id, locale, not_useful, no_answer) values (?, 700, 'ru', 6, 6)",
                    old);
            h.execute(
                    "insert into search_miss_day (day, site, locale, query, misses) values (?, 'client', 'ru',"
                            + " 'старый запрос', 4)",
                    old);
            h.execute(
                    "insert into search_day (day, site, locale, query, searches) values (?, 'client', 'ru', 'кредит', 5)",
                    old);
            String day = "insert into deflection_day (day, site, locale, platform, channel, decision, messages, chat)"
                    + " values (?, 'client', 'ru', ?, ?, ?, ?, ?)";
            h.execute(day, today, "desktop", "page", "suggest", 10, 3);
            h.execute(day, today, "app", "api", "answer", 5, 0);
            h.execute(day, old, "mobile", "page", "suggest", 4, 4);
            // another site and language: never counted here
            h.execute(
                    "insert into deflection_day (day, site, locale, platform, channel, decision, messages, chat)"
                            + " values (?, 'client', 'kz', 'desktop', 'page', 'none', 7, 7)",
                    today);
            String row = "insert into deflection (id, at, day, site, locale, platform, channel, message, decision,"
                    + " confidence, suggested, chat_at) values (?, now(), ?, 'client', ?, 'desktop', 'page', ?,"
                    + " 'suggest', ?, cast(? as bigint[]), now() - cast(? as interval))";
            h.execute(
                    row,
                    "aaaaaaaaaaaaaaaaaaaaa1",
                    today,
                    "ru",
                    "Где мой кэшбэк? карта [card]",
                    0.42,
                    "{456,462}",
                    "1 hour");
            h.execute(row, "aaaaaaaaaaaaaaaaaaaaa2", today, "ru", "-1 бонус, почему?", 0.8, "{999999}", "1 minute");
            h.execute(row, "aaaaaaaaaaaaaaaaaaaaa3", old, "ru", "старое сообщение", 0.3, "{600}", "8 days");
            h.execute(row, "aaaaaaaaaaaaaaaaaaaaa4", today, "kz", "басқа тіл", 0.5, "{456}", "2 hours");
            h.execute(
                    "insert into deflection (id, day, site, locale, platform, channel, message, decision, confidence,"
                            + " suggested) values ('aaaaaaaaaaaaaaaaaaaaa5', ?, 'client', 'ru', 'desktop', 'page',"
                            + " 'помогло', 'answer', 0.9, '{456}')",
                    today);
        });
    }

    private String next() {
        visitors++;
        return ("v" + visitors + "-abcdefghijklmnopqrstuvwxyz").substring(0, 22);
    }

    private void votes(long question, int n, String json) {
        for (int i = 0; i < n; i++) {
            vote(question, next(), json);
        }
    }

    private void vote(long question, String visitor, String json) {
        var r = app.send(
                HttpRequest.newBuilder(URI.create(app.url("/api/v1/questions/" + question + "/votes?locale=ru")))
                        .header("Content-Type", "application/json")
                        .header("Cookie", "komek_visitor=" + visitor)
                        .POST(HttpRequest.BodyPublishers.ofString(json))
                        .build());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    }

    private java.net.http.HttpResponse<String> search(String q) {
        return app.get("/client/ru/search?q=" + enc(q), "User-Agent", BROWSER);
    }

    long count(String sql) {
        return jdbi().withHandle(h -> h.createQuery(sql).mapTo(Long.class).one());
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    /** The JSON API as the viewer's script reads it. */
    java.net.http.HttpResponse<String> api(String figure, String query) {
        return http.withToken("/api/v1/admin/analytics/" + figure + "?" + query, viewerToken);
    }

    @Override
    public void close() {
        app.close();
    }

    static Optional<String> none() {
        return Optional.empty();
    }
}
