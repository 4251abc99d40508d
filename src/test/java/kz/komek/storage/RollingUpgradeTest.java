package kz.komek.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import kz.komek.Config;
import kz.komek.testing.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a rolling upgrade relies on (decision 0044): every node migrates as it starts, nodes starting together take
 * turns and the schema is migrated once, and a node of the release before starts on a database a newer release
 * migrated, leaving the newer migrations alone.
 */
class RollingUpgradeTest {
    @TempDir
    Path dir;

    private Config config(Config.DbUrl db) {
        return Config.forTests(dir).withDb(Optional.of(db));
    }

    private static List<String> applied(Config.DbUrl db) throws Exception {
        var versions = new ArrayList<String>();
        try (var c = DriverManager.getConnection(db.url(), db.user(), db.password());
                var rs = c.createStatement()
                        .executeQuery("select version from flyway_schema_history where version is not null"
                                + " order by installed_rank")) {
            while (rs.next()) {
                versions.add(rs.getString(1));
            }
        }
        return versions;
    }

    @Test
    void nodesStartingTogetherMigrateOnce() throws Exception {
        var db = TestDatabase.fresh();
        int nodes = 4;
        var pool = Executors.newFixedThreadPool(nodes);
        var go = new CountDownLatch(1);
        try {
            var started = new ArrayList<Future<String>>();
            for (int i = 0; i < nodes; i++) {
                started.add(pool.submit(() -> {
                    go.await();
                    try (var database = Database.open(config(db), 2)) {
                        return database.schemaVersion().orElseThrow();
                    }
                }));
            }
            go.countDown();
            var versions = new ArrayList<String>();
            for (var f : started) {
                versions.add(f.get(120, TimeUnit.SECONDS));
            }
            String newest;
            try (var database = Database.openAsItIs(config(db), 2)) {
                newest = database.knownSchemaVersion();
            }
            assertThat(versions).containsOnly(newest);
            assertThat(applied(db)).doesNotHaveDuplicates().contains("1", newest);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aNodeOfTheReleaseBeforeStartsOnADatabaseANewerReleaseMigrated() throws Exception {
        var db = TestDatabase.fresh();
        try (var database = Database.open(config(db), 2)) {
            assertThat(database.schemaVersion()).isPresent();
        }
        // what the next release's start leaves: its migration applied, a table this jar does not know
        try (var c = DriverManager.getConnection(db.url(), db.user(), db.password());
                var st = c.createStatement()) {
            st.execute("""
                    create table from_the_future (id bigint primary key);
                    insert into flyway_schema_history
                        (installed_rank, version, description, type, script, checksum, installed_by, execution_time,
                         success)
                    select max(installed_rank) + 1, '9999', 'from the future', 'SQL', 'V9999__from_the_future.sql',
                           12345, current_user, 1, true
                    from flyway_schema_history;
                    """);
        }
        try (var database = Database.open(config(db), 2)) {
            assertThat(database.schemaVersion()).hasValue("9999");
            assertThat(database.knownSchemaVersion()).isNotEqualTo("9999");
        }
        assertThat(applied(db)).endsWith("9999");
    }
}
