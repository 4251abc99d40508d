package kz.komek.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import kz.komek.testing.TestApp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Closing the app is a drain (what SIGTERM does to {@code serve}): not ready at once, still serving through the
 * delay, then no new connections, and the request in flight finishes.
 */
class DrainTest {
    private static final String VOTE = "{\"useful\": true}";

    @Test
    @Timeout(90)
    void aStoppingNodeSaysSoRefusesNewConnectionsAndFinishesTheRequestInFlight() throws Exception {
        try (var app = TestApp.withBundle(
                "/fixtures/mini.bundle.json",
                c -> c.withOperations(c.operations().withDrain(Duration.ofSeconds(2), Duration.ofSeconds(20))))) {
            int port = app.app().port();
            assertThat(app.get("/health/ready").statusCode()).isEqualTo(200);

            try (var inFlight = new Socket("localhost", port)) {
                inFlight.setSoTimeout(30_000);
                // a vote whose body the client holds back: the server's handler is reading it once it says 100
                String head = "POST /api/v1/questions/456/votes HTTP/1.1\r\nHost: localhost\r\n"
                        + "Content-Type: application/json\r\nContent-Length: " + VOTE.length() + "\r\n"
                        + "Expect: 100-continue\r\n\r\n";
                inFlight.getOutputStream().write(head.getBytes(StandardCharsets.US_ASCII));
                inFlight.getOutputStream().flush();
                assertThat(readHead(inFlight.getInputStream())).startsWith("HTTP/1.1 100");

                var closing = new Thread(() -> app.app().close(), "test-close");
                closing.start();

                // at once: not ready, and saying why; still serving, each answer with Connection: close
                var ready = awaitStatus(app, "/health/ready", 503);
                assertThat(ready.body()).contains("\"draining\":true");
                var live = app.get("/health/live");
                assertThat(live.statusCode()).isEqualTo(200);
                assertThat(live.headers().firstValue("Connection")).hasValue("close");

                // after the delay the listening socket closes: a new connection is refused
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
                boolean refused = false;
                while (!refused && System.nanoTime() < deadline) {
                    try {
                        new Socket("localhost", port).close();
                        Thread.sleep(20);
                    } catch (ConnectException e) {
                        refused = true;
                    }
                }
                assertThat(refused)
                        .as("a new connection refused once the stop began")
                        .isTrue();
                assertThat(closing.isAlive())
                        .as("the stop waits for the vote in flight")
                        .isTrue();

                // the vote in flight finishes as if nothing happened
                inFlight.getOutputStream().write(VOTE.getBytes(StandardCharsets.US_ASCII));
                inFlight.getOutputStream().flush();
                String response = readAll(inFlight.getInputStream());
                assertThat(response).startsWith("HTTP/1.1 200");
                assertThat(response).containsIgnoringCase("Connection: close");
                assertThat(response).contains("\"voted\":true");

                closing.join(TimeUnit.SECONDS.toMillis(30));
                assertThat(closing.isAlive())
                        .as("stopped once nothing was in flight")
                        .isFalse();
            }
        }
    }

    private static java.net.http.HttpResponse<String> awaitStatus(TestApp app, String path, int status)
            throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        java.net.http.HttpResponse<String> r;
        do {
            r = app.get(path);
            if (r.statusCode() == status) {
                return r;
            }
            Thread.sleep(10);
        } while (System.nanoTime() < deadline);
        throw new AssertionError(path + " still answers " + r.statusCode() + ": " + r.body());
    }

    /** Up to the blank line ending a response's head. */
    private static String readHead(InputStream in) throws IOException {
        var out = new ByteArrayOutputStream();
        while (!out.toString(StandardCharsets.US_ASCII).endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                break;
            }
            out.write(b);
        }
        return out.toString(StandardCharsets.US_ASCII);
    }

    /** Everything until the server closes the connection (it says Connection: close). */
    private static String readAll(InputStream in) throws IOException {
        return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
}
