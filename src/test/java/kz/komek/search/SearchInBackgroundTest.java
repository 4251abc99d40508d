package kz.komek.search;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import kz.komek.testing.TestApp;
import kz.komek.testing.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The server serves pages from its start, whatever its index's state; the first sync runs in the background. */
class SearchInBackgroundTest {
    private final ObjectMapper mapper = new ObjectMapper();

    @Test
    @Timeout(90)
    void pagesAreServedWhileTheIndexIsRebuilt() throws Exception {
        var db = Optional.of(TestDatabase.fresh());
        try (var filler = TestApp.withBundle("/fixtures/search.bundle.json", c -> c.withDb(db))) {
            // the content is in the database; this node's index goes with its data directory
        }
        var building = new CountDownLatch(1);
        var release = new CountDownLatch(1);
        SearchSync.RebuildHook hold = questions -> {
            building.countDown();
            try {
                // Were the first sync run by start() again, this would hold the start: give up rather than hang.
                if (!release.await(20, TimeUnit.SECONDS)) {
                    throw new IllegalStateException("the rebuild was held for 20 s");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        };
        try (var app = TestApp.rebuilding(c -> c.withDb(db), hold)) {
            assertThat(building.await(20, TimeUnit.SECONDS))
                    .as("the rebuild has begun")
                    .isTrue();

            // held in the middle of the rebuild: pages and the API answer, search finds nothing yet
            assertThat(app.get("/client/ru/bonus/save/q401").statusCode()).isEqualTo(200);
            assertThat(app.get("/client/ru/bonus").statusCode()).isEqualTo(200);
            var health = json(app, "/health");
            assertThat(health.path("search").path("current").asBoolean()).isFalse();
            assertThat(health.path("search").path("indexed_version").asLong()).isEqualTo(-1);
            assertThat(json(app, "/api/v1/search?site=client&q=%D0%B1%D0%BE%D0%BD%D1%83%D1%81%D1%8B")
                            .path("results"))
                    .isEmpty();

            release.countDown();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (!json(app, "/health").path("search").path("current").asBoolean() && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            health = json(app, "/health");
            assertThat(health.path("search").path("current").asBoolean()).isTrue();
            assertThat(health.path("search").path("indexed_version").asLong())
                    .isEqualTo(health.path("content_version").asLong());
            assertThat(json(app, "/api/v1/search?site=client&q=%D0%B1%D0%BE%D0%BD%D1%83%D1%81%D1%8B")
                            .path("results"))
                    .isNotEmpty();
        }
    }

    private JsonNode json(TestApp app, String path) throws Exception {
        var r = app.get(path);
        assertThat(r.statusCode()).as(path + " → " + r.body()).isEqualTo(200);
        return mapper.readTree(r.body());
    }
}
