package kz.komek.admin.accounts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.security.SecureRandom;
import java.util.List;
import java.util.Optional;
import kz.komek.admin.Actor;
import kz.komek.admin.Role;
import kz.komek.admin.audit.AuditLog;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What is done with accounts, from the command line and the admin UI alike: users with a role and a password, API
 * tokens for scripts. Names are checked by {@link UserName}, passwords by {@link Password}. Every change appends its
 * audit row ({@code user.*}, {@code token.*}) in the change's own transaction, signed by {@code by}: a signed-in
 * admin, or the operator at the console ({@link AuditLog.Signer#console()}).
 */
public final class Accounts {
    private static final Logger log = LoggerFactory.getLogger(Accounts.class);

    /** API tokens start with this, so that a leaked one is recognisable (secret scanners, logs). */
    public static final String TOKEN_PREFIX = "komek_";

    private final Jdbi jdbi;
    private final AccountStore store;
    private final PasswordHasher hasher;
    private final SecureRandom random;
    private final AuditLog audit;
    private final JsonNodeFactory nodes = JsonNodeFactory.instance;

    public Accounts(Jdbi jdbi) {
        this(jdbi, new AccountStore(jdbi), new PasswordHasher(), new SecureRandom());
    }

    Accounts(Jdbi jdbi, AccountStore store, PasswordHasher hasher, SecureRandom random) {
        this.jdbi = jdbi;
        this.store = store;
        this.hasher = hasher;
        this.random = random;
        this.audit = new AuditLog(jdbi);
    }

    /** A token as created: its value is shown once and never again. */
    public record NewToken(long id, UserName user, String label, String value) {
        @Override
        public String toString() {
            return "NewToken[" + id + ", " + user + ", " + label + ", ***]";
        }
    }

    /** Adds a user, signed by komek itself (tests, set-up code); people's changes use the signed overload. */
    public User addUser(UserName name, Role role, Password password) {
        return addUser(name, role, password, AuditLog.Signer.KOMEK);
    }

    public User addUser(UserName name, Role role, Password password, AuditLog.Signer by) {
        String hash = hasher.hash(password.notNameOf(name));
        User user = jdbi.inTransaction(h -> {
            User u = store.insertUser(h, name, role, hash)
                    .orElseThrow(() -> new AccountException("a user named \"" + name + "\" already exists"));
            audit.append(h, by, change("user.create", u, Optional.empty(), Optional.of(summary(u))));
            return u;
        });
        log(by, "accounts: user {} ({}) added by {}", user.name(), user.role().code(), by.name());
        return user;
    }

    public List<User> users() {
        return store.users();
    }

    /** Every user with the time of their last sign-in, by name. */
    List<AccountStore.Listed> listed() {
        return store.listed();
    }

    public Optional<User> user(UserName name) {
        return store.user(name);
    }

    public User disable(UserName name) {
        return disable(name, AuditLog.Signer.KOMEK);
    }

    /** Disables a user: their sessions end and their tokens stop working (until enabled again). */
    public User disable(UserName name, AuditLog.Signer by) {
        return setDisabled(name, true, by);
    }

    public User enable(UserName name) {
        return enable(name, AuditLog.Signer.KOMEK);
    }

    public User enable(UserName name, AuditLog.Signer by) {
        return setDisabled(name, false, by);
    }

    private User setDisabled(UserName name, boolean disabled, AuditLog.Signer by) {
        User user = jdbi.inTransaction(h -> {
            User before = store.lockUser(h, name).orElseThrow(() -> noUser(name));
            User after = store.setDisabled(h, name, disabled).orElseThrow(() -> noUser(name));
            audit.append(
                    h,
                    by,
                    change(
                            disabled ? "user.disable" : "user.enable",
                            after,
                            Optional.of(summary(before)),
                            Optional.of(summary(after))));
            return after;
        });
        log(by, "accounts: user {} {} by {}", user.name(), disabled ? "disabled" : "enabled", by.name());
        return user;
    }

    /** Gives a user another role; it holds from their next request (sessions read the role each time). */
    public User setRole(UserName name, Role role, AuditLog.Signer by) {
        User user = jdbi.inTransaction(h -> {
            User before = store.lockUser(h, name).orElseThrow(() -> noUser(name));
            store.setRole(h, before.id(), role);
            User after = new User(before.id(), before.name(), role, before.created(), before.disabled());
            audit.append(h, by, change("user.role", after, Optional.of(summary(before)), Optional.of(summary(after))));
            return after;
        });
        log(by, "accounts: user {} now {} (by {})", user.name(), role.code(), by.name());
        return user;
    }

    /**
     * Sets a user's password (an admin or the operator resetting it): every session of theirs ends, their tokens
     * stay (a token is a credential of its own; revoke it if it leaked too).
     */
    public User setPassword(UserName name, Password password, AuditLog.Signer by) {
        String hash = hasher.hash(password.notNameOf(name));
        User user = jdbi.inTransaction(h -> {
            User u = store.lockUser(h, name).orElseThrow(() -> noUser(name));
            store.setPasswordHash(h, u.id(), hash);
            SessionStore.endAll(h, u.id(), Optional.empty());
            audit.append(h, by, change("user.password", u, Optional.empty(), Optional.empty()));
            return u;
        });
        log(by, "accounts: password of {} set by {}", user.name(), by.name());
        return user;
    }

    /**
     * A signed-in user changes their own password, proving the current one: their other sessions end, the one they
     * use ({@code keep}) stays. False (and nothing changed) when {@code current} is wrong.
     */
    boolean changeOwnPassword(Actor actor, String current, Password password, Optional<Secret> keep) {
        long id = actor.principal().userId();
        String stored = jdbi.withHandle(h -> store.passwordHash(h, id))
                .orElseThrow(() -> new AccountException(
                        "there is no user " + actor.principal().name()));
        if (current == null || current.length() > Password.MAX_LENGTH || !hasher.matches(current, stored)) {
            return false;
        }
        String hash =
                hasher.hash(password.notNameOf(new UserName(actor.principal().name())));
        jdbi.useTransaction(h -> {
            store.setPasswordHash(h, id, hash);
            SessionStore.endAll(h, id, keep);
            audit.append(
                    h,
                    actor,
                    new AuditLog.Change(
                            "user.password", "user", actor.principal().name(), Optional.empty(), Optional.empty()));
        });
        log.info("accounts: {} changed their password", actor.principal().name());
        return true;
    }

    public NewToken createToken(UserName name, String label) {
        return createToken(name, label, AuditLog.Signer.KOMEK);
    }

    /** A new API token for a user who is not disabled; the returned value is the only copy. */
    public NewToken createToken(UserName name, String label, AuditLog.Signer by) {
        String l = label == null ? "" : label.strip();
        if (l.length() > ApiToken.MAX_LABEL || l.chars().anyMatch(Character::isISOControl)) {
            throw new AccountException(
                    "a token label is at most " + ApiToken.MAX_LABEL + " characters without control characters");
        }
        String value = TOKEN_PREFIX + Secret.random(random).value();
        NewToken token = jdbi.inTransaction(h -> {
            User user = store.lockUser(h, name).orElseThrow(() -> noUser(name));
            if (user.disabled()) {
                throw new AccountException("user \"" + user.name() + "\" is disabled; enable them first");
            }
            long id = store.insertToken(h, user.id(), l, Secret.sha256(value));
            ObjectNode after =
                    nodes.objectNode().put("user", user.name().value()).put("label", l);
            // never the value: only its id, owner and label
            audit.append(
                    h,
                    by,
                    new AuditLog.Change(
                            "token.create", "token", Long.toString(id), Optional.empty(), Optional.of(after)));
            return new NewToken(id, user.name(), l, value);
        });
        log(by, "accounts: token {} for {} created by {}", token.id(), token.user(), by.name());
        return token;
    }

    public List<ApiToken> tokens(Optional<UserName> of) {
        return store.tokens(of);
    }

    public void revokeToken(long id) {
        revokeToken(id, AuditLog.Signer.KOMEK);
    }

    public void revokeToken(long id, AuditLog.Signer by) {
        jdbi.useTransaction(h -> {
            String user = store.revokeToken(h, id)
                    .orElseThrow(() -> new AccountException("there is no token " + id + " (see: token list)"));
            audit.append(
                    h,
                    by,
                    new AuditLog.Change(
                            "token.revoke",
                            "token",
                            Long.toString(id),
                            Optional.empty(),
                            Optional.of(nodes.objectNode().put("user", user))));
        });
        log(by, "accounts: token {} revoked by {}", id, by.name());
    }

    /** The user of a working API token (not revoked, user not disabled); empty for anything else. */
    Optional<User> tokenUser(String token) {
        if (token == null
                || !token.startsWith(TOKEN_PREFIX)
                || !Secret.looksLike(token.substring(TOKEN_PREFIX.length()))) {
            return Optional.empty(); // not even the form of a token: no query
        }
        return store.tokenUser(Secret.sha256(token));
    }

    /**
     * A change made by a signed-in user is logged (the server's log names admin writes); one made at the console
     * only at debug: the command prints its own line, and its standard output must stay what scripts read
     * ({@code TOKEN=$(komek token create …)}), which the log's console appender shares.
     */
    private static void log(AuditLog.Signer by, String format, Object... args) {
        if (by.userId().isPresent()) {
            log.info(format, args);
        } else {
            log.debug(format, args);
        }
    }

    private AuditLog.Change change(String action, User u, Optional<JsonNode> before, Optional<JsonNode> after) {
        return new AuditLog.Change(action, "user", u.name().value(), before, after);
    }

    /** What the audit log keeps of a user: role and status, never the password hash. */
    private JsonNode summary(User u) {
        return nodes.objectNode().put("role", u.role().code()).put("disabled", u.disabled());
    }

    private static AccountException noUser(UserName name) {
        return new AccountException("there is no user \"" + name + "\" (see: user list)");
    }
}
