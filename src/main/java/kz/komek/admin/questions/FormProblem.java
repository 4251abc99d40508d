package kz.komek.admin.questions;

import java.util.Map;
import java.util.Optional;
import kz.komek.admin.AdminText;
import kz.komek.bundle.BundleException;
import kz.komek.i18n.Locale;

/**
 * Why the editor's form was refused, said in the editor's language and pointing at the input to fix. Records are
 * checked as bundle records (one set of rules for the form, the API and imports); a refusal names the record's
 * field ({@code locales.kz.title}) and the kind of problem, which this turns into the form's input and label and
 * into words. The English message is the API's; a kind komek has no words for keeps the record's own.
 *
 * @param input the id of the input to fix, if the problem names one
 */
public record FormProblem(Optional<String> input, String message) {
    private static final Map<String, AdminText> LABELS = Map.ofEntries(
            Map.entry("title", AdminText.Q_TITLE),
            Map.entry("content", AdminText.Q_CONTENT),
            Map.entry("updated", AdminText.Q_UPDATED),
            Map.entry("published", AdminText.Q_PUBLISHED),
            Map.entry("meta_title", AdminText.Q_META_TITLE),
            Map.entry("meta_description", AdminText.Q_META_DESCRIPTION),
            Map.entry("meta_h1", AdminText.Q_META_H1));

    public static FormProblem of(BundleException e, Locale locale) {
        if (e.field().isEmpty()) {
            return new FormProblem(Optional.empty(), e.getMessage());
        }
        String field = e.field().get();
        String problem = words(field, e, locale);
        String[] path = field.split("\\.");
        if (path.length == 3 && path[0].equals("locales") && LABELS.containsKey(path[2])) {
            Optional<Locale> in = Locale.parse(path[1]);
            if (in.isPresent()) {
                String label = LABELS.get(path[2]).in(locale) + " ("
                        + (in.get() == Locale.KZ ? AdminText.Q_IN_KAZAKH : AdminText.Q_IN_RUSSIAN).in(locale) + ")";
                String input = "q-" + path[1] + "-" + path[2].replace('_', '-');
                return said(input, label, problem, locale);
            }
        }
        if (path.length == 2 && path[0].equals("phrasings")) {
            // phrasings.ru or phrasings.ru[2]: the locale's textarea, and which of its phrasings
            int bracket = path[1].indexOf('[');
            String code = bracket < 0 ? path[1] : path[1].substring(0, bracket);
            Optional<Locale> in = Locale.parse(code);
            if (in.isPresent()) {
                String label = AdminText.Q_PHRASINGS.in(locale) + " ("
                        + (in.get() == Locale.KZ ? AdminText.Q_IN_KAZAKH : AdminText.Q_IN_RUSSIAN).in(locale) + ")";
                if (bracket >= 0) {
                    int n = Integer.parseInt(path[1].substring(bracket + 1, path[1].length() - 1)) + 1;
                    label = AdminText.Q_PHRASING_NUMBER.format(locale, label, n);
                }
                return said("q-" + code + "-phrasings", label, problem, locale);
            }
        }
        return switch (field) {
            case "section" -> said("q-place", AdminText.Q_PLACE.in(locale), problem, locale);
            case "position" -> said("q-position", AdminText.Q_POSITION.in(locale), problem, locale);
            case "canonical" -> said("q-canonical", AdminText.Q_CANONICAL.in(locale), problem, locale);
            case "note" -> said("q-note", AdminText.Q_NOTE.in(locale), problem, locale);
            case "locales" -> new FormProblem(Optional.of("q-ru-present"), problem);
            default -> new FormProblem(Optional.empty(), e.getMessage());
        };
    }

    private static FormProblem said(String input, String label, String problem, Locale locale) {
        return new FormProblem(Optional.of(input), AdminText.Q_FIELD_PROBLEM.format(locale, label, problem));
    }

    /** The problem in the editor's language; for the form, a missing section or text is a choice to make. */
    private static String words(String field, BundleException e, Locale locale) {
        return switch (e.kind()) {
            case MISSING, EMPTY ->
                switch (field) {
                    case "section" -> AdminText.Q_PROBLEM_SECTION.in(locale);
                    case "locales" -> AdminText.Q_PROBLEM_NO_LOCALE.in(locale);
                    default -> AdminText.Q_PROBLEM_EMPTY.in(locale);
                };
            case TOO_LONG -> AdminText.Q_PROBLEM_LONG.format(locale, e.args().get(0));
            case NOT_A_DATE -> AdminText.Q_PROBLEM_DATE.in(locale);
            case NOT_A_DATE_TIME -> AdminText.Q_PROBLEM_DATE_TIME.in(locale);
            case NOT_A_NUMBER -> AdminText.Q_PROBLEM_NUMBER.in(locale);
            case NOT_STORABLE -> AdminText.Q_PROBLEM_UNSTORABLE.in(locale);
            case DUPLICATE ->
                AdminText.Q_PROBLEM_DUPLICATE.format(locale, e.args().get(0));
            case TOO_MANY ->
                AdminText.Q_PROBLEM_TOO_MANY.format(locale, e.args().get(0));
            case MARKUP -> AdminText.Q_PROBLEM_MARKUP.in(locale);
            case OTHER -> e.problem();
        };
    }
}
