package kz.komek.progress;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The plain lines of work watched by no terminal (pipes, CI, logs), on a clock the test steps. */
class ProgressLinesTest {
    private long now;
    private final List<String> lines = new ArrayList<>();
    private final ProgressLines progress = new ProgressLines("import", lines::add, () -> now, Duration.ofSeconds(5));

    private void after(double seconds) {
        now += (long) (seconds * 1e9);
    }

    @Test
    void saysCountRateAndTimeLeftEveryFewSecondsThenHowLongItTook() {
        progress.phase("importing", 100_000, "questions");
        after(1);
        progress.at(3_000);
        assertThat(lines).as("nothing before the first interval").isEmpty();
        after(4);
        progress.at(20_000);
        after(1);
        progress.at(24_000);
        after(4);
        progress.at(41_000);
        progress.close();
        progress.close();

        assertThat(lines)
                .containsExactly(
                        "import: importing 20,000 of 100,000 questions, 4,000/s, 20 s left",
                        "import: importing 41,000 of 100,000 questions, 4,100/s, 14 s left",
                        "import: importing 41,000 questions, 4,100/s, took 10 s");
    }

    @Test
    void shortWorkSaysNothingAndEachPhaseHasItsOwnUnitAndClock() {
        progress.phase("checking", 252, "MB");
        after(2);
        progress.at(252);
        progress.phase("importing", 100_000, "questions");
        after(6);
        progress.at(30_000);
        progress.close();

        assertThat(lines)
                .containsExactly(
                        "import: importing 30,000 of 100,000 questions, 5,000/s, 14 s left",
                        "import: importing 30,000 questions, 5,000/s, took 6 s");
    }

    @Test
    void anUnknownTotalLeavesOutWhatCannotBeKnown() {
        progress.phase("", -1, "questions");
        after(5);
        progress.at(10);
        assertThat(lines).containsExactly("import: 10 questions, 2/s");
    }

    @Test
    void aPaceSaysMinutesWhenSecondsNoLongerHelp() {
        assertThat(new Pace(1_000, 100_000, 10_000_000_000L).describe("questions"))
                .isEqualTo("1,000 of 100,000 questions, 100/s, 17 min left");
        assertThat(new Pace(0, 10, 0).describe("MB")).isEqualTo("0 of 10 MB, 0/s");
    }

    @Test
    void aTrackerShowsAnotherThreadWhereTheWorkIs() {
        var tracker = new ProgressTracker(() -> now);
        tracker.phase("importing", 1_000, "questions");
        after(2);
        tracker.at(500);
        var snapshot = tracker.snapshot();
        assertThat(snapshot.phase()).isEqualTo("importing");
        assertThat(snapshot.unit()).isEqualTo("questions");
        assertThat(snapshot.pace().describe("questions")).isEqualTo("500 of 1,000 questions, 250/s, 2 s left");
        assertThat(snapshot.closed()).isFalse();
        tracker.close();
        assertThat(tracker.snapshot().closed()).isTrue();
    }
}
