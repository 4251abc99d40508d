package kz.komek.admin.accounts;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import kz.komek.admin.AdminAccess;
import kz.komek.admin.AdminFrame;
import kz.komek.admin.AdminKit;
import kz.komek.admin.AdminLocale;
import kz.komek.admin.AdminText;
import kz.komek.admin.Principal;
import kz.komek.admin.Role;
import kz.komek.admin.audit.AuditLog;
import kz.komek.http.NotFoundException;
import kz.komek.i18n.Locale;

/**
 * {@code /admin/users} (admins: list, add, disable, enable, change a role, set a forgotten password) and {@code /admin/account} (anyone signed
 * in: their own password). Each post changes one thing through {@link Accounts}, which writes its audit row, and is
 * answered with a redirect back to the page (303), or the page again with the error (400).
 */
public final class UsersPages {
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final AdminKit kit;
    private final Accounts accounts;
    private final AdminCookies cookies;

    UsersPages(AdminKit kit, Accounts accounts, AdminCookies cookies) {
        this.kit = kit;
        this.accounts = accounts;
        this.cookies = cookies;
    }

    /** {@code GET /admin/users[?done]}. */
    public void list(Context ctx) {
        Principal p = kit.access().require(ctx, Role.ADMIN);
        Optional<String> message = ctx.queryParam("done") == null
                ? Optional.empty()
                : Optional.of(AdminText.USERS_DONE.in(AdminLocale.of(ctx)));
        render(ctx, HttpStatus.OK, page(ctx, p, message, Optional.empty(), "", Role.EDITOR.code()));
    }

    /** {@code POST /admin/users} with {@code name}, {@code role}, {@code password}, {@code password2}. */
    public void add(Context ctx) {
        Principal p = kit.access().require(ctx, Role.ADMIN);
        Locale locale = AdminLocale.of(ctx);
        String rawName = form(ctx, "name");
        String rawRole = form(ctx, "role");
        try {
            UserName name = userName(rawName, locale);
            Role role = Role.parse(rawRole).orElseThrow(() -> new IllegalArgumentException("role: " + rawRole));
            Password password = newPassword(ctx, locale, name);
            if (accounts.user(name).isPresent()) {
                throw new IllegalArgumentException(AdminText.USERS_EXISTS.format(locale, name.value()));
            }
            accounts.addUser(name, role, password, signer(ctx, p));
        } catch (IllegalArgumentException | AccountException e) {
            render(
                    ctx,
                    HttpStatus.BAD_REQUEST,
                    page(ctx, p, Optional.empty(), Optional.of(e.getMessage()), rawName, rawRole));
            return;
        }
        done(ctx);
    }

    /** {@code POST /admin/users/{name}/disable} (not oneself). */
    public void disable(Context ctx) {
        Principal p = kit.access().require(ctx, Role.ADMIN);
        UserName name = user(ctx);
        if (name.key().equals(new UserName(p.name()).key())) {
            refused(ctx, p, AdminText.USERS_NOT_YOURSELF.in(AdminLocale.of(ctx)));
            return;
        }
        known(() -> accounts.disable(name, signer(ctx, p)));
        done(ctx);
    }

    /** {@code POST /admin/users/{name}/enable}. */
    public void enable(Context ctx) {
        Principal p = kit.access().require(ctx, Role.ADMIN);
        UserName name = user(ctx);
        known(() -> accounts.enable(name, signer(ctx, p)));
        done(ctx);
    }

    /** {@code POST /admin/users/{name}/role} with {@code role} (not one's own: an admin cannot demote themselves). */
    public void role(Context ctx) {
        Principal p = kit.access().require(ctx, Role.ADMIN);
        UserName name = user(ctx);
        String raw = form(ctx, "role");
        Optional<Role> role = Role.parse(raw);
        if (role.isEmpty() || name.key().equals(new UserName(p.name()).key())) {
            String why = role.isEmpty() ? "role: " + raw : AdminText.USERS_NOT_YOURSELF.in(AdminLocale.of(ctx));
            refused(ctx, p, why);
            return;
        }
        known(() -> accounts.setRole(name, role.get(), signer(ctx, p)));
        done(ctx);
    }

    /** A user named in the path who does not exist is a 404, as for a password reset (it answered 500). */
    private static void known(Runnable action) {
        try {
            action.run();
        } catch (AccountException e) {
            throw new NotFoundException(e.getMessage());
        }
    }

    /**
     * {@code POST /admin/users/{name}/password} with {@code password}, {@code password2}: an admin sets another user's
     * password (a forgotten one); every session of that user ends. One's own goes through {@code /admin/account}, which
     * asks for the current password.
     */
    public void resetPassword(Context ctx) {
        Principal p = kit.access().require(ctx, Role.ADMIN);
        UserName name = user(ctx);
        Locale locale = AdminLocale.of(ctx);
        try {
            if (name.key().equals(new UserName(p.name()).key())) {
                throw new IllegalArgumentException(AdminText.USERS_RESET_OWN.in(locale));
            }
            accounts.setPassword(name, newPassword(ctx, locale, name), signer(ctx, p));
        } catch (IllegalArgumentException e) {
            refused(ctx, p, name.value() + ": " + e.getMessage());
            return;
        } catch (AccountException e) {
            throw new NotFoundException(e.getMessage());
        }
        done(ctx);
    }

    /** {@code GET /admin/account}: the form to change one's own password. Any role. */
    public void account(Context ctx) {
        Principal p = kit.access().require(ctx, Role.VIEWER);
        Optional<String> message = ctx.queryParam("changed") == null
                ? Optional.empty()
                : Optional.of(AdminText.ACCOUNT_CHANGED.in(AdminLocale.of(ctx)));
        renderAccount(
                ctx,
                HttpStatus.OK,
                new AccountPage(frame(ctx, p, "account", AdminText.ACCOUNT_TITLE), message, Optional.empty()));
    }

    /**
     * {@code POST /admin/account} with {@code current}, {@code password}, {@code password2}: the other sessions of the
     * user end, this one goes on.
     */
    public void changePassword(Context ctx) {
        Principal p = kit.access().require(ctx, Role.VIEWER);
        Locale locale = AdminLocale.of(ctx);
        Password password;
        try {
            password = newPassword(ctx, locale, new UserName(p.name()));
        } catch (IllegalArgumentException e) {
            accountRefused(ctx, p, e.getMessage());
            return;
        }
        Optional<Secret> keep = p.via() == Principal.Via.SESSION ? cookies.session(ctx) : Optional.empty();
        if (!accounts.changeOwnPassword(AdminAccess.actor(ctx, p), form(ctx, "current"), password, keep)) {
            accountRefused(ctx, p, AdminText.ACCOUNT_WRONG_CURRENT.in(locale));
            return;
        }
        ctx.redirect(AdminFrame.withLang("/admin/account?changed", locale), HttpStatus.SEE_OTHER);
    }

    /** The password page again with why the change was refused: a 400. */
    private void accountRefused(Context ctx, Principal p, String why) {
        renderAccount(
                ctx,
                HttpStatus.BAD_REQUEST,
                new AccountPage(frame(ctx, p, "account", AdminText.ACCOUNT_TITLE), Optional.empty(), Optional.of(why)));
    }

    /**
     * The new password typed twice, the same both times, long enough, not a common one and not the user's name; else
     * why not, in the UI's language.
     */
    private static Password newPassword(Context ctx, Locale locale, UserName user) {
        String password = Optional.ofNullable(ctx.formParam("password")).orElse("");
        if (!password.equals(Optional.ofNullable(ctx.formParam("password2")).orElse(""))) {
            throw new IllegalArgumentException(AdminText.PASSWORDS_DIFFER.in(locale));
        }
        int length = password.codePointCount(0, password.length());
        if (password.isBlank() || length < Password.MIN_LENGTH || length > Password.MAX_LENGTH) {
            throw new IllegalArgumentException(
                    AdminText.PASSWORD_LENGTH.format(locale, Password.MIN_LENGTH, Password.MAX_LENGTH, length));
        }
        if (Password.common(password)) {
            throw new IllegalArgumentException(AdminText.PASSWORD_COMMON.in(locale));
        }
        if (password.equalsIgnoreCase(user.value())) {
            throw new IllegalArgumentException(AdminText.PASSWORD_IS_NAME.in(locale));
        }
        return new Password(password);
    }

    private static UserName userName(String raw, Locale locale) {
        try {
            return new UserName(raw);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(AdminText.USERS_NAME_RULE.in(locale), e);
        }
    }

    private static AuditLog.Signer signer(Context ctx, Principal p) {
        return AuditLog.Signer.of(AdminAccess.actor(ctx, p));
    }

    private static UserName user(Context ctx) {
        try {
            return new UserName(ctx.pathParam("name"));
        } catch (IllegalArgumentException e) {
            throw new NotFoundException("there is no user " + ctx.pathParam("name"));
        }
    }

    private static String form(Context ctx, String name) {
        return Optional.ofNullable(ctx.formParam(name)).orElse("").strip();
    }

    private static void done(Context ctx) {
        ctx.redirect(AdminFrame.withLang("/admin/users?done", AdminLocale.of(ctx)), HttpStatus.SEE_OTHER);
    }

    private AdminFrame frame(Context ctx, Principal p, String current, AdminText title) {
        return AdminFrame.of(ctx, kit.access(), p, current, title);
    }

    /**
     * {@code POST /admin/users/tokens} with {@code user} and {@code label}: a new API token, shown once on the page
     * this answers (never in a URL or a redirect).
     */
    public void createToken(Context ctx) {
        Principal p = kit.access().require(ctx, Role.ADMIN);
        Accounts.NewToken token;
        try {
            token = accounts.createToken(new UserName(form(ctx, "user")), form(ctx, "label"), signer(ctx, p));
        } catch (IllegalArgumentException | AccountException e) {
            refused(ctx, p, e.getMessage());
            return;
        }
        render(
                ctx,
                HttpStatus.OK,
                page(ctx, p, Optional.empty(), Optional.empty(), "", Role.EDITOR.code(), Optional.of(token)));
    }

    /** {@code POST /admin/users/tokens/{id}/revoke}. */
    public void revokeToken(Context ctx) {
        Principal p = kit.access().require(ctx, Role.ADMIN);
        long id;
        try {
            id = Long.parseLong(ctx.pathParam("id"));
        } catch (NumberFormatException e) {
            throw new NotFoundException("there is no token " + ctx.pathParam("id"));
        }
        try {
            accounts.revokeToken(id, signer(ctx, p));
        } catch (AccountException e) {
            throw new NotFoundException(e.getMessage());
        }
        done(ctx);
    }

    /** The users page again (400) saying why a post was refused. */
    private void refused(Context ctx, Principal p, String why) {
        render(ctx, HttpStatus.BAD_REQUEST, page(ctx, p, Optional.empty(), Optional.of(why), "", Role.EDITOR.code()));
    }

    private UsersPage page(
            Context ctx, Principal p, Optional<String> message, Optional<String> error, String name, String role) {
        return page(ctx, p, message, error, name, role, Optional.empty());
    }

    private UsersPage page(
            Context ctx,
            Principal p,
            Optional<String> message,
            Optional<String> error,
            String name,
            String role,
            Optional<Accounts.NewToken> newToken) {
        AdminFrame frame = frame(ctx, p, "users", AdminText.USERS_TITLE);
        Locale locale = frame.locale();
        String you = new UserName(p.name()).key();
        List<UsersPage.Row> rows = accounts.listed().stream()
                .map(l -> new UsersPage.Row(
                        l.user().name().value(),
                        AdminText.role(l.user().role(), locale),
                        l.user().role().code(),
                        l.user().disabled(),
                        WHEN.format(l.user().created().atZoneSameInstant(kit.zone())),
                        l.lastSignIn()
                                .map(t -> WHEN.format(t.atZoneSameInstant(kit.zone())))
                                .orElse("—"),
                        l.user().name().key().equals(you)))
                .toList();
        List<UsersPage.RoleOption> roles = Arrays.stream(Role.values())
                .map(r -> new UsersPage.RoleOption(r.code(), AdminText.role(r, locale)))
                .toList();
        List<UsersPage.TokenRow> tokens = accounts.tokens(Optional.empty()).stream()
                .filter(ApiToken::active)
                .map(t -> new UsersPage.TokenRow(
                        t.id(),
                        t.user().value(),
                        t.label(),
                        WHEN.format(t.created().atZoneSameInstant(kit.zone())),
                        t.lastUsed()
                                .map(u -> WHEN.format(u.atZoneSameInstant(kit.zone())))
                                .orElse("—")))
                .toList();
        return new UsersPage(frame, rows, roles, message, error, name, role, tokens, newToken);
    }

    static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private void render(Context ctx, HttpStatus status, UsersPage page) {
        kit.render(ctx, status, "admin/users.jte", page);
    }

    private void renderAccount(Context ctx, HttpStatus status, AccountPage page) {
        kit.render(ctx, status, "admin/account.jte", page);
    }
}
