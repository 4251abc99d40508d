package kz.komek.catalog;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Optional;

/**
 * The expanded question of a question page.
 *
 * @param answerHtml the answer rendered for the reader's platform (safe HTML); the only text a template outputs
 *     unescaped
 * @param usefulPercent share of readers who found it useful, 0..100; absent when nobody voted
 * @param vote the vote form, with the reader's own vote
 */
public record OpenQuestion(
        long id,
        String title,
        String answerHtml,
        Optional<LocalDate> updated,
        Optional<Integer> usefulPercent,
        VoteBox vote) {
    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("dd.MM.yyyy");

    public Optional<String> updatedIso() {
        return updated.map(LocalDate::toString);
    }

    public Optional<String> updatedShown() {
        return updated.map(SHOWN::format);
    }
}
