package kz.komek.catalog;

import java.time.LocalDate;
import java.time.LocalDateTime;
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

    /** Public at {@code now} (the help center's local time): published, and not scheduled for later. */
    public boolean visibleAt(LocalDateTime now) {
        return published.map(p -> !p.isAfter(now)).orElse(true);
    }
}
