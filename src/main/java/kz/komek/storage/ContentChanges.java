package kz.komek.storage;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.LongConsumer;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hears content writes as they commit, whichever process or node made them: {@code LISTEN komek_content}, which a
 * trigger on {@code help_center.version} notifies with the new version (migration V11; decision 0026). It holds
 * one connection of its own, outside the pool, on a thread of its own; a lost connection is opened again after
 * a pause that grows to {@value #LONGEST_PAUSE_MILLIS} ms.
 *
 * <p>Subscribers are called on that thread, so they must return at once: with the version a write committed, or
 * with {@link #MISSED} once listening (again), since writes made while nobody listened were not heard. While
 * {@link #listening()} is false they rely on polling.
 */
public final class ContentChanges implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(ContentChanges.class);

    /** Told to subscribers when writes may have gone unheard: on (re)connecting. */
    public static final long MISSED = -1;

    static final String CHANNEL = "komek_content";
    /** How the connection shows in {@code pg_stat_activity}. */
    public static final String APPLICATION_NAME = "komek content changes";

    /** One wait for notifications: close is noticed within it. */
    private static final int WAIT_MILLIS = 250;
    /** A connection that says nothing for this long is asked something: one that died silently then fails. */
    private static final long IDLE_CHECK_NANOS = 10_000_000_000L;

    private static final long FIRST_PAUSE_MILLIS = 100;
    private static final long LONGEST_PAUSE_MILLIS = 5_000;

    /** Opens a connection outside the pool ({@link Database#connectAlone}). */
    @FunctionalInterface
    public interface Connector {
        Connection connect(String applicationName) throws SQLException;
    }

    private final Connector connector;
    private final List<LongConsumer> subscribers = new CopyOnWriteArrayList<>();
    private final Thread thread;
    private volatile boolean listening;
    private volatile boolean closed;

    public ContentChanges(Connector connector) {
        this.connector = connector;
        this.thread = new Thread(this::run, "komek-content-changes");
        thread.setDaemon(true);
    }

    /** Calls {@code subscriber} with each version heard, or {@link #MISSED}; it must return at once. */
    public void subscribe(LongConsumer subscriber) {
        subscribers.add(subscriber);
    }

    public ContentChanges start() {
        thread.start();
        return this;
    }

    /** Whether writes are heard now: a LISTEN connection is open. */
    public boolean listening() {
        return listening;
    }

    private void run() {
        long pause = FIRST_PAUSE_MILLIS;
        boolean lost = false;
        while (!closed) {
            try (Connection c = connector.connect(APPLICATION_NAME)) {
                try (var st = c.createStatement()) {
                    st.execute("LISTEN " + CHANNEL);
                }
                listening = true;
                if (lost) {
                    log.info("hearing content changes again");
                    lost = false;
                }
                pause = FIRST_PAUSE_MILLIS;
                tell(MISSED);
                listen(c);
            } catch (SQLException | RuntimeException e) {
                listening = false;
                if (closed) {
                    break;
                }
                if (!lost) {
                    log.warn("content change notifications lost, polling meanwhile; reconnecting: {}", e.toString());
                    lost = true;
                } else {
                    log.debug("content change notifications: still reconnecting: {}", e.toString());
                }
                if (!sleep(pause)) {
                    break;
                }
                pause = Math.min(pause * 2, LONGEST_PAUSE_MILLIS);
            }
        }
        listening = false;
    }

    private void listen(Connection c) throws SQLException {
        var pg = c.unwrap(PGConnection.class);
        long heard = System.nanoTime();
        while (!closed) {
            PGNotification[] notifications = pg.getNotifications(WAIT_MILLIS);
            if (notifications != null && notifications.length > 0) {
                heard = System.nanoTime();
                // a burst (an import, then an edit) is told once, with the newest version
                long newest = MISSED;
                for (PGNotification n : notifications) {
                    newest = Math.max(newest, version(n.getParameter()));
                }
                tell(newest);
            } else if (System.nanoTime() - heard > IDLE_CHECK_NANOS) {
                try (var st = c.createStatement()) {
                    st.execute("select 1");
                }
                heard = System.nanoTime();
            }
        }
    }

    private static long version(String payload) {
        try {
            return Long.parseLong(payload);
        } catch (NumberFormatException e) {
            return MISSED;
        }
    }

    private void tell(long version) {
        for (LongConsumer s : subscribers) {
            try {
                s.accept(version);
            } catch (RuntimeException e) {
                log.warn("a content change subscriber failed: {}", e.toString());
            }
        }
    }

    private boolean sleep(long millis) {
        try {
            Thread.sleep(millis);
            return true;
        } catch (InterruptedException e) {
            return false;
        }
    }

    /** Stops listening; the connection closes within a quarter of a second. */
    @Override
    public void close() {
        closed = true;
        thread.interrupt(); // ends a pause between reconnections; a wait for notifications ends by itself
        try {
            thread.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
