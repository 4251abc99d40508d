package kz.komek.admin.sections;

import java.util.List;
import java.util.function.BiFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import kz.komek.admin.AdminText;
import kz.komek.i18n.Locale;

/**
 * Why a section write was refused, in the words of the section pages' language. {@link SectionEditor} says it in
 * English for the API and the log ({@code section client/bonus/x already exists}); the pages match those
 * messages here and say the common ones in Russian or Kazakh. One it does not know keeps its English words.
 */
final class SectionProblem {
    private record Rule(Pattern pattern, BiFunction<Matcher, Locale, String> say) {}

    private static final List<Rule> RULES = List.of(
            rule("^section (\\S+) already exists$", (m, l) -> AdminText.SECTIONS_ERR_EXISTS.format(l, m.group(1))),
            rule(
                    ", field path: (?:its parent )?(\\S+) does not exist$",
                    (m, l) -> AdminText.SECTIONS_ERR_NO_PARENT.format(l, m.group(1))),
            rule(", field path: it is already there$", (m, l) -> AdminText.SECTIONS_ERR_SAME.in(l)),
            rule(
                    ", field path: (\\S+) is under the section itself$",
                    (m, l) -> AdminText.SECTIONS_ERR_UNDER_ITSELF.format(l, m.group(1))),
            rule(
                    "would put its sections (\\d+) levels deep; at most (\\d+)$",
                    (m, l) -> AdminText.SECTIONS_ERR_DEPTH.format(l, m.group(1), m.group(2))),
            rule(", field path: section path", (m, l) -> AdminText.SECTIONS_ERR_PATH.in(l)),
            rule("^section, field (?:path|parent): ", (m, l) -> AdminText.SECTIONS_ERR_PATH.in(l)),
            rule(
                    ", field titles: (?:give a ru or kz title|at least one must stay)$",
                    (m, l) -> AdminText.SECTIONS_ERR_NO_TITLE.in(l)),
            rule(
                    "field titles\\.\\w+: at most (\\d+) characters$",
                    (m, l) -> AdminText.SECTIONS_ERR_TITLE_LONG.format(l, m.group(1))),
            rule(
                    "still holds (\\d+) live question\\(s\\) and (\\d+) draft\\(s\\)",
                    (m, l) -> AdminText.SECTIONS_ERR_NOT_EMPTY.format(l, m.group(1), m.group(2))),
            rule("was moved meanwhile; reload and try again$", (m, l) -> AdminText.SECTIONS_ERR_MOVED.in(l)));

    private SectionProblem() {}

    private static Rule rule(String regex, BiFunction<Matcher, Locale, String> say) {
        return new Rule(Pattern.compile(regex), say);
    }

    static String in(String message, Locale locale) {
        for (Rule r : RULES) {
            Matcher m = r.pattern().matcher(message);
            if (m.find()) {
                return r.say().apply(m, locale);
            }
        }
        return message;
    }
}
