package kz.komek.deflection;

import java.util.List;
import kz.komek.catalog.Chrome;

/**
 * The model of {@code handoff/offer.jte}: what was found for a reader's message, then the way to the chat.
 *
 * @param message the reader's message as stored (masked)
 * @param answers best first; the first is shown as the answer when {@code decision} is {@link Decision#ANSWER}
 * @param useful the reader said one of them answered them
 * @param chatHref through komek, which notes that the reader went on to chat
 * @param askHref the empty form again
 */
public record OfferPage(
        Chrome chrome,
        String message,
        Decision decision,
        List<Answer> answers,
        boolean useful,
        String chatHref,
        String askHref) {
    public OfferPage {
        answers = List.copyOf(answers);
    }

    /**
     * One suggested question.
     *
     * @param openHref through komek, which notes that it was opened, to the question's page
     * @param usefulAction where "this answers my question" posts
     */
    public record Answer(String title, String lang, String excerpt, String openHref, String usefulAction) {}

    public boolean answered() {
        return decision == Decision.ANSWER && !answers.isEmpty();
    }
}
