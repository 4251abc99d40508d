package kz.komek.ops;

import io.javalin.http.Context;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Optional;
import kz.komek.http.NotFoundException;
import kz.komek.http.UnauthorizedException;

/**
 * {@code /metrics} on the main port: only to {@code Authorization: Bearer TOKEN} when {@code --metrics-token} is set;
 * without it, a 404 like any page that does not exist. What is busy and what fails is an attacker's map, so it is not
 * public by default; {@link MetricsListener} serves it on a port of its own.
 */
public final class MetricsEndpoint {
    public static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    private final PrometheusMeterRegistry registry;
    /** The token's SHA-256: compared in constant time, and of one length whatever is sent. */
    private final Optional<byte[]> token;

    public MetricsEndpoint(PrometheusMeterRegistry registry, Optional<String> token) {
        this.registry = registry;
        this.token = token.map(MetricsEndpoint::sha256);
    }

    public void serve(Context ctx) {
        if (token.isEmpty()) {
            throw new NotFoundException("There is no page at " + ctx.path());
        }
        if (!authorized(ctx.header("Authorization"))) {
            throw new UnauthorizedException("send Authorization: Bearer with the metrics token", "Bearer");
        }
        ctx.header("Cache-Control", "no-store");
        ctx.contentType(CONTENT_TYPE).result(registry.scrape());
    }

    boolean authorized(String header) {
        if (header == null || header.length() < 7 || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return false;
        }
        // hashes of equal length: neither the token's length nor its first wrong character shows in the time taken
        return MessageDigest.isEqual(sha256(header.substring(7).strip()), token.orElseThrow());
    }

    private static byte[] sha256(String s) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
