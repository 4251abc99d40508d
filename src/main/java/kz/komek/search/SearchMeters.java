package kz.komek.search;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * {@code komek.search.requests} (a histogram of the time searches and suggestions take, by {@code endpoint}) and
 * {@code komek.search.zero.results} (those that found nothing): the share of readers who find nothing is the rate of
 * one over the other's count. The page and the API are both {@code endpoint="search"}.
 */
final class SearchMeters {
    /** Meters of a registry that keeps nothing: the search-eval command and tests of the service alone. */
    static final SearchMeters NONE = new SearchMeters(new CompositeMeterRegistry());

    /** From an answer the result cache kept (well under a millisecond) to a long pasted question on a busy node. */
    private static final Duration[] BUCKETS = {
        Duration.ofMillis(1),
        Duration.ofMillis(2),
        Duration.ofMillis(5),
        Duration.ofMillis(10),
        Duration.ofMillis(20),
        Duration.ofMillis(50),
        Duration.ofMillis(100),
        Duration.ofMillis(200),
        Duration.ofMillis(500),
        Duration.ofSeconds(1),
        Duration.ofSeconds(2)
    };

    private final Timer search;
    private final Timer suggest;
    private final Counter emptySearch;
    private final Counter emptySuggest;

    SearchMeters(MeterRegistry registry) {
        this.search = timer(registry, "search");
        this.suggest = timer(registry, "suggest");
        this.emptySearch = empty(registry, "search");
        this.emptySuggest = empty(registry, "suggest");
    }

    /** A search ({@code full}) or suggestion took {@code nanos}, and found nothing when {@code empty}. */
    void answered(boolean full, long nanos, boolean empty) {
        (full ? search : suggest).record(nanos, TimeUnit.NANOSECONDS);
        if (empty) {
            (full ? emptySearch : emptySuggest).increment();
        }
    }

    private static Timer timer(MeterRegistry registry, String endpoint) {
        return Timer.builder("komek.search.requests")
                .description("searches (page and API) and suggestions, by endpoint")
                .tag("endpoint", endpoint)
                .serviceLevelObjectives(BUCKETS)
                .register(registry);
    }

    private static Counter empty(MeterRegistry registry, String endpoint) {
        return Counter.builder("komek.search.zero.results")
                .description("searches and suggestions that found nothing, by endpoint")
                .tag("endpoint", endpoint)
                .register(registry);
    }
}
