package kz.komek.backup;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Optional;
import kz.komek.Config;
import kz.komek.storage.Database;
import kz.komek.testing.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A restore takes a database whose only rows are those the migrations made, and replaces them with the backup's: it
 * must know which tables those are. A migration that fills a new table fails here until it is named in
 * {@link Restore#SEEDED}; otherwise every restore into a new database would be refused as "not empty".
 */
class SeededTablesTest {
    @TempDir
    Path dir;

    @Test
    void theTablesMigrationsFillAreTheOnesRestoreReplaces() throws Exception {
        var db = TestDatabase.fresh();
        try (var database = Database.open(Config.forTests(dir).withDb(Optional.of(db)), 2)) {
            assertThat(database.schemaVersion()).isPresent();
        }
        var filled = new ArrayList<String>();
        for (String table : Databases.tables(db)) {
            if (Databases.count(db, table) > 0) {
                filled.add(table);
            }
        }
        assertThat(filled).containsExactlyInAnyOrderElementsOf(Restore.SEEDED);
    }
}
