package kz.komek.catalog;

import java.util.Map;
import java.util.Optional;

/**
 * A question with its texts in every locale it has.
 *
 * @param canonical path inside the site ending in {@code q{id}}; names another question for a cross-listed copy
 * @param votesUp counts of "useful" votes; absent when only the imported ratio is known
 * @param usefulness the imported ratio up/(up+down), when the source gave no counts
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

    /** The share of readers who found the answer useful, 0..1; counts win over the imported ratio. */
    public Optional<Double> usefulnessRatio() {
        if (votesUp.isPresent() && votesDown.isPresent()) {
            long total = votesUp.get() + votesDown.get();
            if (total > 0) {
                return Optional.of(votesUp.get() / (double) total);
            }
        }
        return usefulness;
    }

    /** The page path of this question inside its site: {@code /bonus/save/general/q456}. */
    public String ownPath() {
        return "/" + section.value() + "/q" + id;
    }
}
