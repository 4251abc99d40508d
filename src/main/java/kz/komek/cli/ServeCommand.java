package kz.komek.cli;

import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import kz.komek.App;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "serve", mixinStandardHelpOptions = true, description = "Serve the help center over HTTP.")
final class ServeCommand implements Callable<Integer> {
    @Mixin
    DbOptions db;

    @Option(
            names = "--port",
            defaultValue = "${env:KOMEK_PORT:-8080}",
            description = "HTTP port (env KOMEK_PORT, default ${DEFAULT-VALUE}).")
    int port;

    @Option(
            names = "--base-url",
            defaultValue = "${env:KOMEK_BASE_URL}",
            description =
                    "Public URL for canonical links and sitemaps (env KOMEK_BASE_URL); default: from the request.")
    String baseUrl;

    @Option(
            names = "--demo",
            negatable = true,
            defaultValue = "${env:KOMEK_DEMO:-true}",
            fallbackValue = "true",
            description = "Load the demo content into an empty database (env KOMEK_DEMO, default ${DEFAULT-VALUE}).")
    boolean demo;

    @Option(
            names = "--max-body",
            defaultValue = "${env:KOMEK_MAX_BODY:-1048576}",
            description = "Largest request body in bytes (env KOMEK_MAX_BODY, default ${DEFAULT-VALUE}).")
    long maxBody;

    @Override
    public Integer call() throws InterruptedException {
        var config = db.config(port, Optional.ofNullable(baseUrl).filter(s -> !s.isBlank()), demo, 1, maxBody);
        App app = App.create(config);
        var stopped = new CountDownLatch(1);
        // Ctrl-C and SIGTERM run shutdown hooks: stop HTTP, then the embedded PostgreSQL, so none outlives us.
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            app.close();
                            stopped.countDown();
                        },
                        "komek-shutdown"));
        app.start();
        stopped.await();
        return 0;
    }
}
