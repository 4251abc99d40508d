package kz.komek.admin.transfer;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.regex.Pattern;
import kz.komek.progress.Progress;
import kz.komek.progress.ProgressTracker;

/**
 * The admin's checks and imports, each run on a thread of its own, so that a large upload does not hold the request
 * that sent it: the request waits a moment (a small file is done by then and answered as before), else it leads to a
 * page that shows the progress. Jobs live in this node's memory, for their uploader, for an hour after they end.
 *
 * @param <T> what a finished job gives its page
 */
final class TransferJobs<T> {
    static final Duration KEPT = Duration.ofHours(1);

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]{22}");

    private final ExecutorService threads = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "komek-import");
        t.setDaemon(true); // a stopping server does not wait for an import: its transaction rolls back
        return t;
    });
    private final Map<String, Job<T>> jobs = new ConcurrentHashMap<>();
    private final SecureRandom random = new SecureRandom();
    private final Clock clock;

    TransferJobs(Clock clock) {
        this.clock = clock;
    }

    /** A job: whose it is, its progress, and its end. */
    record Job<T>(String id, long owner, Instant started, ProgressTracker progress, CompletableFuture<T> result) {
        /** What it gave, if it has ended. */
        Optional<T> done() {
            return result.isDone() ? Optional.of(result.join()) : Optional.empty();
        }
    }

    /** Starts {@code work} for {@code owner}; it reports to the progress it is given and must not throw. */
    Job<T> start(long owner, Function<Progress, T> work) {
        purge();
        byte[] bytes = new byte[16];
        random.nextBytes(bytes);
        String id = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        var progress = new ProgressTracker(System::nanoTime);
        var result = CompletableFuture.supplyAsync(
                () -> {
                    try (progress) {
                        return work.apply(progress);
                    }
                },
                threads);
        var job = new Job<>(id, owner, clock.instant(), progress, result);
        jobs.put(id, job);
        return job;
    }

    /** Waits up to {@code patience} for the job to end; what it gave if it did. */
    Optional<T> await(Job<T> job, Duration patience) {
        try {
            return Optional.of(job.result().get(patience.toMillis(), TimeUnit.MILLISECONDS));
        } catch (TimeoutException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        } catch (ExecutionException e) {
            throw new IllegalStateException("an import job failed", e.getCause());
        }
    }

    /** The job with this id if {@code owner} started it and it is not over an hour old; empty otherwise. */
    Optional<Job<T>> find(String id, long owner) {
        if (id == null || !ID.matcher(id).matches()) {
            return Optional.empty();
        }
        return Optional.ofNullable(jobs.get(id)).filter(j -> j.owner() == owner);
    }

    private void purge() {
        Instant before = clock.instant().minus(KEPT);
        jobs.values().removeIf(j -> j.result().isDone() && j.started().isBefore(before));
    }
}
