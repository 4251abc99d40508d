package kz.komek.search;

import java.time.LocalDate;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Queries that found nothing, written off the request path: a full queue drops a miss rather than slow a
 * reader down (misses are for editors' statistics, not an audit).
 */
public final class SearchMisses implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(SearchMisses.class);

    private final SearchStore store;
    /** The day old misses were last pruned; touched by the writer thread only. */
    private LocalDate pruned;

    private final ExecutorService writer = new ThreadPoolExecutor(
            1,
            1,
            0,
            TimeUnit.SECONDS,
            new ArrayBlockingQueue<>(1_000),
            r -> {
                Thread t = new Thread(r, "komek-search-misses");
                t.setDaemon(true);
                return t;
            },
            new ThreadPoolExecutor.DiscardPolicy());

    /** Days of misses kept: the analytics retention (decision 0046). */
    private final int keepDays;

    public SearchMisses(SearchStore store) {
        this(store, SearchStore.MISS_DAYS);
    }

    public SearchMisses(SearchStore store, int keepDays) {
        this.store = store;
        this.keepDays = keepDays;
    }

    public void record(SearchRequest request) {
        writer.execute(() -> {
            try {
                LocalDate today = LocalDate.now();
                if (!today.equals(pruned)) {
                    pruned = today; // once a day, on the writer's own thread
                    store.pruneMisses(keepDays);
                }
                store.recordMiss(
                        Optional.of(request.now().toLocalDate()), request.site(), request.locale(), request.query());
            } catch (RuntimeException e) {
                log.warn("could not record a search miss: {}", e.toString());
            }
        });
    }

    @Override
    public void close() {
        writer.shutdown();
        try {
            writer.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
