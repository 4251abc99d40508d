package kz.komek.catalog;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.jdbi.v3.core.Handle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The content state as this node knows it, in memory: pages are looked up by it on every request, so reading it must
 * not ask the database. It changes when this process commits a transaction (read with the committing handle, before
 * the writer's response returns), when another process's write is heard ({@code LISTEN}), every
 * {@value #POLL_MILLIS} ms while nothing is heard (a lost connection), and when a scheduled question comes due: that
 * moment is known, so the first request after it reads the new state once.
 */
public final class CurrentState implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(CurrentState.class);

    /** How often the state is read while notifications are not heard. */
    static final long POLL_MILLIS = 500;

    /** After a failed read the last state is served, and read again after this long. */
    private static final long RETRY_MILLIS = 1_000;

    /** @param dueMillis when the state changes by itself: the next publication, epoch ms (or never) */
    private record Known(ContentState state, long dueMillis) {}

    private final CatalogStore store;
    private final Clock clock;
    private final BooleanSupplier listening;
    private final ScheduledExecutorService reader = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "komek-content-state");
        t.setDaemon(true);
        return t;
    });
    private volatile Known known;
    private final Object dueLock = new Object();
    private final java.util.List<Runnable> changes = new java.util.concurrent.CopyOnWriteArrayList<>();

    /**
     * Reads the state once, now: a database that cannot be read stops the start.
     *
     * @param clock in the help center's zone (publication times are local)
     * @param listening whether content notifications are heard now; polling stands in while they are not
     */
    public CurrentState(CatalogStore store, Clock clock, BooleanSupplier listening) {
        this.store = store;
        this.clock = clock;
        this.listening = listening;
        this.known = known(store.contentState(LocalDateTime.now(clock)));
    }

    public CurrentState start() {
        reader.scheduleWithFixedDelay(
                () -> {
                    if (!listening.getAsBoolean()) {
                        refreshQuietly();
                    }
                },
                POLL_MILLIS,
                POLL_MILLIS,
                TimeUnit.MILLISECONDS);
        return this;
    }

    /**
     * Runs {@code listener} on this class's own thread after the state has changed, so that what depends on it can
     * be read before readers ask (they do not wait for it: whoever comes first reads).
     */
    public void onChange(Runnable listener) {
        changes.add(listener);
    }

    /** The state now: from memory, unless a scheduled question has just come due. */
    public ContentState now() {
        Known k = known;
        if (clock.millis() >= k.dueMillis()) {
            k = due();
        }
        return k.state();
    }

    /**
     * The content version as last read, without reading it again even when a scheduled question has come due: a
     * health check or a metrics scrape must not wait for the database.
     */
    public long version() {
        return known.state().version();
    }

    /** A content write was heard (its version), or writes may have been missed (a negative version). */
    public void heard(long version) {
        if (version < 0 || version != known.state().version()) {
            reader.execute(this::refreshQuietly);
        }
    }

    /** This process committed a transaction: read the state with its handle, still open, before its caller goes on. */
    public void committed(Handle handle) {
        set(store.contentState(handle, LocalDateTime.now(clock)));
    }

    /** Reads the state now (tests; other processes' writes otherwise arrive by notification). */
    public void refresh() {
        set(store.contentState(LocalDateTime.now(clock)));
    }

    /**
     * One thread reads the new state; the others that came meanwhile find it read. Its own lock: a committing writer
     * (which holds a pooled connection) never waits behind this read for one.
     */
    private Known due() {
        synchronized (dueLock) {
            Known k = known;
            if (clock.millis() < k.dueMillis()) {
                return k;
            }
            try {
                refresh();
            } catch (RuntimeException e) {
                log.warn("could not read the content state, serving the last one: {}", e.toString());
                postpone(k);
            }
            return known;
        }
    }

    private synchronized void postpone(Known k) {
        if (known == k) {
            known = new Known(k.state(), clock.millis() + RETRY_MILLIS);
        }
    }

    private void refreshQuietly() {
        try {
            refresh();
        } catch (RuntimeException e) {
            log.debug("could not read the content state: {}", e.toString());
        }
    }

    /**
     * Reads run unlocked (a writer's, a notification's, a poll's); one that finishes after a newer one is dropped:
     * versions only grow.
     */
    private synchronized void set(ContentState state) {
        Known before = known;
        if (state.version() < before.state().version()) {
            return;
        }
        known = known(state);
        if (!before.state().equals(state) && !changes.isEmpty()) {
            try {
                reader.execute(() -> changes.forEach(CurrentState::quietly));
            } catch (java.util.concurrent.RejectedExecutionException e) {
                // closing: nobody reads any more
            }
        }
    }

    private static void quietly(Runnable listener) {
        try {
            listener.run();
        } catch (RuntimeException e) {
            log.warn("a content state listener failed: {}", e.toString());
        }
    }

    private Known known(ContentState state) {
        long due = state.nextPublication()
                .map(t -> t.atZone(clock.getZone()).toInstant().toEpochMilli())
                .orElse(Long.MAX_VALUE);
        return new Known(state, due);
    }

    @Override
    public void close() {
        reader.shutdownNow();
    }
}
