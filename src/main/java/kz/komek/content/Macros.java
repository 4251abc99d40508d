package kz.komek.content;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The macro syntax of the content: {@code %вставка NAME(ARGUMENT)%}. Names are Cyrillic in the seed
 * ({@code ссылка_приложения}, {@code остались_вопросы}) and compared trimmed; the argument may be empty and may
 * hold parentheses of its own.
 */
public final class Macros {
    static final Pattern CALL = Pattern.compile("%\\s*вставка\\s+([^%()]+?)\\s*\\(([^%]*?)\\)\\s*%");
    /** What is left of a macro that does not parse (unclosed, cut by markup): never shown to a reader. */
    static final Pattern BROKEN = Pattern.compile("%\\s*вставка\\s*[^\\s%(]*\\s*\\(?|\\)\\s*%");

    private Macros() {}

    /** One macro call found in a text. */
    public record Call(String name, String argument, int start, int end) {}

    public static List<Call> find(String text) {
        var calls = new ArrayList<Call>();
        if (text.indexOf('%') < 0) {
            return calls;
        }
        Matcher m = CALL.matcher(text);
        while (m.find()) {
            calls.add(new Call(m.group(1).strip(), m.group(2).strip(), m.start(), m.end()));
        }
        return calls;
    }

    /** Whether a text still holds the start of a macro after the well-formed calls were taken out. */
    public static boolean hasBrokenMacro(String textWithoutCalls) {
        return textWithoutCalls.contains("вставка") && textWithoutCalls.matches("(?s).*%\\s*вставка.*");
    }

    static String stripBroken(String text) {
        return text.contains("вставка") ? BROKEN.matcher(text).replaceAll("") : text;
    }
}
