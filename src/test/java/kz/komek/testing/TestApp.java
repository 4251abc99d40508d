package kz.komek.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import kz.komek.App;
import kz.komek.Config;
import kz.komek.bundle.BundleJson;
import kz.komek.search.SearchSync;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

/**
 * The real app on a free port, on its own fresh database, optionally filled from a bundle on the classpath.
 * Requests go over real HTTP; redirects are not followed, so tests see them. Search holds the content when a
 * factory returns: the app indexes in the background, so the factory waits for one sync.
 */
public final class TestApp implements AutoCloseable {
    private final App app;
    private final Config config;
    private final Path dataDir;
    private final HttpClient http =
            HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    private TestApp(App app, Config config, Path dataDir) {
        this.app = app;
        this.config = config;
        this.dataDir = dataDir;
    }

    public static TestApp empty() {
        return start(Optional.empty(), false, c -> c);
    }

    /** Without content, with a configuration changed from the tests' one (another database, proxy trust…). */
    public static TestApp empty(UnaryOperator<Config> configure) {
        return start(Optional.empty(), false, configure);
    }

    /**
     * Without content of its own (give it a database that has some), with a hook in the search index's rebuild;
     * returns as soon as HTTP is up, without waiting for search.
     */
    public static TestApp rebuilding(UnaryOperator<Config> configure, SearchSync.RebuildHook hook) {
        return start(Optional.empty(), false, configure, hook);
    }

    /** With the demo content (the seed page's questions) loaded as on a first start. */
    public static TestApp withDemo() {
        return start(Optional.empty(), true, c -> c);
    }

    /** With the demo content and a configuration changed from the tests' one. */
    public static TestApp withDemo(UnaryOperator<Config> configure) {
        return start(Optional.empty(), true, configure);
    }

    /** A configuration with {@code /metrics} on a listener of its own, on a free port ({@link #metrics()}). */
    public static Config withMetricsPort(Config c) {
        var ops = c.operations();
        return c.withOperations(ops.withMetrics(ops.metrics().withPort(0)));
    }

    /** {@code /metrics} as a scraper reads it, from the app's own metrics listener ({@link #withMetricsPort}). */
    public String metrics() {
        int port = app.metricsPort().orElseThrow(() -> new IllegalStateException("start the app withMetricsPort"));
        var r = send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/metrics"))
                .GET()
                .build());
        assertThat(r.statusCode()).as("status of /metrics").isEqualTo(200);
        return r.body();
    }

    public static TestApp withBundle(String resource) {
        return start(Optional.of(resource), false, c -> c);
    }

    /** With a bundle and a configuration changed from the tests' one (vote limit, view batching…). */
    public static TestApp withBundle(String resource, UnaryOperator<Config> configure) {
        return start(Optional.of(resource), false, configure);
    }

    private static TestApp start(Optional<String> resource, boolean demo, UnaryOperator<Config> configure) {
        TestApp app = start(resource, demo, configure, SearchSync.RebuildHook.NONE);
        try {
            app.app().syncSearch();
        } catch (RuntimeException e) {
            app.close();
            throw e;
        }
        return app;
    }

    private static TestApp start(
            Optional<String> resource, boolean demo, UnaryOperator<Config> configure, SearchSync.RebuildHook hook) {
        Path dir;
        try {
            dir = Files.createTempDirectory("komek-test");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Config config = configure.apply(
                Config.forTests(dir).withDb(Optional.of(TestDatabase.fresh())).withDemo(demo));
        App app = App.create(config, hook);
        try {
            resource.ifPresent(r -> app.bundles().importBundle(new BundleJson().read(resource(r)), List.of()));
            app.start();
        } catch (RuntimeException e) {
            app.close();
            throw e;
        }
        return new TestApp(app, config, dir);
    }

    /**
     * Another node of this help center: the same database, its own index and memory, its configuration changed
     * from this one's by {@code configure}. Its search holds the content when it returns.
     */
    public TestApp anotherNode(UnaryOperator<Config> configure) {
        return start(
                Optional.empty(),
                false,
                c -> configure.apply(c.withDb(config.db()).withFeedback(config.feedback())));
    }

    public static String resource(String name) {
        try (InputStream in = TestApp.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalArgumentException("no test resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public App app() {
        return app;
    }

    /** The database the app serves from, for a command run beside it (a backup, an export). */
    public Config.DbUrl db() {
        return config.db().orElseThrow(() -> new IllegalStateException("this app runs on an embedded database"));
    }

    public String url(String path) {
        return "http://localhost:" + app.port() + path;
    }

    public HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(URI.create(url(path))).GET().build());
    }

    public HttpResponse<String> get(String path, String... headers) {
        return send(HttpRequest.newBuilder(URI.create(url(path)))
                .headers(headers)
                .GET()
                .build());
    }

    public HttpResponse<String> post(String path, String contentType, String body) {
        return send(HttpRequest.newBuilder(URI.create(url(path)))
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build());
    }

    /** The title of question {@code id} in {@code locale} as it is stored now (an import may have changed it). */
    public String title(long id, String locale) {
        return app.bundles().question(id).orElseThrow().locales().get(locale).title();
    }

    /** The page at {@code path}, which must answer 200 with HTML; parsed with its own URL as base. */
    public Document page(String path) {
        HttpResponse<String> r = get(path);
        assertThat(r.statusCode()).as("status of " + path).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type"))
                .hasValueSatisfying(ct -> assertThat(ct).startsWith("text/html"));
        return Jsoup.parse(r.body(), url(path));
    }

    /** An {@code application/x-www-form-urlencoded} body of {@code fields}, in their order. */
    public static String formBody(Map<String, String> fields) {
        return fields.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    public HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        app.close();
        try (var files = Files.walk(dataDir)) {
            files.sorted(java.util.Comparator.reverseOrder())
                    .forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temp directory left behind is harmless
        }
    }
}
