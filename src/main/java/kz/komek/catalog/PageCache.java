package kz.komek.catalog;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.HttpStatus;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Function;
import kz.komek.content.Platform;

/**
 * Rendered catalog pages, kept in memory per content state, path and platform, with {@code ETag} and
 * {@code Last-Modified} validators and 304 answers.
 *
 * <p>A page is shared only when it holds nothing of its reader: a request carrying the visitor cookie (a reader
 * who voted, whose page shows their vote) is rendered for them alone and marked private (decision record 0011).
 * The key holds the content state, so a write from any process or a scheduled question coming due starts new
 * entries; old ones age out. Votes and views change what pages show without a write: pages are kept only as
 * long as the top-question lists are.
 */
public final class PageCache {
    /** The handler's rendered HTML, left on the context for the cache (see {@code CatalogPages.render}). */
    public static final String HTML = "komek.html";

    /** A question page's id, left on the context: a cached question page still counts its views. */
    public static final String QUESTION = "komek.question";

    /** Browsers revalidate each time (a 304 is cheap); a CDN may serve a page for a minute. */
    static final String PUBLIC = "public, max-age=0, s-maxage=60, must-revalidate";

    /** {@code origin}: where the page's absolute links point; a Host header must not choose it for others. */
    private record Key(ContentState state, String origin, String path, Platform platform) {}

    private record Page(byte[] html, String etag, Instant lastModified, Optional<Long> question) {}

    private final Cache<Key, Page> pages;
    private final Function<LocalDateTime, ContentState> state;
    private final Function<Context, Platform> platform;
    private final Function<Context, String> origin;
    private final BiConsumer<Context, Long> viewed;
    private final String visitorCookie;
    private final Clock clock;

    /**
     * @param maxBytes memory for pages (their HTML)
     * @param fresh how long a page is served at most: votes and views change what pages show (usefulness, top
     *     questions) without a content write, so pages follow them within this
     * @param state the content state at a local time (from the database)
     * @param origin the public origin a request's page links to (the same for every request with --base-url)
     * @param viewed counts a question view when a cached question page is served
     * @param visitorCookie requests with this cookie are not served from or into the cache
     */
    public PageCache(
            long maxBytes,
            Duration fresh,
            Function<LocalDateTime, ContentState> state,
            Function<Context, Platform> platform,
            Function<Context, String> origin,
            BiConsumer<Context, Long> viewed,
            String visitorCookie,
            Clock clock) {
        this.pages = Caffeine.newBuilder()
                .maximumWeight(maxBytes)
                .expireAfterWrite(fresh)
                .<Key, Page>weigher((k, p) ->
                        p.html().length + (k.origin().length() + k.path().length()) * 2 + 200)
                .build();
        this.state = state;
        this.platform = platform;
        this.origin = origin;
        this.viewed = viewed;
        this.visitorCookie = visitorCookie;
        this.clock = clock;
    }

    /** The page handler, served from the cache when it may be. */
    public Handler wrap(Handler render) {
        return ctx -> serve(ctx, render);
    }

    private void serve(Context ctx, Handler render) throws Exception {
        if (!shareable(ctx)) {
            render.handle(ctx);
            if (ctx.res().getHeader("Cache-Control") == null) {
                ctx.header("Cache-Control", "private, no-cache");
            }
            return;
        }
        // Platform first: an unknown ?platform= is a 400 before anything is looked up.
        var key = new Key(current(), origin.apply(ctx), ctx.path(), platform.apply(ctx));
        Page page = pages.getIfPresent(key);
        if (page == null) {
            render.handle(ctx);
            String html = ctx.attribute(HTML);
            if (ctx.statusCode() != 200 || html == null || ctx.res().getHeader("Cache-Control") != null) {
                return; // redirects, and anything marked private by the handler
            }
            byte[] bytes = html.getBytes(StandardCharsets.UTF_8);
            page = new Page(
                    bytes,
                    etag(bytes),
                    clock.instant().truncatedTo(ChronoUnit.SECONDS),
                    Optional.ofNullable(ctx.attribute(QUESTION)));
            pages.put(key, page);
        } else {
            Page hit = page;
            hit.question().ifPresent(id -> viewed.accept(ctx, id));
            ctx.header("Vary", "User-Agent");
            ctx.contentType("text/html; charset=utf-8");
        }
        ctx.header("ETag", page.etag());
        ctx.header(
                "Last-Modified",
                DateTimeFormatter.RFC_1123_DATE_TIME.format(
                        ZonedDateTime.ofInstant(page.lastModified(), ZoneId.of("GMT"))));
        ctx.header("Cache-Control", PUBLIC);
        if (notModified(ctx, page)) {
            ctx.status(HttpStatus.NOT_MODIFIED);
            ctx.result("");
            return;
        }
        ctx.status(HttpStatus.OK);
        ctx.result(page.html());
    }

    /** GET or HEAD without the visitor cookie and without query parameters other than the platform. */
    private boolean shareable(Context ctx) {
        if (ctx.cookie(visitorCookie) != null) {
            return false;
        }
        return ctx.queryParamMap().keySet().stream().allMatch("platform"::equals);
    }

    /** Read for every request (one indexed lookup): a write from any process shows on the next one. */
    private ContentState current() {
        return state.apply(LocalDateTime.now(clock));
    }

    private static boolean notModified(Context ctx, Page page) {
        String match = ctx.header("If-None-Match");
        if (match != null) {
            // a list of tags, possibly weak (W/"…") after a proxy's compression
            for (String tag : match.split(",")) {
                String t = tag.strip();
                if (t.equals("*") || t.equals(page.etag()) || t.equals("W/" + page.etag())) {
                    return true;
                }
            }
            return false;
        }
        String since = ctx.header("If-Modified-Since");
        if (since != null) {
            try {
                Instant date = ZonedDateTime.parse(since, DateTimeFormatter.RFC_1123_DATE_TIME)
                        .toInstant();
                return !page.lastModified().isAfter(date);
            } catch (java.time.format.DateTimeParseException e) {
                return false; // an unreadable date is ignored, as RFC 9110 says
            }
        }
        return false;
    }

    private static String etag(byte[] html) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(html);
            return "\"" + HexFormat.of().formatHex(digest, 0, 12) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
