package kz.komek.deflection;

/**
 * A question offered for a message.
 *
 * @param url the question's page (a path of komek's)
 * @param excerpt the start of its answer as the platform shows it, as plain text
 * @param confidence the chance it answers the message (see {@link Confidence})
 */
public record Suggestion(long id, String title, String url, String excerpt, double confidence) {}
