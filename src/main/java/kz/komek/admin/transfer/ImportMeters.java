package kz.komek.admin.transfer;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Function;
import kz.komek.progress.Progress;

/**
 * How the admin's imports go, for a dashboard: {@code komek.import.running} (imports and dry runs on this node, waiting
 * for their turn included), {@code komek.import.questions.done} and {@code .planned} (of the import writing now; imports
 * write one at a time, under the content lock), and {@code komek.imports} by {@code outcome} ({@code applied},
 * {@code dry_run}, {@code failed}: refused, whether by the checks or by the database). Imports run by the {@code import} command are another process's.
 */
final class ImportMeters {
    private final AtomicLong running = new AtomicLong();
    private final AtomicLong done = new AtomicLong();
    private final AtomicLong total = new AtomicLong();
    private final Map<String, LongAdder> outcomes =
            Map.of("applied", new LongAdder(), "dry_run", new LongAdder(), "failed", new LongAdder());

    /** Runs an import, which reports to the progress it is given; counted as {@code outcome} unless it throws. */
    <T> T run(Progress progress, String outcome, Function<Progress, T> work) {
        running.incrementAndGet();
        try {
            T result = work.apply(new Watched(progress));
            outcomes.get(outcome).increment();
            return result;
        } catch (RuntimeException | Error e) {
            outcomes.get("failed").increment();
            throw e;
        } finally {
            running.decrementAndGet();
            done.set(0);
            total.set(0);
        }
    }

    /** An upload refused before it reached the database (a bad record, not a bundle): a failed import too. */
    void refused() {
        outcomes.get("failed").increment();
    }

    void register(MeterRegistry registry) {
        Gauge.builder("komek.import.running", running, AtomicLong::doubleValue)
                .description("imports and dry runs in progress on this node")
                .register(registry);
        Gauge.builder("komek.import.questions.done", done, AtomicLong::doubleValue)
                .description("questions written so far by the import writing now (0 when none)")
                .register(registry);
        Gauge.builder("komek.import.questions.planned", total, AtomicLong::doubleValue)
                .description("questions the import writing now will write (0 when none)")
                .register(registry);
        for (var e : outcomes.entrySet()) {
            FunctionCounter.builder("komek.imports", e.getValue(), LongAdder::doubleValue)
                    .description("imports from the admin that ended, by outcome")
                    .tag("outcome", e.getKey())
                    .register(registry);
        }
    }

    /** The import's progress, passed on, with its writing phase kept for the gauges. */
    private final class Watched implements Progress {
        private final Progress inner;
        private boolean writing;

        Watched(Progress inner) {
            this.inner = inner;
        }

        @Override
        public void phase(String name, long of, String unit) {
            inner.phase(name, of, unit);
            writing = "questions".equals(unit);
            if (writing) {
                done.set(0);
                total.set(Math.max(0, of));
            }
        }

        @Override
        public void at(long n) {
            inner.at(n);
            if (writing) {
                done.set(n);
            }
        }

        /** The caller's progress is the caller's to close. */
        @Override
        public void close() {}
    }
}
