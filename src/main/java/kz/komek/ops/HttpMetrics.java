package kz.komek.ops;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * {@code komek.http.requests}: the time of each request, as a histogram per kind of route and status class. Both tags
 * take a handful of values, so the series stay few whatever URLs are asked (no raw paths: anyone can invent those).
 */
public final class HttpMetrics {
    /** What a route serves, as a dashboard groups them. */
    public enum Kind {
        PAGE,
        API,
        SEARCH,
        SUGGEST,
        ADMIN,
        STATIC,
        HEALTH,
        OTHER;

        final String tag = name().toLowerCase(Locale.ROOT);
    }

    /**
     * Bucket bounds: a page from memory takes well under a millisecond, a search a few, an import seconds. Explicit
     * bounds keep a series at 14 buckets where a percentile histogram over the same range would have about 70.
     */
    static final Duration[] BUCKETS = {
        Duration.ofMillis(1),
        Duration.ofNanos(2_500_000),
        Duration.ofMillis(5),
        Duration.ofMillis(10),
        Duration.ofMillis(25),
        Duration.ofMillis(50),
        Duration.ofMillis(100),
        Duration.ofMillis(250),
        Duration.ofMillis(500),
        Duration.ofSeconds(1),
        Duration.ofMillis(2500),
        Duration.ofSeconds(5),
        Duration.ofSeconds(10)
    };

    private static final String[] CLASSES = {"other", "1xx", "2xx", "3xx", "4xx", "5xx"};

    private final MeterRegistry registry;
    /** Made on first use: a kind that never answers some class has no series for it. */
    private final AtomicReferenceArray<Timer> timers =
            new AtomicReferenceArray<>(Kind.values().length * CLASSES.length);

    public HttpMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    public void record(Kind kind, int status, long nanos) {
        int c = status >= 100 && status < 600 ? status / 100 : 0;
        int i = kind.ordinal() * CLASSES.length + c;
        Timer t = timers.get(i);
        if (t == null) {
            t = Timer.builder("komek.http.requests")
                    .description("HTTP requests by kind of route and status class, until the handler finished")
                    .tag("kind", kind.tag)
                    .tag("status", CLASSES[c])
                    .serviceLevelObjectives(BUCKETS)
                    .register(registry);
            timers.set(i, t);
        }
        t.record(nanos, TimeUnit.NANOSECONDS);
    }
}
