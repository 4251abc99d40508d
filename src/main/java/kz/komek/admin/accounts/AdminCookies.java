package kz.komek.admin.accounts;

import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.SameSite;
import java.util.List;
import java.util.Optional;

/**
 * The admin's cookies. Both are HttpOnly (no script reads them) and SameSite=Strict (no other site's page makes the
 * browser send them, not even a link), and Secure when the browser talks HTTPS to us.
 *
 * <ul>
 *   <li>{@code komek_admin}: the session id, sent to {@code /admin} and {@code /api/v1/admin} only (one cookie per
 *       path, same value), so that the UI's pages may also call the admin API; never to the public pages.
 *   <li>{@code komek_login}: a random value set by the sign-in page and sent back only to it; the form carries the
 *       same value, so a sign-in form posted from elsewhere fails (login CSRF).
 * </ul>
 */
public final class AdminCookies {
    public static final String SESSION = "komek_admin";
    public static final String LOGIN = "komek_login";
    static final List<String> SESSION_PATHS = List.of("/admin", "/api/v1/admin");
    static final String LOGIN_PATH = "/admin/login";
    /** Time to fill in the sign-in form. */
    static final int LOGIN_SECONDS = 3600;

    private final boolean trustProxy;
    private final Optional<String> publicAuthority;

    /** @param baseUrl {@code --base-url}: the host readers and editors reach, whatever a proxy sends as Host */
    AdminCookies(boolean trustProxy, Optional<String> baseUrl) {
        this.trustProxy = trustProxy;
        this.publicAuthority = baseUrl.map(u -> java.net.URI.create(u).getRawAuthority());
    }

    /** The host (and port) of {@code --base-url}, when set. */
    Optional<String> publicAuthority() {
        return publicAuthority;
    }

    /** Whether a proxy's {@code X-Forwarded-*} headers are believed (HTTPS here, and the client's address). */
    boolean trustProxy() {
        return trustProxy;
    }

    Optional<Secret> session(Context ctx) {
        return secret(ctx.cookie(SESSION));
    }

    /** Whether the request carried a session cookie at all, live or not. */
    boolean hasSession(Context ctx) {
        return ctx.cookie(SESSION) != null;
    }

    void setSession(Context ctx, Secret id) {
        int seconds = (int) SessionStore.LIFETIME.toSeconds();
        SESSION_PATHS.forEach(path -> ctx.cookie(cookie(ctx, SESSION, id.value(), path, seconds)));
    }

    void clearSession(Context ctx) {
        SESSION_PATHS.forEach(path -> ctx.cookie(cookie(ctx, SESSION, "", path, 0)));
    }

    Optional<Secret> login(Context ctx) {
        return secret(ctx.cookie(LOGIN));
    }

    void setLogin(Context ctx, Secret value) {
        ctx.cookie(cookie(ctx, LOGIN, value.value(), LOGIN_PATH, LOGIN_SECONDS));
    }

    void clearLogin(Context ctx) {
        ctx.cookie(cookie(ctx, LOGIN, "", LOGIN_PATH, 0));
    }

    /**
     * Whether the browser talks HTTPS to us: the request's scheme, or behind a proxy we were told to trust
     * ({@code --trust-proxy}), its {@code X-Forwarded-Proto}: one rule for every proxy header. So behind a proxy that
     * ends TLS, {@code --trust-proxy} is what makes the session cookie Secure.
     */
    boolean overHttps(Context ctx) {
        if ("https".equalsIgnoreCase(ctx.scheme())) {
            return true;
        }
        if (!trustProxy) {
            return false;
        }
        String proto = ctx.header("X-Forwarded-Proto");
        return proto != null && "https".equalsIgnoreCase(proto.split(",")[0].strip());
    }

    private Cookie cookie(Context ctx, String name, String value, String path, int maxAge) {
        return new Cookie(name, value, path, maxAge, overHttps(ctx), true, null, SameSite.STRICT);
    }

    private static Optional<Secret> secret(String value) {
        return Secret.looksLike(value) ? Optional.of(new Secret(value)) : Optional.empty();
    }
}
