package kz.komek.admin;

import java.security.SecureRandom;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/**
 * What an operator does with accounts, from the command line (and later from the admin UI): users with a role and a
 * password, API tokens for scripts. Names are checked by {@link UserName}, passwords by {@link Password}.
 */
public final class Accounts {
    /** API tokens start with this, so that a leaked one is recognisable (secret scanners, logs). */
    public static final String TOKEN_PREFIX = "komek_";

    private final AccountStore store;
    private final PasswordHasher hasher;
    private final SecureRandom random;

    public Accounts(Jdbi jdbi) {
        this(new AccountStore(jdbi), new PasswordHasher(), new SecureRandom());
    }

    Accounts(AccountStore store, PasswordHasher hasher, SecureRandom random) {
        this.store = store;
        this.hasher = hasher;
        this.random = random;
    }

    /** A token as created: its value is shown once and never again. */
    public record NewToken(long id, UserName user, String label, String value) {
        @Override
        public String toString() {
            return "NewToken[" + id + ", " + user + ", " + label + ", ***]";
        }
    }

    public User addUser(UserName name, Role role, Password password) {
        String hash = hasher.hash(password);
        // audit: user created (name, role; by the operator at the console)
        return store.insertUser(name, role, hash)
                .orElseThrow(() -> new AccountException("a user named \"" + name + "\" already exists"));
    }

    public List<User> users() {
        return store.users();
    }

    public Optional<User> user(UserName name) {
        return store.user(name);
    }

    /** Disables a user: their sessions end and their tokens stop working (until enabled again). */
    public User disable(UserName name) {
        // audit: user disabled
        return store.setDisabled(name, true).orElseThrow(() -> noUser(name));
    }

    public User enable(UserName name) {
        // audit: user enabled
        return store.setDisabled(name, false).orElseThrow(() -> noUser(name));
    }

    /** A new API token for a user who is not disabled; the returned value is the only copy. */
    public NewToken createToken(UserName name, String label) {
        String l = label == null ? "" : label.strip();
        if (l.length() > ApiToken.MAX_LABEL || l.chars().anyMatch(Character::isISOControl)) {
            throw new AccountException(
                    "a token label is at most " + ApiToken.MAX_LABEL + " characters without control characters");
        }
        User user = store.user(name).orElseThrow(() -> noUser(name));
        if (user.disabled()) {
            throw new AccountException("user \"" + user.name() + "\" is disabled; enable them first");
        }
        String value = TOKEN_PREFIX + Secret.random(random).value();
        long id = store.insertToken(user.id(), l, Secret.sha256(value));
        // audit: token created (id, user, label; never the value)
        return new NewToken(id, user.name(), l, value);
    }

    public List<ApiToken> tokens(Optional<UserName> of) {
        return store.tokens(of);
    }

    public void revokeToken(long id) {
        if (!store.revokeToken(id)) {
            throw new AccountException("there is no token " + id + " (see: token list)");
        }
        // audit: token revoked
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

    private static AccountException noUser(UserName name) {
        return new AccountException("there is no user \"" + name + "\" (see: user list)");
    }
}
