package kz.komek.deflection;

/**
 * What to do with a message's suggestions: {@code ANSWER} shows the best one instead of a human, {@code SUGGEST}
 * shows them beside the way to a human, {@code NONE} goes straight to the human.
 */
public enum Decision {
    ANSWER,
    SUGGEST,
    NONE;

    /** The confidence from which the best suggestion answers on its own: right at least 8 times in 10. */
    public static final double ANSWER_FROM = 0.8;

    /** The confidence from which the best suggestion is worth showing beside the chat. */
    public static final double SUGGEST_FROM = 0.4;

    /** Below this a question is not offered at all: more likely to waste a reader's time than to help. */
    public static final double OFFER_FROM = 0.2;

    public static Decision of(double best) {
        return best >= ANSWER_FROM ? ANSWER : best >= SUGGEST_FROM ? SUGGEST : NONE;
    }

    public String code() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    static Decision parse(String code) {
        return valueOf(code.toUpperCase(java.util.Locale.ROOT));
    }
}
