package kz.komek.bundle;

import java.util.HashSet;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Editors' other phrasings of a question in one locale, in their order: how readers may ask it in their own words
 * ("откатить перевод" for "Как отменить перевод?"). Search reads them like the title; pages never show them.
 *
 * <p>Each is plain text, trimmed and not blank, at most {@link #MAX_LENGTH} characters; at most {@link #MAX_COUNT}
 * a locale, none twice (ignoring case). Checked here, so that no other shape reaches the database or the index.
 */
public record Phrasings(List<String> texts) {
    public static final int MAX_LENGTH = 200;
    public static final int MAX_COUNT = 20;
    /** A tag or a comment: phrasings are searched as words, so markup in one is a mistake, not formatting. */
    private static final Pattern MARKUP = Pattern.compile("<[a-zA-Z/!]");

    public static final Phrasings NONE = new Phrasings(List.of());

    public Phrasings {
        texts = List.copyOf(texts);
        if (texts.size() > MAX_COUNT) {
            throw new Invalid(-1, Problem.TOO_MANY, "more than " + MAX_COUNT + " phrasings", MAX_COUNT);
        }
        var seen = new HashSet<String>();
        for (int i = 0; i < texts.size(); i++) {
            String t = texts.get(i);
            if (t.isBlank()) {
                throw new Invalid(i, Problem.EMPTY, "is empty");
            }
            if (!t.equals(t.strip())) {
                throw new Invalid(i, Problem.NOT_TRIMMED, "starts or ends with a space");
            }
            if (t.length() > MAX_LENGTH) {
                throw new Invalid(i, Problem.TOO_LONG, "longer than " + MAX_LENGTH + " characters", MAX_LENGTH);
            }
            if (MARKUP.matcher(t).find()) {
                throw new Invalid(i, Problem.MARKUP, "plain text only, not HTML: \"" + t + "\"");
            }
            if (!seen.add(t.toLowerCase(java.util.Locale.ROOT))) {
                throw new Invalid(i, Problem.DUPLICATE, "\"" + t + "\" is given twice", t);
            }
        }
    }

    public boolean isEmpty() {
        return texts.isEmpty();
    }

    /** What is wrong with a list of phrasings. */
    public enum Problem {
        EMPTY,
        NOT_TRIMMED,
        /** Args: the greatest length. */
        TOO_LONG,
        MARKUP,
        /** Args: the phrasing given twice. */
        DUPLICATE,
        /** Args: the greatest count. */
        TOO_MANY
    }

    /**
     * Phrasings that break a rule; {@code index} is the phrasing's place in the list, {@code -1} when the list as a
     * whole is at fault.
     */
    public static final class Invalid extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;
        private final int index;
        private final Problem problem;
        private final transient List<Object> args;

        Invalid(int index, Problem problem, String message, Object... args) {
            super(message);
            this.index = index;
            this.problem = problem;
            this.args = List.of(args);
        }

        public int index() {
            return index;
        }

        public Problem problem() {
            return problem;
        }

        public List<Object> args() {
            return args;
        }
    }
}
