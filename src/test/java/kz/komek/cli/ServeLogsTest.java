package kz.komek.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import kz.komek.testing.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code serve --log-format json} in its own JVM, as an operator starts it: every line it writes is one JSON object,
 * a request's line carries its id, and SIGTERM drains and stops it.
 */
class ServeLogsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    @Timeout(120)
    void jsonLogsCarryTheRequestIdAndSigtermDrains(@TempDir Path dir) throws Exception {
        var db = TestDatabase.fresh();
        String java = ProcessHandle.current().info().command().orElse("java");
        var pb = new ProcessBuilder(
                        java,
                        // the main configuration, not the tests' (which the classpath would otherwise find first)
                        "-Dlogback.configurationFile="
                                + Path.of("target/classes/logback.xml").toAbsolutePath(),
                        "-cp",
                        System.getProperty("java.class.path"),
                        "kz.komek.App",
                        "serve",
                        "--port",
                        "0",
                        "--no-demo",
                        "--data",
                        dir.resolve("data").toString(),
                        "--db-url",
                        db.url(),
                        "--db-user",
                        db.user(),
                        "--log-format",
                        "json",
                        "--drain-delay",
                        "200ms")
                .redirectErrorStream(true);
        pb.environment().put("KOMEK_DB_PASSWORD", db.password());
        pb.environment().remove("KOMEK_LOG_FORMAT");
        Process serve = pb.start();
        List<String> lines = new CopyOnWriteArrayList<>();
        Thread reader = new Thread(
                () -> new BufferedReader(new InputStreamReader(serve.getInputStream(), StandardCharsets.UTF_8))
                        .lines()
                        .forEach(lines::add));
        reader.setDaemon(true);
        reader.start();
        try {
            int port = readyPort(lines, serve);
            var http = HttpClient.newHttpClient();
            var r = http.send(
                    HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/sites"))
                            .header("X-Request-Id", "trace-4711")
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(r.headers().firstValue("X-Request-Id")).hasValue("trace-4711");
            JsonNode access =
                    await(lines, n -> "trace-4711".equals(n.path("request_id").asText()));
            assertThat(access.path("message").asText()).contains("GET /api/v1/sites 200");
            assertThat(access.path("logger_name").asText()).isEqualTo("kz.komek.request");

            // SIGTERM as an orchestrator sends it (Process.destroy() would also close our end of its output)
            new ProcessBuilder("kill", "-TERM", Long.toString(serve.pid()))
                    .start()
                    .waitFor();
            assertThat(serve.waitFor(60, TimeUnit.SECONDS)).isTrue();
            reader.join(10_000);
            await(lines, n -> n.path("message").asText().startsWith("draining: /health/ready says 503"));
            for (String line : lines) {
                assertThat(JSON.readTree(line).isObject()).as(line).isTrue();
            }
        } finally {
            serve.destroyForcibly();
        }
    }

    private static int readyPort(List<String> lines, Process serve) throws Exception {
        var ready = Pattern.compile("komek ready at http://localhost:(\\d+)/");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (System.nanoTime() < deadline) {
            for (String line : lines) {
                var m = ready.matcher(line);
                if (m.find()) {
                    return Integer.parseInt(m.group(1));
                }
            }
            if (!serve.isAlive()) {
                throw new AssertionError("serve exited with " + serve.exitValue() + ":\n" + String.join("\n", lines));
            }
            Thread.sleep(50);
        }
        throw new AssertionError("not ready within 90 s:\n" + String.join("\n", lines));
    }

    private static JsonNode await(List<String> lines, java.util.function.Predicate<JsonNode> wanted) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        do {
            for (String line : lines) {
                JsonNode n = JSON.readTree(line);
                if (wanted.test(n)) {
                    return n;
                }
            }
            Thread.sleep(20);
        } while (System.nanoTime() < deadline);
        throw new AssertionError("no such log line in:\n" + String.join("\n", lines));
    }
}
