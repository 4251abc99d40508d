package kz.komek.feedback;

import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * Which page requests are a person reading: not a crawler, link previewer or script (by User-Agent), not a
 * browser's prefetch or prerender (which may never be shown), not a HEAD request (no page is shown).
 */
final class ViewFilter {
    /** Lower-case User-Agent fragments of crawlers, link previews, monitors and HTTP libraries. */
    static final List<String> NOT_READERS = List.of(
            "bot",
            "crawl",
            "spider",
            "slurp",
            "facebookexternalhit",
            "mediapartners",
            "preview",
            "whatsapp",
            "vkshare",
            "headlesschrome",
            "lighthouse",
            "pingdom",
            "uptime",
            "curl/",
            "wget/",
            "python-",
            "go-http-client",
            "java-http-client",
            "okhttp",
            "apache-httpclient",
            "node-fetch",
            "axios/");

    private ViewFilter() {}

    /**
     * @param method the HTTP method
     * @param header a request header by name, null when absent
     */
    static boolean isReader(String method, Function<String, String> header) {
        if (!"GET".equals(method)) {
            return false;
        }
        String agent = header.apply("User-Agent");
        if (agent == null || agent.isBlank()) {
            return false; // browsers always send one
        }
        String ua = agent.toLowerCase(Locale.ROOT);
        if (NOT_READERS.stream().anyMatch(ua::contains)) {
            return false;
        }
        return !mentions(header.apply("Sec-Purpose"), "prefetch")
                && !mentions(header.apply("Purpose"), "prefetch")
                && !mentions(header.apply("X-Moz"), "prefetch")
                && !mentions(header.apply("X-Purpose"), "preview");
    }

    private static boolean mentions(String value, String token) {
        return value != null && value.toLowerCase(Locale.ROOT).contains(token);
    }
}
