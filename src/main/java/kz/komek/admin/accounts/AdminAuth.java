package kz.komek.admin.accounts;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import kz.komek.admin.AdminAccess;
import kz.komek.admin.AdminText;
import kz.komek.admin.Principal;
import kz.komek.http.ForbiddenException;
import kz.komek.http.UnauthorizedException;

/**
 * The gate in front of {@code /admin}, {@code /admin/*} and {@code /api/v1/admin/*} (not the sign-in page): puts the
 * {@link Principal} on the request or turns it away.
 *
 * <ul>
 *   <li>{@code Authorization: Bearer TOKEN}: a script. A token that does not work (unknown, revoked, its user
 *       disabled) is a 401, whatever else the request carries.
 *   <li>Else the session cookie: a person in a browser. A state-changing request must also carry the session's CSRF
 *       token (form field {@code _csrf} or header {@code X-CSRF-Token}), else 403: the cookie is sent by the browser
 *       on its own, the token only by our pages. A token request needs none: no browser adds it by itself.
 *   <li>Neither: the API answers 401 with {@code WWW-Authenticate: Bearer}; a page sends the browser to the sign-in
 *       page (303), which brings it back afterwards.
 * </ul>
 *
 * Admin responses are never stored by a cache ({@code Cache-Control: no-store}).
 */
record AdminAuth(Accounts accounts, SessionStore sessions, AdminCookies cookies) {
    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");
    private static final Set<String> OWN_SITE = Set.of("same-origin", "none");

    /**
     * What the browser says of where a request comes from, beside the CSRF token: {@code Sec-Fetch-Site} must be
     * this origin (or a typed address), and an {@code Origin} must name this host: the request's {@code Host}
     * (a trusted proxy's {@code X-Forwarded-Host}) or {@code --base-url}'s, for a proxy that rewrites Host. A
     * browser too old to send either passes on the token alone.
     */
    static boolean fromOwnSite(Context ctx, AdminCookies cookies) {
        String site = ctx.header("Sec-Fetch-Site");
        if (site != null && !OWN_SITE.contains(site.toLowerCase(java.util.Locale.ROOT))) {
            return false;
        }
        String origin = ctx.header("Origin");
        if (origin == null) {
            return true;
        }
        String forwarded = cookies.trustProxy() ? ctx.header("X-Forwarded-Host") : null;
        String host = forwarded != null ? forwarded.split(",")[0].strip() : ctx.header("Host");
        try {
            String authority = java.net.URI.create(origin.strip()).getRawAuthority();
            return authority != null
                    && (authority.equalsIgnoreCase(host == null ? "" : host)
                            || cookies.publicAuthority()
                                    .filter(authority::equalsIgnoreCase)
                                    .isPresent());
        } catch (IllegalArgumentException e) {
            return false; // "null" from a sandboxed frame, or nonsense
        }
    }

    void authenticate(Context ctx) {
        ctx.header("Cache-Control", "no-store");
        if (ctx.path().equals(AdminCookies.LOGIN_PATH)) {
            return; // the sign-in page checks its own form
        }
        boolean api = ctx.path().startsWith("/api/");
        String authorization = ctx.header("Authorization");
        if (authorization != null) {
            User user = bearer(authorization)
                    .flatMap(accounts::tokenUser)
                    .orElseThrow(() -> new UnauthorizedException(
                            "the API token is not valid (unknown, revoked, or its user is disabled)",
                            "Bearer error=\"invalid_token\""));
            ctx.attribute(Principal.ATTRIBUTE, principal(user, Principal.Via.TOKEN));
            return;
        }
        var live = cookies.session(ctx).flatMap(sessions::live);
        if (live.isEmpty()) {
            if (cookies.hasSession(ctx)) {
                cookies.clearSession(ctx); // over, or never was: the browser may forget it
            }
            if (api) {
                throw new UnauthorizedException(
                        "sign in at /admin/login, or send Authorization: Bearer TOKEN", "Bearer");
            }
            ctx.redirect(loginUrl(ctx), HttpStatus.SEE_OTHER);
            ctx.skipRemainingHandlers();
            return;
        }
        var session = live.get();
        ctx.attribute(Principal.ATTRIBUTE, principal(session.user(), Principal.Via.SESSION));
        ctx.attribute(AdminAccess.CSRF_ATTRIBUTE, session.csrf());
        if (!SAFE_METHODS.contains(ctx.method().name()) && !Secret.same(sentCsrf(ctx), session.csrf())) {
            throw new ForbiddenException(
                    "missing or wrong CSRF token: a signed-in browser's "
                            + ctx.method().name()
                            + " must carry the session's token in the _csrf form field or the X-CSRF-Token header",
                    AdminText.CSRF_REFUSED::in);
        }
        if (!SAFE_METHODS.contains(ctx.method().name()) && !fromOwnSite(ctx, cookies)) {
            throw new ForbiddenException(
                    "a signed-in browser's " + ctx.method().name() + " must come from this site's own pages"
                            + " (Origin and Sec-Fetch-Site say another)",
                    AdminText.CSRF_REFUSED::in);
        }
    }

    private static Principal principal(User user, Principal.Via via) {
        return new Principal(user.id(), user.name().value(), user.role(), via);
    }

    /** The token of {@code Bearer TOKEN} (the scheme in any case); empty for any other scheme. */
    static Optional<String> bearer(String authorization) {
        String a = authorization.strip();
        if (a.length() > 7 && a.substring(0, 7).toLowerCase(Locale.ROOT).equals("bearer ")) {
            return Optional.of(a.substring(7).strip());
        }
        return Optional.empty();
    }

    private static String sentCsrf(Context ctx) {
        String header = ctx.header("X-CSRF-Token");
        if (header != null) {
            return header;
        }
        return ctx.isFormUrlencoded() || ctx.isMultipartFormData() ? ctx.formParam("_csrf") : null;
    }

    /** The sign-in page, coming back here afterwards when this was a page (a GET), keeping the language. */
    private static String loginUrl(Context ctx) {
        var url = new StringBuilder(AdminCookies.LOGIN_PATH);
        String method = ctx.method().name();
        String here = ctx.path() + (ctx.queryString() == null ? "" : "?" + ctx.queryString());
        NextPath next = method.equals("GET") || method.equals("HEAD") ? NextPath.parse(here) : NextPath.HOME;
        char sep = '?';
        if (!next.equals(NextPath.HOME)) {
            url.append(sep).append("next=").append(URLEncoder.encode(next.value(), StandardCharsets.UTF_8));
            sep = '&';
        }
        String lang = ctx.queryParam("lang");
        if (kz.komek.i18n.Locale.parse(lang).isPresent()) {
            url.append(sep).append("lang=").append(lang);
        }
        return url.toString();
    }
}
