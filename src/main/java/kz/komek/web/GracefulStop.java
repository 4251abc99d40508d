package kz.komek.web;

import io.javalin.Javalin;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.eclipse.jetty.server.AbstractConnector;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stops HTTP the way a load balancer expects: new connections are refused at once, the requests in flight get up to a
 * timeout to finish, then everything closes. Jetty's own graceful stop also waits for idle keep-alive connections to
 * time out, after shortening every connection's idle timeout, which would cut a request that waits on its body or
 * its database for longer; so the steps are taken here: the connectors stop accepting, {@link GracefulHandler} counts
 * the requests down, and the server then stops at once.
 */
public final class GracefulStop {
    private static final Logger log = LoggerFactory.getLogger(GracefulStop.class);

    private GracefulStop() {}

    /** Stops {@code javalin}, giving requests in flight up to {@code timeout} (0: none; they are cut). */
    public static void stop(Javalin javalin, Duration timeout) {
        var server = javalin.jettyServer().server();
        GracefulHandler requests = server.getDescendant(GracefulHandler.class);
        if (timeout.compareTo(Duration.ZERO) > 0 && requests != null && server.isStarted()) {
            for (Connector c : server.getConnectors()) {
                if (c instanceof AbstractConnector a) {
                    a.setShutdownIdleTimeout(-1); // leave the connections' idle timeouts as they are
                }
                c.shutdown(); // closes the listening socket: new connections are refused from here
            }
            long inFlight = requests.getCurrentRequestCount();
            if (inFlight > 0) {
                log.info(
                        "HTTP: no new connections; waiting up to {} ms for {} request(s) in flight",
                        timeout.toMillis(),
                        inFlight);
            }
            try {
                requests.shutdown().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                log.warn(
                        "HTTP: {} request(s) still running after --drain-timeout ({} ms); they are cut",
                        requests.getCurrentRequestCount(),
                        timeout.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (ExecutionException e) {
                log.warn(
                        "HTTP: waiting for requests in flight failed: {}",
                        e.getCause().toString());
            }
        }
        javalin.stop();
    }
}
