package kz.komek.feedback;

import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.function.Predicate;

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
        return isReader(method, header, ViewFilter::readerAgent);
    }

    /** As {@link #isReader(String, Function)}, with the User-Agent judged by {@code agents} (a memo of it). */
    static boolean isReader(String method, Function<String, String> header, Predicate<String> agents) {
        if (!"GET".equals(method)) {
            return false;
        }
        if (!agents.test(header.apply("User-Agent"))) {
            return false;
        }
        return !mentions(header.apply("Sec-Purpose"), "prefetch")
                && !mentions(header.apply("Purpose"), "prefetch")
                && !mentions(header.apply("X-Moz"), "prefetch")
                && !mentions(header.apply("X-Purpose"), "preview");
    }

    /** Whether a browser a person reads with sends this User-Agent (the part of the test that depends on it alone). */
    static boolean readerAgent(String agent) {
        if (agent == null || agent.isBlank()) {
            return false; // browsers always send one
        }
        String ua = agent.toLowerCase(Locale.ROOT);
        for (String fragment : NOT_READERS) {
            if (ua.contains(fragment)) {
                return false;
            }
        }
        return true;
    }

    private static boolean mentions(String value, String token) {
        return value != null && value.toLowerCase(Locale.ROOT).contains(token);
    }
}
