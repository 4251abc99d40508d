package kz.komek.progress;

import java.util.function.LongSupplier;

/**
 * Progress kept for someone who asks now and then (the admin's page of a running import): the work's thread reports,
 * any thread reads a {@link Snapshot}.
 */
public final class ProgressTracker implements Progress {
    private final LongSupplier nanoTime;

    /** The phase as last set; replaced whole, so a reader never sees one phase's name with another's total. */
    private volatile Phase current;

    private volatile long done;
    private volatile boolean closed;

    private record Phase(String name, long total, String unit, long started) {}

    /** What a reader sees: the phase, its pace, and whether the work ended. */
    public record Snapshot(String phase, String unit, Pace pace, boolean closed) {}

    /** @param nanoTime the clock ({@code System::nanoTime}; tests step their own) */
    public ProgressTracker(LongSupplier nanoTime) {
        this.nanoTime = nanoTime;
        this.current = new Phase("", -1, "", nanoTime.getAsLong());
    }

    @Override
    public void phase(String name, long total, String unit) {
        done = 0;
        current = new Phase(name, total, unit, nanoTime.getAsLong());
    }

    @Override
    public void at(long done) {
        this.done = done;
    }

    @Override
    public void close() {
        closed = true;
    }

    public Snapshot snapshot() {
        Phase p = current;
        long d = done;
        return new Snapshot(
                p.name(), p.unit(), new Pace(d, p.total(), Math.max(0, nanoTime.getAsLong() - p.started())), closed);
    }
}
