package kz.komek.admin.questions;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Objects;
import java.util.Optional;

/**
 * One field that differs between two revisions, named by its path in the record ({@code locales.ru.title}); a
 * side is empty when the field is absent there (a locale added or removed).
 */
public record FieldChange(String field, Optional<JsonNode> before, Optional<JsonNode> after) {
    public FieldChange {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(before, "before");
        Objects.requireNonNull(after, "after");
    }
}
