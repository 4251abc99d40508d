package kz.komek.admin;

import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import kz.komek.http.ForbiddenException;

/**
 * Who makes an admin write, as the audit log signs it: the principal and, when the client sent one, its request
 * id ({@code X-Request-Id}), so a log line of a proxy or script can be matched with the audit row.
 */
public record Actor(Principal principal, Optional<String> requestId) {
    private static final Pattern REQUEST_ID = Pattern.compile("[A-Za-z0-9._:-]{1,200}");

    public Actor {
        Objects.requireNonNull(principal, "principal");
        Objects.requireNonNull(requestId, "requestId");
        requestId.ifPresent(id -> {
            if (!REQUEST_ID.matcher(id).matches()) {
                throw new IllegalArgumentException("a request id has 1 to 200 of A-Z a-z 0-9 . _ : -");
            }
        });
    }

    public static Actor of(Principal principal) {
        return new Actor(principal, Optional.empty());
    }

    /** A request id as a client sent it, kept only when it is a plausible one (never an error for the client). */
    public static Actor of(Principal principal, String requestIdHeader) {
        return new Actor(
                principal,
                Optional.ofNullable(requestIdHeader)
                        .map(String::strip)
                        .filter(id -> REQUEST_ID.matcher(id).matches()));
    }

    /** The actor, if their role includes {@code needed}; else a {@link ForbiddenException} (403). */
    public Actor require(Role needed) {
        require(principal, needed);
        return this;
    }

    public static void require(Principal who, Role needed) {
        if (!who.may(needed)) {
            throw new ForbiddenException("this needs the " + needed.code() + " role; " + who.name() + " is "
                    + who.role().code());
        }
    }
}
