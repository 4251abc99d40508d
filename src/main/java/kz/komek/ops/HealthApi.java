package kz.komek.ops;

import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;

/**
 * {@code GET /health/live} and {@code GET /health/ready}, for load balancers and orchestrators; never cached by
 * anyone ({@code no-store}). {@code /health} stays as it was, for people and older monitors.
 */
public final class HealthApi {
    private static final byte[] LIVE = "{\"status\":\"UP\"}".getBytes(StandardCharsets.UTF_8);

    private final Readiness readiness;

    public HealthApi(Readiness readiness) {
        this.readiness = readiness;
    }

    /** The process serves HTTP: nothing is asked, so a slow database never makes an orchestrator kill the node. */
    public void live(Context ctx) {
        ctx.header("Cache-Control", "no-store");
        ctx.contentType("application/json").result(LIVE);
    }

    /** 200 when the node should be sent readers, 503 when not; the body says why either way. */
    public void ready(Context ctx) {
        var report = readiness.report();
        ctx.header("Cache-Control", "no-store");
        ctx.status(report.ready() ? 200 : 503).json(report.json());
    }
}
