package kz.komek.ops;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.regex.Pattern;
import kz.komek.Config;
import kz.komek.admin.Role;
import kz.komek.admin.accounts.Password;
import kz.komek.admin.accounts.UserName;
import kz.komek.cli.Cli;
import kz.komek.testing.AdminHttp;
import kz.komek.testing.Fixtures;
import kz.komek.testing.TestApp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code /metrics}: who may read it, and that a dashboard finds every family it draws after real requests. */
class MetricsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TOKEN = "metrics-7f3c9a1e5b2d4c68";
    private static final String PAGE = "/client/ru/bonus/save/general/q456";

    @Test
    void metricsAreNoPublicPageUnlessAskedFor() {
        try (var app = TestApp.empty()) {
            assertThat(app.get("/metrics").statusCode()).isEqualTo(404);
            assertThat(app.get("/metrics", "Authorization", "Bearer " + TOKEN).statusCode())
                    .isEqualTo(404);
            assertThat(app.app().metricsPort()).isEmpty();
        }
    }

    @Test
    void aTokenOpensMetricsOnTheMainPortToItsBearerOnly() {
        try (var app = TestApp.empty(c -> c.withOperations(
                c.operations().withMetrics(c.operations().metrics().withToken(TOKEN))))) {
            var none = app.get("/metrics");
            assertThat(none.statusCode()).isEqualTo(401);
            assertThat(none.headers().firstValue("WWW-Authenticate")).hasValue("Bearer");
            for (String wrong : new String[] {
                "Bearer " + TOKEN.substring(1),
                "Bearer " + TOKEN + "x",
                "Bearer " + TOKEN.toUpperCase(java.util.Locale.ROOT),
                "Basic " + TOKEN,
                TOKEN,
                "Bearer "
            }) {
                assertThat(app.get("/metrics", "Authorization", wrong).statusCode())
                        .as(wrong)
                        .isEqualTo(401);
            }
            var right = app.get("/metrics", "Authorization", "Bearer " + TOKEN);
            assertThat(right.statusCode()).isEqualTo(200);
            assertThat(right.headers().firstValue("Content-Type"))
                    .hasValueSatisfying(t -> assertThat(t).startsWith("text/plain"));
            assertThat(right.headers().firstValue("Cache-Control")).hasValue("no-store");
            assertThat(right.body()).contains("jvm_memory_used_bytes");
            assertThat(app.get("/metrics", "Authorization", "bearer " + TOKEN).statusCode())
                    .as("the scheme in any case")
                    .isEqualTo(200);
        }
    }

    @Test
    void theListenerServesMetricsAndNothingElse() throws Exception {
        try (var app = TestApp.empty(TestApp::withMetricsPort)) {
            String base = "http://127.0.0.1:" + app.app().metricsPort().orElseThrow();
            assertThat(app.metrics()).contains("jvm_memory_used_bytes");
            assertThat(app.send(HttpRequest.newBuilder(URI.create(base + "/health"))
                                    .build())
                            .statusCode())
                    .isEqualTo(404);
            assertThat(app.send(HttpRequest.newBuilder(URI.create(base + "/metrics"))
                                    .POST(HttpRequest.BodyPublishers.ofString("x"))
                                    .build())
                            .statusCode())
                    .isEqualTo(405);
            assertThat(app.get("/metrics").statusCode())
                    .as("not on the main port")
                    .isEqualTo(404);
        }
    }

    @Test
    void badMetricsOrDrainFlagsStopTheStartInOneLine(@TempDir Path dir) {
        Path data = dir.resolve("data");
        String tooShort = "short-secret";
        assertRefused(
                "komek: --metrics-token must be 16 to 256 characters long, was 12 (make one with: openssl rand -hex"
                        + " 32)\n",
                "serve",
                "--data",
                data.toString(),
                "--metrics-token",
                tooShort);
        assertRefused(
                "komek: --metrics-port must be 0..65535, was 70000\n",
                "serve",
                "--data",
                data.toString(),
                "--metrics-port",
                "70000");
        assertRefused(
                "komek: --drain-delay must be a duration such as 5s, 500ms or 2m, was \"soon\"\n",
                "serve",
                "--data",
                data.toString(),
                "--drain-delay",
                "soon");
        assertRefused(
                "komek: --drain-timeout must be 0 to 10 minutes, was PT1H\n",
                "serve",
                "--data",
                data.toString(),
                "--drain-timeout",
                "60m");
        assertRefused(
                "komek: --log-format must be text or json, was \"xml\"\n",
                "serve",
                "--data",
                data.toString(),
                "--log-format",
                "xml");
        assertThat(data).as("nothing was started").doesNotExist();
        assertThat(new Config.Metrics(
                                java.util.Optional.empty(),
                                Config.Metrics.LOOPBACK,
                                java.util.Optional.of("a-good-long-token-1234"))
                        .toString())
                .as("the token never printed")
                .doesNotContain("a-good-long-token");
    }

    private static void assertRefused(String line, String... args) {
        var err = new StringWriter();
        int code = Cli.run(new PrintWriter(new StringWriter(), true), new PrintWriter(err, true), args);
        assertThat(code).as(String.join(" ", args)).isEqualTo(Cli.BAD_INPUT);
        assertThat(err.toString()).isEqualTo(line);
    }

    /** What a dashboard draws, each after the requests that move it. */
    @Test
    void aDashboardFindsEveryFamilyMovedByRealRequests() throws Exception {
        try (var app = TestApp.withBundle(
                "/fixtures/mini.bundle.json",
                c -> TestApp.withMetricsPort(c.withFeedback(c.feedback().withVotesPerMinute(2))))) {
            String before = app.metrics();

            // pages: the first is rendered, the others come from memory before routing; all are timed as pages
            for (int i = 0; i < 5; i++) {
                assertThat(app.get(PAGE).statusCode()).isEqualTo(200);
            }
            assertThat(app.get("/health/ready").statusCode()).isEqualTo(200);
            // searches that find nothing, on the page and the API, and a suggestion
            assertThat(app.get("/client/ru/search?q=" + enc("ъъзщщ хххыыы")).statusCode())
                    .isEqualTo(200);
            assertThat(app.get("/api/v1/search?site=client&q=" + enc("qqxzv wwjjk"))
                            .statusCode())
                    .isEqualTo(200);
            assertThat(app.get("/api/v1/suggest?site=client&q=" + enc("qqxzv")).statusCode())
                    .isEqualTo(200);
            // votes, the last one past the limit of 2 a minute
            assertThat(vote(app, true).statusCode()).isEqualTo(200);
            assertThat(vote(app, false).statusCode()).isEqualTo(200);
            assertThat(vote(app, true).statusCode()).isEqualTo(429);
            // imports from the admin: a dry run, one applied, one refused
            app.app().accounts().addUser(new UserName("bolat"), Role.PUBLISHER, new Password(AdminHttp.PASSWORD));
            String token = app.app()
                    .accounts()
                    .createToken(new UserName("bolat"), "test")
                    .value();
            String bundle = JSON.writeValueAsString(Fixtures.changedBundle(false));
            assertThat(importAs(app, token, "true", bundle).statusCode()).isEqualTo(200);
            assertThat(importAs(app, token, "false", bundle).statusCode()).isEqualTo(200);
            assertThat(importAs(app, token, "false", JSON.writeValueAsString(Fixtures.changedBundle(true)))
                            .statusCode())
                    .isEqualTo(400);
            app.app().syncSearch();

            String after = awaitListening(app);
            String page = "komek_http_requests_seconds_count{kind=\"page\",status=\"2xx\"}";
            assertThat(value(after, page) - value(before, page)).as(page).isEqualTo(5);
            assertThat(after)
                    .as("buckets")
                    .contains("komek_http_requests_seconds_bucket{kind=\"page\",status=\"2xx\",le=\"0.001\"}");
            assertThat(value(after, "komek_http_requests_seconds_count{kind=\"health\",status=\"2xx\"}"))
                    .isPositive();
            assertThat(value(after, "komek_http_requests_seconds_count{kind=\"search\",status=\"2xx\"}"))
                    .isEqualTo(2);
            assertThat(value(after, "komek_http_requests_seconds_count{kind=\"suggest\",status=\"2xx\"}"))
                    .isEqualTo(1);
            assertThat(value(after, "komek_http_requests_seconds_count{kind=\"api\",status=\"4xx\"}"))
                    .as("the refused vote")
                    .isEqualTo(1);
            assertThat(value(after, "komek_http_requests_seconds_count{kind=\"admin\",status=\"2xx\"}"))
                    .isEqualTo(2);

            String front = "komek_pages_cache_total{outcome=\"front\"}";
            String miss = "komek_pages_cache_total{outcome=\"miss\"}";
            assertThat(value(after, front) - value(before, front)).isEqualTo(4);
            assertThat(value(after, miss) - value(before, miss)).isEqualTo(1);
            assertThat(after).contains("komek_pages_cache_total{outcome=\"hit\"}");

            assertThat(value(after, "komek_search_requests_seconds_count{endpoint=\"search\"}"))
                    .isEqualTo(2);
            assertThat(value(after, "komek_search_requests_seconds_count{endpoint=\"suggest\"}"))
                    .isEqualTo(1);
            assertThat(value(after, "komek_search_zero_results_total{endpoint=\"search\"}"))
                    .isEqualTo(2);
            assertThat(value(after, "komek_search_zero_results_total{endpoint=\"suggest\"}"))
                    .isEqualTo(1);
            assertThat(after).contains("komek_search_requests_seconds_bucket{endpoint=\"search\",le=\"0.001\"}");

            assertThat(value(after, "komek_votes_total{useful=\"true\"}")).isEqualTo(1);
            assertThat(value(after, "komek_votes_total{useful=\"false\"}")).isEqualTo(1);
            assertThat(value(after, "komek_votes_refused_total{reason=\"limited\"}"))
                    .isEqualTo(1);

            assertThat(value(after, "komek_imports_total{outcome=\"dry_run\"}")).isEqualTo(1);
            assertThat(value(after, "komek_imports_total{outcome=\"applied\"}")).isEqualTo(1);
            assertThat(value(after, "komek_imports_total{outcome=\"failed\"}")).isEqualTo(1);
            assertThat(value(after, "komek_import_running")).isZero();
            assertThat(value(after, "komek_import_questions_done")).isZero();
            assertThat(value(after, "komek_import_questions_planned")).isZero();

            assertThat(value(after, "hikaricp_connections_max{pool=\"komek\"}")).isEqualTo(16);
            assertThat(value(after, "hikaricp_connections_active{pool=\"komek\"}"))
                    .isBetween(0.0, 16.0);
            assertThat(value(after, "hikaricp_connections_idle{pool=\"komek\"}"))
                    .isBetween(0.0, 16.0);
            assertThat(value(after, "hikaricp_connections_pending{pool=\"komek\"}"))
                    .isZero();

            assertThat(value(after, "komek_search_index_lag_versions")).isZero();
            assertThat(value(after, "komek_search_index_rebuilding")).isZero();
            assertThat(value(after, "komek_content_changes_listening")).isEqualTo(1);
            assertThat(value(after, "komek_draining")).isZero();
        }
    }

    /** The notifications' listener connects in the background: the scrape once it does. */
    private static String awaitListening(TestApp app) throws InterruptedException {
        long deadline = System.nanoTime() + 20_000_000_000L;
        String m = app.metrics();
        while (value(m, "komek_content_changes_listening") < 1 && System.nanoTime() < deadline) {
            Thread.sleep(20);
            m = app.metrics();
        }
        return m;
    }

    private static HttpResponse<String> vote(TestApp app, boolean useful) {
        return app.post("/api/v1/questions/456/votes", "application/json", "{\"useful\": " + useful + "}");
    }

    private static HttpResponse<String> importAs(TestApp app, String token, String dryRun, String body) {
        return app.send(HttpRequest.newBuilder(URI.create(app.url("/api/v1/admin/import?dry_run=" + dryRun)))
                .header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build());
    }

    /** A series' value in Prometheus' text format; 0 when it is not there (yet). */
    static double value(String scrape, String series) {
        var m = Pattern.compile("(?m)^" + Pattern.quote(series) + " (\\S+)$").matcher(scrape);
        return m.find() ? Double.parseDouble(m.group(1)) : 0;
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
