package kz.komek.admin.accounts;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.security.SecureRandom;
import java.util.Optional;
import kz.komek.admin.Actor;
import kz.komek.admin.audit.AuditLog;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checking a name and password and starting a session. Every refusal looks the same to the client (same message,
 * about the same time): an unknown name is checked against a dummy hash, a disabled user's password is checked too,
 * so neither the answer nor its timing tells which names exist.
 */
record SignIn(
        Jdbi jdbi,
        AuditLog audit,
        AccountStore accounts,
        SessionStore sessions,
        LoginThrottle throttle,
        PasswordHasher hasher,
        SecureRandom random) {
    private static final Logger log = LoggerFactory.getLogger(SignIn.class);

    /** The outcome of one attempt. */
    sealed interface Outcome permits Outcome.SignedIn, Outcome.Refused, Outcome.Throttled {
        /** Signed in: the new session's id (for the cookie) and its CSRF token. */
        record SignedIn(User user, Secret session, Secret csrf) implements Outcome {}

        /** Wrong name or password, or a disabled user. */
        record Refused() implements Outcome {}

        /** Too many failures for the name or the address: try again in that many seconds, unchecked. */
        record Throttled(long retryAfterSeconds) implements Outcome {}
    }

    /**
     * @param address the client, as the throttle counts it
     * @param previous the session the browser still had, ended by this sign-in
     */
    Outcome attempt(String rawName, String password, String address, Optional<Secret> previous) {
        Optional<UserName> name = parse(rawName);
        // a name that cannot exist is counted under "", which no name is
        String nameKey = name.map(UserName::key).orElse("");
        LoginThrottle.Attempt attempt = throttle.begin(nameKey, address);
        if (attempt instanceof LoginThrottle.Attempt.Wait wait) {
            return new Outcome.Throttled(wait.seconds());
        }
        var counted = (LoginThrottle.Attempt.Counted) attempt;
        boolean usable = password != null && !password.isEmpty() && password.length() <= Password.MAX_LENGTH;
        var credentials = name.flatMap(accounts::credentials);
        boolean matches = usable
                && hasher.matches(
                        password,
                        credentials.map(AccountStore.Credentials::passwordHash).orElse(hasher.dummyHash(random)))
                && credentials.isPresent();
        if (!matches || credentials.get().user().disabled()) {
            // the attempt was counted as a failure before the check; it stays one
            // audit: failed sign-in (name as typed, address)
            return new Outcome.Refused();
        }
        User user = credentials.get().user();
        throttle.succeeded(counted, nameKey, address);
        Secret session = Secret.random(random);
        Secret csrf = Secret.random(random);
        jdbi.useTransaction(h -> {
            sessions.start(h, session, csrf, user.id(), previous);
            // failed attempts are not audited (login_failure counts them): a refused name may be a password
            audit.append(
                    h,
                    new AuditLog.Signer(Optional.of(user.id()), user.name().value(), Optional.empty()),
                    new AuditLog.Change(
                            "session.sign_in",
                            "session",
                            user.name().value(),
                            Optional.empty(),
                            Optional.of(JsonNodeFactory.instance.objectNode().put("address", address))));
        });
        // (a refused name is not logged: people type their password into the name field)
        log.info("admin sign-in: {} ({}) from {}", user.name(), user.role().code(), address);
        return new Outcome.SignedIn(user, session, csrf);
    }

    /** Ends the session a signed-in user signs out of, with its audit row (none when it had already ended). */
    void signOut(Actor actor, Secret session) {
        jdbi.useTransaction(h -> {
            if (SessionStore.end(h, session)) {
                audit.append(
                        h,
                        actor,
                        new AuditLog.Change(
                                "session.sign_out",
                                "session",
                                actor.principal().name(),
                                Optional.empty(),
                                Optional.empty()));
            }
        });
    }

    private static Optional<UserName> parse(String raw) {
        try {
            return Optional.of(new UserName(raw == null ? "" : raw.strip()));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
