package kz.komek.admin;

import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.Map;
import kz.komek.web.BadRequestException;
import kz.komek.web.NotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@code /api/v1/admin/…} about accounts: who am I, and (admins) the users. */
public final class AdminApi {
    private static final Logger log = LoggerFactory.getLogger(AdminApi.class);

    private final AdminAccess access;
    private final Accounts accounts;

    AdminApi(AdminAccess access, Accounts accounts) {
        this.access = access;
        this.accounts = accounts;
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
        ctx.json(Map.of("users", accounts.users().stream().map(AdminApi::json).toList()));
    }

    /** {@code POST /api/v1/admin/users/{name}/disable} (admins only; not oneself): ends sessions, stops tokens. */
    public void disable(Context ctx) {
        Principal p = access.require(ctx, Role.ADMIN);
        UserName name = name(ctx);
        if (name.key().equals(new UserName(p.name()).key())) {
            throw new BadRequestException("you cannot disable yourself; another admin can");
        }
        User user = accounts.user(name)
                .map(u -> accounts.disable(name))
                .orElseThrow(() -> new NotFoundException("there is no user " + name));
        log.info("admin: user {} disabled by {}", user.name(), p.name());
        ctx.json(json(user));
    }

    /** {@code POST /api/v1/admin/users/{name}/enable} (admins only). */
    public void enable(Context ctx) {
        Principal p = access.require(ctx, Role.ADMIN);
        UserName name = name(ctx);
        User user = accounts.user(name)
                .map(u -> accounts.enable(name))
                .orElseThrow(() -> new NotFoundException("there is no user " + name));
        log.info("admin: user {} enabled by {}", user.name(), p.name());
        ctx.json(json(user));
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
