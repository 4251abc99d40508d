package kz.komek.web;

import io.micrometer.core.instrument.Counter;
import java.nio.ByteBuffer;
import java.util.List;
import kz.komek.catalog.PageCache;
import kz.komek.catalog.Visitor;
import kz.komek.catalog.VoteMarks;
import kz.komek.content.Platform;
import kz.komek.http.AgentMemo;
import kz.komek.ops.HttpMetrics;
import kz.komek.seo.PublicOrigin;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.http.PreEncodedHttpField;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * Catalog pages from the page cache, answered in Jetty before any framework routing: a page served from memory should
 * cost little more than a file sent by nginx (issue 15). What this handler cannot answer from memory (a miss, a query
 * other than {@code ?platform=}, a method other than GET and HEAD, a reader to render alone) goes on to Javalin, whose
 * page handlers render it and fill the cache. The headers are the ones Javalin's routes would send.
 */
final class FrontPages extends Handler.Wrapper {
    private static final HttpField HTML = new PreEncodedHttpField(HttpHeader.CONTENT_TYPE, "text/html; charset=utf-8");
    private static final HttpField VARY = new PreEncodedHttpField(HttpHeader.VARY, PageCache.VARY);
    private static final HttpField PUBLIC = new PreEncodedHttpField(HttpHeader.CACHE_CONTROL, PageCache.PUBLIC);
    private static final HttpField PRIVATE = new PreEncodedHttpField(HttpHeader.CACHE_CONTROL, PageCache.PRIVATE);
    private static final HttpField GZIP = new PreEncodedHttpField(HttpHeader.CONTENT_ENCODING, "gzip");
    private static final List<HttpField> SECURITY = SecurityHeaders.ALWAYS.entrySet().stream()
            .<HttpField>map(e -> new PreEncodedHttpField(e.getKey(), e.getValue()))
            .toList();
    private static final HttpField HSTS =
            new PreEncodedHttpField(SecurityHeaders.HSTS_NAME, SecurityHeaders.HSTS_VALUE);

    private final PageCache cache;
    private final PublicOrigin origin;
    private final AgentMemo<Platform> platforms;
    private final List<String> appTokens;
    private final boolean trustProxy;
    private final Counter hits;
    private final HttpMetrics metrics;

    /**
     * @param appTokens User-Agent tokens of the app's webview (as the page handlers read them)
     * @param trustProxy whether a proxy's {@code X-Forwarded-Proto} says the reader came over HTTPS (HSTS)
     */
    FrontPages(
            PageCache cache,
            PublicOrigin origin,
            List<String> appTokens,
            boolean trustProxy,
            Counter hits,
            HttpMetrics metrics) {
        this.cache = cache;
        this.origin = origin;
        this.appTokens = List.copyOf(appTokens);
        this.platforms = new AgentMemo<>(agent -> Platform.of(null, agent, this.appTokens));
        this.trustProxy = trustProxy;
        this.hits = hits;
        this.metrics = metrics;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        long started = System.nanoTime();
        PageCache.Page page = cached(request);
        if (page == null) {
            return super.handle(request, response, callback);
        }
        hits.increment();
        HttpFields fields = request.getHeaders();
        boolean head = HttpMethod.HEAD.is(request.getMethod());
        if (!head) {
            page.question().ifPresent(id -> cache.viewed(id, "GET", fields::get));
        }
        boolean gzip = PageCache.acceptsGzip(fields.get(HttpHeader.ACCEPT_ENCODING));
        HttpFields.Mutable out = response.getHeaders();
        for (HttpField f : SECURITY) {
            out.put(f);
        }
        if (https(request)) {
            out.put(HSTS);
        }
        out.put(HTML);
        out.put(VARY);
        out.put(page.mark() == VoteMarks.NONE ? PUBLIC : PRIVATE);
        out.put(HttpHeader.ETAG, gzip ? page.gzipEtag() : page.etag());
        out.put(HttpHeader.LAST_MODIFIED, page.lastModified());
        if (page.notModified(fields.get(HttpHeader.IF_NONE_MATCH), fields.get(HttpHeader.IF_MODIFIED_SINCE))) {
            response.setStatus(HttpStatus.NOT_MODIFIED_304);
            response.write(true, null, callback);
            metrics.record(HttpMetrics.Kind.PAGE, HttpStatus.NOT_MODIFIED_304, System.nanoTime() - started);
            return true;
        }
        byte[] body = gzip ? page.gzip() : page.html();
        if (gzip) {
            out.put(GZIP);
        }
        out.put(HttpHeader.CONTENT_LENGTH, body.length);
        response.setStatus(HttpStatus.OK_200);
        response.write(true, head ? null : ByteBuffer.wrap(body), callback);
        // what the access log's time measures for rendered pages: until the handler handed the bytes on
        metrics.record(HttpMetrics.Kind.PAGE, HttpStatus.OK_200, System.nanoTime() - started);
        return true;
    }

    /** The page in memory for this request, or null when Javalin must answer it. */
    private PageCache.Page cached(Request request) {
        String method = request.getMethod();
        if (!HttpMethod.GET.is(method) && !HttpMethod.HEAD.is(method)) {
            return null;
        }
        var uri = request.getHttpURI();
        String path = uri.getPath();
        // catalog pages are /{site}/{locale}/…; the cache holds nothing else
        if (path == null || path.length() < 5 || path.startsWith("/api/") || path.startsWith("/admin")) {
            return null;
        }
        HttpFields fields = request.getHeaders();
        Platform platform;
        try {
            String parameter = platformParameter(uri.getQuery());
            String agent = fields.get(HttpHeader.USER_AGENT);
            platform = parameter == null ? platforms.of(agent) : Platform.of(parameter, agent, appTokens);
        } catch (IllegalArgumentException | UnsupportedOperationException e) {
            return null; // Javalin answers: a 400 for an unknown platform, or a page for other parameters
        }
        String visitor = null;
        String marks = null;
        if (fields.contains(HttpHeader.COOKIE)) {
            for (var cookie : Request.getCookies(request)) {
                if (cookie.getName().equals(Visitor.COOKIE)) {
                    visitor = cookie.getValue();
                } else if (cookie.getName().equals(VoteMarks.COOKIE)) {
                    marks = cookie.getValue();
                }
            }
        }
        int mark = PageCache.mark(path, visitor, marks);
        if (mark == PageCache.ALONE) {
            return null;
        }
        String scheme = request.isSecure() ? "https" : "http";
        return cache.find(origin.of(scheme, fields.get(HttpHeader.HOST)), path, platform, mark);
    }

    /**
     * The value of {@code ?platform=} when it is the only parameter; null without a query.
     *
     * @throws UnsupportedOperationException for any other query: the cache keeps no copies of those
     */
    private static String platformParameter(String query) {
        if (query == null) {
            return null;
        }
        if (!query.startsWith("platform=")
                || query.indexOf('&') >= 0
                || query.indexOf('%') >= 0
                || query.indexOf('+') >= 0) {
            throw new UnsupportedOperationException();
        }
        return query.substring("platform=".length());
    }

    private boolean https(Request request) {
        if (request.isSecure()) {
            return true;
        }
        return trustProxy && "https".equalsIgnoreCase(request.getHeaders().get("X-Forwarded-Proto"));
    }
}
