package kz.komek.admin.accounts;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.security.SecureRandom;
import java.util.Optional;
import kz.komek.admin.AdminAccess;
import kz.komek.admin.AdminKit;
import kz.komek.admin.AdminLocale;
import kz.komek.admin.AdminText;
import kz.komek.admin.Principal;
import kz.komek.http.ClientAddress;
import kz.komek.i18n.Locale;

/**
 * Signing in and out of the admin UI.
 *
 * <p>The sign-in form is protected from login CSRF (another site signing a browser in to the attacker's account) by
 * a double-submit value: the page sets the {@code komek_login} cookie (SameSite=Strict, Path=/admin/login) and puts
 * the same value in the form; a post without both, equal, is refused and the form shown again. Browsers that say
 * another site sent the post ({@code Sec-Fetch-Site}) are refused too.
 */
public final class LoginPages {
    /** What a browser says about a request our own page made (or the person typed). */
    private final SignIn signIn;

    private final SessionStore sessions;
    private final AdminCookies cookies;
    private final SecureRandom random;
    private final AdminKit kit;

    LoginPages(AdminKit kit, SignIn signIn, SessionStore sessions, AdminCookies cookies, SecureRandom random) {
        this.kit = kit;
        this.signIn = signIn;
        this.sessions = sessions;
        this.cookies = cookies;
        this.random = random;
    }

    /** {@code GET /admin/login[?next=/admin/…][&lang=kz]}: the form; a browser already signed in goes on at once. */
    public void form(Context ctx) {
        ctx.header("Cache-Control", "no-store");
        Locale locale = AdminLocale.of(ctx);
        NextPath next = NextPath.parse(ctx.queryParam("next"));
        if (cookies.session(ctx).flatMap(sessions::live).isPresent()) {
            ctx.redirect(target(next, ctx), HttpStatus.SEE_OTHER);
            return;
        }
        Secret csrf = cookies.login(ctx).orElseGet(() -> Secret.random(random));
        render(ctx, HttpStatus.OK, locale, csrf, next, "", Optional.empty());
    }

    /** {@code POST /admin/login} with {@code name}, {@code password}, {@code _csrf}, {@code next}, {@code lang}. */
    public void submit(Context ctx) {
        ctx.header("Cache-Control", "no-store");
        Locale locale = AdminLocale.of(ctx);
        NextPath next = NextPath.parse(ctx.formParam("next"));
        String name = Optional.ofNullable(ctx.formParam("name")).orElse("");
        String shownName = name.length() > 64 ? "" : name.strip();
        var login = cookies.login(ctx);
        boolean ownForm = AdminAuth.fromOwnSite(ctx, cookies)
                && login.isPresent()
                && Secret.same(ctx.formParam("_csrf"), login.get().value());
        if (!ownForm) {
            // an expired form, or a post from elsewhere: a fresh form, nothing checked
            render(
                    ctx,
                    HttpStatus.FORBIDDEN,
                    locale,
                    Secret.random(random),
                    next,
                    shownName,
                    Optional.of(AdminText.FORM_EXPIRED.in(locale)));
            return;
        }
        var outcome = signIn.attempt(
                name, ctx.formParam("password"), ClientAddress.of(ctx, cookies.trustProxy()), cookies.session(ctx));
        // Java 17: instanceof over the sealed outcomes (switch patterns are final only from 21)
        if (outcome instanceof SignIn.Outcome.SignedIn s) {
            cookies.setSession(ctx, s.session());
            cookies.clearLogin(ctx);
            ctx.redirect(target(next, ctx), HttpStatus.SEE_OTHER);
        } else if (outcome instanceof SignIn.Outcome.Throttled t) {
            ctx.header("Retry-After", Long.toString(t.retryAfterSeconds()));
            long minutes = Math.max(1, (t.retryAfterSeconds() + 59) / 60);
            render(
                    ctx,
                    HttpStatus.TOO_MANY_REQUESTS,
                    locale,
                    login.get(),
                    next,
                    shownName,
                    Optional.of(AdminText.LOGIN_THROTTLED.format(locale, minutes)));
        } else {
            render(
                    ctx,
                    HttpStatus.UNAUTHORIZED,
                    locale,
                    login.get(),
                    next,
                    shownName,
                    Optional.of(AdminText.LOGIN_FAILED.in(locale)));
        }
    }

    /** {@code POST /admin/logout} (behind the filter, so with the session's CSRF token): ends the session. */
    public void logout(Context ctx) {
        Principal p = ctx.attribute(Principal.ATTRIBUTE);
        cookies.session(ctx).ifPresent(id -> {
            if (p != null && p.via() == Principal.Via.SESSION) {
                signIn.signOut(AdminAccess.actor(ctx, p), id);
            }
        });
        cookies.clearSession(ctx);
        Locale locale = AdminLocale.of(ctx);
        ctx.redirect(
                AdminCookies.LOGIN_PATH + (locale == Locale.DEFAULT ? "" : "?lang=" + locale.code()),
                HttpStatus.SEE_OTHER);
    }

    /** Where to go after signing in; the language chosen on the sign-in page goes along to the landing page. */
    private static String target(NextPath next, Context ctx) {
        String lang = Optional.ofNullable(ctx.queryParam("lang"))
                .or(() -> Optional.ofNullable(ctx.isFormUrlencoded() ? ctx.formParam("lang") : null))
                .orElse("");
        if (next.equals(NextPath.HOME) && Locale.parse(lang).isPresent()) {
            return NextPath.HOME.value() + "?lang=" + lang;
        }
        return next.value();
    }

    private void render(
            Context ctx,
            HttpStatus status,
            Locale locale,
            Secret csrf,
            NextPath next,
            String name,
            Optional<String> error) {
        cookies.setLogin(ctx, csrf);
        kit.render(ctx, status, "admin/login.jte", new LoginPage(locale, csrf.value(), next.value(), name, error));
    }
}
