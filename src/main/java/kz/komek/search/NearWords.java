package kz.komek.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.MultiTerms;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BlendedTermQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.util.BytesRef;

/**
 * The index's words within one or two edits of a word it does not know: what {@code FuzzyQuery} finds (same first
 * letter, a transposition counts as one edit, at most {@link #MAX_EXPANSIONS} words, the closest and most frequent
 * first, scored as one blended term), without building a Levenshtein automaton per query. Those automata were a
 * tenth of a search's time (decision 0027). Here a field's vocabulary is read once per index reader, grouped by
 * first letter, and a word is compared with the words of its first letter and a length within the edits, with a
 * distance computation that stops as soon as the limit is passed.
 */
final class NearWords {
    static final int MAX_EXPANSIONS = 50;

    private record Word(String text, int docFreq) {}

    private record Generation(IndexReader reader, Map<String, Map<Character, List<Word>>> byField) {}

    private final AtomicReference<Generation> current = new AtomicReference<>();
    private final TermCache termCache;

    NearWords(TermCache termCache) {
        this.termCache = termCache;
    }

    /** A query for the words of {@code field} within {@code maxEdits} of {@code word}; it matches none when none are. */
    Query query(IndexSearcher searcher, String field, String word, int maxEdits) throws IOException {
        List<Word> bucket = vocabulary(searcher.getIndexReader(), field).getOrDefault(word.charAt(0), List.of());
        record Near(Word word, int edits) {}
        var near = new ArrayList<Near>();
        for (Word w : bucket) {
            if (Math.abs(w.text().length() - word.length()) <= maxEdits
                    && !w.text().equals(word)) {
                int d = distance(word, w.text(), maxEdits);
                if (d <= maxEdits) {
                    near.add(new Near(w, d));
                }
            }
        }
        if (near.isEmpty()) {
            return new MatchNoDocsQuery("no word near " + word);
        }
        near.sort(Comparator.comparingInt(Near::edits)
                .thenComparing(n -> -n.word().docFreq())
                .thenComparing(n -> n.word().text()));
        var q = new BlendedTermQuery.Builder().setRewriteMethod(BlendedTermQuery.BOOLEAN_REWRITE);
        for (Near n : near.subList(0, Math.min(MAX_EXPANSIONS, near.size()))) {
            Term t = new Term(field, n.word().text());
            // as FuzzyQuery weighs a term: one minus the share of the shorter word that was edited
            float boost = 1f - n.edits() / (float) Math.min(n.word().text().length(), word.length());
            q.add(t, boost, termCache.states(searcher, t));
        }
        return searcher.rewrite(q.build());
    }

    private Map<Character, List<Word>> vocabulary(IndexReader reader, String field) throws IOException {
        Generation g = current.get();
        if (g == null || g.reader() != reader) {
            Generation fresh = new Generation(reader, new ConcurrentHashMap<>());
            Generation seen = g;
            g = current.updateAndGet(old -> old == seen ? fresh : old);
            if (g.reader() != reader) {
                return read(reader, field); // a search on an older reader: read, but keep nothing
            }
        }
        Map<Character, List<Word>> words = g.byField().get(field);
        if (words == null) {
            words = read(reader, field);
            g.byField().put(field, words);
        }
        return words;
    }

    private static Map<Character, List<Word>> read(IndexReader reader, String field) throws IOException {
        var byFirst = new HashMap<Character, List<Word>>();
        var terms = MultiTerms.getTerms(reader, field);
        if (terms == null) {
            return byFirst;
        }
        var e = terms.iterator();
        for (BytesRef t = e.next(); t != null; t = e.next()) {
            String text = t.utf8ToString();
            if (!text.isEmpty()) {
                byFirst.computeIfAbsent(text.charAt(0), c -> new ArrayList<>()).add(new Word(text, e.docFreq()));
            }
        }
        return byFirst;
    }

    /**
     * The optimal string alignment distance of {@code a} and {@code b} (insertions, deletions, substitutions and
     * swaps of neighbours, as Lucene's fuzzy matching counts them), or {@code max + 1} once it is known to exceed
     * {@code max}.
     */
    static int distance(String a, String b, int max) {
        int n = a.length();
        int m = b.length();
        int[] before = new int[m + 1];
        int[] previous = new int[m + 1];
        int[] row = new int[m + 1];
        for (int j = 0; j <= m; j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= n; i++) {
            row[0] = i;
            int best = row[0];
            char ca = a.charAt(i - 1);
            for (int j = 1; j <= m; j++) {
                char cb = b.charAt(j - 1);
                int cost = ca == cb ? 0 : 1;
                int d = Math.min(Math.min(previous[j] + 1, row[j - 1] + 1), previous[j - 1] + cost);
                if (i > 1 && j > 1 && ca == b.charAt(j - 2) && a.charAt(i - 2) == cb) {
                    d = Math.min(d, before[j - 2] + 1);
                }
                row[j] = d;
                best = Math.min(best, d);
            }
            if (best > max) {
                return max + 1;
            }
            int[] t = before;
            before = previous;
            previous = row;
            row = t;
        }
        return Math.min(previous[m], max + 1);
    }
}
