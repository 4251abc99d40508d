package kz.komek.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import kz.komek.Config;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code serve}'s flags as the configuration they make; nothing is started. */
class ServeOptionsTest {
    private static Config parse(String... args) {
        var serve = new ServeCommand();
        new CommandLine(serve).parseArgs(args);
        return serve.config();
    }

    @Test
    void votesAreLimitedTo30AMinuteUnlessToldOtherwise() {
        assertThat(parse().feedback().votesPerMinute()).isEqualTo(30);
        assertThat(parse().feedback().voteLimited()).isTrue();
        assertThat(parse("--vote-limit", "5").feedback().votesPerMinute()).isEqualTo(5);
    }

    @Test
    void aVoteLimitOfZeroTurnsTheLimitOff() {
        assertThat(parse("--vote-limit", "0").feedback().voteLimited()).isFalse();
    }

    @Test
    void proxyHeadersAreTrustedOnlyWhenAsked() {
        assertThat(parse().feedback().trustProxy()).isFalse();
        assertThat(parse("--trust-proxy").feedback().trustProxy()).isTrue();
        assertThat(parse("--no-trust-proxy").feedback().trustProxy()).isFalse();
    }

    @Test
    void theSynonymsFileReachesTheConfiguration(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("synonyms.txt"), "карта | карта\n");
        assertThat(parse("--synonyms", file.toString()).synonyms()).contains(file);
        assertThat(parse().synonyms()).isEmpty();
    }

    @Test
    void theEmbeddingModelReachesTheConfiguration(@TempDir Path dir) {
        assertThat(parse("--embedding-model", dir.toString()).embeddingModel()).contains(dir);
        assertThat(parse().embeddingModel()).isEmpty();
    }

    @Test
    void anUnusableEmbeddingModelStopsTheStartInOneLine(@TempDir Path dir) throws Exception {
        var err = new StringWriter();
        Path model = Files.createDirectories(dir.resolve("model"));
        Files.writeString(model.resolve("model.onnx"), "not a model");
        int code = Cli.run(
                new PrintWriter(new StringWriter(), true),
                new PrintWriter(err, true),
                "serve",
                "--data",
                dir.resolve("data").toString(),
                "--embedding-model",
                model.toString());
        assertThat(code).isEqualTo(Cli.BAD_INPUT);
        assertThat(err.toString())
                .isEqualTo("komek: --embedding-model " + model + ": no readable tokenizer.json there\n");
        assertThat(dir.resolve("data")).as("nothing was started").doesNotExist();
    }

    @Test
    void theAnalyticsRetentionIs90DaysUnlessToldOtherwise() {
        assertThat(parse().operations().analyticsRetention()).isEqualTo(90);
        assertThat(parse("--analytics-retention", "30").operations().analyticsRetention())
                .isEqualTo(30);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> parse("--analytics-retention", "3"))
                .hasMessageContaining("--analytics-retention must be 7 to 3650 days, was 3");
    }

    @Test
    void theDrainAndMetricsFlagsReachTheConfiguration() {
        var defaults = parse().operations();
        assertThat(defaults.drainDelay()).isZero();
        assertThat(defaults.drainTimeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(defaults.metrics().served())
                .as("/metrics is no public page by default")
                .isFalse();
        assertThat(defaults.metrics().bind()).isEqualTo("127.0.0.1");

        var ops = parse(
                        "--drain-delay", "5s",
                        "--drain-timeout", "1500ms",
                        "--metrics-port", "9464",
                        "--metrics-bind", "10.0.0.7",
                        "--metrics-token", "0123456789abcdef-xyz")
                .operations();
        assertThat(ops.drainDelay()).isEqualTo(Duration.ofSeconds(5));
        assertThat(ops.drainTimeout()).isEqualTo(Duration.ofMillis(1500));
        assertThat(ops.metrics().port()).contains(9464);
        assertThat(ops.metrics().bind()).isEqualTo("10.0.0.7");
        assertThat(ops.metrics().token()).contains("0123456789abcdef-xyz");
        assertThat(parse("--drain-delay", "7").operations().drainDelay()).isEqualTo(Duration.ofSeconds(7));
        assertThat(parse("--drain-timeout", "2m").operations().drainTimeout()).isEqualTo(Duration.ofMinutes(2));
    }

    @Test
    void thePoolSizeIsAFlagWithBounds() {
        assertThat(parse().operations().dbPool()).isEqualTo(16);
        assertThat(parse("--db-pool", "40").operations().dbPool()).isEqualTo(40);
        for (String bad : new String[] {"1", "501"}) {
            var err = new StringWriter();
            int code = Cli.run(
                    new PrintWriter(new StringWriter(), true), new PrintWriter(err, true), "serve", "--db-pool", bad);
            assertThat(code).as(bad).isEqualTo(Cli.BAD_INPUT);
            assertThat(err.toString()).contains("--db-pool must be 2 to 500").contains(bad);
        }
    }

    @Test
    void aNegativeVoteLimitIsBadInput() {
        var err = new StringWriter();
        int code = Cli.run(
                new PrintWriter(new StringWriter(), true), new PrintWriter(err, true), "serve", "--vote-limit", "-1");
        assertThat(code).isEqualTo(Cli.BAD_INPUT);
        assertThat(err.toString()).contains("--vote-limit").contains("-1");
    }
}
