package kz.komek.admin.questions;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
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

    /** The fields that differ from record {@code a} to record {@code b} (JSON trees), in the records' order. */
    static List<FieldChange> between(JsonNode a, JsonNode b) {
        var changes = new ArrayList<FieldChange>();
        diff("", a, b, changes);
        return changes;
    }

    /** Objects are followed field by field; anything else is compared whole. */
    private static void diff(String path, JsonNode a, JsonNode b, List<FieldChange> out) {
        if (a != null && b != null && a.isObject() && b.isObject()) {
            var names = new ArrayList<String>();
            a.fieldNames().forEachRemaining(names::add);
            b.fieldNames().forEachRemaining(n -> {
                if (!a.has(n)) {
                    names.add(n);
                }
            });
            for (String name : names) {
                diff(path.isEmpty() ? name : path + "." + name, a.get(name), b.get(name), out);
            }
            return;
        }
        if (a == null || b == null || !a.equals(b)) {
            out.add(new FieldChange(path, Optional.ofNullable(a), Optional.ofNullable(b)));
        }
    }
}
