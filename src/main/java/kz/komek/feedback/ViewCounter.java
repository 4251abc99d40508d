package kz.komek.feedback;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Question page views, counted in memory and written in batches: one statement every few seconds, whatever the
 * traffic, instead of a write per page. A view is never counted twice: a flush takes each count out of the map
 * atomically, and a view counted meanwhile starts a new count for the next flush. Counts that could not be
 * written go back for the next try; {@link #close()} writes what is left.
 */
final class ViewCounter implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(ViewCounter.class);

    private record Key(long questionId, LocalDate day) {}

    /** A day and the epoch milliseconds it spans, [from, until). */
    private record Day(LocalDate date, long from, long until) {}

    private volatile Day day = new Day(LocalDate.EPOCH, 0, 0);

    private final FeedbackStore store;
    private final Clock clock;
    private final ConcurrentHashMap<Key, Long> pending = new ConcurrentHashMap<>();
    private final ScheduledExecutorService flusher = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "komek-view-flush");
        t.setDaemon(true);
        return t;
    });

    /** @param clock in the help center's zone: a view counts for the day it happened there */
    ViewCounter(FeedbackStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    ViewCounter start(Duration every) {
        long ms = every.toMillis();
        flusher.scheduleWithFixedDelay(this::flushQuietly, ms, ms, TimeUnit.MILLISECONDS);
        return this;
    }

    void record(long questionId) {
        pending.merge(new Key(questionId, today()), 1L, Long::sum);
    }

    /** The day in the help center's zone, worked out again only when the clock passes into the next one. */
    private LocalDate today() {
        Day d = day;
        long now = clock.millis();
        if (now < d.from() || now >= d.until()) {
            LocalDate date = LocalDate.ofInstant(java.time.Instant.ofEpochMilli(now), clock.getZone());
            long from = date.atStartOfDay(clock.getZone()).toInstant().toEpochMilli();
            long until =
                    date.plusDays(1).atStartOfDay(clock.getZone()).toInstant().toEpochMilli();
            d = new Day(date, from, until);
            day = d;
        }
        return d.date();
    }

    /** Writes the views counted so far; returns how many. Synchronized: one flush at a time per node. */
    synchronized long flush() {
        var batch = new ArrayList<FeedbackStore.Views>();
        for (Key key : pending.keySet()) {
            Long n = pending.remove(key);
            if (n != null) {
                batch.add(new FeedbackStore.Views(key.questionId(), key.day(), n));
            }
        }
        try {
            store.addViews(batch);
        } catch (RuntimeException e) {
            batch.forEach(v -> pending.merge(new Key(v.questionId(), v.day()), v.count(), Long::sum));
            throw e;
        }
        return batch.stream().mapToLong(FeedbackStore.Views::count).sum();
    }

    private void flushQuietly() {
        try {
            flush();
        } catch (RuntimeException e) {
            // the counts stay in memory; the next flush tries again
            log.warn("could not write page views, will retry: {}", e.toString());
        }
    }

    @Override
    public void close() {
        flusher.shutdown();
        try {
            flusher.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            flush();
        } catch (RuntimeException e) {
            long lost = pending.values().stream().mapToLong(Long::longValue).sum();
            log.warn("{} page views could not be written on shutdown: {}", lost, e.toString());
        }
    }
}
