package kz.komek.feedback;

import java.util.OptionalLong;
import kz.komek.storage.ClientAllowances;

/**
 * At most N votes a minute per client address, as a token bucket: N at once, then one every 60/N seconds. Kept in
 * PostgreSQL, so behind a load balancer every node counts a client's votes together (decision 0040).
 */
final class VoteLimiter {
    private static final String KIND = "vote";

    private final int perMinute;
    private final ClientAllowances allowances;

    VoteLimiter(int perMinute, ClientAllowances allowances) {
        if (perMinute < 1) {
            throw new IllegalArgumentException("a vote limit needs at least 1 vote a minute, was " + perMinute);
        }
        this.perMinute = perMinute;
        this.allowances = allowances;
    }

    int perMinute() {
        return perMinute;
    }

    /** Takes one vote from the client's allowance; when none is left, how many seconds until one is. */
    OptionalLong acquire(String client) {
        return allowances.take(KIND, client, perMinute);
    }
}
