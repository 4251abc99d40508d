package kz.komek.admin;

import java.time.OffsetDateTime;
import java.util.Objects;

/** An editor's account as listed: never with its password hash. */
public record User(long id, UserName name, Role role, OffsetDateTime created, boolean disabled) {
    public User {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(created, "created");
    }
}
