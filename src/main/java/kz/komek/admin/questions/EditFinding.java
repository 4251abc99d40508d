package kz.komek.admin.questions;

import java.util.Objects;

/**
 * Something an editor should know about a saved draft, per locale: {@code sanitized} (what the sanitizer took out
 * of the answer, as import reports it) or a lint kind ({@code broken_link}, {@code unknown_macro}, …).
 */
public record EditFinding(String locale, String kind, String detail) {
    public EditFinding {
        Objects.requireNonNull(locale, "locale");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(detail, "detail");
    }
}
