package kz.komek.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The readiness probe on a clock the test moves: a flood of checks is one query, and a hung one holds nobody. */
class DatabaseProbeTest {
    private final AtomicLong clock = new AtomicLong(1_000_000_000L);

    @Test
    void aFloodOfChecksIsOneQueryUntilTheAnswerIsStale() throws Exception {
        var queries = new AtomicInteger();
        var gate = new CountDownLatch(1);
        try (var probe = new DatabaseProbe(
                timeout -> {
                    queries.incrementAndGet();
                    gate.await();
                    return "15";
                },
                clock::get)) {
            var pool = Executors.newFixedThreadPool(16);
            var answers = new ArrayList<Future<DatabaseProbe.Answer>>();
            for (int i = 0; i < 64; i++) {
                answers.add(pool.submit(probe::now));
            }
            gate.countDown();
            for (var a : answers) {
                assertThat(a.get(10, TimeUnit.SECONDS).appliedMigration()).hasValue("15");
            }
            pool.shutdown();
            assertThat(queries).as("queries for 64 checks").hasValue(1);

            clock.addAndGet(DatabaseProbe.FRESH.toNanos() - 1);
            assertThat(probe.now().up()).isTrue();
            assertThat(queries).as("still fresh").hasValue(1);
            clock.addAndGet(2);
            assertThat(probe.now().up()).isTrue();
            assertThat(queries).as("stale: asked again").hasValue(2);
        }
    }

    @Test
    void aQueryThatHangsIsDownForEveryCheckPastThePatienceAndUpWhenItAnswers() throws Exception {
        var queries = new AtomicInteger();
        var gate = new CountDownLatch(1);
        try (var probe = new DatabaseProbe(
                timeout -> {
                    queries.incrementAndGet();
                    if (!gate.await(30, TimeUnit.SECONDS)) {
                        throw new java.sql.SQLTransientConnectionException("timed out");
                    }
                    return "15";
                },
                clock::get)) {
            var first = Executors.newSingleThreadExecutor().submit(probe::now); // starts the query, which hangs
            while (queries.get() == 0) {
                Thread.onSpinWait();
            }
            clock.addAndGet(DatabaseProbe.PATIENCE.toNanos() + 1);
            // past the patience of the query running: no wait, no second query
            assertThat(probe.now().up()).isFalse();
            clock.addAndGet(DatabaseProbe.FRESH.toNanos());
            assertThat(probe.now().up()).isFalse();
            assertThat(queries).hasValue(1);

            gate.countDown(); // the database answers again
            first.get(10, TimeUnit.SECONDS);
            clock.addAndGet(DatabaseProbe.FRESH.toNanos());
            assertThat(probe.now().appliedMigration()).hasValue("15");
        }
    }

    @Test
    void aFailedQueryIsDown() {
        try (var probe = new DatabaseProbe(
                timeout -> {
                    throw new java.sql.SQLException("Connection refused");
                },
                clock::get)) {
            assertThat(probe.now().up()).isFalse();
            assertThat(probe.now().appliedMigration()).isEmpty();
        }
    }
}
