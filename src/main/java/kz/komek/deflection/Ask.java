package kz.komek.deflection;

import java.util.Optional;
import kz.komek.content.Platform;
import kz.komek.i18n.Locale;

/**
 * A message to answer, as a reader or a chat bot sent it (not yet masked).
 *
 * @param locale the reader's language when the caller knows it; empty lets the message's own language decide
 * @param visitor the reader's visitor cookie, if they have one: stored only as a hash of the day
 */
public record Ask(
        String message,
        String site,
        Optional<Locale> locale,
        Platform platform,
        Channel channel,
        Optional<String> visitor) {
    /** A long chat message is a few hundred characters; more is pasted text, not a question. */
    public static final int MAX_MESSAGE = 2000;

    public Ask {
        if (message == null || message.isBlank()) {
            throw new IllegalArgumentException("the message is empty");
        }
        if (message.length() > MAX_MESSAGE) {
            throw new IllegalArgumentException("the message is longer than " + MAX_MESSAGE + " characters");
        }
    }
}
