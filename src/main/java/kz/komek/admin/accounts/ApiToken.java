package kz.komek.admin.accounts;

import java.time.OffsetDateTime;
import java.util.Objects;
import java.util.Optional;

/** An API token as listed: whose, what for, when made, last used and revoked. Its value is never stored. */
public record ApiToken(
        long id,
        UserName user,
        String label,
        OffsetDateTime created,
        Optional<OffsetDateTime> lastUsed,
        Optional<OffsetDateTime> revoked) {
    public static final int MAX_LABEL = 100;

    public ApiToken {
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(created, "created");
    }

    public boolean active() {
        return revoked.isEmpty();
    }
}
