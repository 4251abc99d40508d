package kz.komek.catalog;

import java.util.List;
import java.util.Optional;

/**
 * The vote form under an answer, for one reader.
 *
 * @param action where the forms post: the question page itself, so that an error comes back as a page in its locale
 * @param mine the reader's own vote (true: useful); empty until they vote
 * @param reasons what a "not useful" vote may name, in the page's locale
 */
public record VoteBox(String action, Optional<Boolean> mine, List<Choice> reasons) {
    public VoteBox {
        reasons = List.copyOf(reasons);
    }

    public boolean voted() {
        return mine.isPresent();
    }

    public boolean votedUseful() {
        return mine.orElse(false);
    }

    public boolean votedNotUseful() {
        return !mine.orElse(true);
    }

    /** A radio button: the code the form sends and the label it shows. */
    public record Choice(String code, String label) {}
}
