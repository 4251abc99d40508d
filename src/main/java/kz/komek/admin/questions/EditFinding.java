package kz.komek.admin.questions;

import java.util.List;
import java.util.Objects;

/**
 * Something an editor should know about a saved draft, per locale: {@code sanitized} (what the sanitizer took out
 * of the answer, as import reports it) or a lint kind ({@code broken_link}, {@code unknown_macro}, …).
 *
 * @param detail in English, as the API says it
 * @param args what the detail names, for the page to say it in the editor's language: the sanitizer's removals
 *     ({@code sanitized}), else lint's ({@link Lint.Finding#args()})
 */
public record EditFinding(String locale, String kind, String detail, List<String> args) {
    public EditFinding {
        Objects.requireNonNull(locale, "locale");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(detail, "detail");
        args = List.copyOf(args);
    }
}
