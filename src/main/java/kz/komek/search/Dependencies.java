package kz.komek.search;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.lucene.index.Term;

/**
 * What one result depended on in the index: the terms of the query's words that it looked up or matched (stems,
 * words as typed, sound keys), the n-grams that re-scored what those matched, the words it looked near for typos,
 * and the word being typed that it completed. A document that has none of them cannot match the query nor change
 * how it was read (decisions 0028, 0029).
 */
final class Dependencies {
    private final Set<Term> terms = new HashSet<>();
    private final Set<Term> grams = new HashSet<>();
    private final List<Near> near = new ArrayList<>();
    private final List<Term> prefixes = new ArrayList<>();
    private final Set<Long> candidates = new HashSet<>();
    /** It fused a vector search's hits (decision 0031): any edited document may be nearer to it now. */
    private boolean vectors;

    /** The hash codes of {@link #terms} and {@link #grams}, once the result is computed (see {@link #seal}). */
    private int[] hashes;

    /** Bits of {@link Touched}: a change touches hundreds of terms, a result depends on tens. */
    static final int BITS = 1 << 20;

    /**
     * The terms a change touched, as bits of their hash codes: most cached results share none of them, and testing
     * a result's few hashes against these bits is what lets a change pass over them (a result's terms looked up
     * one by one in a set of terms cost most of an edit, at thousands of results).
     */
    static final class Touched {
        private final java.util.BitSet bits = new java.util.BitSet(BITS);
        private final Set<Term> terms;
        private final java.util.Map<String, String[]> texts = new java.util.HashMap<>();

        Touched(Set<Term> terms) {
            this.terms = terms;
            terms.forEach(t -> bits.set(t.hashCode() & (BITS - 1)));
        }

        /** The texts of the touched terms of a field, sorted: decoded once per change, not once per result. */
        String[] texts(String field) {
            return texts.computeIfAbsent(
                    field,
                    f -> terms.stream()
                            .filter(t -> t.field().equals(f))
                            .map(Term::text)
                            .sorted()
                            .toArray(String[]::new));
        }

        /** Whether a touched term of {@code field} starts with {@code prefix}. */
        boolean startsWith(String field, String prefix) {
            String[] sorted = texts(field);
            int i = java.util.Arrays.binarySearch(sorted, prefix);
            int at = i >= 0 ? i : -i - 1; // the first text not below the prefix
            return at < sorted.length && sorted[at].startsWith(prefix);
        }
    }

    private record Near(String field, String word, int maxEdits) {}

    void term(Term t) {
        if (!t.field().equals(SearchIndex.NGRAMS)) {
            terms.add(t);
        }
    }

    /**
     * A question among the first pass's best, which the precise query re-scored: only these can be hits, so an
     * edit that moves another question's score by anything but its words' first-pass weights changes nothing.
     */
    void candidate(long question) {
        candidates.add(question);
    }

    /** The result took hits from the vector search. */
    void vectors() {
        vectors = true;
    }

    /** An n-gram that re-scores the documents the rest of the query matched. */
    void ngram(Term t) {
        grams.add(t);
    }

    /**
     * How much the change moved the weights of the terms this result looked at but does not depend on (relative; the
     * largest move): a bound on how much it moved the scores of the result's documents.
     */
    double drift(IndexChanges.Change change, Touched bits) {
        if (!mayMeet(bits)) {
            return 0;
        }
        double most = 0;
        for (Set<Term> set : List.of(terms, grams)) {
            for (Term t : set) {
                if (change.touched().contains(t)) {
                    most = Math.max(most, change.weights().move(t));
                }
            }
        }
        return most;
    }

    /** The result is computed: nothing more is added. */
    void seal() {
        hashes = java.util.stream.Stream.concat(terms.stream(), grams.stream())
                .mapToInt(Term::hashCode)
                .toArray();
    }

    /** False when none of this result's terms and n-grams can be among those touched. */
    private boolean mayMeet(Touched touched) {
        if (hashes == null) {
            return true;
        }
        for (int h : hashes) {
            if (touched.bits.get(h & (BITS - 1))) {
                return true;
            }
        }
        return false;
    }

    /** The query looked in {@code field} for the words within {@code maxEdits} of {@code word}. */
    void near(String field, String word, int maxEdits) {
        near.add(new Near(field, word, maxEdits));
    }

    /** The query completed {@code prefix} to the words of {@code field} that start with it. */
    void prefix(String field, String prefix) {
        prefixes.add(new Term(field, prefix));
    }

    /** How a change may have moved a result (for the debug log), or that it did not. */
    enum Effect {
        NONE,
        /** it re-scored the question, which the change edited */
        CANDIDATE,
        /** a term it looked up counts differently in an edited document */
        TERM,
        /** a term's weight moved by more than {@link IndexChanges#MOVED} */
        WEIGHT,
        /** a word near one it looked near for was added or removed */
        NEAR,
        /** a completion of the word it completed was added or removed */
        PREFIX,
        /** it took hits from the vector search, and a question was edited */
        VECTORS
    }

    /** Whether and how the change may have moved the result (see {@link IndexChanges.Change}). */
    Effect affectedBy(IndexChanges.Change change, Touched bits) {
        Set<Term> touched = change.touched();
        if (vectors && !change.questions().isEmpty()) {
            return Effect.VECTORS; // a vector's nearest documents are not known by terms
        }
        for (long q : change.questions()) {
            if (candidates.contains(q)) {
                return Effect.CANDIDATE; // re-scored, by n-grams and norms too
            }
        }
        if (mayMeet(bits) && meets(terms, change.differ())) {
            return Effect.TERM;
        }
        for (Set<Term> set : mayMeet(bits) ? List.of(terms, grams) : List.<Set<Term>>of()) {
            for (Term t : set) {
                if (touched.contains(t) && change.weights().moved(t)) {
                    return Effect.WEIGHT;
                }
            }
        }
        if (near.isEmpty() && prefixes.isEmpty()) {
            return Effect.NONE;
        }
        for (Near n : near) {
            for (String text : bits.texts(n.field())) {
                if (Math.abs(text.length() - n.word().length()) <= n.maxEdits()
                        && NearWords.distance(n.word(), text, n.maxEdits()) <= n.maxEdits()) {
                    return Effect.NEAR;
                }
            }
        }
        for (Term p : prefixes) {
            if (bits.startsWith(p.field(), p.text())) {
                return Effect.PREFIX;
            }
        }
        return Effect.NONE;
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
        return terms.size() + grams.size() + near.size() + prefixes.size() + candidates.size();
    }
}
