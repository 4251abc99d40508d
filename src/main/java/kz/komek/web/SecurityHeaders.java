package kz.komek.web;

import java.util.LinkedHashMap;
import java.util.Map;

/** The headers every response carries, the same from Javalin's routes and from the front handler's cached pages. */
final class SecurityHeaders {
    /**
     * Scripts only from our own files, never inline (an injected script in an answer would not run even if the
     * sanitizer let it through); JSON-LD blocks are data, which script-src does not govern. Styles may be inline
     * (answers and the preview use style attributes); images may come from anywhere over http(s), as answers link
     * them; forms post only here; nobody frames us but ourselves (the editor's preview).
     *
     * <p>Videos (decision 0036): we frame only the two players a reader asks for by clicking a video's poster,
     * YouTube's cookie-less host and Vimeo's player, not youtube.com or any other page; video files play from any
     * https host an editor links (media-src), never over plain http.
     */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; object-src 'none';"
            + " style-src 'self' 'unsafe-inline'; img-src 'self' data: https: http:;"
            + " frame-src 'self' https://www.youtube-nocookie.com https://player.vimeo.com; media-src 'self' https:;"
            + " frame-ancestors 'self'; base-uri 'self'; form-action 'self'";

    /** Sent with every response, in this order. */
    static final Map<String, String> ALWAYS;

    static {
        var h = new LinkedHashMap<String, String>();
        h.put("X-Content-Type-Options", "nosniff");
        h.put("Referrer-Policy", "strict-origin-when-cross-origin");
        h.put("X-Frame-Options", "SAMEORIGIN");
        h.put("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        ALWAYS = java.util.Collections.unmodifiableMap(h);
    }

    /**
     * Over HTTPS only: a browser that once came over HTTPS never tries plain HTTP again for a year (no subdomains: the
     * operator's other hosts are not ours to decide).
     */
    static final String HSTS_NAME = "Strict-Transport-Security";

    static final String HSTS_VALUE = "max-age=31536000";

    private SecurityHeaders() {}
}
