package kz.komek.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.search.ScoreDoc;
import org.junit.jupiter.api.Test;

/**
 * The rule of decision 0038 on hits given by score and words matched: the reader's locale first, unless a fallback
 * matches more of the query's words and scores higher too.
 */
class LocaleFirstTest {
    /**
     * Hits written as "o12/2" (the reader's locale, score 12, two of the query's words) or "f30/3" (a fallback); doc
     * numbers in the order given, from {@code firstDoc}.
     */
    private static List<LocaleFirst.Ranked> hits(int firstDoc, String... hits) {
        var out = new ArrayList<LocaleFirst.Ranked>();
        for (int i = 0; i < hits.length; i++) {
            String[] parts = hits[i].substring(1).split("/");
            out.add(new LocaleFirst.Ranked(
                    new ScoreDoc(firstDoc + i, Float.parseFloat(parts[0])),
                    hits[i].charAt(0) == 'o',
                    Integer.parseInt(parts[1])));
        }
        return out;
    }

    private static List<String> order(List<LocaleFirst.Ranked> window, List<LocaleFirst.Ranked> tail) {
        return LocaleFirst.order(window, tail).stream()
                .map(r -> (r.own() ? "o" : "f") + (int) r.doc().score + "/" + r.words())
                .toList();
    }

    @Test
    void fallbacksThatOnlyScoreHigherComeAfterTheReadersOwnHits() {
        // the review's case: fallbacks share the query's one word, whose translation is rarer in their language
        var window = hits(0, "f28/1", "f26/1", "f25/1", "o11/1", "o10/1", "o9/1", "o8/1");
        assertThat(order(window, List.of()))
                .containsExactly("o11/1", "o10/1", "o9/1", "o8/1", "f28/1", "f26/1", "f25/1");
    }

    @Test
    void aFallbackThatMatchesMoreOfTheQueryAndScoresHigherGoesFirst() {
        var window = hits(0, "f18/3", "f14/2", "o13/2", "o12/2", "o9/1", "f8/2", "o5/1");
        // f18 has all three words; f14 scores above o13 and o12 but has no more words than they have, and more than
        // o9; f8 has more words than o9 but scores less: each stays after the own hits it does not beat on both
        assertThat(order(window, List.of()))
                .containsExactly("f18/3", "o13/2", "o12/2", "f14/2", "o9/1", "f8/2", "o5/1");
    }

    @Test
    void moreWordsAloneOrAHigherScoreAloneIsNotEnough() {
        assertThat(order(hits(0, "o20/1", "f15/3"), List.of())).containsExactly("o20/1", "f15/3");
        assertThat(order(hits(0, "f30/2", "o20/2"), List.of())).containsExactly("o20/2", "f30/2");
        assertThat(order(hits(0, "f30/3", "o20/2"), List.of())).containsExactly("f30/3", "o20/2");
    }

    @Test
    void withoutOneOfTheLocalesTheOrderIsTheScores() {
        assertThat(order(hits(0, "f9/1", "f7/2", "f3/1"), List.of())).containsExactly("f9/1", "f7/2", "f3/1");
        assertThat(order(hits(0, "o9/1", "o7/3"), List.of())).containsExactly("o9/1", "o7/3");
    }

    @Test
    void pastTheWindowTheReadersOwnHitsComeBeforeTheRemainingFallbacks() {
        var window = hits(0, "o20/2", "f19/3", "o10/1", "f9/1");
        var tail = hits(100, "f8/0", "o7/0", "f6/0", "o5/0");
        // f19 beats o10 on both counts but not o20; f9 beats not even o10, the weakest own hit of the window, which
        // stands in for the tail's own hits
        assertThat(order(window, tail))
                .containsExactly("o20/2", "f19/3", "o10/1", "o7/0", "o5/0", "f9/1", "f8/0", "f6/0");
    }

    @Test
    void aWindowOfFallbacksOnlyComesBeforeTheTail() {
        assertThat(order(hits(0, "f9/1", "f8/1"), hits(100, "o7/0", "f6/0")))
                .containsExactly("f9/1", "f8/1", "o7/0", "f6/0");
    }

    @Test
    void nothingIsLostOrRepeated() {
        var window = hits(0, "o30/2", "f29/3", "f28/1", "o27/1", "f3/2", "o2/1", "f1/1");
        var tail = hits(100, "o1/0", "f1/0", "o0/0");
        var out = LocaleFirst.order(window, tail);
        assertThat(out).hasSize(window.size() + tail.size());
        assertThat(out.stream().map(r -> r.doc().doc).distinct()).hasSize(out.size());
    }
}
