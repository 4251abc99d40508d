package kz.komek.admin.accounts;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import kz.komek.admin.Role;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/** Users and API tokens: the accounts' SQL. */
final class AccountStore {
    private final Jdbi jdbi;

    AccountStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** A user with the hash their password is checked against (sign-in only; never leaves this package). */
    record Credentials(User user, String passwordHash) {}

    /** The new user; empty when the name is taken (in any case). */
    Optional<User> insertUser(Handle h, UserName name, Role role, String passwordHash) {
        return h.createQuery("""
                        insert into app_user (name, role, password_hash) values (:name, :role, :hash)
                        on conflict (lower(name)) do nothing
                        returning id, name, role, created, disabled
                        """)
                .bind("name", name.value())
                .bind("role", role.code())
                .bind("hash", passwordHash)
                .map((rs, ctx) -> user(rs))
                .findOne();
    }

    Optional<User> user(UserName name) {
        return jdbi.withHandle(h -> h.createQuery("""
                        select id, name, role, created, disabled from app_user where lower(name) = :key
                        """)
                .bind("key", name.key())
                .map((rs, ctx) -> user(rs))
                .findOne());
    }

    Optional<Credentials> credentials(UserName name) {
        return jdbi.withHandle(h -> h.createQuery("""
                        select id, name, role, created, disabled, password_hash
                        from app_user where lower(name) = :key
                        """)
                .bind("key", name.key())
                .map((rs, ctx) -> new Credentials(user(rs), rs.getString("password_hash")))
                .findOne());
    }

    List<User> users() {
        return jdbi.withHandle(h -> h.createQuery("select id, name, role, created, disabled from app_user order by id")
                .map((rs, ctx) -> user(rs))
                .list());
    }

    /** A user as listed on the users page: with the last sign-in the audit log knows of. */
    record Listed(User user, Optional<OffsetDateTime> lastSignIn) {}

    List<Listed> listed() {
        return jdbi.withHandle(h -> h.createQuery("""
                        select u.id, u.name, u.role, u.created, u.disabled,
                               (select max(a.at) from audit_log a
                                where a.actor_id = u.id and a.action = 'session.sign_in') as last_sign_in
                        from app_user u order by lower(u.name)
                        """)
                .map((rs, ctx) ->
                        new Listed(user(rs), Optional.ofNullable(rs.getObject("last_sign_in", OffsetDateTime.class))))
                .list());
    }

    /** The user with this name, locked until the caller's transaction ends (two admins changing one user). */
    Optional<User> lockUser(Handle h, UserName name) {
        return h.createQuery("""
                        select id, name, role, created, disabled from app_user where lower(name) = :key for update
                        """)
                .bind("key", name.key())
                .map((rs, ctx) -> user(rs))
                .findOne();
    }

    Optional<String> passwordHash(Handle h, long userId) {
        return h.createQuery("select password_hash from app_user where id = :id")
                .bind("id", userId)
                .mapTo(String.class)
                .findOne();
    }

    void setRole(Handle h, long userId, Role role) {
        h.createUpdate("update app_user set role = :role where id = :id")
                .bind("role", role.code())
                .bind("id", userId)
                .execute();
    }

    void setPasswordHash(Handle h, long userId, String hash) {
        h.createUpdate("update app_user set password_hash = :hash where id = :id")
                .bind("hash", hash)
                .bind("id", userId)
                .execute();
    }

    /**
     * Disables or enables a user; disabling also ends their sessions and revokes their tokens, in the same
     * transaction, so enabling them again gives back their sign-in but no token that may have leaked meanwhile.
     * Empty when there is no such user.
     */
    Optional<User> setDisabled(Handle h, UserName name, boolean disabled) {
        Optional<User> user = h.createQuery("""
                            update app_user set disabled = :disabled where lower(name) = :key
                            returning id, name, role, created, disabled
                            """)
                .bind("key", name.key())
                .bind("disabled", disabled)
                .map((rs, ctx) -> user(rs))
                .findOne();
        if (disabled) {
            user.ifPresent(u -> {
                h.createUpdate("delete from admin_session where user_id = :id")
                        .bind("id", u.id())
                        .execute();
                h.createUpdate("update api_token set revoked = coalesce(revoked, now()) where user_id = :id")
                        .bind("id", u.id())
                        .execute();
            });
        }
        return user;
    }

    /** Stores a new token's hash; returns its id. */
    long insertToken(Handle h, long userId, String label, byte[] hash) {
        return h.createQuery("""
                        insert into api_token (user_id, label, hash) values (:user, :label, :hash) returning id
                        """)
                .bind("user", userId)
                .bind("label", label)
                .bind("hash", hash)
                .mapTo(Long.class)
                .one();
    }

    List<ApiToken> tokens(Optional<UserName> of) {
        return jdbi.withHandle(h -> h.createQuery("""
                        select t.id, u.name, t.label, t.created, t.last_used, t.revoked
                        from api_token t join app_user u on u.id = t.user_id
                        where cast(:key as text) is null or lower(u.name) = :key
                        order by t.id
                        """)
                .bind("key", of.map(UserName::key).orElse(null))
                .map((rs, ctx) -> new ApiToken(
                        rs.getLong("id"),
                        new UserName(rs.getString("name")),
                        rs.getString("label"),
                        rs.getObject("created", OffsetDateTime.class),
                        Optional.ofNullable(rs.getObject("last_used", OffsetDateTime.class)),
                        Optional.ofNullable(rs.getObject("revoked", OffsetDateTime.class))))
                .list());
    }

    /** Revokes a token (once: a second revocation keeps the first time); false when there is no such token. */
    /** The token's user name when there is such a token. */
    Optional<String> revokeToken(Handle h, long id) {
        return h.createQuery("""
                        update api_token t set revoked = coalesce(t.revoked, now()) from app_user u
                        where t.id = :id and u.id = t.user_id
                        returning u.name
                        """).bind("id", id).mapTo(String.class).findOne();
    }

    /**
     * The user a working token belongs to: the token exists, is not revoked and its user is not disabled. Marks the
     * token used, at most once a minute (a write per API call would be a write per API call).
     */
    Optional<User> tokenUser(byte[] hash) {
        return jdbi.withHandle(h -> {
            Optional<User> user = h.createQuery("""
                            select u.id, u.name, u.role, u.created, u.disabled
                            from api_token t join app_user u on u.id = t.user_id
                            where t.hash = :hash and t.revoked is null and not u.disabled
                            """)
                    .bind("hash", hash)
                    .map((rs, ctx) -> user(rs))
                    .findOne();
            if (user.isPresent()) {
                h.createUpdate("""
                                update api_token set last_used = now()
                                where hash = :hash and (last_used is null or last_used < now() - interval '1 minute')
                                """).bind("hash", hash).execute();
            }
            return user;
        });
    }

    static User user(ResultSet rs) throws SQLException {
        return new User(
                rs.getLong("id"),
                new UserName(rs.getString("name")),
                Role.parse(rs.getString("role"))
                        .orElseThrow(() -> new IllegalStateException("unknown role in app_user")),
                rs.getObject("created", OffsetDateTime.class),
                rs.getBoolean("disabled"));
    }
}
