package kz.komek.admin.accounts;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Optional;

/**
 * Where sign-in leads: a page of the admin on this site, given as a path ({@code /admin/questions/5?tab=ru}).
 * Anything else (another host {@code //evil.example}, a scheme, a backslash that browsers read as a slash, a public
 * page) is refused, so that the sign-in page cannot be used to send someone elsewhere.
 */
record NextPath(String value) {
    static final NextPath HOME = new NextPath("/admin");

    NextPath {
        if (!safe(value)) {
            throw new IllegalArgumentException("not an admin path: " + value);
        }
        // a Location header carries ASCII only: other letters percent-encoded, as a browser sends them
        value = URI.create(value).toASCIIString();
    }

    static NextPath parse(String raw) {
        return raw != null && safe(raw) ? new NextPath(raw) : HOME;
    }

    private static boolean safe(String s) {
        if (s == null || s.length() > 2000 || !s.startsWith("/admin")) {
            return false;
        }
        if (s.contains("\\") || s.contains("//") || s.chars().anyMatch(c -> c < 0x21 || c == 0x7f)) {
            return false;
        }
        try {
            URI uri = new URI(s);
            if (uri.getScheme() != null || uri.getRawAuthority() != null || uri.getRawFragment() != null) {
                return false;
            }
            String path = Optional.ofNullable(uri.getPath()).orElse("");
            return (path.equals("/admin") || path.startsWith("/admin/"))
                    && !path.contains("/..")
                    && !path.startsWith("/admin/login");
        } catch (URISyntaxException e) {
            return false;
        }
    }
}
