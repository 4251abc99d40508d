package kz.komek.catalog;

import java.util.Map;
import java.util.Optional;
import kz.komek.i18n.Locale;

/**
 * A question with its texts in every locale it has.
 *
 * @param canonical path inside the site ending in {@code q{id}}; names another question for a cross-listed copy
 * @param votesUp counts of "useful" votes, imported and cast here; absent when only the imported ratio is known and
 *     nobody has voted since
 * @param usefulness the imported ratio up/(up+down) whose counts the source did not give; weighed as a prior
 */
public record Question(
        long id,
        String site,
        SectionPath section,
        int position,
        boolean pinned,
        String canonical,
        Optional<Long> votesUp,
        Optional<Long> votesDown,
        Optional<Double> usefulness,
        boolean incomplete,
        Map<Locale, QuestionText> texts) {

    public Question {
        texts = Map.copyOf(texts);
    }

    public Optional<QuestionText> text(Locale locale) {
        return Optional.ofNullable(texts.get(locale));
    }

    /** Vote counts and the imported ratio, to be weighed together. */
    public Usefulness votes() {
        return new Usefulness(votesUp.orElse(0L), votesDown.orElse(0L), usefulness);
    }

    /** The share of readers who found the answer useful, 0..1 (see {@link Usefulness}). */
    public Optional<Double> usefulnessRatio() {
        return votes().ratio();
    }

    /** The page path of this question inside its site: {@code /bonus/save/general/q456}. */
    public String ownPath() {
        return CatalogUrls.questionPath(section.value(), id);
    }
}
