package kz.komek.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import kz.komek.App;
import kz.komek.Config;
import kz.komek.bundle.BundleJson;
import kz.komek.cli.Cli;
import kz.komek.i18n.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The embedded PostgreSQL under {@code --data}: survives restarts and never outlives komek. */
class EmbeddedDatabaseTest {
    private static final String BUNDLE = """
            {"format": "komek-bundle/1", "locales": ["ru", "kz"], "default_locale": "ru",
             "sites": [{"slug": "client", "title": {"ru": "Клиентам"}}],
             "sections": [{"site": "client", "path": "bonus", "position": 1, "title": {"ru": "Бонусы"}}],
             "questions": [{"id": 7, "site": "client", "section": "bonus", "position": 1,
               "locales": {"ru": {"title": "Как накопить бонусы?", "content": "<p>Так.</p>"}}}]}
            """;

    @TempDir
    Path data;

    @Test
    void contentSurvivesARestartAndNoPostgresOutlivesTheApp() {
        try (App app = App.create(Config.forTests(data))) {
            app.bundles().importBundle(new BundleJson().read(BUNDLE), List.of());
        }
        assertThat(postgresProcessesFor(data)).isEmpty();
        try (App app = App.create(Config.forTests(data))) {
            assertThat(app.catalog()
                            .question(7)
                            .orElseThrow()
                            .text(Locale.RU)
                            .orElseThrow()
                            .title())
                    .isEqualTo("Как накопить бонусы?");
        }
        assertThat(postgresProcessesFor(data)).isEmpty();
    }

    @Test
    void anImportBesideARunningServerIsServedWithinASecond() throws Exception {
        try (App app = App.create(Config.forTests(data)).start()) {
            var http = java.net.http.HttpClient.newHttpClient();
            var page = java.net.URI.create("http://localhost:" + app.port() + "/client/ru/bonus/q7");
            var before = http.send(
                    java.net.http.HttpRequest.newBuilder(page).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
            assertThat(before.statusCode()).isEqualTo(404);

            Path bundle = Files.writeString(data.resolve("b.json"), BUNDLE);
            var out = new java.io.StringWriter();
            var err = new java.io.StringWriter();
            int code = kz.komek.cli.Cli.run(
                    new java.io.PrintWriter(out, true),
                    new java.io.PrintWriter(err, true),
                    "import",
                    bundle.toString(),
                    "--data",
                    data.toString());
            assertThat(code).as(err.toString()).isZero();

            // another process's write reaches the server by notification (decision 0035): within a second
            long start = System.nanoTime();
            java.net.http.HttpResponse<String> after;
            do {
                after = http.send(
                        java.net.http.HttpRequest.newBuilder(page).build(),
                        java.net.http.HttpResponse.BodyHandlers.ofString());
                if (after.statusCode() == 200) {
                    break;
                }
                Thread.sleep(20);
            } while (System.nanoTime() - start < 3_000_000_000L);
            assertThat(after.statusCode()).isEqualTo(200);
            assertThat((System.nanoTime() - start) / 1_000_000)
                    .as("ms until served")
                    .isLessThan(1_000);
            assertThat(after.body()).contains("Как накопить бонусы?");
        }
        assertThat(postgresProcessesFor(data)).isEmpty();
    }

    @Test
    void ctrlCStopsTheServerAndItsPostgres() throws Exception {
        Process serve = startServe();
        try {
            assertThat(postgresProcessesFor(data)).isNotEmpty();
            // What a terminal's Ctrl-C sends.
            new ProcessBuilder("kill", "-INT", Long.toString(serve.pid()))
                    .start()
                    .waitFor();
            assertThat(serve.waitFor(60, TimeUnit.SECONDS)).isTrue();
            awaitNoPostgres();
            assertThat(Files.exists(data.resolve("postgres/postmaster.pid"))).isFalse();
        } finally {
            serve.destroyForcibly();
        }
    }

    @Test
    void aPostgresLeftByAKilledKomekIsTakenOver() throws Exception {
        Process serve = startServe();
        serve.destroyForcibly().waitFor(30, TimeUnit.SECONDS); // kill -9: no shutdown hook runs
        assertThat(postgresProcessesFor(data))
                .as("the orphan this test is about")
                .isNotEmpty();
        try (App app = App.create(Config.forTests(data))) {
            assertThat(app.catalog().sites()).isEmpty();
        }
        awaitNoPostgres();
    }

    /** A second serve on the same directory says who serves it, and starts nothing. */
    @Test
    void aSecondServeOnTheSameDataSaysWhichKomekServesIt() throws Exception {
        Process serve = startServe();
        try {
            var err = new StringWriter();
            int code = Cli.run(
                    new PrintWriter(new StringWriter()),
                    new PrintWriter(err, true),
                    "serve",
                    "--port",
                    "0",
                    "--no-demo",
                    "--data",
                    data.toString());
            assertThat(code).isEqualTo(Cli.STORAGE);
            assertThat(err.toString()).contains("another komek (pid " + serve.pid() + ") is serving");
            assertThat(serve.isAlive()).isTrue();
        } finally {
            serve.destroy();
            serve.waitFor(60, TimeUnit.SECONDS);
        }
        awaitNoPostgres();
    }

    /** A stale postmaster.pid whose pid now belongs to another program: that program is left alone. */
    @Test
    void aStalePidFileNamingAnotherProgramNeitherKillsItNorStopsTheStart() throws Exception {
        Process other = new ProcessBuilder("sleep", "120").start();
        try {
            Files.createDirectories(data.resolve("postgres"));
            Files.writeString(
                    data.resolve("postgres/postmaster.pid"),
                    other.pid() + "\n" + data.resolve("postgres") + "\n1700000000\n54321\n/tmp\nlocalhost\n");
            Files.writeString(data.resolve(EmbeddedOwner.OWNER_FILE), "999999999");
            try (App app = App.create(Config.forTests(data))) {
                assertThat(app.catalog().sites()).isEmpty();
            }
            assertThat(other.isAlive()).as("the program the stale file named").isTrue();
        } finally {
            other.destroyForcibly();
        }
        awaitNoPostgres();
    }

    /** {@code komek serve} in its own JVM, as an operator starts it; returns once it logged that it is ready. */
    private Process startServe() throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        Process serve = new ProcessBuilder(
                        java,
                        "-cp",
                        System.getProperty("java.class.path"),
                        "kz.komek.App",
                        "serve",
                        "--port",
                        "0",
                        "--no-demo",
                        "--data",
                        data.toString())
                .redirectErrorStream(true)
                .start();
        var out = new BufferedReader(new InputStreamReader(serve.getInputStream(), StandardCharsets.UTF_8));
        Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
        String line;
        while (Instant.now().isBefore(deadline) && (line = out.readLine()) != null) {
            if (Pattern.compile("komek ready at http://localhost:\\d+/")
                    .matcher(line)
                    .find()) {
                // keep draining its output so that it never blocks on a full pipe
                Thread drain = new Thread(() -> out.lines().forEach(l -> {}));
                drain.setDaemon(true);
                drain.start();
                return serve;
            }
        }
        serve.destroyForcibly();
        throw new AssertionError("komek serve did not log that it is ready");
    }

    private void awaitNoPostgres() throws InterruptedException {
        Instant until = Instant.now().plus(Duration.ofSeconds(30));
        while (!postgresProcessesFor(data).isEmpty() && Instant.now().isBefore(until)) {
            Thread.sleep(200);
        }
        assertThat(postgresProcessesFor(data)).isEmpty();
    }

    /** PostgreSQL server processes whose command line names this data directory. */
    static List<ProcessHandle> postgresProcessesFor(Path data) {
        String dir = data.resolve("postgres").toString();
        return ProcessHandle.allProcesses()
                .filter(ProcessHandle::isAlive)
                .filter(p -> p.info()
                        .commandLine()
                        .map(c -> c.contains("postgres") && c.contains(dir))
                        .orElse(false))
                .toList();
    }
}
