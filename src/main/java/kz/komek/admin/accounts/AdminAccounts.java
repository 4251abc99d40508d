package kz.komek.admin.accounts;

import gg.jte.TemplateEngine;
import io.javalin.http.Handler;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Optional;
import kz.komek.admin.AdminAccess;
import kz.komek.admin.AdminKit;
import kz.komek.admin.audit.AuditLog;
import kz.komek.admin.audit.AuditPages;
import org.jdbi.v3.core.Jdbi;

/**
 * Editors' accounts and access, built once by {@code App}: the gate in front of the admin ({@link #gate()}), what
 * handlers ask it ({@link #access()}), and the sign-in pages and account API. Keeps no state of its own: users,
 * tokens, sessions and failed sign-ins are rows in PostgreSQL, shared by every node.
 */
public final class AdminAccounts {
    private final Accounts accounts;
    private final AdminAccess access = new AdminAccess();
    private final AdminAuth auth;
    private final LoginPages login;
    private final AccountsApi api;
    private final AdminKit kit;
    private final AuditPages auditPages;
    private final UsersPages usersPages;

    /**
     * @param trustProxy believe {@code X-Forwarded-For}/{@code -Proto}/{@code -Host} (client address, HTTPS, host)
     * @param baseUrl {@code --base-url}, the public address editors' browsers name as their origin
     */
    public AdminAccounts(
            Jdbi jdbi, boolean trustProxy, Optional<String> baseUrl, TemplateEngine templates, Clock clock) {
        this.kit = new AdminKit(access, templates, clock);
        var random = new SecureRandom();
        var hasher = new PasswordHasher();
        hasher.dummyHash(random); // made now, so that the first sign-in takes as long as any other
        var store = new AccountStore(jdbi);
        var sessions = new SessionStore(jdbi);
        var cookies = new AdminCookies(trustProxy, baseUrl);
        this.accounts = new Accounts(jdbi, store, hasher, random);
        this.auth = new AdminAuth(accounts, sessions, cookies);
        var signIn = new SignIn(jdbi, new AuditLog(jdbi), store, sessions, new LoginThrottle(jdbi), hasher, random);
        this.login = new LoginPages(kit, signIn, sessions, cookies, random);
        this.api = new AccountsApi(access, accounts, cookies);
        this.auditPages = new AuditPages(kit, new AuditLog(jdbi));
        this.usersPages = new UsersPages(kit, accounts, cookies);
    }

    /** The before-handler for {@code /admin}, {@code /admin/*}, {@code /api/v1/admin} and {@code /api/v1/admin/*}. */
    public Handler gate() {
        return auth::authenticate;
    }

    /** What every admin page handler shares (access checks, templates, clock). */
    public AdminKit kit() {
        return kit;
    }

    public AdminAccess access() {
        return access;
    }

    public Accounts accounts() {
        return accounts;
    }

    public LoginPages login() {
        return login;
    }

    public AccountsApi api() {
        return api;
    }

    public AuditPages auditPages() {
        return auditPages;
    }

    public UsersPages usersPages() {
        return usersPages;
    }
}
