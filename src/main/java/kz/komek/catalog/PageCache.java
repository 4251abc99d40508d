package kz.komek.catalog;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.HttpStatus;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;
import kz.komek.content.Platform;

/**
 * Rendered catalog pages, kept in memory per content state, path, platform and vote mark, with everything a response
 * needs computed once: the bytes, a gzip copy, {@code ETag} and {@code Last-Modified}. Hits are served before any
 * routing by the web layer's front handler ({@link #find}); this handler serves what it could not and fills the
 * cache.
 *
 * <p>A page differs between readers in one part only, the reader's own vote under an answer. Readers carry their
 * votes in a cookie ({@link VoteMarks}), so a question page is kept in up to three copies (no vote, voted useful,
 * voted not useful) and every reader is served from memory. A copy that shows a vote is marked private; the shared
 * one is public (decisions 0011 and 0035). The key holds the content state, so a write from any process or a
 * scheduled question coming due starts new entries; old ones age out. Votes and views change what pages show
 * without a write: pages are kept only as long as the top-question lists are.
 */
public final class PageCache {
    /** The handler's rendered HTML, left on the context for the cache (see {@code CatalogPages.render}). */
    public static final String HTML = "komek.html";

    /** A question page's id, left on the context: a cached question page still counts its views. */
    public static final String QUESTION = "komek.question";

    /** Browsers revalidate each time (a 304 is cheap); a CDN may serve a page for a minute. */
    public static final String PUBLIC = "public, max-age=0, s-maxage=60, must-revalidate";

    /** A page that shows its reader's own vote, or was rendered for them alone: no shared cache may keep it. */
    public static final String PRIVATE = "private, no-cache";

    /** The platform comes from the User-Agent, and the bytes may be gzipped. */
    public static final String VARY = "User-Agent, Accept-Encoding";

    /** Told of a question page served from the cache: its view still counts. */
    @FunctionalInterface
    public interface Views {
        void viewed(long questionId, String method, Function<String, String> header);
    }

    /** {@code origin}: where the page's absolute links point; a Host header must not choose it for others. */
    private record Key(ContentState state, String origin, String path, Platform platform, int mark) {}

    /**
     * A page as it is sent.
     *
     * @param gzipEtag the tag of the gzipped bytes: a strong tag names one representation (RFC 9110, 8.8.3)
     * @param lastModified since when the page has had these bytes, on any node ({@link PageDates}), in HTTP's date
     *     format
     * @param mark the reader's vote it shows ({@link VoteMarks#NONE} for the shared copy)
     */
    public record Page(
            byte[] html,
            byte[] gzip,
            String etag,
            String gzipEtag,
            Instant modified,
            String lastModified,
            Optional<Long> question,
            int mark) {
        public String cacheControl() {
            return mark == VoteMarks.NONE ? PUBLIC : PRIVATE;
        }

        /** Whether a request with these validators already has this page (304). */
        public boolean notModified(String ifNoneMatch, String ifModifiedSince) {
            if (ifNoneMatch != null) {
                // a list of tags, possibly weak (W/"…") after a proxy's compression
                for (String tag : ifNoneMatch.split(",")) {
                    String t = tag.strip();
                    if (t.startsWith("W/")) {
                        t = t.substring(2);
                    }
                    if (t.equals("*") || t.equals(etag) || t.equals(gzipEtag)) {
                        return true;
                    }
                }
                return false;
            }
            if (ifModifiedSince != null) {
                try {
                    Instant date = ZonedDateTime.parse(ifModifiedSince, DateTimeFormatter.RFC_1123_DATE_TIME)
                            .toInstant();
                    return !modified.isAfter(date);
                } catch (java.time.format.DateTimeParseException e) {
                    return false; // an unreadable date is ignored, as RFC 9110 says
                }
            }
            return false;
        }
    }

    /** IMF-fixdate (RFC 9110, 5.6.7): two-digit days, where RFC 1123's formatter writes one. */
    private static final DateTimeFormatter HTTP_DATE =
            DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", java.util.Locale.ENGLISH);

    /** What {@link #mark} says of a request that must be rendered for its reader alone. */
    public static final int ALONE = -1;

    private final Cache<Key, Page> pages;
    private final Supplier<ContentState> state;
    private final Function<Context, Platform> platform;
    private final Function<Context, String> origin;
    private final Views views;
    private final PageDates.Source dates;
    private final Clock clock;
    /** How this handler answered (the front handler counts its own): for {@link #register}. */
    private final java.util.concurrent.atomic.LongAdder hits = new java.util.concurrent.atomic.LongAdder();

    private final java.util.concurrent.atomic.LongAdder misses = new java.util.concurrent.atomic.LongAdder();
    private final java.util.concurrent.atomic.LongAdder alone = new java.util.concurrent.atomic.LongAdder();

    /**
     * @param maxBytes memory for pages (their bytes)
     * @param fresh how long a page is served at most: votes and views change what pages show (usefulness, top
     *     questions) without a content write, so pages follow them within this
     * @param state the content state now, from memory ({@link CurrentState})
     * @param origin the public origin a request's page links to (the same for every request with --base-url)
     * @param views counts a question view when a cached question page is served
     * @param dates since when a page has had its bytes: the same on every node
     */
    public PageCache(
            long maxBytes,
            Duration fresh,
            Supplier<ContentState> state,
            Function<Context, Platform> platform,
            Function<Context, String> origin,
            Views views,
            PageDates.Source dates,
            Clock clock) {
        this.pages = Caffeine.newBuilder()
                .maximumWeight(maxBytes)
                .expireAfterWrite(fresh)
                .<Key, Page>weigher((k, p) -> p.html().length
                        + p.gzip().length
                        + (k.origin().length() + k.path().length()) * 2
                        + 300)
                .build();
        this.state = state;
        this.platform = platform;
        this.origin = origin;
        this.views = views;
        this.dates = dates;
        this.clock = clock;
    }

    /**
     * The page a GET or HEAD of {@code path} (with no query but the platform) is answered with now, if it is in
     * memory; null otherwise. The front handler's lookup: nothing is read but memory.
     */
    public Page find(String origin, String path, Platform platform, int mark) {
        return pages.getIfPresent(new Key(state.get(), origin, path, platform, mark));
    }

    /** A question page was served from memory by the front handler. */
    public void viewed(long questionId, String method, Function<String, String> header) {
        views.viewed(questionId, method, header);
    }

    /**
     * Which copy of the page at {@code path} a reader with these cookies gets: {@link VoteMarks#NONE} (the shared
     * one), {@link VoteMarks#USEFUL} or {@link VoteMarks#NOT_USEFUL} on a question they voted on, or {@link #ALONE}
     * for a reader with a visitor cookie whose marks cannot be read (rendered for them, and given their marks).
     */
    public static int mark(String path, String visitorCookie, String marksCookie) {
        if (marksCookie != null) {
            int mark = VoteMarks.mark(marksCookie, questionIn(path));
            if (mark != VoteMarks.UNREADABLE) {
                return mark;
            }
        }
        return visitorCookie == null ? VoteMarks.NONE : ALONE;
    }

    /** The question a catalog path ends in ({@code …/q1580}), or 0: no question has that id. */
    static long questionIn(String path) {
        int slash = path.lastIndexOf('/');
        int i = slash + 1;
        if (i >= path.length() - 1 || path.charAt(i) != 'q' || path.length() - i > 19) {
            return 0;
        }
        long id = 0;
        for (i++; i < path.length(); i++) {
            char c = path.charAt(i);
            if (c < '0' || c > '9') {
                return 0;
            }
            id = id * 10 + (c - '0');
        }
        return id;
    }

    /** Whether a client takes gzip: named (or {@code *}) without {@code q=0}. */
    public static boolean acceptsGzip(String acceptEncoding) {
        if (acceptEncoding == null) {
            return false;
        }
        for (String coding : acceptEncoding.split(",")) {
            String c = coding.strip();
            int semi = c.indexOf(';');
            String name = (semi < 0 ? c : c.substring(0, semi)).strip();
            if (name.equalsIgnoreCase("gzip") || name.equals("*")) {
                String q = semi < 0 ? "" : c.substring(semi + 1).replace(" ", "");
                return !q.matches("(?i)q=0(\\.0{0,3})?");
            }
        }
        return false;
    }

    /**
     * Publishes {@code komek.pages.cache} with {@code outcome}: {@code hit} (found in memory after routing: rare, the
     * front handler answers nearly all of those), {@code miss} (rendered, and
     * kept when it may be) and {@code alone} (rendered for one reader, never kept). The front handler's answers are
     * {@code outcome="front"}.
     */
    public void register(io.micrometer.core.instrument.MeterRegistry registry) {
        for (var outcome :
                java.util.Map.of("hit", hits, "miss", misses, "alone", alone).entrySet()) {
            io.micrometer.core.instrument.FunctionCounter.builder(
                            "komek.pages.cache", outcome.getValue(), java.util.concurrent.atomic.LongAdder::doubleValue)
                    .description("catalog pages by how the page cache answered them")
                    .tag("outcome", outcome.getKey())
                    .register(registry);
        }
    }

    /** The page handler, served from the cache when it may be. */
    public Handler wrap(Handler render) {
        return ctx -> serve(ctx, render);
    }

    private void serve(Context ctx, Handler render) throws Exception {
        int mark = ctx.queryParamMap().keySet().stream().allMatch("platform"::equals)
                ? mark(ctx.path(), ctx.cookie(Visitor.COOKIE), ctx.cookie(VoteMarks.COOKIE))
                : ALONE; // other parameters would only fill the cache with copies
        if (mark == ALONE) {
            alone.increment();
            render.handle(ctx);
            if (ctx.res().getHeader("Cache-Control") == null) {
                ctx.header("Cache-Control", PRIVATE);
            }
            return;
        }
        // Platform first: an unknown ?platform= is a 400 before anything is looked up.
        var key = new Key(state.get(), origin.apply(ctx), ctx.path(), platform.apply(ctx), mark);
        Page page = pages.getIfPresent(key);
        if (page == null) {
            misses.increment();
            render.handle(ctx);
            String html = ctx.attribute(HTML);
            if (ctx.statusCode() != 200 || html == null || ctx.res().getHeader("Cache-Control") != null) {
                return; // redirects, and anything marked private by the handler
            }
            page = page(key, html, Optional.ofNullable(ctx.attribute(QUESTION)), mark);
            pages.put(key, page);
        } else {
            hits.increment();
            Page hit = page;
            hit.question().ifPresent(id -> views.viewed(id, ctx.method().name(), ctx::header));
        }
        boolean gzip = acceptsGzip(ctx.header("Accept-Encoding"));
        ctx.header("ETag", gzip ? page.gzipEtag() : page.etag());
        ctx.header("Last-Modified", page.lastModified());
        ctx.header("Cache-Control", page.cacheControl());
        ctx.header("Vary", VARY);
        ctx.contentType("text/html; charset=utf-8");
        if (page.notModified(ctx.header("If-None-Match"), ctx.header("If-Modified-Since"))) {
            ctx.status(HttpStatus.NOT_MODIFIED);
            ctx.result("");
            return;
        }
        ctx.status(HttpStatus.OK);
        if (gzip) {
            ctx.header("Content-Encoding", "gzip");
            ctx.result(page.gzip());
        } else {
            ctx.result(page.html());
        }
    }

    private Page page(Key key, String html, Optional<Long> question, int mark) {
        byte[] bytes = html.getBytes(StandardCharsets.UTF_8);
        String etag = etag(bytes);
        String page = key.origin() + '\n' + key.path() + '\n' + key.platform() + '\n' + key.mark();
        Instant modified = dates.since(page, etag, clock.instant().truncatedTo(ChronoUnit.SECONDS))
                .truncatedTo(ChronoUnit.SECONDS);
        return new Page(
                bytes,
                gzip(bytes),
                etag,
                etag.substring(0, etag.length() - 1) + "-gz\"",
                modified,
                HTTP_DATE.format(ZonedDateTime.ofInstant(modified, ZoneId.of("GMT"))),
                question,
                mark);
    }

    /** Compressed once, at the best level: it is sent many times. */
    private static byte[] gzip(byte[] bytes) {
        var out = new ByteArrayOutputStream(bytes.length / 4 + 64);
        try (var gz = new GZIPOutputStream(out) {
            {
                def.setLevel(Deflater.BEST_COMPRESSION);
            }
        }) {
            gz.write(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
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
