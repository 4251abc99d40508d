package kz.komek.i18n;

import java.util.Optional;

/**
 * Whether a text can be stored as PostgreSQL text: it refuses a NUL character (U+0000), and half of a UTF-16
 * surrogate pair would come back as "?". Every text that reaches SQL is checked here before (a bundle's fields, the
 * editor's fields, section titles, filters), so a refusal names the field instead of failing the write later; a
 * reader's search query is cleaned with {@link #withoutControls} instead of refused.
 */
public final class StorableText {
    private StorableText() {}

    /** Why {@code s} cannot be stored ("contains a NUL character (U+0000)"), or empty when it can (null can). */
    public static Optional<String> problem(String s) {
        if (s == null) {
            return Optional.empty();
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == 0) {
                return Optional.of("contains a NUL character (U+0000)");
            }
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return Optional.of(String.format("contains a lone UTF-16 surrogate (U+%04X)", (int) c));
            }
        }
        return Optional.empty();
    }

    /**
     * {@code s} without control characters (NUL, line breaks, tabs: each a space) and without lone surrogates: what a
     * one-line query means, and always storable.
     */
    public static String withoutControls(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                out.append(c).append(s.charAt(++i));
            } else if (Character.isSurrogate(c)) {
                continue;
            } else if (Character.isISOControl(c)) {
                if (c != 0 && out.length() > 0 && out.charAt(out.length() - 1) != ' ') {
                    out.append(' ');
                }
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
