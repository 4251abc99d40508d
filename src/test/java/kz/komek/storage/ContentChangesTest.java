package kz.komek.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import kz.komek.Config;
import kz.komek.testing.TestDatabase;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Content writes are heard as they commit, and still after the listening connection was killed. */
class ContentChangesTest {
    @TempDir
    Path dir;

    @Test
    void aCommittedVersionIsHeardAndARolledBackOneIsNot() throws Exception {
        try (var db = Database.open(Config.forTests(dir).withDb(Optional.of(TestDatabase.fresh())), 2);
                var changes = new ContentChanges(db::connectAlone)) {
            var heard = new LinkedBlockingQueue<Long>();
            changes.subscribe(heard::add);
            changes.start();
            assertThat(heard.poll(10, TimeUnit.SECONDS)).as("listening").isEqualTo(ContentChanges.MISSED);
            assertThat(changes.listening()).isTrue();

            db.jdbi().useTransaction(h -> {
                h.execute("update help_center set version = version + 1");
                h.rollback();
            });
            long version = bump(db.jdbi());

            assertThat(heard.poll(5, TimeUnit.SECONDS)).isEqualTo(version);
            assertThat(heard).isEmpty();
        }
    }

    @Test
    void itListensAgainAfterItsConnectionIsKilled() throws Exception {
        try (var db = Database.open(Config.forTests(dir).withDb(Optional.of(TestDatabase.fresh())), 2);
                var changes = new ContentChanges(db::connectAlone)) {
            var heard = new LinkedBlockingQueue<Long>();
            changes.subscribe(heard::add);
            changes.start();
            assertThat(heard.poll(10, TimeUnit.SECONDS)).isEqualTo(ContentChanges.MISSED);
            List<Integer> before = TestDatabase.contentListeners(db.jdbi());
            assertThat(before).hasSize(1);

            long killed = System.nanoTime();
            boolean terminated = db.jdbi()
                    .withHandle(h -> h.createQuery("select pg_terminate_backend(:pid)")
                            .bind("pid", before.get(0))
                            .mapTo(Boolean.class)
                            .one());
            assertThat(terminated).isTrue();

            // listening again: told that writes may have gone unheard meanwhile
            assertThat(heard.poll(10, TimeUnit.SECONDS)).isEqualTo(ContentChanges.MISSED);
            System.out.printf(
                    "listening again %d ms after the connection was killed%n",
                    TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - killed));
            assertThat(changes.listening()).isTrue();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (TestDatabase.contentListeners(db.jdbi()).containsAll(before) && System.nanoTime() < deadline) {
                Thread.sleep(20); // the killed backend may show for a moment longer
            }
            assertThat(TestDatabase.contentListeners(db.jdbi())).hasSize(1).doesNotContainAnyElementsOf(before);

            long version = bump(db.jdbi());
            assertThat(heard.poll(5, TimeUnit.SECONDS)).isEqualTo(version);
        }
    }

    private static long bump(Jdbi jdbi) {
        return jdbi.withHandle(h -> h.createQuery("update help_center set version = version + 1 returning version")
                .mapTo(Long.class)
                .one());
    }
}
