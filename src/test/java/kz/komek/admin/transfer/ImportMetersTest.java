package kz.komek.admin.transfer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import kz.komek.progress.Progress;
import kz.komek.progress.ProgressTracker;
import org.junit.jupiter.api.Test;

/** The import gauges follow the import writing now, as its progress reports; the counters say how imports ended. */
class ImportMetersTest {
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final ImportMeters meters = new ImportMeters();

    {
        meters.register(registry);
    }

    private double gauge(String name) {
        return registry.get(name).gauge().value();
    }

    private double imports(String outcome) {
        return registry.get("komek.imports")
                .tag("outcome", outcome)
                .functionCounter()
                .count();
    }

    @Test
    void theGaugesShowTheWritingPhaseAndFallBackWhenItEnds() {
        var tracker = new ProgressTracker(System::nanoTime);
        String result = meters.run(tracker, "applied", p -> {
            assertThat(gauge("komek.import.running")).isEqualTo(1);
            p.phase("checking", 252, "MB"); // the file's check: not questions
            p.at(120);
            assertThat(gauge("komek.import.questions.planned")).isZero();
            p.phase("importing", 3000, "questions");
            p.at(1200);
            assertThat(gauge("komek.import.questions.planned")).isEqualTo(3000);
            assertThat(gauge("komek.import.questions.done")).isEqualTo(1200);
            return "report";
        });
        assertThat(result).isEqualTo("report");
        assertThat(tracker.snapshot().pace().done())
                .as("the caller's progress heard it all")
                .isEqualTo(1200);
        assertThat(tracker.snapshot().closed())
                .as("and is the caller's to close")
                .isFalse();
        assertThat(gauge("komek.import.running")).isZero();
        assertThat(gauge("komek.import.questions.planned")).isZero();
        assertThat(gauge("komek.import.questions.done")).isZero();
        assertThat(imports("applied")).isEqualTo(1);
    }

    @Test
    void anImportThatThrowsCountsAsFailed() {
        assertThatThrownBy(() -> meters.run(Progress.NONE, "dry_run", p -> {
                    p.phase("importing", 10, "questions");
                    throw new IllegalStateException("the database went away");
                }))
                .hasMessage("the database went away");
        meters.refused();
        assertThat(imports("failed")).isEqualTo(2);
        assertThat(imports("dry_run")).isZero();
        assertThat(gauge("komek.import.running")).isZero();
        assertThat(gauge("komek.import.questions.planned")).isZero();
    }
}
