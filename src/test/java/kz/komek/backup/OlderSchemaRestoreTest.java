package kz.komek.backup;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Optional;
import kz.komek.Config;
import kz.komek.storage.Database;
import kz.komek.testing.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A backup from an older komek: taken as its database is (the backup migrates nothing), restored at its own schema
 * version and then migrated, so that a migration that moves data (V9 folded search_miss into search_miss_day and
 * dropped it) moves the restored rows too.
 */
class OlderSchemaRestoreTest {
    @TempDir
    Path dir;

    @Test
    void aBackupOfAnOlderSchemaIsRestoredAtItsVersionAndMigratedForward() throws Exception {
        Config.DbUrl old = TestDatabase.fresh();
        String newest;
        try (var db = Database.openAsItIs(Config.forTests(dir).withDb(Optional.of(old)), 2)) {
            db.migrateTo(Optional.of("8"));
            newest = db.knownSchemaVersion();
        }
        try (var c = Databases.connect(old);
                var st = c.createStatement()) {
            st.execute("""
                    insert into site (slug, position) values ('client', 1);
                    insert into site_title (site, locale, title) values ('client', 'ru', 'Клиентам');
                    insert into section (site, path, position) values ('client', 'bonus', 1);
                    insert into section_title (section_id, locale, title)
                        select id, 'ru', 'Бонусы' from section where path = 'bonus';
                    insert into question (id, site, section_id, position, canonical)
                        select 7, 'client', id, 1, '/bonus/q7' from section where path = 'bonus';
                    insert into question_text (question_id, locale, title, content, published)
                        values (7, 'ru', 'Как накопить бонусы?', '<p>Так.</p>', '2025-01-01 10:00');
                    insert into search_miss (site, locale, query, at) values
                        ('client', 'ru', '  чебурашка', '2026-03-01 10:00+00'),
                        ('client', 'ru', 'чебурашка ', '2026-03-01 11:00+00');
                    """);
        }
        Path file = dir.resolve("old.zip");
        var backup = Databases.cli(old, "backup", file.toString());
        assertThat(backup.code()).as(backup.err()).isZero();
        assertThat(backup.out()).contains("(schema version 8)");
        assertThat(Databases.rows(old, "select max(version::int) from flyway_schema_history"))
                .as("a backup changes nothing, not even the schema")
                .containsExactly("8");
        try (var f = BackupFile.open(file)) {
            assertThat(f.manifest().table("search_miss")).isPresent();
            assertThat(f.manifest().table("search_miss_day")).isEmpty();
        }

        Config.DbUrl restored = TestDatabase.fresh();
        var restore = Databases.cli(restored, "restore", file.toString());
        assertThat(restore.code()).as(restore.err()).isZero();
        assertThat(restore.out()).contains("at schema version 8; schema now at version " + newest + ")");
        assertThat(Databases.rows(restored, "select day, site, locale, query, misses from search_miss_day"))
                .containsExactly("2026-03-01\tclient\tru\tчебурашка\t2");
        assertThat(Databases.tables(restored)).doesNotContain("search_miss").contains("material");
        assertThat(Databases.rows(restored, "select title from question_text where question_id = 7"))
                .containsExactly("Как накопить бонусы?");
        // the section's identity went on past the restored id
        try (var c = Databases.connect(restored);
                var st = c.createStatement()) {
            st.execute("insert into section (site, path, position) values ('client', 'shop', 2)");
        }
        assertThat(Databases.count(restored, "section")).isEqualTo(2);
    }
}
