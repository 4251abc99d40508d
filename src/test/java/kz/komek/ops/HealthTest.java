package kz.komek.ops;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import kz.komek.Config;
import kz.komek.search.SearchSync;
import kz.komek.testing.TcpProxy;
import kz.komek.testing.TestApp;
import kz.komek.testing.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** {@code /health/live} and {@code /health/ready} as a load balancer reads them. */
class HealthTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aStartedNodeIsLiveAndReadyAndSaysWhy() throws Exception {
        try (var app = TestApp.withBundle("/fixtures/mini.bundle.json")) {
            var live = app.get("/health/live");
            assertThat(live.statusCode()).isEqualTo(200);
            assertThat(live.body()).isEqualTo("{\"status\":\"UP\"}");
            assertThat(live.headers().firstValue("Cache-Control")).hasValue("no-store");

            var ready = app.get("/health/ready");
            assertThat(ready.statusCode()).isEqualTo(200);
            assertThat(ready.headers().firstValue("Cache-Control")).hasValue("no-store");
            JsonNode body = JSON.readTree(ready.body());
            assertThat(body.path("status").asText()).isEqualTo("UP");
            assertThat(body.path("database").asText()).isEqualTo("UP");
            String newest = newestMigrationInTheJar();
            assertThat(body.path("migrations").path("applied").asText()).isEqualTo(newest);
            assertThat(body.path("migrations").path("expected").asText()).isEqualTo(newest);
            assertThat(body.path("migrations").path("current").asBoolean()).isTrue();
            var search = body.path("search");
            assertThat(search.path("state").asText()).isEqualTo("current");
            assertThat(search.path("lag").asLong()).isZero();
            assertThat(search.path("indexed_version").asLong())
                    .isEqualTo(search.path("content_version").asLong())
                    .isPositive();
            assertThat(body.path("draining").asBoolean()).isFalse();

            // the old check stays as it was
            assertThat(JSON.readTree(app.get("/health").body()).fieldNames())
                    .toIterable()
                    .containsExactly("status", "database", "content_version", "search");
        }
    }

    /** The newest {@code V<n>__….sql} of the jar, by number (what Flyway applies last). */
    private static String newestMigrationInTheJar() throws Exception {
        try (var files = java.nio.file.Files.list(java.nio.file.Path.of("src/main/resources/db/migration"))) {
            return files.map(p -> p.getFileName().toString())
                    .filter(n -> n.matches("V\\d+__.*\\.sql"))
                    .map(n -> Integer.parseInt(n.substring(1, n.indexOf("__"))))
                    .max(Integer::compare)
                    .map(String::valueOf)
                    .orElseThrow();
        }
    }

    @Test
    @Timeout(90)
    void aNodeWhoseIndexIsRebuiltIsNotReadyUntilItIsBuilt() throws Exception {
        var db = Optional.of(TestDatabase.fresh());
        try (var filler = TestApp.withBundle("/fixtures/search.bundle.json", c -> c.withDb(db))) {
            // the content is in the database; the next node starts with a new index
        }
        var building = new CountDownLatch(1);
        var release = new CountDownLatch(1);
        SearchSync.RebuildHook hold = questions -> {
            building.countDown();
            try {
                if (!release.await(20, TimeUnit.SECONDS)) {
                    throw new IllegalStateException("the rebuild was held for 20 s");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        };
        try (var app = TestApp.rebuilding(c -> c.withDb(db), hold)) {
            assertThat(building.await(20, TimeUnit.SECONDS)).isTrue();
            var held = app.get("/health/ready");
            assertThat(held.statusCode()).isEqualTo(503);
            var search = JSON.readTree(held.body()).path("search");
            assertThat(search.path("state").asText()).isEqualTo("rebuilding");
            assertThat(search.path("indexed_version").asLong()).isEqualTo(-1);
            assertThat(search.path("lag").asLong())
                    .isEqualTo(search.path("content_version").asLong() + 1);
            assertThat(JSON.readTree(held.body()).path("database").asText()).isEqualTo("UP");
            assertThat(app.get("/health/live").statusCode())
                    .as("alive all the while")
                    .isEqualTo(200);

            release.countDown();
            var built = await(app, r -> r.statusCode() == 200);
            assertThat(JSON.readTree(built.body()).path("search").path("state").asText())
                    .isEqualTo("current");
        }
    }

    /**
     * During a rolling upgrade the first new node migrates: the older nodes, whose jar knows fewer migrations, stay
     * ready on the newer schema (migrations only add, decision 0044); a database behind the jar is not ready.
     */
    @Test
    void aSchemaNewerThanTheJarKeepsANodeReadyAndAnOlderOneDoesNot() throws Exception {
        try (var app = TestApp.withBundle("/fixtures/mini.bundle.json")) {
            app.app().jdbi().useHandle(h -> h.execute("""
                    insert into flyway_schema_history
                        (installed_rank, version, description, type, script, checksum, installed_by, execution_time,
                         success)
                    select max(installed_rank) + 1, '1000', 'a later release', 'SQL', 'V1000__later.sql', 0,
                           current_user, 1, true
                    from flyway_schema_history
                    """));
            var later = await(app, r -> r.body().contains("\"applied\":\"1000\""));
            assertThat(later.statusCode()).isEqualTo(200);
            assertThat(JSON.readTree(later.body())
                            .path("migrations")
                            .path("current")
                            .asBoolean())
                    .isTrue();
        }
        var behind = new Readiness.Report(Optional.of("15"), "16", 3, 3, Readiness.SearchState.CURRENT, false);
        assertThat(behind.ready()).isFalse();
        assertThat(new Readiness.Report(Optional.of("16.1"), "16", 3, 3, Readiness.SearchState.CURRENT, false).ready())
                .isTrue();
    }

    /**
     * The database behind a proxy that goes away (its connections cut, new ones refused) and comes back: ready turns
     * 503 and back to 200 by itself, and live says 200 all the while.
     */
    @Test
    @Timeout(120)
    void readinessFollowsTheDatabaseGoingAwayAndComingBack() throws Exception {
        Config.DbUrl db = TestDatabase.fresh();
        try (var proxy = TcpProxy.to(db.url());
                var app = TestApp.withBundle(
                        "/fixtures/mini.bundle.json",
                        c -> c.withDb(Optional.of(
                                new Config.DbUrl(TcpProxy.via(db.url(), proxy), db.user(), db.password()))))) {
            assertThat(app.get("/health/ready").statusCode()).isEqualTo(200);

            proxy.cut();
            long cut = System.nanoTime();
            var down = await(app, r -> r.statusCode() == 503);
            long downMillis = (System.nanoTime() - cut) / 1_000_000;
            JsonNode body = JSON.readTree(down.body());
            assertThat(body.path("database").asText()).isEqualTo("DOWN");
            assertThat(body.path("migrations").path("current").asBoolean()).isFalse();
            assertThat(app.get("/health/live").statusCode()).isEqualTo(200);
            // a check never waits on the database for longer than the probe's patience
            long asked = System.nanoTime();
            assertThat(app.get("/health/ready").statusCode()).isEqualTo(503);
            assertThat((System.nanoTime() - asked) / 1_000_000)
                    .as("ms a check took")
                    .isLessThan(1_500);

            // an outage of seconds: the pool's back-off between connection attempts has grown meanwhile
            Thread.sleep(3_000);
            proxy.mend();
            long mended = System.nanoTime();
            await(app, r -> r.statusCode() == 200);
            long upMillis = (System.nanoTime() - mended) / 1_000_000;
            // and the pool works again too (it may take a few seconds more: requests wait for it meanwhile)
            assertThat(app.get("/health").statusCode()).isEqualTo(200);
            long poolMillis = (System.nanoTime() - mended) / 1_000_000;
            System.out.printf(
                    "ready: 503 %d ms after the cut, 200 %d ms after the mend; the pool lent again after %d ms%n",
                    downMillis, upMillis, poolMillis);
            assertThat(downMillis).as("ms until 503").isLessThan(2_500);
            assertThat(upMillis).as("ms until 200 again").isLessThan(2_500);
        }
    }

    /** Asks {@code /health/ready} every 50 ms until it answers as wanted, for up to 20 s. */
    private static HttpResponse<String> await(TestApp app, Predicate<HttpResponse<String>> wanted)
            throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        HttpResponse<String> r;
        do {
            r = app.get("/health/ready");
            if (wanted.test(r)) {
                return r;
            }
            Thread.sleep(50);
        } while (System.nanoTime() < deadline);
        throw new AssertionError(
                "/health/ready did not answer as expected within 20 s; last: " + r.statusCode() + " " + r.body());
    }
}
