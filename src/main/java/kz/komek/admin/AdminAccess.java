package kz.komek.admin;

import io.javalin.http.Context;
import java.util.Optional;
import kz.komek.http.ForbiddenException;
import kz.komek.http.UnauthorizedException;

/**
 * What an admin handler asks first: who is this, and may they do this? The authentication filter
 * ({@link AdminAuth}) has already put the {@link Principal} on every request under {@code /admin} and
 * {@code /api/v1/admin}; a handler calls {@link #require} with the role its action needs.
 *
 * <pre>{@code
 * Principal p = access.require(ctx, Role.EDITOR);   // 403 for a viewer
 * }</pre>
 */
public final class AdminAccess {
    /** The session's CSRF token, for forms ({@link #csrf(Context)}). */
    public static final String CSRF_ATTRIBUTE = "komek.csrf";

    /**
     * The principal of the request if its role includes {@code needed}; else a 403 (JSON under {@code /api}, a page
     * in the UI's language otherwise). A 401 if the route was left outside the filter by mistake.
     */
    public Principal require(Context ctx, Role needed) {
        Principal p = principal(ctx)
                .orElseThrow(() -> new UnauthorizedException("sign in or send Authorization: Bearer TOKEN", "Bearer"));
        if (!p.may(needed)) {
            throw new ForbiddenException(
                    "this needs the role " + needed.code() + " or higher; " + p.name() + " has "
                            + p.role().code(),
                    locale -> AdminText.ROLE_TOO_LOW.format(
                            locale, AdminText.role(needed, locale), AdminText.role(p.role(), locale)));
        }
        return p;
    }

    /** Who makes this request's write, as the audit log signs it: its principal and the client's X-Request-Id. */
    public static Actor actor(Context ctx, Principal p) {
        return Actor.of(p, ctx.header("X-Request-Id"));
    }

    public Optional<Principal> principal(Context ctx) {
        return Optional.ofNullable(ctx.attribute(Principal.ATTRIBUTE));
    }

    /**
     * The CSRF token a form of this request's page must send back in a hidden field {@code _csrf} (or a script in the
     * header {@code X-CSRF-Token}); empty for a request made with an API token, which needs none. In jte:
     * {@code @template.admin.csrf(token = page.csrf())}.
     */
    public Optional<String> csrf(Context ctx) {
        return Optional.ofNullable(ctx.attribute(CSRF_ATTRIBUTE));
    }
}
