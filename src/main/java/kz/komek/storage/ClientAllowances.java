package kz.komek.storage;

import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicLong;
import org.jdbi.v3.core.Jdbi;

/**
 * Per-client limits that every node shares: a token bucket per kind of request and client, kept in PostgreSQL
 * (decision 0040). N a minute at most, N at once, then one every 60/N seconds. Taking is one statement: the
 * upsert locks the client's row, so parallel requests on any nodes are counted one after another, and the
 * database's clock is the only one that counts. A bucket untouched for a minute is full again, so it is deleted
 * (at most once a minute per node): the table holds only the clients of the last minute.
 */
public final class ClientAllowances {
    private static final long PRUNE_EVERY_NANOS = 60_000_000_000L;

    private final Jdbi jdbi;
    private final AtomicLong lastPrune = new AtomicLong(System.nanoTime());

    public ClientAllowances(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /**
     * Takes one request from {@code client}'s allowance of {@code perMinute} for {@code kind}: empty when it may go
     * on, else how many seconds until it may (at least 1).
     */
    public OptionalLong take(String kind, String client, int perMinute) {
        if (perMinute < 1) {
            throw new IllegalArgumentException("an allowance needs at least 1 a minute, was " + perMinute);
        }
        pruneNowAndThen();
        double perSecond = perMinute / 60.0;
        return jdbi.withHandle(h -> {
            boolean taken = h.createQuery("""
                            insert into client_allowance as a (kind, client, tokens, at)
                            values (:kind, :client, :cap - 1, now())
                            on conflict (kind, client) do update
                                set tokens = least(:cap, a.tokens + extract(epoch from now() - a.at) * :perSecond) - 1,
                                    at = now()
                                where least(:cap, a.tokens + extract(epoch from now() - a.at) * :perSecond) >= 1
                            returning true
                            """)
                    .bind("kind", kind)
                    .bind("client", client)
                    .bind("cap", (double) perMinute)
                    .bind("perSecond", perSecond)
                    .mapTo(Boolean.class)
                    .findOne()
                    .isPresent();
            if (taken) {
                return OptionalLong.empty();
            }
            long seconds = h.createQuery("""
                            select ceil((1 - least(:cap, tokens + extract(epoch from now() - at) * :perSecond))
                                        / :perSecond)::bigint
                            from client_allowance where kind = :kind and client = :client
                            """)
                    .bind("kind", kind)
                    .bind("client", client)
                    .bind("cap", (double) perMinute)
                    .bind("perSecond", perSecond)
                    .mapTo(Long.class)
                    .findOne()
                    .orElse(1L);
            return OptionalLong.of(Math.max(1, seconds));
        });
    }

    private void pruneNowAndThen() {
        long last = lastPrune.get();
        long now = System.nanoTime();
        if (now - last < PRUNE_EVERY_NANOS || !lastPrune.compareAndSet(last, now)) {
            return;
        }
        // a full bucket says nothing a missing one does not
        jdbi.useHandle(h -> h.execute("delete from client_allowance where at < now() - interval '1 minute'"));
    }
}
