package kz.komek.admin.words;

import java.util.List;
import java.util.Optional;
import kz.komek.admin.AdminFrame;
import kz.komek.admin.AdminText;
import kz.komek.admin.FramedPage;

/**
 * Model of {@code admin/words.jte}: the learned word pairs and readers' phrases, each with its state and, for a
 * publisher, the forms that decide it.
 *
 * @param mayDecide the reader may confirm and reject (a publisher: a decision changes what readers find at once)
 * @param minReaders distinct readers a phrase needs before it counts
 */
public record WordsPage(
        AdminFrame frame,
        List<Pair> pairs,
        List<Phrase> phrases,
        boolean mayDecide,
        int minReaders,
        Optional<String> notice,
        Optional<String> error)
        implements FramedPage {

    /** A pair as shown: stems, how sure (0..100 %), and its state ("learned", "confirmed", "rejected"). */
    public record Pair(String ru, String kz, int surePercent, String state) {}

    /** A phrase as shown; {@code state} is "in_use", "candidate", "confirmed" or "rejected". */
    public record Phrase(
            long questionId,
            String questionTitle,
            String questionHref,
            String locale,
            String phrase,
            int readers,
            String state) {}

    /** A phrase's language ({@code kz}) by its name in the page's language. */
    public String language(String code) {
        return kz.komek.i18n.Locale.parse(code)
                .map(l -> t(l == kz.komek.i18n.Locale.KZ ? AdminText.WORDS_KZ : AdminText.WORDS_RU))
                .orElse(code);
    }
}
