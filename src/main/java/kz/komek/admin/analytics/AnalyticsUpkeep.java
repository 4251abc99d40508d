package kz.komek.admin.analytics;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps analytics within bounds (decision 0046): rows that hold what readers typed (deflection messages, search
 * queries) go after the retention; per-day counts without words (votes, views, deflection per day) after
 * {@link #AGGREGATE_DAYS} or the retention, whichever is longer. Every node runs it, an hour apart; the deletes are
 * idempotent, and a transaction-level advisory lock lets one node at a time do them.
 */
public final class AnalyticsUpkeep implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(AnalyticsUpkeep.class);

    /** Per-day counts are kept at least this long: a year and a month, to compare a month with last year's. */
    public static final int AGGREGATE_DAYS = 400;

    /** The advisory lock's key: "komek analytics" in no particular encoding, just a fixed number. */
    private static final long LOCK = 0x6b6f6d656b_616eL;

    private final Jdbi jdbi;
    private final Clock clock;
    private final int retentionDays;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "komek-analytics-upkeep");
        t.setDaemon(true);
        return t;
    });

    /** @param retentionDays days raw events and readers' words are kept */
    public AnalyticsUpkeep(Jdbi jdbi, Clock clock, int retentionDays) {
        this.jdbi = jdbi;
        this.clock = clock;
        this.retentionDays = retentionDays;
    }

    /** Prunes a minute after the start (not in the start's rush), then every {@code every}. */
    public AnalyticsUpkeep start(Duration every) {
        timer.scheduleWithFixedDelay(
                this::pruneQuietly, Duration.ofMinutes(1).toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
        return this;
    }

    /**
     * Deletes what is past its time, in one transaction; returns the rows deleted per table (empty when another
     * node holds the lock: it is doing the same).
     */
    public Map<String, Integer> prune() {
        LocalDate today = LocalDate.now(clock);
        LocalDate raw = today.minusDays(retentionDays);
        LocalDate counts = today.minusDays(Math.max(retentionDays, AGGREGATE_DAYS));
        return jdbi.inTransaction(h -> {
            var deleted = new LinkedHashMap<String, Integer>();
            if (!h.createQuery("select pg_try_advisory_xact_lock(:key)")
                    .bind("key", LOCK)
                    .mapTo(Boolean.class)
                    .one()) {
                return deleted;
            }
            deleted.put("deflection", delete(h, "deflection", raw));
            deleted.put("search_day", delete(h, "search_day", raw));
            deleted.put("search_miss_day", delete(h, "search_miss_day", raw));
            deleted.put("deflection_day", delete(h, "deflection_day", counts));
            deleted.put("vote_day", delete(h, "vote_day", counts));
            deleted.put("question_view", delete(h, "question_view", counts));
            return deleted;
        });
    }

    /** Rows of days before {@code before}; the table names are this class's own constants. */
    private static int delete(org.jdbi.v3.core.Handle h, String table, LocalDate before) {
        return h.createUpdate("delete from " + table + " where day < :before")
                .bind("before", before)
                .execute();
    }

    private void pruneQuietly() {
        try {
            var deleted = prune();
            if (deleted.values().stream().anyMatch(n -> n > 0)) {
                log.info("analytics upkeep deleted {} (retention {} days)", deleted, retentionDays);
            }
        } catch (RuntimeException e) {
            log.warn("analytics upkeep failed, will try again: {}", e.toString());
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
        try {
            timer.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
