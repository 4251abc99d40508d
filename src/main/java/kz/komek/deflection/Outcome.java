package kz.komek.deflection;

import java.util.Optional;

/** What came of a message's suggestions: an answer opened, an answer found useful, or going on to chat. */
public enum Outcome {
    OPENED("opened"),
    USEFUL("useful"),
    CHAT("chat");

    private final String column;

    Outcome(String column) {
        this.column = column;
    }

    /** The count in {@code deflection_day}. */
    String column() {
        return column;
    }

    public String code() {
        return column;
    }

    public static Optional<Outcome> parse(String code) {
        for (Outcome o : values()) {
            if (o.column.equals(code)) {
                return Optional.of(o);
            }
        }
        return Optional.empty();
    }

    /** Whether this outcome names one of the suggested questions. */
    public boolean namesQuestion() {
        return this != CHAT;
    }
}
