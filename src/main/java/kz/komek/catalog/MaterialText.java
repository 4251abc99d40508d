package kz.komek.catalog;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.Objects;
import java.util.Optional;

/**
 * A material's text in one locale, as readers see it: its title and https link, a plain-text description, a video's
 * duration (ISO 8601, as written), a document's format and size in bytes, and its dates.
 */
public record MaterialText(
        String title,
        String url,
        Optional<String> description,
        Optional<String> duration,
        Optional<String> format,
        Optional<Long> size,
        Optional<LocalDate> updated,
        Optional<LocalDateTime> published) {

    public MaterialText {
        Objects.requireNonNull(title, "title");
        if (title.isBlank()) {
            throw new IllegalArgumentException("a material needs a title");
        }
        if (!url.startsWith("https://")) {
            throw new IllegalArgumentException("a material's link is https, not " + url);
        }
        duration.ifPresent(d -> {
            if (parseDuration(d).isEmpty()) {
                throw new IllegalArgumentException("not an ISO 8601 duration: " + d);
            }
        });
        size.ifPresent(s -> {
            if (s < 0) {
                throw new IllegalArgumentException("a size is never negative, was " + s);
            }
        });
    }

    /** A duration as ISO 8601 writes it ({@code PT2M31S}), when it is one and not negative. */
    public static Optional<Duration> parseDuration(String iso) {
        try {
            Duration d = Duration.parse(iso);
            return d.isNegative() ? Optional.empty() : Optional.of(d);
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /** The video's length, when given. */
    public Optional<Duration> length() {
        return duration.flatMap(MaterialText::parseDuration);
    }

    /** Public at {@code now} (the help center's local time): published, and not scheduled for later. */
    public boolean visibleAt(LocalDateTime now) {
        return published.map(p -> !p.isAfter(now)).orElse(true);
    }
}
