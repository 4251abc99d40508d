package kz.komek.web;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import kz.komek.testing.TestApp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * Every response carries the request's id, the one sent when it is sane, and the request's log line carries it too;
 * a hostile id is neither echoed nor logged.
 */
class RequestIdTest {
    private static final String PAGE = "/client/ru/bonus/save/general/q456";

    private static TestApp app;
    private static final List<ILoggingEvent> events = new CopyOnWriteArrayList<>();
    private static final AppenderBase<ILoggingEvent> capture = new AppenderBase<>() {
        @Override
        protected void append(ILoggingEvent e) {
            e.prepareForDeferredProcessing();
            events.add(e);
        }
    };

    private static ch.qos.logback.classic.Level level;

    @BeforeAll
    static void start() {
        app = TestApp.withBundle("/fixtures/mini.bundle.json");
        capture.start();
        var requests = (Logger) LoggerFactory.getLogger("kz.komek.request");
        level = requests.getLevel(); // the tests' configuration keeps the access log quiet
        requests.setLevel(ch.qos.logback.classic.Level.INFO);
        requests.addAppender(capture);
    }

    @AfterAll
    static void stop() {
        var requests = (Logger) LoggerFactory.getLogger("kz.komek.request");
        requests.detachAppender(capture);
        requests.setLevel(level);
        app.close();
    }

    @Test
    void aSaneIdIsEchoedEverywhereAndLogged() throws Exception {
        app.get(PAGE); // rendered once: the requests below are answered from memory, before routing
        assertThat(id(app.get(PAGE, "X-Request-Id", "lb-42.a:1"))).hasValue("lb-42.a:1");
        assertThat(id(app.get("/api/v1/sites", "X-Request-Id", "api-7"))).hasValue("api-7");
        assertThat(logged("api-7", "/api/v1/sites")).isTrue();
        var missing = app.get("/client/ru/nowhere/q999999", "X-Request-Id", "nf-1");
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(id(missing))
                .as("an error page resets headers; the id is set again")
                .hasValue("nf-1");
        var refused = app.post("/api/v1/questions/456/votes", "application/json", "{\"useful\": ");
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(id(refused)).isPresent();
    }

    @Test
    void aHostileIdIsReplacedAndNeverLogged() throws Exception {
        String hostile = "x".repeat(100) + "\"}{\"level\":\"ERROR\"";
        var r = app.get("/api/v1/sites?h=1", "X-Request-Id", hostile);
        String id = id(r).orElseThrow();
        assertThat(id).isNotEqualTo(hostile).matches("[a-z0-9]{8}-[0-9a-z]+");
        assertThat(logged(id, "/api/v1/sites")).isTrue();
        assertThat(events)
                .noneMatch(e -> e.getFormattedMessage().contains("level")
                        || e.getMDCPropertyMap().values().stream().anyMatch(v -> v.contains("level")));
    }

    @Test
    void withoutOneEachRequestGetsItsOwn() {
        String a = id(app.get(PAGE)).orElseThrow();
        String b = id(app.get(PAGE)).orElseThrow();
        String c = id(app.get("/health/live")).orElseThrow();
        assertThat(List.of(a, b, c)).doesNotHaveDuplicates();
    }

    private static java.util.Optional<String> id(HttpResponse<?> r) {
        return r.headers().firstValue("X-Request-Id");
    }

    /** Whether the access log said {@code path} with {@code id} in its MDC (it may come just after the answer). */
    private static boolean logged(String id, String path) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        do {
            if (events.stream()
                    .anyMatch(e -> id.equals(e.getMDCPropertyMap().get("request_id"))
                            && e.getFormattedMessage().contains(path))) {
                return true;
            }
            Thread.sleep(10);
        } while (System.nanoTime() < deadline);
        return false;
    }
}
