package kz.komek.ops;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

/**
 * {@code /metrics} on a listener of its own ({@code --metrics-port}), bound to the loopback unless told otherwise: a
 * scraper on the host or the private network reads it, the public port does not have it. The JDK's small HTTP server
 * on one thread: a scrape every few seconds needs no more, and a flood of them cannot take threads from readers.
 */
public final class MetricsListener implements AutoCloseable {
    private final HttpServer server;
    private final ExecutorService thread;

    private MetricsListener(HttpServer server, ExecutorService thread) {
        this.server = server;
        this.thread = thread;
    }

    /**
     * Listens on {@code bind:port} (port 0: any free one).
     *
     * @throws IllegalStateException when it cannot (the port is taken, the address is not this host's)
     */
    public static MetricsListener start(String bind, int port, Supplier<String> scrape) {
        HttpServer server;
        try {
            server = HttpServer.create(new InetSocketAddress(bind, port), 16);
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException(
                    "--metrics-port " + port + ": cannot listen on " + bind + ":" + port + ": " + e.getMessage(), e);
        }
        ExecutorService thread = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "komek-metrics");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(thread);
        server.createContext("/", exchange -> answer(exchange, scrape));
        server.start();
        return new MetricsListener(server, thread);
    }

    private static void answer(HttpExchange exchange, Supplier<String> scrape) throws IOException {
        try (exchange) {
            String method = exchange.getRequestMethod();
            boolean head = "HEAD".equals(method);
            if (!"/metrics".equals(exchange.getRequestURI().getPath())) {
                send(exchange, 404, "There is only /metrics here\n", head);
            } else if (!head && !"GET".equals(method)) {
                exchange.getResponseHeaders().set("Allow", "GET, HEAD");
                send(exchange, 405, "GET or HEAD\n", false);
            } else {
                exchange.getResponseHeaders().set("Content-Type", MetricsEndpoint.CONTENT_TYPE);
                exchange.getResponseHeaders().set("Cache-Control", "no-store");
                send(exchange, 200, scrape.get(), head);
            }
        }
    }

    private static void send(HttpExchange exchange, int status, String body, boolean head) throws IOException {
        if (!exchange.getResponseHeaders().containsKey("Content-Type")) {
            exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
        }
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, head ? -1 : bytes.length);
        if (!head) {
            exchange.getResponseBody().write(bytes);
        }
    }

    /** The port it listens on (the one chosen, for port 0). */
    public int port() {
        return server.getAddress().getPort();
    }

    @Override
    public void close() {
        server.stop(0);
        thread.shutdownNow();
    }
}
