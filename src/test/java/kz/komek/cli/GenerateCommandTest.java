package kz.komek.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import kz.komek.bundle.Bundle;
import kz.komek.bundle.BundleJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code komek generate}, run through picocli as the CLI runs it. Until {@code GenerateCommand} is listed in
 * {@link Cli}'s subcommands it is run on its own; the exit codes are those of {@link Cli}.
 */
class GenerateCommandTest {
    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        out.getBuffer().setLength(0);
        err.getBuffer().setLength(0);
        var cl = new CommandLine(new GenerateCommand());
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        return cl.execute(args);
    }

    @Test
    void writesABundleThatBundleJsonReads() throws Exception {
        Path file = dir.resolve("bench.bundle.json");
        assertThat(run("--questions", "300", "--out", file.toString(), "--seed", "5"))
                .isZero();
        assertThat(err.toString()).contains("generated 300 questions");
        Bundle bundle = new BundleJson().read(Files.readString(file, StandardCharsets.UTF_8));
        assertThat(bundle.questions()).hasSize(300);
        assertThat(dir.toFile().list()).containsExactly("bench.bundle.json"); // no temporary file left
        // same seed, same bytes
        Path again = dir.resolve("again.json");
        assertThat(run("--questions", "300", "--out", again.toString(), "--seed", "5"))
                .isZero();
        assertThat(Files.mismatch(file, again)).isEqualTo(-1L);
    }

    @Test
    void writesToStandardOutputByDefault() {
        assertThat(run("--questions", "3", "--sites", "1", "--kz-only-share", "0", "--ru-only-share", "1"))
                .isZero();
        Bundle bundle = new BundleJson().read(out.toString());
        assertThat(bundle.sites()).hasSize(1);
        assertThat(bundle.questions()).allSatisfy(q -> assertThat(q.locales()).containsOnlyKeys("ru"));
    }

    @Test
    void badValuesExitWithBadInput() {
        assertThat(run("--questions", "0")).isEqualTo(Cli.BAD_INPUT);
        assertThat(err.toString()).contains("--questions must be 1 to 2000000");
        assertThat(run("--questions", "2000001")).isEqualTo(Cli.BAD_INPUT);
        assertThat(run("--questions", "10", "--kz-only-share", "1.5")).isEqualTo(Cli.BAD_INPUT);
        assertThat(err.toString()).contains("between 0 and 1");
        assertThat(run("--questions", "10", "--ru-only-share", "-0.1")).isEqualTo(Cli.BAD_INPUT);
        assertThat(run("--questions", "10", "--sites", "3")).isEqualTo(Cli.BAD_INPUT);
    }

    @Test
    void unwritableOutputExitsWithBadInput() {
        Path missing = dir.resolve("no/such/dir/out.json");
        assertThat(run("--questions", "10", "--out", missing.toString())).isEqualTo(Cli.BAD_INPUT);
        assertThat(err.toString()).contains("cannot write").contains(missing.toString());
        assertThat(run("--questions", "10", "--out", dir.toString())).isEqualTo(Cli.BAD_INPUT);
        assertThat(err.toString()).contains("is a directory");
    }

    @Test
    void malformedFlagsAreUsageErrors() {
        assertThat(run("--questions", "many")).isEqualTo(Cli.USAGE);
        assertThat(run()).isEqualTo(Cli.USAGE); // --questions is required
        assertThat(run("--questions", "10", "--bogus")).isEqualTo(Cli.USAGE);
    }
}
