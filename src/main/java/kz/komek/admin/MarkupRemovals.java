package kz.komek.admin;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import kz.komek.i18n.Locale;

/**
 * What the sanitizer took out of an answer, as content.SanitizerPass says it in English for imports, the API and
 * the command line ({@code removed onclick on <p>; removed <script>}), in the admin's language. A removal it does not
 * recognise is kept as said.
 */
public final class MarkupRemovals {
    private record Rule(Pattern pattern, AdminText words) {}

    // the more particular first: "removed <p> nested deeper…" before "removed <p>"
    private static final List<Rule> RULES = List.of(
            rule("removed comment", AdminText.MARKUP_COMMENT),
            rule("removed <!…> or <\\?…> markup", AdminText.MARKUP_DECLARATION),
            rule("removed control characters", AdminText.MARKUP_CONTROL),
            rule("removed misplaced text", AdminText.MARKUP_MISPLACED_TEXT),
            rule("removed (<[^>]*>) nested deeper than (\\d+)", AdminText.MARKUP_TOO_DEEP),
            rule("removed misplaced (<[^>]*>)", AdminText.MARKUP_MISPLACED),
            rule("removed stray (</.*>)", AdminText.MARKUP_STRAY),
            rule("removed duplicate (.+) on (<[^>]*>)", AdminText.MARKUP_DUPLICATE),
            rule("removed style property (.+)", AdminText.MARKUP_STYLE_PROPERTY),
            rule("removed style on (<[^>]*>)", AdminText.MARKUP_STYLE),
            rule("rewrote style on (<[^>]*>)", AdminText.MARKUP_STYLE_REWRITTEN),
            rule("removed (.+) on (<[^>]*>) \\((.+): URL\\)", AdminText.MARKUP_ATTRIBUTE_URL),
            rule("removed (.+) on (<[^>]*>)", AdminText.MARKUP_ATTRIBUTE));

    /** An element removed whole: only its tag is said. */
    private static final Pattern ELEMENT = Pattern.compile("removed (<[^>]*>)");

    private MarkupRemovals() {}

    private static Rule rule(String regex, AdminText words) {
        return new Rule(Pattern.compile(regex, Pattern.DOTALL), words);
    }

    /** {@code removed onclick on <p>; removed <script>}, each removal said in {@code locale}. */
    public static String list(String removals, Locale locale) {
        var out = new ArrayList<String>();
        for (String one : removals.split("; ")) {
            out.add(one(one, locale).orElse(one));
        }
        return String.join("; ", out);
    }

    /** One removal in {@code locale}, when komek recognises it. */
    public static Optional<String> one(String removal, Locale locale) {
        for (Rule r : RULES) {
            Matcher m = r.pattern().matcher(removal);
            if (m.matches()) {
                Object[] args = new Object[m.groupCount()];
                for (int i = 0; i < args.length; i++) {
                    args[i] = m.group(i + 1);
                }
                return Optional.of(r.words().format(locale, args));
            }
        }
        Matcher element = ELEMENT.matcher(removal);
        return element.matches() ? Optional.of(element.group(1)) : Optional.empty();
    }
}
