package kz.komek.catalog;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicLong;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A page's {@code Last-Modified}, the same on every node: since when the page has had the bytes it has now, kept
 * in PostgreSQL per page (decision 0040). A render whose bytes match the stored ones keeps their date; other bytes
 * start a new one, so the date only moves forward, even when a page goes back to an earlier version (a client
 * holding the version between must not be told it has this one). One statement per render, never per hit.
 */
public final class PageDates {
    private static final Logger log = LoggerFactory.getLogger(PageDates.class);
    private static final long PRUNE_EVERY_NANOS = 3_600_000_000_000L;

    /** The date of a page's bytes; {@code now} when it cannot be told. */
    @FunctionalInterface
    public interface Source {
        Instant since(String page, String etag, Instant now);
    }

    private final Jdbi jdbi;
    private final AtomicLong lastPrune = new AtomicLong(System.nanoTime());

    public PageDates(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /**
     * Since when {@code page} (its origin, path, platform and copy) has had the bytes named {@code etag}; {@code now}
     * (this node's time) when the database cannot say, so pages are still served while it is away.
     */
    public Instant since(String page, String etag, Instant now) {
        pruneNowAndThen();
        try {
            return jdbi.withHandle(h -> h.createQuery("""
                            insert into page_version as p (page, etag, since, seen)
                            values (:page, :etag, :now, :now)
                            on conflict (page) do update
                                set since = case when p.etag = excluded.etag then p.since else excluded.since end,
                                    etag = excluded.etag,
                                    seen = excluded.seen
                            returning since
                            """)
                    .bind("page", digest(page))
                    .bind("etag", etag)
                    .bind("now", now)
                    .mapTo(Instant.class)
                    .one());
        } catch (RuntimeException e) {
            log.debug("page date not read, this node's used: {}", e.toString());
            return now;
        }
    }

    /** Pages not rendered for two days are forgotten: a page rendered again starts a new date, as any change does. */
    private void pruneNowAndThen() {
        long last = lastPrune.get();
        long now = System.nanoTime();
        if (now - last < PRUNE_EVERY_NANOS || !lastPrune.compareAndSet(last, now)) {
            return;
        }
        try {
            jdbi.useHandle(h -> h.execute("delete from page_version where seen < now() - interval '2 days'"));
        } catch (RuntimeException e) {
            log.debug("page dates not pruned: {}", e.toString());
        }
    }

    private static byte[] digest(String page) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(page.getBytes(StandardCharsets.UTF_8));
            return Arrays.copyOf(d, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
