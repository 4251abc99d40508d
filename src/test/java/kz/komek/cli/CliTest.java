package kz.komek.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import kz.komek.testing.TestApp;
import kz.komek.testing.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The operator's commands, run as {@code main} runs them, against a real database. */
class CliTest {
    @TempDir
    Path dir;

    private String dbUrl;
    private String dbUser;
    private String dbPassword;
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @BeforeEach
    void freshDatabase() {
        var db = TestDatabase.fresh();
        dbUrl = db.url();
        dbUser = db.user();
        dbPassword = db.password();
    }

    private int run(String... args) {
        out.getBuffer().setLength(0);
        err.getBuffer().setLength(0);
        String[] all = new String[args.length + 6];
        System.arraycopy(args, 0, all, 0, args.length);
        all[args.length] = "--db-url";
        all[args.length + 1] = dbUrl;
        all[args.length + 2] = "--db-user";
        all[args.length + 3] = dbUser;
        all[args.length + 4] = "--db-password";
        all[args.length + 5] = dbPassword;
        return Cli.run(new PrintWriter(out, true), new PrintWriter(err, true), all);
    }

    private Path write(String name, String text) throws Exception {
        Path p = dir.resolve(name);
        Files.writeString(p, text, StandardCharsets.UTF_8);
        return p;
    }

    @Test
    void importsABundleAndExportsIt() throws Exception {
        Path bundle = write("b.json", TestApp.resource("/fixtures/cli.bundle.json"));
        assertThat(run("import", bundle.toString())).isZero();
        assertThat(out.toString()).contains("questions: 2 new, 0 updated, 0 unchanged");
        Path exported = dir.resolve("out.json");
        assertThat(run("export", exported.toString())).isZero();
        assertThat(Files.readString(exported))
                .contains("\"format\" : \"komek-bundle/1\"")
                .contains("Как накопить");
        // export → import → export gives the same document
        assertThat(run("import", exported.toString())).isZero();
        Path again = dir.resolve("again.json");
        assertThat(run("export", again.toString())).isZero();
        assertThat(Files.readString(again)).isEqualTo(Files.readString(exported));
    }

    @Test
    void importsTheSeedPayload() throws Exception {
        Path payload = write("seed.txt", TestApp.resource("/demo/kz-bonus-save-general.payload.txt"));
        assertThat(run("import", payload.toString(), "--site", "client"))
                .as(err.toString())
                .isZero();
        assertThat(out.toString()).contains("questions: 11 new").contains("note: ");
    }

    @Test
    void aBrokenBundleExitsNonZeroNamingRecordAndFieldAndChangesNothing() throws Exception {
        Path good = write("good.json", TestApp.resource("/fixtures/cli.bundle.json"));
        assertThat(run("import", good.toString())).isZero();
        Path before = dir.resolve("before.json");
        run("export", before.toString());

        String broken = TestApp.resource("/fixtures/cli.bundle.json")
                .replace("Как накопить бонусы?", "Изменено")
                .replace("<p>Нет.</p>\", \"updated\": \"2024-05-01\"", "<p>Нет.</p>\", \"updated\": \"01.05.2024\"");
        Path bad = write("bad.json", broken);
        assertThat(run("import", bad.toString())).isEqualTo(Cli.BAD_INPUT);
        assertThat(err.toString())
                .contains("question 8, field locales.ru.updated")
                .contains("nothing was changed");

        Path after = dir.resolve("after.json");
        run("export", after.toString());
        assertThat(Files.readString(after)).isEqualTo(Files.readString(before));
    }

    @Test
    void unreadableInputGetsAClearLine() throws Exception {
        assertThat(run("import", dir.resolve("missing.json").toString())).isEqualTo(Cli.BAD_INPUT);
        assertThat(err.toString()).contains("no such file");
        Path binary = dir.resolve("bin.json");
        Files.write(binary, new byte[] {(byte) 0xff, (byte) 0xfe, 0, 1});
        assertThat(run("import", binary.toString())).isEqualTo(Cli.BAD_INPUT);
        assertThat(err.toString()).contains("not UTF-8");
        // a bundle (streamed) with a byte that is no UTF-8 deep inside a string
        Path inside = dir.resolve("inside.json");
        byte[] head = "{\"format\": \"komek-bundle/1\", \"note\": \"".getBytes(StandardCharsets.UTF_8);
        byte[] bad = java.util.Arrays.copyOf(head, head.length + 3);
        bad[head.length] = (byte) 0xff;
        bad[head.length + 1] = '"';
        bad[head.length + 2] = '}';
        Files.write(inside, bad);
        assertThat(run("import", inside.toString())).isEqualTo(Cli.BAD_INPUT);
        assertThat(err.toString()).contains(inside + ": is not UTF-8 text");
        Path garbage = write("garbage.json", "{\"format\": \"komek-bundle/1\", \"questions\": [");
        assertThat(run("import", garbage.toString())).isEqualTo(Cli.BAD_INPUT);
        assertThat(err.toString()).contains("not valid JSON");
    }

    @Test
    void anOversizedFileIsRefusedBeforeItIsRead() throws Exception {
        Path good = write("good.json", TestApp.resource("/fixtures/cli.bundle.json"));
        assertThat(run("import", good.toString(), "--max-bytes", "100")).isEqualTo(Cli.BAD_INPUT);
        assertThat(err.toString()).contains("the largest file this import takes is 100 bytes");
        assertThat(run("export", "-")).isZero();
        assertThat(out.toString()).doesNotContain("Как накопить");
    }

    @Test
    void aPayloadTooLargeForTheHeapIsRefusedBeforeTheDatabaseIsTouched() throws Exception {
        // a page payload is read whole; a bundle is streamed (see LargeImportTest)
        Path payload = write("seed.txt", TestApp.resource("/demo/kz-bonus-save-general.payload.txt"));
        long size = Files.size(payload);
        // the seam the command calls with this JVM's heap, here with room for half the file
        var tight = new kz.komek.bundle.HeapBudget(size * 5 / 2, 64L << 20);
        assertThatThrownBy(() -> ImportCommand.read(payload, size, "client", tight))
                .isInstanceOf(kz.komek.bundle.HeapBudget.TooLarge.class)
                .hasMessageStartingWith(payload + ": is ")
                .hasMessageContaining("MiB of heap")
                .hasMessageContaining("java -Xmx512m -jar komek.jar");
        assertThat(ImportCommand.read(payload, size, "client", new kz.komek.bundle.HeapBudget(size * 5, 64L << 20))
                        .bundle()
                        .questions())
                .hasSize(11);
    }

    @Test
    void aPayloadThatIsNotAPayloadIsBadInput() throws Exception {
        Path html =
                write("page.html", "<html><body><script id=\"__NUXT_DATA__\" type=\"application/json\">[1,</script>");
        assertThat(run("import", html.toString())).isEqualTo(Cli.BAD_INPUT);
        assertThat(err.toString()).contains("nothing was changed");
    }

    @Test
    void lintReportsFindingsAndFailsWhenStrict() throws Exception {
        Path bundle = write("lint.json", TestApp.resource("/fixtures/lint.bundle.json"));
        assertThat(run("import", bundle.toString())).isZero();
        assertThat(run("lint")).isZero();
        assertThat(out.toString())
                .contains("question 1 (client, ru) unknown_macro: %вставка тариф_таблица(карты)%")
                .contains("question 8 (client, kz) missing_translation")
                .contains("findings");
        assertThat(run("lint", "--strict")).isEqualTo(LintCommand.FINDINGS);
        assertThat(run("lint", "--format", "json")).isZero();
        assertThat(new com.fasterxml.jackson.databind.ObjectMapper()
                        .readTree(out.toString())
                        .get("total")
                        .asInt())
                .isGreaterThanOrEqualTo(7);
        assertThat(run("lint", "--format", "xml")).isEqualTo(Cli.BAD_INPUT);
        assertThat(err.toString()).contains("--format must be text or json");
    }

    @Test
    void wrongUsageExitsWithTheUsageCode() {
        assertThat(run("import")).isEqualTo(Cli.USAGE);
        assertThat(err.toString()).contains("FILE");
        assertThat(run("serve", "--port", "eighty")).isEqualTo(Cli.USAGE);
    }

    @Test
    void votesAreKeptByDefaultAndTheReportNamesTheCountsAnImportChanges() throws Exception {
        Path bundle = write("b.json", TestApp.resource("/fixtures/cli.bundle.json"));
        assertThat(run("import", bundle.toString())).isZero();
        assertThat(out.toString()).contains("votes (keep): 0 stored questions' counts changed");
        Path more = write(
                "more.json",
                TestApp.resource("/fixtures/cli.bundle.json")
                        .replace("\"up\": 3, \"down\": 1", "\"up\": 2, \"down\": 0"));

        assertThat(run("import", more.toString())).isZero();
        assertThat(out.toString())
                .contains("questions: 0 new, 0 updated, 2 unchanged")
                .contains("votes (keep): 0 stored questions' counts changed");

        assertThat(run("import", more.toString(), "--votes", "add", "--dry-run"))
                .isZero();
        assertThat(out.toString())
                .contains(
                        "votes (add): 1 stored question's counts changed\n  question 7: 3 up, 1 down → 5 up, 1 down\n")
                .contains("dry run: nothing was changed");

        assertThat(run("import", more.toString(), "--votes", "replace")).isZero();
        assertThat(out.toString())
                .contains(
                        "votes (replace): 1 stored question's counts changed\n  question 7: 3 up, 1 down → 2 up, 0 down\n");
    }

    @Test
    void anUnknownVotePolicyIsAUsageError() throws Exception {
        Path bundle = write("b.json", TestApp.resource("/fixtures/cli.bundle.json"));
        assertThat(run("import", bundle.toString(), "--votes", "merge")).isEqualTo(Cli.USAGE);
        assertThat(err.toString())
                .contains("Invalid value for option '--votes': expected replace, keep or add, was \"merge\"");
        assertThat(run("export", "-")).isZero();
        assertThat(out.toString()).doesNotContain("\"id\" : 7");
    }

    @Test
    void anUnreachableDatabaseIsAStorageError() throws Exception {
        Path good = write("good.json", TestApp.resource("/fixtures/cli.bundle.json"));
        dbUrl = "jdbc:postgresql://127.0.0.1:1/none";
        assertThat(run("import", good.toString())).isEqualTo(Cli.STORAGE);
        assertThat(err.toString()).contains("could not connect");
    }
}
