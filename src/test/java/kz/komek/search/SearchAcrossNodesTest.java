package kz.komek.search;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import kz.komek.bundle.BundleJson;
import kz.komek.testing.TestApp;
import kz.komek.testing.TestDatabase;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;

/**
 * Two nodes on one PostgreSQL database, as behind a load balancer, each with its own index: what is written on
 * one is searchable on the other within a second, because the other hears the write commit.
 */
class SearchAcrossNodesTest {
    private static final String FIXTURE = "/fixtures/search.bundle.json";
    private final ObjectMapper mapper = new ObjectMapper();

    @Test
    void aWriteOnOneNodeIsSearchableOnTheOtherWithinASecond() throws Exception {
        var db = Optional.of(TestDatabase.fresh());
        // Node B polls once a minute: within a second, only a notification can have told it.
        try (var a = TestApp.withBundle(FIXTURE, c -> c.withDb(db));
                var b = TestApp.empty(c -> c.withDb(db).withRefreshSeconds(120))) {
            Jdbi jdbi = a.app().jdbi();
            awaitListeners(jdbi, 2);
            // B's first search loads what every search needs (a few hundred ms in a fresh JVM): not what is measured
            assertThat(b.get("/api/v1/search?site=client&q=" + URLEncoder.encode("бонусы", StandardCharsets.UTF_8))
                            .statusCode())
                    .isEqualTo(200);

            long delay = writeOnAFindOnB(a, b, "Как получить жирафа?", "жираф");
            System.out.printf("node B found node A's import %d ms after it returned%n", delay);
            assertThat(delay).isLessThan(1_000);

            // Both nodes lose their listening connection; a write comes at once, unheard. Listening again, each
            // node syncs in case it missed one.
            var listeners = TestDatabase.contentListeners(jdbi);
            assertThat(listeners).hasSize(2);
            for (int pid : listeners) {
                jdbi.useHandle(h -> h.execute("select pg_terminate_backend(?)", pid));
            }
            delay = writeOnAFindOnB(a, b, "Как получить бегемота?", "бегемот");
            System.out.printf("with its listening connection killed just before, node B found it after %d ms%n", delay);
            // reconnecting begins with a pause of a tenth of a second
            assertThat(delay).isLessThan(2_000);
            awaitListeners(jdbi, 2);
        }
    }

    /** Retitles question 401 by an import on node A; returns how long after that node B's search found it. */
    private long writeOnAFindOnB(TestApp a, TestApp b, String title, String word) throws Exception {
        String bundle = TestApp.resource(FIXTURE).replace("Как получить бонусы?", title);
        a.app().bundles().importBundle(new BundleJson().read(bundle), List.of());
        long written = System.nanoTime();
        String path = "/api/v1/search?site=client&locale=ru&q=" + URLEncoder.encode(word, StandardCharsets.UTF_8);
        long deadline = written + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            var results = mapper.readTree(b.get(path).body()).path("results");
            if (results.size() > 0 && results.get(0).path("id").asLong() == 401) {
                return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - written);
            }
            Thread.sleep(5);
        }
        throw new AssertionError("node B did not find \"" + word + "\" within 10 s");
    }

    private static void awaitListeners(Jdbi jdbi, int nodes) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (TestDatabase.contentListeners(jdbi).size() != nodes && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(TestDatabase.contentListeners(jdbi)).as("nodes listening").hasSize(nodes);
    }
}
