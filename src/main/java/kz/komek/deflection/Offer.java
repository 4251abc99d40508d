package kz.komek.deflection;

import java.util.List;
import java.util.Optional;
import kz.komek.content.Platform;
import kz.komek.i18n.Locale;

/**
 * What komek offered for one message, and what came of it so far.
 *
 * @param id the message's handle: outcomes name it
 * @param message the message as stored, masked
 * @param answers best first, at most three
 */
public record Offer(
        String id,
        String site,
        Locale locale,
        Platform platform,
        String message,
        Decision decision,
        List<Suggestion> answers,
        Optional<Long> opened,
        Optional<Long> useful,
        boolean chat) {
    public Offer {
        answers = List.copyOf(answers);
    }

    /** The best suggestion's confidence; 0 when there is none. */
    public double confidence() {
        return answers.isEmpty() ? 0 : answers.get(0).confidence();
    }

    public boolean suggested(long question) {
        return answers.stream().anyMatch(a -> a.id() == question);
    }
}
