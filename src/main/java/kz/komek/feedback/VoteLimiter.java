package kz.komek.feedback;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import java.time.Duration;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;

/**
 * At most N votes a minute per client address, as a token bucket: N at once, then one every 60/N seconds. A
 * bucket idle for a minute is full again, so Caffeine may forget it then; the number of buckets is bounded, and
 * under a flood of addresses the oldest are forgotten first (those clients get a fresh allowance, nobody is
 * wrongly refused). State is per node: behind a load balancer of k nodes a client may get up to k·N.
 */
final class VoteLimiter {
    private static final long MINUTE = TimeUnit.MINUTES.toNanos(1);

    private final int perMinute;
    private final Ticker ticker;
    private final Cache<String, Bucket> buckets;

    VoteLimiter(int perMinute, Ticker ticker) {
        if (perMinute < 1) {
            throw new IllegalArgumentException("a vote limit needs at least 1 vote a minute, was " + perMinute);
        }
        this.perMinute = perMinute;
        this.ticker = ticker;
        this.buckets = Caffeine.newBuilder()
                .maximumSize(100_000)
                .expireAfterAccess(Duration.ofMinutes(1))
                .ticker(ticker)
                .build();
    }

    int perMinute() {
        return perMinute;
    }

    /** Takes one vote from the client's allowance; when none is left, how many seconds until one is. */
    OptionalLong acquire(String client) {
        long now = ticker.read();
        Bucket bucket = buckets.get(client, k -> new Bucket(perMinute, now));
        synchronized (bucket) {
            return bucket.take(perMinute, now);
        }
    }

    /** Tokens refill continuously, N a minute, up to N. */
    private static final class Bucket {
        private double tokens;
        private long at;

        Bucket(int capacity, long now) {
            this.tokens = capacity;
            this.at = now;
        }

        OptionalLong take(int capacity, long now) {
            double perNano = capacity / (double) MINUTE;
            tokens = Math.min(capacity, tokens + (now - at) * perNano);
            at = now;
            if (tokens >= 1) {
                tokens -= 1;
                return OptionalLong.empty();
            }
            long waitNanos = (long) Math.ceil((1 - tokens) / perNano);
            return OptionalLong.of(Math.max(1, TimeUnit.NANOSECONDS.toSeconds(waitNanos + 999_999_999L)));
        }
    }
}
