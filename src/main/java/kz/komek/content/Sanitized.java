package kz.komek.content;

import java.util.List;

/**
 * The result of {@link HtmlSanitizer#sanitize}: the HTML to store and, in order, short notes on what was removed or
 * rewritten. When nothing was, {@code html} is the input string itself, so imports and exports round-trip exactly.
 */
public record Sanitized(String html, List<String> removed) {
    public Sanitized {
        removed = List.copyOf(removed);
    }

    public boolean changed() {
        return !removed.isEmpty();
    }
}
