package kz.komek.deflection;

import kz.komek.catalog.Chrome;

/**
 * The model of {@code handoff/ask.jte}: the "describe your question" form.
 *
 * @param action where the form posts: this page
 * @param message the text the form starts with (the search that found nothing), or ""
 * @param chatHref the chat itself, for a reader who would rather not describe it first
 */
public record AskPage(Chrome chrome, String action, String message, String chatHref) {}
