package kz.komek.admin;

import java.util.Locale;
import java.util.Optional;

/** What an editor may do. Each role includes the ones before it. */
public enum Role {
    /** Reads the admin UI and API: drafts, revisions, the audit log of their own changes. */
    VIEWER,
    /** Writes drafts of sections and questions; cannot make them public. */
    EDITOR,
    /** Publishes, schedules, unpublishes, deletes; imports bundles. */
    PUBLISHER,
    /** Everything, and users, tokens and the whole audit log. */
    ADMIN;

    public boolean includes(Role other) {
        return compareTo(other) >= 0;
    }

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** {@code viewer}, {@code editor}, {@code publisher} or {@code admin}. */
    public static Optional<Role> parse(String code) {
        for (Role r : values()) {
            if (r.code().equals(code)) {
                return Optional.of(r);
            }
        }
        return Optional.empty();
    }
}
