package kz.komek.progress;

import java.time.Duration;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * Progress as plain lines, for pipes, CI and logs, where a bar's carriage returns would be noise: {@code import:
 * importing 41,000 of 100,000 questions, 3,350/s, 18 s left} every few seconds, and a last line for a phase that
 * said any. Work shorter than the interval says nothing, so small imports print only their report.
 */
public final class ProgressLines implements Progress {
    private final String task;
    private final Consumer<String> out;
    private final LongSupplier nanoTime;
    private final long every;

    private String phase = "";
    private String unit = "";
    private long total = -1;
    private long done;
    private long started;
    private long lastSaid;
    private boolean said;
    private boolean open;

    /**
     * @param out where each line goes ({@code err::println}, a logger)
     * @param nanoTime the clock ({@code System::nanoTime}; tests step their own)
     */
    public ProgressLines(String task, Consumer<String> out, LongSupplier nanoTime, Duration every) {
        this.task = task;
        this.out = out;
        this.nanoTime = nanoTime;
        this.every = every.toNanos();
    }

    /** Lines every {@link Progress#EVERY} on the system's clock. */
    public static ProgressLines of(String task, Consumer<String> out) {
        return new ProgressLines(task, out, System::nanoTime, EVERY);
    }

    @Override
    public void phase(String name, long total, String unit) {
        end();
        this.phase = name;
        this.unit = unit;
        this.total = total;
        this.done = 0;
        this.started = nanoTime.getAsLong();
        this.lastSaid = started;
        this.said = false;
        this.open = true;
    }

    @Override
    public void at(long done) {
        this.done = done;
        long now = nanoTime.getAsLong();
        if (open && now - lastSaid >= every) {
            lastSaid = now;
            said = true;
            out.accept(head() + new Pace(done, total, now - started).describe(unit));
        }
    }

    @Override
    public void close() {
        end();
    }

    /** The last line of a phase that said anything: how many, how fast, how long it took. */
    private void end() {
        if (open && said) {
            var pace = new Pace(done, total, nanoTime.getAsLong() - started);
            out.accept(head() + Pace.number(done) + " " + unit + ", " + Pace.number(Math.round(pace.perSecond()))
                    + "/s, took " + Pace.duration(pace.seconds()));
        }
        open = false;
    }

    private String head() {
        return phase.isEmpty() ? task + ": " : task + ": " + phase + " ";
    }
}
