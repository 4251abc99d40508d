package kz.komek.admin.materials;

import java.util.Map;
import java.util.Optional;
import kz.komek.admin.AdminText;
import kz.komek.bundle.BundleException;
import kz.komek.i18n.Locale;

/**
 * Why the material form was refused, in the editor's language, pointing at the input to fix. Records are checked as
 * bundle records (one set of rules for the form and imports); a refusal names the field ({@code locales.kz.url}) and
 * its kind of problem, which this turns into the form's input and words.
 *
 * @param input the id of the input to fix, if the problem names one
 */
public record MaterialProblem(Optional<String> input, String message) {
    private static final Map<String, AdminText> LABELS = Map.of(
            "title", AdminText.M_TITLE,
            "url", AdminText.M_URL,
            "description", AdminText.M_DESCRIPTION,
            "duration", AdminText.M_DURATION,
            "format", AdminText.M_FORMAT,
            "size", AdminText.M_SIZE,
            "updated", AdminText.M_UPDATED,
            "published", AdminText.M_PUBLISHED);

    public static MaterialProblem of(BundleException e, Locale locale) {
        if (e.field().isEmpty()) {
            return new MaterialProblem(Optional.empty(), e.getMessage());
        }
        String field = e.field().get();
        String[] path = field.split("\\.");
        if (path.length == 3 && path[0].equals("locales") && LABELS.containsKey(path[2])) {
            Optional<Locale> in = Locale.parse(path[1]);
            if (in.isPresent()) {
                String label = LABELS.get(path[2]).in(locale) + " ("
                        + (in.get() == Locale.KZ ? AdminText.M_KAZAKH : AdminText.M_RUSSIAN).in(locale) + ")";
                return said("m-" + path[1] + "-" + path[2], label, words(path[2], e, locale), locale);
            }
        }
        return switch (field) {
            case "section" -> said("m-place", AdminText.M_SECTION.in(locale), words(field, e, locale), locale);
            case "position" -> said("m-position", AdminText.M_POSITION.in(locale), words(field, e, locale), locale);
            case "note" -> said("m-note", AdminText.M_NOTE.in(locale), words(field, e, locale), locale);
            case "locales" -> new MaterialProblem(Optional.of("m-ru-present"), words(field, e, locale));
            default -> new MaterialProblem(Optional.empty(), e.getMessage());
        };
    }

    private static MaterialProblem said(String input, String label, String problem, Locale locale) {
        return new MaterialProblem(Optional.of(input), AdminText.M_FIELD_PROBLEM.format(locale, label, problem));
    }

    /** The problem in the editor's language: by its kind, and for the checks every bundle shares, by its field. */
    private static String words(String field, BundleException e, Locale locale) {
        return switch (e.kind()) {
            case MISSING, EMPTY ->
                switch (field) {
                    case "section" -> AdminText.M_PROBLEM_SECTION.in(locale);
                    case "locales" -> AdminText.M_PROBLEM_NO_LOCALE.in(locale);
                    default -> AdminText.M_PROBLEM_EMPTY.in(locale);
                };
            case TOO_LONG -> AdminText.M_PROBLEM_LONG.format(locale, e.args().get(0));
            case NOT_A_DATE -> AdminText.M_PROBLEM_DATE.in(locale);
            case NOT_A_DATE_TIME -> AdminText.M_PROBLEM_DATE_TIME.in(locale);
            case NOT_A_NUMBER -> AdminText.M_PROBLEM_NUMBER.in(locale);
            case NOT_STORABLE -> AdminText.M_PROBLEM_UNSTORABLE.in(locale);
            default -> other(field, e, locale);
        };
    }

    private static String other(String field, BundleException e, Locale locale) {
        // a field of the other kind's: the kind it is for is the refusal's argument
        if (e.args().equals(java.util.List.of("video"))) {
            return AdminText.M_PROBLEM_ONLY_VIDEO.in(locale);
        }
        if (e.args().equals(java.util.List.of("document"))) {
            return AdminText.M_PROBLEM_ONLY_DOCUMENT.in(locale);
        }
        String p = e.problem();
        return switch (field) {
            case "url" -> AdminText.M_PROBLEM_URL.in(locale);
            case "duration" -> AdminText.M_PROBLEM_DURATION.in(locale);
            case "format" -> AdminText.M_PROBLEM_FORMAT.in(locale);
            case "section" -> AdminText.M_PROBLEM_SECTION_KIND.in(locale);
            default -> p;
        };
    }
}
