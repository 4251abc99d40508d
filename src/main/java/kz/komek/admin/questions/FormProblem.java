package kz.komek.admin.questions;

import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import kz.komek.admin.AdminText;
import kz.komek.bundle.BundleException;
import kz.komek.i18n.Locale;

/**
 * Why the editor's form was refused, said in the editor's language and pointing at the input to fix. Records are
 * checked as bundle records (one set of rules for the form, the API and imports), whose messages name a bundle
 * field ({@code question 5, field locales.kz.title: is empty}); this turns such a field into the form's input and
 * label, and the common problems into words. A problem it does not know keeps the record's own words.
 *
 * @param input the id of the input to fix, if the problem names one
 */
public record FormProblem(Optional<String> input, String message) {
    private static final Pattern FIELD = Pattern.compile("^question \\d+, field ([\\w.]+): (.+)$", Pattern.DOTALL);
    private static final Map<String, AdminText> LABELS = Map.ofEntries(
            Map.entry("title", AdminText.Q_TITLE),
            Map.entry("content", AdminText.Q_CONTENT),
            Map.entry("updated", AdminText.Q_UPDATED),
            Map.entry("published", AdminText.Q_PUBLISHED),
            Map.entry("meta_title", AdminText.Q_META_TITLE),
            Map.entry("meta_description", AdminText.Q_META_DESCRIPTION),
            Map.entry("meta_h1", AdminText.Q_META_H1));

    public static FormProblem of(BundleException e, Locale locale) {
        Matcher m = FIELD.matcher(e.getMessage());
        if (!m.matches()) {
            return new FormProblem(Optional.empty(), e.getMessage());
        }
        String field = m.group(1);
        String problem = problem(m.group(2), locale);
        String[] parts = field.split("\\.");
        if (parts.length == 3 && parts[0].equals("locales") && LABELS.containsKey(parts[2])) {
            Optional<Locale> in = Locale.parse(parts[1]);
            if (in.isPresent()) {
                String label = LABELS.get(parts[2]).in(locale) + " ("
                        + (in.get() == Locale.KZ ? AdminText.Q_IN_KAZAKH : AdminText.Q_IN_RUSSIAN).in(locale) + ")";
                String input = "q-" + parts[1] + "-" + parts[2].replace('_', '-');
                return said(input, label, problem, locale);
            }
        }
        return switch (field) {
            case "section" -> said("q-place", AdminText.Q_PLACE.in(locale), problem, locale);
            case "position" -> said("q-position", AdminText.Q_POSITION.in(locale), problem, locale);
            case "canonical" -> said("q-canonical", AdminText.Q_CANONICAL.in(locale), problem, locale);
            case "locales" -> new FormProblem(Optional.of("q-ru-present"), problem);
            default -> new FormProblem(Optional.empty(), e.getMessage());
        };
    }

    private static FormProblem said(String input, String label, String problem, Locale locale) {
        return new FormProblem(Optional.of(input), AdminText.Q_FIELD_PROBLEM.format(locale, label, problem));
    }

    /** The record's words for a problem, in the editor's language where komek knows them. */
    private static String problem(String raw, Locale locale) {
        if (raw.equals("is empty") || raw.equals("is missing")) {
            return AdminText.Q_PROBLEM_EMPTY.in(locale);
        }
        if (raw.startsWith("longer than ")) {
            return AdminText.Q_PROBLEM_LONG.format(locale, raw.replaceAll("\\D", ""));
        }
        if (raw.startsWith("not an ISO date")) {
            return AdminText.Q_PROBLEM_DATE.in(locale);
        }
        if (raw.startsWith("not an ISO local date-time")) {
            return AdminText.Q_PROBLEM_DATE_TIME.in(locale);
        }
        if (raw.startsWith("expected a whole number") || raw.startsWith("expected a positive integer")) {
            return AdminText.Q_PROBLEM_NUMBER.in(locale);
        }
        if (raw.equals("choose the section the question is listed in")) {
            return AdminText.Q_PROBLEM_SECTION.in(locale);
        }
        if (raw.equals("a question needs its text in at least one language")) {
            return AdminText.Q_PROBLEM_NO_LOCALE.in(locale);
        }
        return raw;
    }
}
