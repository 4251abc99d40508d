package kz.komek.feedback;

import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.SameSite;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Optional;
import kz.komek.catalog.Visitor;
import kz.komek.catalog.VoteMarks;

/**
 * The first-party cookie that names a reader, so their second vote on a question replaces the first. HttpOnly (no
 * script needs it), SameSite=Lax (sent with the page's own form posts, not with another site's), Secure when the
 * request came over HTTPS, directly or through a proxy that says so.
 */
final class VisitorCookie {
    static final String NAME = Visitor.COOKIE;
    static final Duration LIFETIME = Duration.ofDays(730);

    private final SecureRandom random = new SecureRandom();

    Optional<VisitorId> of(Context ctx) {
        return VisitorId.parse(ctx.cookie(NAME));
    }

    /** The reader's id, issuing one when they have none; either way the cookie is sent again, for another 2 years. */
    VisitorId ensure(Context ctx) {
        VisitorId id = of(ctx).orElseGet(() -> VisitorId.random(random));
        ctx.cookie(new Cookie(
                NAME, id.value(), "/", (int) LIFETIME.toSeconds(), overHttps(ctx), true, null, SameSite.LAX));
        return id;
    }

    /** Whether the reader's browser talks HTTPS to us: the vote-marks cookie beside this one decides alike. */
    static boolean overHttps(Context ctx) {
        return VoteMarks.overHttps(ctx);
    }
}
