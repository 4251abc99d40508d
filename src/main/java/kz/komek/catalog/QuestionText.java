package kz.komek.catalog;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoField;
import java.util.Optional;

/** A question's text in one locale, with its SEO fields and robots flags. */
public record QuestionText(
        String title,
        String content,
        Optional<LocalDate> updated,
        Optional<LocalDateTime> published,
        Optional<String> metaTitle,
        Optional<String> metaDescription,
        Optional<String> metaH1,
        boolean noIndex,
        boolean noFollow) {

    /**
     * How a publication time is written (bundle, API): ISO local date-time with microseconds, as PostgreSQL keeps
     * them, so an export reads back to the same text.
     */
    public static final DateTimeFormatter PUBLISHED_FORMAT = new DateTimeFormatterBuilder()
            .appendPattern("uuuu-MM-dd'T'HH:mm:ss")
            .appendFraction(ChronoField.MICRO_OF_SECOND, 6, 6, true)
            .toFormatter();

    /** Public at {@code now} (the help center's local time): published, and not scheduled for later. */
    public boolean visibleAt(LocalDateTime now) {
        return published.map(p -> !p.isAfter(now)).orElse(true);
    }
}
