package kz.komek.seo;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Where public URLs start (canonical links, hreflang, sitemaps): {@code --base-url} when set, else the request's
 * own scheme and {@code Host} header. komek does not trust {@code X-Forwarded-*} (Jetty is not configured for
 * them), so behind a proxy that terminates TLS an operator sets {@code --base-url}.
 */
public record PublicOrigin(Optional<String> configured) {
    // a host name or IPv4 address, or a bracketed IPv6 address, with an optional port: anything else in a
    // Host header must not reach a canonical link
    private static final Pattern HOST = Pattern.compile("([a-z0-9.-]+|\\[[0-9a-f:.]+\\])(:[0-9]{1,5})?");

    public PublicOrigin {
        configured = configured.map(u -> u.endsWith("/") ? u.substring(0, u.length() - 1) : u);
        configured.ifPresent(Head::requireAbsolute);
    }

    /** {@code https://help.example.kz} (no trailing slash), for a request with this scheme and Host header. */
    public String of(String scheme, String hostHeader) {
        if (configured.isPresent()) {
            return configured.get();
        }
        String s = "https".equalsIgnoreCase(scheme) ? "https" : "http";
        String host = hostHeader == null ? "" : hostHeader.strip().toLowerCase(Locale.ROOT);
        return s + "://" + (HOST.matcher(host).matches() ? host : "localhost");
    }
}
