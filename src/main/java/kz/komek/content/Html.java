package kz.komek.content;

import java.net.URI;
import java.util.Locale;
import java.util.Set;

/** Escaping and URL checks for the HTML the renderer writes. */
final class Html {
    private static final Set<String> SAFE_SCHEMES = Set.of("http", "https", "mailto", "tel");

    private Html() {}

    static String text(String s) {
        StringBuilder out = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            String rep = switch (c) {
                case '&' -> "&amp;";
                case '<' -> "&lt;";
                case '>' -> "&gt;";
                default -> null;
            };
            if (rep != null || Character.isISOControl(c) && c != '\n' && c != '\t') {
                if (out == null) {
                    out = new StringBuilder(s.length() + 16).append(s, 0, i);
                }
                if (rep != null) {
                    out.append(rep);
                }
            } else if (out != null) {
                out.append(c);
            }
        }
        return out == null ? s : out.toString();
    }

    /** The text without the control characters that {@link #text} drops (newline and tab stay). */
    static String withoutControls(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isISOControl(c) && c != '\n' && c != '\t') {
                var out = new StringBuilder(s.length()).append(s, 0, i);
                for (int j = i + 1; j < s.length(); j++) {
                    char d = s.charAt(j);
                    if (!Character.isISOControl(d) || d == '\n' || d == '\t') {
                        out.append(d);
                    }
                }
                return out.toString();
            }
        }
        return s;
    }

    static String attribute(String s) {
        return text(s).replace("\"", "&quot;");
    }

    /**
     * Whether a URL from content may be written into an href or src: http(s), mailto, tel, or relative. Control
     * characters and whitespace are ignored for the check, as browsers ignore them ({@code jav&#x09;ascript:}).
     */
    static boolean safeUrl(String url, ContentConfig config) {
        var sb = new StringBuilder(url.length());
        for (int i = 0; i < url.length(); i++) {
            char c = url.charAt(i);
            if (c > ' ' && !Character.isISOControl(c)) {
                sb.append(c);
            }
        }
        String u = sb.toString().toLowerCase(Locale.ROOT);
        int colon = u.indexOf(':');
        if (colon < 0) {
            return true;
        }
        int slash = u.indexOf('/');
        int query = u.indexOf('?');
        int hash = u.indexOf('#');
        boolean colonInPath =
                (slash >= 0 && slash < colon) || (query >= 0 && query < colon) || (hash >= 0 && hash < colon);
        if (colonInPath) {
            return true; // "/a:b" or "?x=a:b" is relative
        }
        String scheme = u.substring(0, colon);
        return SAFE_SCHEMES.contains(scheme)
                || u.startsWith(config.deepLinkBase().toLowerCase(Locale.ROOT));
    }

    /** An absolute http(s) link to a host that is not komek's own. */
    static boolean isExternal(String href, ContentConfig config) {
        String lower = href.toLowerCase(Locale.ROOT);
        if (!lower.startsWith("http://") && !lower.startsWith("https://")) {
            return false;
        }
        try {
            String host = URI.create(href.strip()).getHost();
            return host == null || !config.ownHosts().contains(host.toLowerCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return true;
        }
    }
}
