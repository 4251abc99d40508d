package kz.komek.admin;

import java.util.Objects;

/**
 * Who makes an admin request: a user signed in to the UI (session cookie) or a script with an API token. The
 * authentication filter puts it on the request as {@link #ATTRIBUTE}; handlers and stores take it to check the
 * role and to sign the audit log.
 */
public record Principal(long userId, String name, Role role, Via via) {
    public static final String ATTRIBUTE = "komek.principal";

    public enum Via {
        SESSION,
        TOKEN
    }

    public Principal {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(via, "via");
        if (userId <= 0) {
            throw new IllegalArgumentException("user id must be positive, was " + userId);
        }
    }

    public boolean may(Role needed) {
        return role.includes(needed);
    }
}
