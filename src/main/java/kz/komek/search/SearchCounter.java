package kz.komek.search;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import kz.komek.i18n.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The search page's searches that found something, and the results opened from it, per day, site, locale and
 * normalized query (analytics, decision 0046). Counted in memory and added in batches, as page views are: no write
 * per request. A flush takes each count out of the map atomically; counts that could not be written go back for the
 * next try; {@link #close()} writes what is left.
 *
 * <p>Bounded: at most {@link #KEYS} keys wait in memory (more count under the query ""), and the store keeps at most
 * {@link SearchStore#MISSES_A_DAY} distinct queries a day. Words that may name a person (five digits or more, an
 * e-mail address) are never kept: they count under "" too.
 */
public final class SearchCounter implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(SearchCounter.class);

    /** Distinct keys counted between two flushes. */
    static final int KEYS = 10_000;

    record Key(LocalDate day, String site, Locale locale, String query) {}

    /** Searches and opens of one key since the last flush. */
    record Counts(long searches, long opened) {
        Counts plus(Counts o) {
            return new Counts(searches + o.searches, opened + o.opened);
        }
    }

    private final SearchStore store;
    private final Clock clock;
    private final ConcurrentHashMap<Key, Counts> pending = new ConcurrentHashMap<>();
    private final ScheduledExecutorService flusher = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "komek-search-flush");
        t.setDaemon(true);
        return t;
    });

    /** @param clock in the help center's zone: a search counts for the day it happened there */
    public SearchCounter(SearchStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    public SearchCounter start(Duration every) {
        long ms = every.toMillis();
        flusher.scheduleWithFixedDelay(this::flushQuietly, ms, ms, TimeUnit.MILLISECONDS);
        return this;
    }

    /** A search on the search page that found something (its first page). */
    void searched(String site, Locale locale, String query) {
        add(site, locale, query, new Counts(1, 0));
    }

    /** A result opened from the search page's results of {@code query}. */
    void opened(String site, Locale locale, String query) {
        add(site, locale, query, new Counts(0, 1));
    }

    private void add(String site, Locale locale, String query, Counts n) {
        String q = ReaderWords.normalize(query);
        if (!ReaderWords.keepable(q)) {
            q = "";
        }
        var key = new Key(LocalDate.now(clock), site.length() > 64 ? site.substring(0, 64) : site, locale, q);
        if (pending.size() >= KEYS && !pending.containsKey(key)) {
            key = new Key(key.day(), key.site(), locale, "");
        }
        pending.merge(key, n, Counts::plus);
    }

    /** Writes the counts so far; returns how many searches and opens. Synchronized: one flush at a time. */
    public synchronized long flush() {
        var batch = new ArrayList<SearchStore.SearchCount>();
        for (Key key : pending.keySet()) {
            Counts n = pending.remove(key);
            if (n != null) {
                batch.add(new SearchStore.SearchCount(
                        key.day(), key.site(), key.locale(), key.query(), n.searches(), n.opened()));
            }
        }
        try {
            store.addSearches(batch);
        } catch (RuntimeException e) {
            batch.forEach(c -> pending.merge(
                    new Key(c.day(), c.site(), c.locale(), c.query()),
                    new Counts(c.searches(), c.opened()),
                    Counts::plus));
            throw e;
        }
        return batch.stream().mapToLong(c -> c.searches() + c.opened()).sum();
    }

    private void flushQuietly() {
        try {
            flush();
        } catch (RuntimeException e) {
            log.warn("could not write search counts, will retry: {}", e.toString());
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
            log.warn("{} search counts could not be written on shutdown: {}", pending.size(), e.toString());
        }
    }
}
