package kz.komek.feedback;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import kz.komek.testing.TestApp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Many readers voting at once, over real HTTP: counts stay exact. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConcurrentVotesTest {
    private TestApp app;
    private ExecutorService pool;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    void start() {
        app = TestApp.withBundle(
                "/fixtures/mini.bundle.json", c -> c.withFeedback(c.feedback().withVotesPerMinute(0)));
        pool = Executors.newFixedThreadPool(32);
    }

    @BeforeEach
    void reset() {
        Http.resetVotes(app);
    }

    @AfterAll
    void stop() throws InterruptedException {
        pool.shutdownNow();
        pool.awaitTermination(10, TimeUnit.SECONDS);
        app.close();
    }

    private HttpRequest vote(boolean useful, Optional<String> visitor) {
        var b = HttpRequest.newBuilder(URI.create(app.url("/api/v1/questions/700/votes")))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"useful\": " + useful + "}"));
        visitor.ifPresent(v -> b.header("Cookie", VisitorCookie.NAME + "=" + v));
        return b.build();
    }

    /** Sends all requests as close together as the pool allows; returns the statuses. */
    private List<Integer> sendTogether(List<HttpRequest> requests) throws Exception {
        var go = new CountDownLatch(1);
        var futures = new ArrayList<Future<Integer>>();
        for (HttpRequest r : requests) {
            futures.add(pool.submit(() -> {
                go.await();
                return http.send(r, HttpResponse.BodyHandlers.ofString()).statusCode();
            }));
        }
        go.countDown();
        var statuses = new ArrayList<Integer>();
        for (var f : futures) {
            statuses.add(f.get(60, TimeUnit.SECONDS));
        }
        return statuses;
    }

    private long[] counts() throws Exception {
        var q = new ObjectMapper().readTree(app.get("/api/v1/questions/700").body());
        return new long[] {
            q.get("votes").get("up").asLong(), q.get("votes").get("down").asLong()
        };
    }

    @Test
    void twoHundredReadersVotingAtOnceAreTwoHundredVotes() throws Exception {
        var requests = new ArrayList<HttpRequest>();
        for (int i = 0; i < 200; i++) {
            requests.add(vote(i % 4 != 0, Optional.empty())); // no cookie: each one a new visitor
        }
        assertThat(sendTogether(requests)).containsOnly(200);
        assertThat(counts()).containsExactly(150, 50);
        assertThat(new FeedbackStore(app.app().jdbi()).votes(700)).hasSize(200);
    }

    @Test
    void oneVisitorFlippingTheirVoteAtOnceIsStillOneVote() throws Exception {
        var first = app.send(vote(true, Optional.empty()));
        String visitor = Http.visitor(first);
        var requests = new ArrayList<HttpRequest>();
        for (int i = 0; i < 100; i++) {
            requests.add(vote(i % 2 == 0, Optional.of(visitor)));
        }
        assertThat(sendTogether(requests)).containsOnly(200);
        long[] counts = counts();
        assertThat(counts[0] + counts[1]).isEqualTo(1);
        var stored = new FeedbackStore(app.app().jdbi()).votes(700);
        assertThat(stored).hasSize(1);
        assertThat(counts[0])
                .as("the count follows the vote that came last")
                .isEqualTo(stored.get(0).useful() ? 1 : 0);
    }
}
