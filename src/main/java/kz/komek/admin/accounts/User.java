package kz.komek.admin.accounts;

import java.time.OffsetDateTime;
import java.util.Objects;
import kz.komek.admin.Role;

/** An editor's account as listed: never with its password hash. */
public record User(long id, UserName name, Role role, OffsetDateTime created, boolean disabled) {
    public User {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(created, "created");
    }
}
