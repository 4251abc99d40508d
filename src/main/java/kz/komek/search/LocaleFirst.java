package kz.komek.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import kz.komek.i18n.Locale;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.Weight;

/**
 * The reader's language first (decision 0038). A question without a text in the reader's locale (a fallback, which
 * {@link RequestFilter} lets in) is found through translations of the query's words, and its score does not compare
 * with a text's in the reader's own language: each language's fields weigh a word by how rare it is among that
 * language's texts, and a translation weighs more than the word typed ({@link SearchService#TRANSLATION}). By score
 * alone, fallbacks that share one common word with the query outranked every title in the reader's language.
 *
 * <p>The rule: hits in the reader's locale and fallbacks each keep their own order, and are merged. A fallback goes
 * before a hit in the reader's locale only when it is far better: it matches more of the query's words (a word
 * counts when the hit has it, a synonym or a translation of it) and scores higher too. What the words count is the
 * same in both languages, so it says what the scores cannot: which hit answers more of what was asked. Within the
 * window the precise query re-scored, that is how the two lists merge; hits past it (deeper pages) are ranked by the
 * first pass alone, and there the reader's own hits come before the remaining fallbacks.
 */
final class LocaleFirst {
    private LocaleFirst() {}

    /**
     * A hit, whether its text is in the reader's locale, and how many of the query's words it matches (0 where they
     * were not counted).
     */
    record Ranked(ScoreDoc doc, boolean own, int words) {}

    /**
     * @param window the re-scored hits, best first
     * @param tail the hits past the window, in the first pass's order
     * @return all of them, the reader's locale first as the rule says
     */
    static List<Ranked> order(List<Ranked> window, List<Ranked> tail) {
        List<Ranked> own = window.stream().filter(Ranked::own).toList();
        List<Ranked> other = window.stream().filter(r -> !r.own()).toList();
        var out = new ArrayList<Ranked>(window.size() + tail.size());
        int i = 0;
        int j = 0;
        while (j < other.size()) {
            Ranked fallback = other.get(j);
            if (i < own.size() && !farBetter(fallback, own.get(i))) {
                out.add(own.get(i++));
            } else if (i == own.size() && !own.isEmpty() && !farBetter(fallback, own.get(i - 1))) {
                // the tail's own hits ranked below the window's in the first pass: the weakest of those stands in
                break;
            } else {
                out.add(other.get(j++));
            }
        }
        out.addAll(own.subList(i, own.size()));
        tail.stream().filter(Ranked::own).forEach(out::add);
        out.addAll(other.subList(j, other.size()));
        tail.stream().filter(r -> !r.own()).forEach(out::add);
        return out;
    }

    /** The query's words as queries, per language it was read in (they are built only when asked for). */
    interface Words {
        List<List<Query>> queries() throws IOException;
    }

    /**
     * The rule's order of the re-scored window {@code ranked} and the first pass's {@code tail}, for a reader in
     * {@code own}. How many of the query's words a hit matches is counted only when the window mixes locales.
     */
    static ScoreDoc[] order(IndexSearcher searcher, Locale own, ScoreDoc[] ranked, ScoreDoc[] tail, Words words)
            throws IOException {
        String[] rankedLocales = SearchHits.locales(searcher, ranked);
        String[] tailLocales = SearchHits.locales(searcher, tail);
        long owned = java.util.Arrays.stream(rankedLocales)
                .filter(own.code()::equals)
                .count();
        int[] matched = owned == 0 || owned == ranked.length
                ? new int[ranked.length]
                : wordsMatched(searcher, words.queries(), ranked);
        var window = new ArrayList<Ranked>(ranked.length);
        for (int i = 0; i < ranked.length; i++) {
            window.add(new Ranked(ranked[i], own.code().equals(rankedLocales[i]), matched[i]));
        }
        var after = new ArrayList<Ranked>(tail.length);
        for (int i = 0; i < tail.length; i++) {
            after.add(new Ranked(tail[i], own.code().equals(tailLocales[i]), 0));
        }
        return order(window, after).stream().map(Ranked::doc).toArray(ScoreDoc[]::new);
    }

    static boolean farBetter(Ranked fallback, Ranked own) {
        return fallback.words() > own.words() && fallback.doc().score > own.doc().score;
    }

    /**
     * How many of the query's words each of {@code docs} matches: per language the query was read in, the number of
     * {@code words} (one query per word) that match it; the most of any language.
     */
    static int[] wordsMatched(IndexSearcher searcher, List<List<Query>> words, ScoreDoc[] docs) throws IOException {
        Integer[] byDoc = new Integer[docs.length];
        for (int i = 0; i < docs.length; i++) {
            byDoc[i] = i;
        }
        // scorers only move forward: the documents in index order
        java.util.Arrays.sort(byDoc, (a, b) -> Integer.compare(docs[a].doc, docs[b].doc));
        var leaves = searcher.getIndexReader().leaves();
        int[] most = new int[docs.length];
        for (List<Query> language : words) {
            int[] count = new int[docs.length];
            for (Query word : language) {
                Weight weight = searcher.createWeight(searcher.rewrite(word), ScoreMode.COMPLETE_NO_SCORES, 1f);
                LeafReaderContext leaf = null;
                DocIdSetIterator matches = null;
                for (int i : byDoc) {
                    LeafReaderContext at = leaves.get(ReaderUtil.subIndex(docs[i].doc, leaves));
                    if (at != leaf) {
                        leaf = at;
                        Scorer scorer = weight.scorer(leaf);
                        matches = scorer == null ? null : scorer.iterator();
                    }
                    int target = docs[i].doc - leaf.docBase;
                    if (matches != null
                            && (matches.docID() < target ? matches.advance(target) : matches.docID()) == target) {
                        count[i]++;
                    }
                }
            }
            for (int i = 0; i < docs.length; i++) {
                most[i] = Math.max(most[i], count[i]);
            }
        }
        return most;
    }
}
