package kz.komek.ops;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The database as a readiness check sees it. However many checks come, one query runs at a time and its answer is kept
 * for {@link #FRESH}: a flood of checks is a few queries a second. No check waits longer than {@link #PATIENCE} from
 * the moment the query began: a database that has not answered by then is down, whether the network, the pool (still
 * making a connection) or the server is stuck, and the checks that come while that query still hangs are answered at
 * once.
 */
public final class DatabaseProbe implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(DatabaseProbe.class);

    /** How long an answer is kept. */
    public static final Duration FRESH = Duration.ofMillis(250);
    /** How long a check waits for the database at most. */
    public static final Duration PATIENCE = Duration.ofSeconds(1);

    /** The query: the newest migration the database has applied. */
    @FunctionalInterface
    public interface Query {
        String appliedMigration(Duration timeout) throws Exception;
    }

    /**
     * What the database said.
     *
     * @param appliedMigration empty when it did not answer
     * @param at when the answer came (nanoTime)
     */
    public record Answer(Optional<String> appliedMigration, long at) {
        public boolean up() {
            return appliedMigration.isPresent();
        }
    }

    private final Query query;
    private final LongSupplier nanoTime;
    private final ExecutorService thread = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "komek-ready-probe");
        t.setDaemon(true);
        return t;
    });

    private volatile Answer last;
    /** The query running or last run, and when it began; under this object's lock. */
    private CompletableFuture<Answer> running;

    private long runningSince;
    /** Whether the last answer was "up", so that only a change is logged (checks come every second or so). */
    private volatile boolean wasUp = true;

    public DatabaseProbe(Query query) {
        this(query, System::nanoTime);
    }

    DatabaseProbe(Query query, LongSupplier nanoTime) {
        this.query = query;
        this.nanoTime = nanoTime;
    }

    /** The database's answer, at most {@link #FRESH} old, after a wait of at most {@link #PATIENCE}. */
    public Answer now() {
        Answer kept = last;
        long now = nanoTime.getAsLong();
        if (kept != null && now - kept.at() < FRESH.toNanos()) {
            return kept;
        }
        CompletableFuture<Answer> answer;
        long since;
        synchronized (this) {
            kept = last; // another check may have had an answer meanwhile
            if (kept != null && now - kept.at() < FRESH.toNanos()) {
                return kept;
            }
            if (running == null || running.isDone()) {
                runningSince = now;
                try {
                    running = CompletableFuture.supplyAsync(this::ask, thread);
                } catch (RejectedExecutionException e) {
                    return down("closed");
                }
            }
            answer = running;
            since = runningSince;
        }
        try {
            return answer.get(Math.max(0, since + PATIENCE.toNanos() - now), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            return down("no answer within " + PATIENCE.toMillis() + " ms");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return down("interrupted");
        } catch (ExecutionException e) {
            return down(e.getCause().toString());
        }
    }

    /** The last answer, however old, without asking (down before the first). */
    public Answer last() {
        Answer kept = last;
        return kept == null ? new Answer(Optional.empty(), nanoTime.getAsLong()) : kept;
    }

    private Answer ask() {
        try {
            Answer a = new Answer(Optional.of(query.appliedMigration(PATIENCE)), nanoTime.getAsLong());
            last = a;
            if (!wasUp) {
                wasUp = true;
                log.info("readiness: the database answers again");
            }
            return a;
        } catch (Exception e) {
            return down(e.toString());
        }
    }

    private Answer down(String why) {
        Answer a = new Answer(Optional.empty(), nanoTime.getAsLong());
        last = a;
        if (wasUp) {
            wasUp = false;
            log.warn("readiness: the database does not answer: {}", why);
        }
        return a;
    }

    @Override
    public void close() {
        thread.shutdownNow();
    }
}
