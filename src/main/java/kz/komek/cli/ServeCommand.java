package kz.komek.cli;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import kz.komek.App;
import kz.komek.Config;
import kz.komek.brand.Branding;
import kz.komek.content.ContentConfig;
import kz.komek.i18n.Excerpt;
import kz.komek.storage.Database;
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

    @Option(
            names = "--content-config",
            defaultValue = "${env:KOMEK_CONTENT_CONFIG}",
            description = "JSON file with macros, app links and app User-Agent tokens (env KOMEK_CONTENT_CONFIG); "
                    + "default: the built-in one.")
    Path contentConfig;

    @Option(
            names = "--branding",
            paramLabel = "FILE",
            defaultValue = "${env:KOMEK_BRANDING}",
            description = "JSON file with the help center's name, logo and icons (env KOMEK_BRANDING); "
                    + "default: komek's own.")
    Path branding;

    @Option(
            names = "--app-token",
            split = ",",
            defaultValue = "${env:KOMEK_APP_TOKEN}",
            description = "User-Agent token(s) of the mobile app's webview (env KOMEK_APP_TOKEN); "
                    + "replaces the content configuration's tokens.")
    List<String> appTokens;

    @Option(
            names = "--synonyms",
            defaultValue = "${env:KOMEK_SYNONYMS}",
            description = "Search synonyms file (env KOMEK_SYNONYMS), re-read when it changes; default: built in.")
    Path synonyms;

    @Option(
            names = "--vote-limit",
            defaultValue = "${env:KOMEK_VOTE_LIMIT:-" + Config.Feedback.DEFAULT_VOTES_PER_MINUTE + "}",
            description = "Votes per minute per client address; 0: no limit (env KOMEK_VOTE_LIMIT, default "
                    + "${DEFAULT-VALUE}).")
    int voteLimit;

    @Option(
            names = "--message-limit",
            defaultValue = "${env:KOMEK_MESSAGE_LIMIT:-" + Config.Feedback.DEFAULT_MESSAGES_PER_MINUTE + "}",
            description = "Hand-off messages (the \"describe your question\" form and POST /api/v1/answers/suggest) "
                    + "per minute per client address; 0: no limit (env KOMEK_MESSAGE_LIMIT, default "
                    + "${DEFAULT-VALUE}).")
    int messageLimit;

    @Option(
            names = "--trust-proxy",
            negatable = true,
            defaultValue = "${env:KOMEK_TRUST_PROXY:-false}",
            fallbackValue = "true",
            description = "Behind a reverse proxy: take the client's address from the last X-Forwarded-For entry "
                    + "and HTTPS from X-Forwarded-Proto for the admin's cookie "
                    + "(env KOMEK_TRUST_PROXY, default ${DEFAULT-VALUE}).")
    boolean trustProxy;

    @Option(
            names = "--embedding-model",
            paramLabel = "DIR",
            defaultValue = "${env:KOMEK_EMBEDDING_MODEL}",
            description = "A multilingual sentence-embedding model (model.onnx, tokenizer.json, e.g. "
                    + "multilingual-e5-small) for search by meaning beside words (env KOMEK_EMBEDDING_MODEL); "
                    + "default: words only.")
    Path embeddingModel;

    @Option(
            names = "--drain-delay",
            paramLabel = "DURATION",
            defaultValue = "${env:KOMEK_DRAIN_DELAY:-0s}",
            description = "On SIGTERM, serve this long with /health/ready answering 503 before refusing connections, "
                    + "so that a load balancer notices (e.g. 5s; env KOMEK_DRAIN_DELAY, default ${DEFAULT-VALUE}).")
    String drainDelay;

    @Option(
            names = "--drain-timeout",
            paramLabel = "DURATION",
            defaultValue = "${env:KOMEK_DRAIN_TIMEOUT:-10s}",
            description = "Then give requests in flight this long to finish (env KOMEK_DRAIN_TIMEOUT, default "
                    + "${DEFAULT-VALUE}).")
    String drainTimeout;

    @Option(
            names = "--metrics-port",
            defaultValue = "${env:KOMEK_METRICS_PORT}",
            description = "Serve /metrics on a listener of its own on this port (env KOMEK_METRICS_PORT); default: "
                    + "none.")
    Integer metricsPort;

    @Option(
            names = "--metrics-bind",
            paramLabel = "ADDRESS",
            defaultValue = "${env:KOMEK_METRICS_BIND:-" + Config.Metrics.LOOPBACK + "}",
            description = "The address --metrics-port listens on (env KOMEK_METRICS_BIND, default ${DEFAULT-VALUE}).")
    String metricsBind;

    @Option(
            names = "--metrics-token",
            paramLabel = "TOKEN",
            defaultValue = "${env:KOMEK_METRICS_TOKEN}",
            description = "Serve /metrics on the main port to Authorization: Bearer TOKEN, at least 16 characters "
                    + "(prefer env KOMEK_METRICS_TOKEN: a command line is visible to other users); default: not there.")
    String metricsToken;

    @Option(
            names = "--db-pool",
            paramLabel = "N",
            defaultValue = "${env:KOMEK_DB_POOL:-" + Config.Operations.DEFAULT_DB_POOL + "}",
            description = "Database connections this node pools, 2 to 500; nodes together must stay under the "
                    + "server's max_connections (env KOMEK_DB_POOL, default ${DEFAULT-VALUE}).")
    int dbPool;

    @Option(
            names = "--analytics-retention",
            paramLabel = "DAYS",
            defaultValue = "${env:KOMEK_ANALYTICS_RETENTION:-" + Config.Operations.DEFAULT_ANALYTICS_RETENTION + "}",
            description = "Days raw analytics events and readers' search words are kept, 7 to 3650; per-day counts "
                    + "are kept 400 days or this, whichever is longer (env KOMEK_ANALYTICS_RETENTION, default "
                    + "${DEFAULT-VALUE}).")
    int analyticsRetention;

    @Option(
            names = "--log-format",
            paramLabel = "text|json",
            defaultValue = "${env:KOMEK_LOG_FORMAT:-text}",
            description = "Console log: text lines, or one JSON object a line (env KOMEK_LOG_FORMAT, default "
                    + "${DEFAULT-VALUE}).")
    String logFormat;

    /** The configuration the flags and environment describe. */
    Config config() {
        if (synonyms != null && !java.nio.file.Files.isReadable(synonyms)) {
            throw new IllegalArgumentException("--synonyms: cannot read " + synonyms);
        }
        ContentConfig content = contentConfig == null ? ContentConfig.defaults() : ContentConfig.read(contentConfig);
        if (appTokens != null && !appTokens.isEmpty()) {
            content = content.withAppUserAgentTokens(appTokens);
        }
        return db.config(port, Optional.ofNullable(baseUrl).filter(s -> !s.isBlank()), demo, 1, maxBody, content)
                .withSynonyms(Optional.ofNullable(synonyms))
                .withFeedback(Config.Feedback.DEFAULTS
                        .withVotesPerMinute(voteLimit)
                        .withTrustProxy(trustProxy)
                        .withMessagesPerMinute(messageLimit))
                .withEmbeddingModel(Optional.ofNullable(embeddingModel))
                .withBranding(branding == null ? Branding.DEFAULT : Branding.read(branding))
                .withOperations(new Config.Operations(
                        duration("--drain-delay", drainDelay),
                        duration("--drain-timeout", drainTimeout),
                        new Config.Metrics(
                                Optional.ofNullable(metricsPort),
                                metricsBind,
                                Optional.ofNullable(metricsToken).filter(t -> !t.isEmpty())),
                        dbPool,
                        analyticsRetention));
    }

    /** {@code 5s}, {@code 500ms}, {@code 2m}, or a number of seconds. */
    static Duration duration(String flag, String raw) {
        var m = java.util.regex.Pattern.compile("(\\d{1,6})(ms|s|m)?").matcher(raw.strip());
        if (!m.matches()) {
            throw new IllegalArgumentException(
                    flag + " must be a duration such as 5s, 500ms or 2m, was \"" + Excerpt.of(raw, 40) + "\"");
        }
        long n = Long.parseLong(m.group(1));
        String unit = m.group(2) == null ? "s" : m.group(2);
        return switch (unit) {
            case "ms" -> Duration.ofMillis(n);
            case "m" -> Duration.ofMinutes(n);
            default -> Duration.ofSeconds(n);
        };
    }

    @Override
    public Integer call() throws InterruptedException {
        String format = LogFormat.parse(logFormat);
        Config config = config();
        LogFormat.use(format);
        Database.requireNotServed(config);
        App app = App.create(config);
        var stopped = new CountDownLatch(1);
        // Ctrl-C and SIGTERM run shutdown hooks: drain and stop HTTP (decision 0041), then the embedded PostgreSQL, so
        // none outlives us.
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
