package kz.komek.search;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.lucene.index.Term;

/**
 * What one result depended on in the index, besides collection statistics: the terms of the query's words that it
 * looked up or matched (stems, words as typed, sound keys), the words it looked near for typos, and the word
 * being typed that it completed. A document that has none of them cannot match the query nor change how it was
 * read. N-grams only re-score documents matched by the rest: they count only where an edit would move a score
 * (decision 0028).
 */
final class Dependencies {
    private final Set<Term> terms = new HashSet<>();
    private final Set<Term> grams = new HashSet<>();
    private final List<Near> near = new ArrayList<>();
    private final List<Term> prefixes = new ArrayList<>();

    private record Near(String field, String word, int maxEdits) {}

    void term(Term t) {
        if (!t.field().equals(SearchIndex.NGRAMS)) {
            terms.add(t);
        }
    }

    /**
     * An n-gram that re-scores the documents the rest of the query matched. It counts as a term when it is rare
     * enough that one document more or less moves its weight: the weights of common n-grams barely move with an edit
     * (at 100,000 questions, an n-gram in more than about 300 documents).
     */
    void ngram(Term t, int docFreq, int docs) {
        grams.add(t);
        if (movedByOne(docFreq, docs)) {
            terms.add(t);
        }
    }

    /**
     * Whether one document more or less with a term moves the term's BM25 weight (idf) by more than 0.05%; the weight
     * moves by about 1 / ((df + 0.5) idf).
     */
    static boolean movedByOne(int docFreq, int docs) {
        double idf = Math.log(1 + (docs - docFreq + 0.5) / (docFreq + 0.5));
        return (docFreq + 0.5) * idf < 2_000;
    }

    /** The query looked in {@code field} for the words within {@code maxEdits} of {@code word}. */
    void near(String field, String word, int maxEdits) {
        near.add(new Near(field, word, maxEdits));
    }

    /** The query completed {@code prefix} to the words of {@code field} that start with it. */
    void prefix(String field, String prefix) {
        prefixes.add(new Term(field, prefix));
    }

    /** Whether the change may have moved the result (see {@link IndexChanges.Change}). */
    boolean affectedBy(IndexChanges.Change change) {
        Set<Term> counted = change.terms().orElseThrow();
        Set<Term> touched = change.touched();
        if (meets(terms, counted)) {
            return true;
        }
        // an n-gram whose count changed in a document the query matches re-scores that document
        if (meets(grams, counted) && meets(terms, touched)) {
            return true;
        }
        if (near.isEmpty() && prefixes.isEmpty()) {
            return false;
        }
        for (Term t : touched) {
            String text = null;
            for (Near n : near) {
                if (n.field().equals(t.field())) {
                    text = text == null ? t.text() : text;
                    if (Math.abs(text.length() - n.word().length()) <= n.maxEdits()
                            && NearWords.distance(n.word(), text, n.maxEdits()) <= n.maxEdits()) {
                        return true;
                    }
                }
            }
            for (Term p : prefixes) {
                if (p.field().equals(t.field())) {
                    text = text == null ? t.text() : text;
                    if (text.startsWith(p.text())) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    private static boolean meets(Set<Term> a, Set<Term> b) {
        Set<Term> small = a.size() <= b.size() ? a : b;
        Set<Term> large = small == a ? b : a;
        for (Term t : small) {
            if (large.contains(t)) {
                return true;
            }
        }
        return false;
    }

    int size() {
        return terms.size() + grams.size() + near.size() + prefixes.size();
    }
}
