package kz.komek.attack;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * {@code kill -9} during an import: a big generated bundle imported through the admin API with the server killed
 * part-way (then restarted on the same data), and through the CLI with the CLI killed part-way. After each kill the
 * export must be byte for byte the export taken before the import (an import is one transaction: all or nothing),
 * the server must be healthy and search must answer. A kill that came after the import had finished proves
 * nothing, and is reported as such.
 */
final class ImportKill {
    private final Path jar;
    private final Path work;
    private final boolean quick;

    ImportKill(Path jar, Path work, boolean quick) {
        this.jar = jar;
        this.work = work;
        this.quick = quick;
    }

    Part run() throws Exception {
        int questions = quick ? 8_000 : 20_000;
        var details = new ArrayList<String>();
        int identical = 0;
        int inFlight = 0;
        int rounds = 0;
        try (var server = new KomekProcess(jar, work, "import", List.of("--max-body", "400000000")).start()) {
            String token = AttackMain.signUp(server);
            Path bundle = work.resolve("import.bundle.json");
            server.cli(
                            "",
                            "generate",
                            "--questions",
                            Integer.toString(questions),
                            "--seed",
                            "5",
                            "--out",
                            bundle.toString())
                    .done();
            byte[] before = Files.readAllBytes(export(server, "import-before.json"));
            long[] delays = quick ? new long[] {4_000} : new long[] {3_000, 8_000};

            for (long delay : delays) {
                // through the admin API, the server killed
                rounds++;
                var http = HttpClient.newBuilder()
                        .version(HttpClient.Version.HTTP_1_1)
                        .build();
                CompletableFuture<HttpResponse<String>> answer = http.sendAsync(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/api/v1/admin/import"))
                                .header("Authorization", "Bearer " + token)
                                .header("Content-Type", "application/json")
                                .timeout(Duration.ofMinutes(5))
                                .POST(HttpRequest.BodyPublishers.ofFile(bundle))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                Thread.sleep(delay);
                boolean done = answer.isDone();
                server.kill9();
                server.start();
                boolean same =
                        Arrays.equals(before, Files.readAllBytes(export(server, "import-api-" + delay + ".json")));
                boolean healthy = healthy(server);
                details.add(String.format(
                        "API import killed with the server after %.0f s: %s; export %s; %s",
                        delay / 1000.0,
                        done ? "the import had already answered (proves nothing)" : "in flight",
                        same ? "identical to before" : "DIFFERS from before",
                        healthy ? "healthy, search answers" : "NOT healthy"));
                identical += same && healthy ? 1 : 0;
                inFlight += done ? 0 : 1;

                // through the CLI, the CLI killed
                rounds++;
                var cli = server.cli("", "import", bundle.toString());
                Thread.sleep(delay);
                boolean cliDone = !cli.process().isAlive();
                cli.process().destroyForcibly().waitFor();
                boolean cliSame =
                        Arrays.equals(before, Files.readAllBytes(export(server, "import-cli-" + delay + ".json")));
                details.add(String.format(
                        "CLI import killed after %.0f s: %s; export %s",
                        delay / 1000.0,
                        cliDone ? "it had already finished (proves nothing)" : "in flight",
                        cliSame ? "identical to before" : "DIFFERS from before"));
                identical += cliSame ? 1 : 0;
                inFlight += cliDone ? 0 : 1;
            }
        }
        boolean pass = identical == rounds && inFlight == rounds;
        return Part.of(
                "import-kill-9",
                String.format(
                        "%d questions (%d MB); %d kills during an import (server via API, CLI), %d in flight: %d"
                                + " exports identical to before, %d half-written",
                        questions,
                        Files.size(work.resolve("import.bundle.json")) / 1_000_000,
                        rounds,
                        inFlight,
                        identical,
                        rounds - identical),
                pass,
                details);
    }

    private Path export(KomekProcess server, String name) {
        Path file = work.resolve(name);
        server.cli("", "export", file.toString()).done();
        return file;
    }

    private static boolean healthy(KomekProcess server) throws Exception {
        var http = HttpClient.newHttpClient();
        for (String path : List.of("/health", "/api/v1/search?q=%D0%B1%D0%BE%D0%BD%D1%83%D1%81&site=client")) {
            var r = http.send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
                            .GET()
                            .build(),
                    HttpResponse.BodyHandlers.discarding());
            if (r.statusCode() != 200) {
                return false;
            }
        }
        return true;
    }
}
