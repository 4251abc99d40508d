package kz.komek.admin.accounts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import kz.komek.admin.AdminAccess;
import kz.komek.admin.Principal;
import kz.komek.admin.Role;
import kz.komek.admin.audit.AuditLog;
import kz.komek.http.BadRequestException;
import kz.komek.http.ConflictException;
import kz.komek.http.NotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@code /api/v1/admin/…} about accounts: who am I, and (admins) the users. */
public final class AccountsApi {
    private static final Logger log = LoggerFactory.getLogger(AccountsApi.class);

    private static final ObjectMapper JSON = new ObjectMapper();

    private final AdminAccess access;
    private final Accounts accounts;
    private final AdminCookies cookies;

    AccountsApi(AdminAccess access, Accounts accounts, AdminCookies cookies) {
        this.access = access;
        this.accounts = accounts;
        this.cookies = cookies;
    }

    /** {@code GET /api/v1/admin/me}: the principal of the request, any role. */
    public void me(Context ctx) {
        Principal p = access.require(ctx, Role.VIEWER);
        var body = new LinkedHashMap<String, Object>();
        body.put("id", p.userId());
        body.put("name", p.name());
        body.put("role", p.role().code());
        body.put("via", p.via().name().toLowerCase(java.util.Locale.ROOT));
        ctx.json(body);
    }

    /** {@code GET /api/v1/admin/users}: every user (admins only). */
    public void users(Context ctx) {
        access.require(ctx, Role.ADMIN);
        ctx.json(
                Map.of("users", accounts.users().stream().map(AccountsApi::json).toList()));
    }

    /** {@code POST /api/v1/admin/users/{name}/disable} (admins only; not oneself): ends sessions, stops tokens. */
    public void disable(Context ctx) {
        setDisabled(ctx, true);
    }

    /** {@code POST /api/v1/admin/users/{name}/enable} (admins only). */
    public void enable(Context ctx) {
        setDisabled(ctx, false);
    }

    private void setDisabled(Context ctx, boolean disable) {
        Principal p = access.require(ctx, Role.ADMIN);
        UserName name = name(ctx);
        if (disable && name.key().equals(new UserName(p.name()).key())) {
            throw new BadRequestException("you cannot disable yourself; another admin can");
        }
        AuditLog.Signer by = signer(ctx, p);
        User user = accounts.user(name)
                .map(u -> disable ? accounts.disable(name, by) : accounts.enable(name, by))
                .orElseThrow(() -> new NotFoundException("there is no user " + name));
        log.info("admin: user {} {} by {}", user.name(), disable ? "disabled" : "enabled", p.name());
        ctx.json(json(user));
    }

    /** {@code POST /api/v1/admin/users} with {@code {"name", "role", "password"}} (admins only): 201 and the user. */
    public void create(Context ctx) {
        Principal p = access.require(ctx, Role.ADMIN);
        JsonNode body = body(ctx);
        UserName name = parse("name", () -> new UserName(text(body, "name")));
        Role role = role(body);
        Password password = parse("password", () -> new Password(text(body, "password")).notNameOf(name));
        User user;
        try {
            user = accounts.addUser(name, role, password, signer(ctx, p));
        } catch (AccountException e) {
            throw new ConflictException(e.getMessage());
        }
        ctx.status(201).json(json(user));
    }

    /** {@code GET /api/v1/admin/tokens[?user=N]} (admins only): API tokens, active and revoked; never their values. */
    public void tokens(Context ctx) {
        access.require(ctx, Role.ADMIN);
        Optional<UserName> of = Optional.ofNullable(ctx.queryParam("user"))
                .filter(u -> !u.isBlank())
                .map(u -> parse("user", () -> new UserName(u)));
        var list = accounts.tokens(of).stream()
                .map(t -> {
                    var m = new LinkedHashMap<String, Object>();
                    m.put("id", t.id());
                    m.put("user", t.user().value());
                    m.put("label", t.label());
                    m.put("created", t.created().toString());
                    m.put("last_used", t.lastUsed().map(Object::toString).orElse(null));
                    m.put("revoked", t.revoked().map(Object::toString).orElse(null));
                    return m;
                })
                .toList();
        ctx.json(Map.of("tokens", list));
    }

    /**
     * {@code POST /api/v1/admin/tokens} with {@code {"user", "label"}} (admins only): 201 with the token's value, the
     * only copy there will be.
     */
    public void createToken(Context ctx) {
        Principal p = access.require(ctx, Role.ADMIN);
        JsonNode body = body(ctx);
        UserName name = parse("user", () -> new UserName(text(body, "user")));
        String label = body.hasNonNull("label") ? body.get("label").asText() : "";
        Accounts.NewToken token;
        try {
            token = accounts.createToken(name, label, signer(ctx, p));
        } catch (AccountException e) {
            throw new BadRequestException(e.getMessage());
        }
        var m = new LinkedHashMap<String, Object>();
        m.put("id", token.id());
        m.put("user", token.user().value());
        m.put("label", token.label());
        m.put("token", token.value());
        ctx.status(201).json(m);
    }

    /** {@code DELETE /api/v1/admin/tokens/{id}} (admins only): 204; 404 for a token that does not exist. */
    public void revokeToken(Context ctx) {
        Principal p = access.require(ctx, Role.ADMIN);
        long id = parse("token id", () -> {
            try {
                return Long.parseLong(ctx.pathParam("id"));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("expected a number, found \"" + ctx.pathParam("id") + "\"");
            }
        });
        try {
            accounts.revokeToken(id, signer(ctx, p));
        } catch (AccountException e) {
            throw new NotFoundException(e.getMessage());
        }
        ctx.status(204);
    }

    /** {@code POST /api/v1/admin/users/{name}/role} with {@code {"role"}} (admins only; not their own). */
    public void role(Context ctx) {
        Principal p = access.require(ctx, Role.ADMIN);
        UserName name = name(ctx);
        Role role = role(body(ctx));
        if (name.key().equals(new UserName(p.name()).key())) {
            throw new BadRequestException("you cannot change your own role; another admin can");
        }
        ctx.json(json(existing(name, () -> accounts.setRole(name, role, signer(ctx, p)))));
    }

    /**
     * {@code POST /api/v1/admin/users/{name}/password} with {@code {"password"}} (admins only): a reset; every session
     * of that user ends.
     */
    public void password(Context ctx) {
        Principal p = access.require(ctx, Role.ADMIN);
        UserName name = name(ctx);
        Password password = parse("password", () -> new Password(text(body(ctx), "password")).notNameOf(name));
        ctx.json(json(existing(name, () -> accounts.setPassword(name, password, signer(ctx, p)))));
    }

    /**
     * {@code POST /api/v1/admin/me/password} with {@code {"current", "password"}} (any role): the caller's own
     * password; their other sessions end (the one making the request, if any, goes on). 204.
     */
    public void myPassword(Context ctx) {
        Principal p = access.require(ctx, Role.VIEWER);
        JsonNode body = body(ctx);
        String current = text(body, "current");
        Password password =
                parse("password", () -> new Password(text(body, "password")).notNameOf(new UserName(p.name())));
        var keep = p.via() == Principal.Via.SESSION ? cookies.session(ctx) : Optional.<Secret>empty();
        if (!accounts.changeOwnPassword(AdminAccess.actor(ctx, p), current, password, keep)) {
            throw new BadRequestException("current: not your current password");
        }
        ctx.status(204);
    }

    private User existing(UserName name, Supplier<User> change) {
        try {
            return change.get();
        } catch (AccountException e) {
            throw new NotFoundException("there is no user " + name);
        }
    }

    private static Role role(JsonNode body) {
        String raw = text(body, "role");
        return Role.parse(raw)
                .orElseThrow(() -> new BadRequestException(
                        "role: expected viewer, editor, publisher or admin, was \"" + raw + "\""));
    }

    private static JsonNode body(Context ctx) {
        try {
            JsonNode n = JSON.readTree(ctx.body());
            if (n == null || !n.isObject()) {
                throw new BadRequestException("body: expected a JSON object");
            }
            return n;
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new BadRequestException("body: not JSON");
        }
    }

    private static String text(JsonNode body, String field) {
        JsonNode n = body.get(field);
        if (n == null || !n.isTextual()) {
            throw new BadRequestException(field + ": expected text");
        }
        return n.asText();
    }

    private static <T> T parse(String field, Supplier<T> value) {
        try {
            return value.get();
        } catch (IllegalArgumentException e) {
            throw new BadRequestException(field + ": " + e.getMessage());
        }
    }

    private static AuditLog.Signer signer(Context ctx, Principal p) {
        return AuditLog.Signer.of(AdminAccess.actor(ctx, p));
    }

    private static UserName name(Context ctx) {
        try {
            return new UserName(ctx.pathParam("name"));
        } catch (IllegalArgumentException e) {
            throw new BadRequestException(e.getMessage());
        }
    }

    private static Map<String, Object> json(User u) {
        var m = new LinkedHashMap<String, Object>();
        m.put("id", u.id());
        m.put("name", u.name().value());
        m.put("role", u.role().code());
        m.put("created", u.created().toString());
        m.put("disabled", u.disabled());
        return m;
    }
}
