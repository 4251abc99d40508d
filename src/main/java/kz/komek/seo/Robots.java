package kz.komek.seo;

import java.util.ArrayList;
import java.util.Optional;

/** A page's robots directives, from the question's {@code no_index} / {@code no_follow} flags. */
public record Robots(boolean index, boolean follow) {
    public static final Robots ALL = new Robots(true, true);
    /** Search results and error pages: never in an index, but their links may be followed. */
    public static final Robots NOINDEX = new Robots(false, true);

    /** The {@code <meta name="robots">} content; empty when everything is allowed (the default needs no tag). */
    public Optional<String> content() {
        var parts = new ArrayList<String>(2);
        if (!index) {
            parts.add("noindex");
        }
        if (!follow) {
            parts.add("nofollow");
        }
        return parts.isEmpty() ? Optional.empty() : Optional.of(String.join(", ", parts));
    }
}
