package kz.komek.admin.questions;

import java.util.List;
import java.util.Map;
import kz.komek.admin.AdminText;
import kz.komek.admin.MarkupRemovals;
import kz.komek.content.Platform;
import kz.komek.i18n.Locale;

/**
 * What the sanitizer and lint found in a saved answer, in the editor's language: from a finding's kind and the
 * values it names; a finding of a shape komek does not expect keeps its English detail.
 */
final class FindingWords {
    private static final Map<String, AdminText> KINDS = Map.of(
            "sanitized", AdminText.Q_FINDING_SANITIZED,
            "missing_translation", AdminText.LINT_MISSING_TRANSLATION,
            "empty_answer", AdminText.LINT_EMPTY_ANSWER,
            "unknown_macro", AdminText.LINT_UNKNOWN_MACRO,
            "broken_macro", AdminText.LINT_BROKEN_MACRO,
            "missing_variant", AdminText.LINT_MISSING_VARIANT,
            "broken_link", AdminText.LINT_BROKEN_LINK);

    private FindingWords() {}

    static String kind(EditFinding f, Locale ui) {
        AdminText t = KINDS.get(f.kind());
        return t != null ? t.in(ui) : AdminText.Q_FINDING_OTHER.in(ui) + ": " + f.kind();
    }

    static String detail(EditFinding f, Locale ui) {
        List<String> a = f.args();
        return switch (f.kind() + "/" + a.size()) {
            case "sanitized/1" -> MarkupRemovals.list(a.get(0), ui);
            case "missing_translation/1" -> AdminText.LINT_NO_TEXT.format(ui, language(a.get(0), ui));
            case "empty_answer/0" -> AdminText.LINT_NO_ANSWER_TEXT.in(ui);
            case "unknown_macro/1" -> AdminText.LINT_NO_MACRO.format(ui, a.get(0));
            case "broken_macro/1" -> AdminText.LINT_UNPARSED_MACRO.format(ui, a.get(0));
            case "missing_variant/2" -> AdminText.LINT_NO_VARIANT.format(ui, a.get(0), platforms(a.get(1), ui));
            case "broken_link/2" -> AdminText.LINT_NO_QUESTION.format(ui, a.get(0), a.get(1));
            case "broken_link/3" -> AdminText.LINT_NOT_PUBLISHED.format(ui, a.get(0), a.get(1), language(a.get(2), ui));
            default -> f.detail();
        };
    }

    /** The language of a text ({@code kz}), in the editor's: "по-казахски", "қазақша". */
    static String language(String code, Locale ui) {
        return Locale.parse(code).map(l -> FieldName.language(l, ui)).orElse(code);
    }

    /** {@code mobile,app}: "Мобильный сайт, Приложение". */
    private static String platforms(String codes, Locale ui) {
        var names = new java.util.ArrayList<String>();
        for (String code : codes.split(",")) {
            names.add(Platform.parse(code)
                    .map(p -> switch (p) {
                        case DESKTOP -> AdminText.Q_PLATFORM_DESKTOP.in(ui);
                        case MOBILE -> AdminText.Q_PLATFORM_MOBILE.in(ui);
                        case APP -> AdminText.Q_PLATFORM_APP.in(ui);
                    })
                    .orElse(code));
        }
        return String.join(", ", names);
    }
}
