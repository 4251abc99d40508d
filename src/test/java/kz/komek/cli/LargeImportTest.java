package kz.komek.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedWriter;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import kz.komek.Config;
import kz.komek.generate.BundleGenerator;
import kz.komek.testing.TestDatabase;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Imports and exports larger than the heap, in a JVM of their own started with a small {@code -Xmx} (so that a
 * bundle held whole would fail there), and an import that fails near its end: one transaction, nothing changed.
 */
class LargeImportTest {
    /** The forked JVM's heap; the bundle is several times larger. */
    private static final String HEAP = "-Xmx32m";

    @TempDir
    Path dir;

    private Config.DbUrl db;

    @BeforeEach
    void freshDatabase() {
        db = TestDatabase.fresh();
    }

    private Path generate(int questions) throws Exception {
        Path file = dir.resolve("b" + questions + ".json");
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            new BundleGenerator().write(w, questions, 7, BundleGenerator.Options.defaults());
        }
        return file;
    }

    private List<String> dbArgs() {
        return List.of("--db-url", db.url(), "--db-user", db.user(), "--db-password", db.password());
    }

    /** {@code java HEAP -cp … kz.komek.App args…}: exit code, standard output and error together. */
    private Forked fork(String... args) throws Exception {
        var cmd = new ArrayList<String>(List.of(
                ProcessHandle.current().info().command().orElse("java"),
                HEAP,
                "-XX:+ExitOnOutOfMemoryError",
                "-cp",
                System.getProperty("java.class.path"),
                "kz.komek.App"));
        cmd.addAll(List.of(args));
        cmd.addAll(dbArgs());
        Path log = Files.createTempFile(dir, "fork", ".log");
        Process p = new ProcessBuilder(cmd)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        assertThat(p.waitFor(5, TimeUnit.MINUTES)).as("the forked komek ends").isTrue();
        return new Forked(p.exitValue(), Files.readString(log));
    }

    private record Forked(int exit, String output) {}

    @Test
    void aBundleSeveralTimesTheHeapImportsAndExportsInAJvmOfThatHeap() throws Exception {
        Path bundle = generate(50_000);
        assertThat(Files.size(bundle)).as("bytes, against a heap of 32 MiB").isGreaterThan(3L * (32 << 20));

        var imported = fork("import", bundle.toString());

        assertThat(imported.exit()).as(imported.output()).isZero();
        assertThat(imported.output())
                .contains("questions: 50000 new, 0 updated, 0 unchanged")
                .contains("imported " + bundle);
        assertThat(count()).isEqualTo(50_000);

        Path exported = dir.resolve("exported.json");
        var export = fork("export", exported.toString());

        assertThat(export.exit()).as(export.output()).isZero();
        // a generated bundle exported again is the same file, byte for byte
        assertThat(Files.mismatch(exported, bundle)).isEqualTo(-1);
    }

    @Test
    void aBadRecordNearTheEndOfALargeImportChangesNothing() throws Exception {
        Path bundle = generate(3_000);
        assertThat(run("import", bundle.toString())).isZero();
        long version = version();
        String title = title(1_000);
        String text = Files.readString(bundle);
        String lastSection = lastValue(text, "\"section\" : \"");

        // the first record changes, the last names a section no database has: found only while writing, after
        // five batches of questions went into the transaction
        String changed = text.replaceFirst("\"title\" : \"[^\"]*\"", "\"title\" : \"Изменено\"")
                .replace("\"section\" : \"" + lastSection + "\"", "\"section\" : \"no/such/place\"");
        assertThat(changed).isNotEqualTo(text);
        Path bad = dir.resolve("bad.json");
        Files.writeString(bad, changed);
        var err = new StringWriter();

        int exit = Cli.run(new PrintWriter(new StringWriter(), true), new PrintWriter(err, true), args("import", bad));

        assertThat(exit).isEqualTo(Cli.BAD_INPUT);
        assertThat(err.toString())
                .contains("field section: section \"no/such/place\" does not exist")
                .contains("nothing was changed");
        assertThat(version()).isEqualTo(version);
        assertThat(count()).isEqualTo(3_000);
        assertThat(title(1_000)).isEqualTo(title);
        int renamed = jdbi().withHandle(
                        h -> h.createQuery("select count(*) from question_text where title = 'Изменено'")
                                .mapTo(Integer.class)
                                .one());
        assertThat(renamed).isZero();

        // a problem the first reading finds (a bad date in the last record) is said before anything is written
        String badDate = text.replace(lastValue(text, "\"updated\" : \""), "01.05.2024");
        Files.writeString(bad, badDate);
        err.getBuffer().setLength(0);
        assertThat(Cli.run(new PrintWriter(new StringWriter(), true), new PrintWriter(err, true), args("import", bad)))
                .isEqualTo(Cli.BAD_INPUT);
        assertThat(err.toString()).contains("updated: not an ISO date (yyyy-MM-dd): \"01.05.2024\"");
        assertThat(version()).isEqualTo(version);
    }

    private int run(String... args) {
        return Cli.run(new PrintWriter(new StringWriter(), true), new PrintWriter(new StringWriter(), true), all(args));
    }

    private String[] args(String command, Path file) {
        return all(command, file.toString());
    }

    private String[] all(String... args) {
        var all = new ArrayList<String>(List.of(args));
        all.addAll(dbArgs());
        return all.toArray(String[]::new);
    }

    /** The last value of a field the generator writes as {@code "name" : "value"}. */
    private static String lastValue(String text, String field) {
        int at = text.lastIndexOf(field) + field.length();
        return text.substring(at, text.indexOf('"', at));
    }

    private Jdbi jdbi() {
        return Jdbi.create(db.url(), db.user(), db.password());
    }

    private long version() {
        return jdbi().withHandle(h -> h.createQuery("select version from help_center")
                .mapTo(Long.class)
                .one());
    }

    private int count() {
        return jdbi().withHandle(h -> h.createQuery("select count(*) from question")
                .mapTo(Integer.class)
                .one());
    }

    /** Some question's title, by its place in id order. */
    private String title(int nth) {
        return jdbi().withHandle(h ->
                h.createQuery("""
                        select title from question_text order by question_id, locale offset :n limit 1""").bind("n", nth).mapTo(String.class).one());
    }
}
