package kz.komek.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import kz.komek.Config;
import kz.komek.admin.Role;
import kz.komek.admin.accounts.Password;
import kz.komek.admin.accounts.UserName;
import kz.komek.cli.Cli;
import kz.komek.progress.Progress;
import kz.komek.storage.Database;
import kz.komek.testing.AdminHttp;
import kz.komek.testing.TestApp;
import kz.komek.testing.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a restore refuses, and that each refusal leaves the target as it was: a database with content, a cut-off
 * file, a changed file, a forged one, a backup of a newer schema, entries and tables that are not komek's. And what
 * a backup refuses: to replace a file it was not told to.
 */
class RestoreRefusalsTest {
    @TempDir
    static Path files;

    private static TestApp source;
    /** A backup of the mini fixture with a user and a reader's vote. */
    private static Path backup;

    @TempDir
    Path dir;

    @BeforeAll
    static void backUpASite() {
        source = TestApp.withBundle("/fixtures/mini.bundle.json");
        source.app().accounts().addUser(new UserName("aigerim"), Role.ADMIN, new Password(AdminHttp.PASSWORD));
        var vote = source.post("/api/v1/questions/462/votes?locale=ru", "application/json", "{\"useful\": true}");
        assertThat(vote.statusCode()).isEqualTo(200);
        backup = files.resolve("mini.zip");
        var run = Databases.cli(source.db(), "backup", backup.toString());
        assertThat(run.code()).as(run.err()).isZero();
    }

    @AfterAll
    static void stop() {
        source.close();
    }

    /** A restore of {@code file} into {@code db}, which must be refused with {@code why} (exit 1). */
    private static void refused(Config.DbUrl db, Path file, String why) {
        var run = Databases.cli(db, "restore", file.toString());
        assertThat(run.code()).as(run.out() + run.err()).isEqualTo(Cli.BAD_INPUT);
        assertThat(run.err())
                .startsWith("komek restore: " + file + ": ")
                .contains(why)
                .endsWith("komek restore: nothing was restored" + System.lineSeparator());
    }

    @Test
    void aDatabaseWithContentIsRefusedAsItIs() throws Exception {
        var target = TestDatabase.fresh();
        Path bundle = Files.writeString(dir.resolve("b.json"), TestApp.resource("/fixtures/cli.bundle.json"));
        assertThat(Databases.cli(target, "import", bundle.toString()).code()).isZero();
        var before = Databases.contents(target);

        refused(target, backup, "restore needs an empty database; this one has 2 questions, ");
        assertThat(Databases.contents(target)).isEqualTo(before);
    }

    @Test
    void aCutOffFileIsRefusedBeforeTheDatabaseIsTouched() throws Exception {
        byte[] whole = Files.readAllBytes(backup);
        Path cut = Files.write(dir.resolve("cut.zip"), Arrays.copyOf(whole, whole.length * 2 / 3));
        var target = TestDatabase.fresh();

        refused(target, cut, "not a komek backup: not a zip file, or a cut-off one");
        assertThat(Databases.tables(target)).as("not even the schema was made").isEmpty();
    }

    @Test
    void aTableFileChangedAfterTheBackupIsRefused() throws Exception {
        Path changed = Zips.changed(backup, dir.resolve("changed.zip"), entries -> {
            byte[] texts = entries.get("tables/question_text.copy");
            String text = new String(texts, StandardCharsets.UTF_8);
            assertThat(text).contains("бонус");
            entries.put(
                    "tables/question_text.copy",
                    text.replaceFirst("бонус", "БОНУС").getBytes(StandardCharsets.UTF_8));
        });
        var target = TestDatabase.fresh();

        refused(target, changed, "tables/question_text.copy does not match its SHA-256 in manifest.json");
        assertThat(Databases.tables(target)).isEmpty();
    }

    @Test
    void aFileThatChangesWhileItLoadsRestoresNothing() throws Exception {
        // the check before loading is skipped, as if the file changed between it and the load: the load checks too
        Path changed = Zips.changed(backup, dir.resolve("changed.zip"), entries -> {
            String votes = new String(entries.get("tables/vote.copy"), StandardCharsets.UTF_8);
            assertThat(votes).contains("\tru\t");
            entries.put("tables/vote.copy", votes.replace("\tru\t", "\tkz\t").getBytes(StandardCharsets.UTF_8));
        });
        var target = TestDatabase.fresh();
        try (var file = BackupFile.open(changed);
                var db = Database.openAsItIs(Config.forTests(dir).withDb(Optional.of(target)), 2)) {
            assertThatThrownBy(() -> Restore.into(db, file, Progress.NONE))
                    .isInstanceOf(BackupException.class)
                    .hasMessageContaining("tables/vote.copy does not match its SHA-256");
        }
        // questions load before the votes that name them: they were written, then rolled back
        assertThat(nonEmptyTables(target)).isEmpty();
    }

    @Test
    void aForgedFileWhoseRowsTheSchemaRefusesRestoresNothing() throws Exception {
        // checksums that agree with a file catch damage, not forgery; the schema's keys catch this one
        Path forged = Zips.changed(backup, dir.resolve("forged.zip"), entries -> {
            try {
                String votes = new String(entries.get("tables/vote.copy"), StandardCharsets.UTF_8);
                Zips.forge(
                        entries,
                        "vote",
                        (votes + "424242\tabcdefghijklmnopqrstuv\tt\t\\N\t\\N\tru\t2026-01-01 00:00:00+00\n")
                                .getBytes(StandardCharsets.UTF_8));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        var target = TestDatabase.fresh();

        refused(
                target,
                forged,
                "the database refused the restore (rolled back): ERROR: insert or update on table \"vote\"");
        assertThat(nonEmptyTables(target)).isEmpty();
    }

    @Test
    void aFileIsReadNoFurtherThanItsManifestSays() throws Exception {
        // a small entry that inflates to far more than the manifest admits is cut off at that size
        Path bomb = Zips.changed(backup, dir.resolve("bomb.zip"), entries -> {
            try {
                var manifest = Zips.manifest(entries);
                for (var t : manifest.get("tables")) {
                    if (t.get("name").asText().equals("vote")) {
                        entries.put("tables/vote.copy", new byte[64 << 20]);
                        ((com.fasterxml.jackson.databind.node.ObjectNode) t).put("bytes", 10);
                    }
                }
                Zips.putManifest(entries, manifest);
            } catch (java.io.IOException e) {
                throw new IllegalStateException(e);
            }
        });
        assertThat(Files.size(bomb)).isLessThan(1 << 20);
        var target = TestDatabase.fresh();

        refused(target, bomb, "tables/vote.copy is longer than the 10 bytes manifest.json gives");
        assertThat(Databases.tables(target)).isEmpty();
    }

    @Test
    void wrongUsageIsTheUsageCode() {
        var target = TestDatabase.fresh();
        assertThat(Databases.cli(target, "backup").code()).isEqualTo(Cli.USAGE);
        assertThat(Databases.cli(target, "restore").code()).isEqualTo(Cli.USAGE);
        assertThat(Databases.cli(target, "restore", backup.toString(), "--force")
                        .code())
                .as("there is no --force: restore into a new database")
                .isEqualTo(Cli.USAGE);
    }

    @Test
    void aBackupOfANewerSchemaIsRefused() throws Exception {
        Path newer = Zips.changed(backup, dir.resolve("newer.zip"), entries -> {
            try {
                var manifest = Zips.manifest(entries);
                manifest.put("schema_version", "999");
                Zips.putManifest(entries, manifest);
            } catch (java.io.IOException e) {
                throw new IllegalStateException(e);
            }
        });
        var target = TestDatabase.fresh();

        refused(target, newer, "the backup's schema is at version 999, newer than this komek knows (");
        assertThat(Databases.tables(target)).isEmpty();
    }

    @Test
    void entriesAndTablesThatAreNotKomeksAreRefused() throws Exception {
        var target = TestDatabase.fresh();
        Path slip = Zips.changed(
                backup, dir.resolve("slip.zip"), entries -> entries.put("../../.bashrc", new byte[] {'x'}));
        refused(target, slip, "it holds \"../../.bashrc\", which manifest.json does not list");

        Path injected = Zips.changed(
                backup,
                dir.resolve("injected.zip"),
                entries -> rename(entries, "vote", "vote\"; drop table question; --"));
        refused(target, injected, "manifest.json, field tables[");
        assertThat(Databases.tables(target)).isEmpty();

        // a plain name, but not a table of komek's schema: refused before a row is loaded
        Path foreign =
                Zips.changed(backup, dir.resolve("foreign.zip"), entries -> rename(entries, "vote", "pg_authid"));
        refused(target, foreign, "the backup has a table pg_authid, which komek's schema (version ");
        assertThat(nonEmptyTables(target)).isEmpty();

        Path other = Zips.changed(backup, dir.resolve("other.zip"), entries -> {
            try {
                var manifest = Zips.manifest(entries);
                manifest.put("format", "komek-backup/2");
                Zips.putManifest(entries, manifest);
            } catch (java.io.IOException e) {
                throw new IllegalStateException(e);
            }
        });
        refused(target, other, "manifest.json: format is \"komek-backup/2\"; this komek reads komek-backup/1");

        Path none = Files.writeString(dir.resolve("none.zip"), "{\"format\": \"komek-bundle/1\"}");
        refused(target, none, "not a komek backup");
        refused(target, dir.resolve("missing.zip"), "no such file");
        assertThat(nonEmptyTables(target)).isEmpty();
    }

    @Test
    void aBackupDoesNotReplaceAFileUnlessTold() throws Exception {
        Path existing = Files.writeString(dir.resolve("kept.zip"), "an older backup");
        var run = Databases.cli(source.db(), "backup", existing.toString());
        assertThat(run.code()).isEqualTo(Cli.BAD_INPUT);
        assertThat(run.err())
                .isEqualTo("komek backup: " + existing + " exists; give --overwrite to replace it"
                        + System.lineSeparator());
        assertThat(Files.readString(existing)).isEqualTo("an older backup");
        try (var listing = Files.list(dir)) {
            assertThat(listing).as("no temporary file left behind").containsExactly(existing);
        }

        var replaced = Databases.cli(source.db(), "backup", existing.toString(), "--overwrite");
        assertThat(replaced.code()).as(replaced.err()).isZero();
        assertThat(Files.getPosixFilePermissions(existing)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        try (var file = BackupFile.open(existing)) {
            file.check(Progress.NONE);
            assertThat(file.manifest().table("vote").orElseThrow().rows()).isEqualTo(1);
        }
    }

    /** Renames a table in the manifest and its file. */
    private static void rename(Map<String, byte[]> entries, String table, String name) {
        try {
            var manifest = Zips.manifest(entries);
            for (var t : manifest.get("tables")) {
                if (t.get("name").asText().equals(table)) {
                    ((com.fasterxml.jackson.databind.node.ObjectNode) t).put("name", name);
                    ((com.fasterxml.jackson.databind.node.ObjectNode) t).put("file", "tables/" + name + ".copy");
                }
            }
            Zips.putManifest(entries, manifest);
            entries.put("tables/" + name + ".copy", entries.remove("tables/" + table + ".copy"));
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The tables with rows, but for help_center's one row that the first migration makes. */
    private static java.util.List<String> nonEmptyTables(Config.DbUrl db) throws Exception {
        return Databases.contents(db).entrySet().stream()
                .filter(e -> !e.getValue().isEmpty() && !e.getKey().equals("help_center"))
                .map(Map.Entry::getKey)
                .toList();
    }
}
