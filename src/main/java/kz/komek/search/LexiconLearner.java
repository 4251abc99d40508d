package kz.komek.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import kz.komek.i18n.Locale;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;

/**
 * Learns the {@link Lexicon} from what the index holds: each question's title and answer in both languages, each
 * side cut to its most specific stems by the index's own document counts. A side's stems are kept between runs
 * and chosen again only for the questions that changed, so that a relearn after an edit analyses that edit, not
 * the help center. One instance per index, used by one thread at a time.
 */
final class LexiconLearner {
    /** Stems in more than this share of a language's documents take no part. */
    static final double COMMON = 0.2;

    private final Map<Locale, Analyzer> analyzers = new EnumMap<>(Locale.class);
    /** Per question id, its most specific stems: [ru, kz], either null when that text is missing. */
    private final Map<Long, String[][]> chosen = new HashMap<>();
    /** One copy of each stem across all questions' lists. */
    private final Map<String, String> stems = new HashMap<>();

    LexiconLearner() {
        for (Locale l : Locale.values()) {
            analyzers.put(l, Analyzers.forLocale(l));
        }
    }

    /** Learns from scratch. */
    Lexicon learn(SearchIndex index) {
        return learn(index, Set.of(), true);
    }

    /**
     * @param changed questions whose texts changed since the last run (their stems are chosen again)
     * @param everything choose every question's stems again (a rebuild, or the first run)
     */
    Lexicon learn(SearchIndex index, Set<Long> changed, boolean everything) {
        if (everything) {
            chosen.clear();
            stems.clear();
        }
        IndexSearcher searcher = index.acquire();
        try {
            IndexReader reader = searcher.getIndexReader();
            var documents = new EnumMap<Locale, Integer>(Locale.class);
            for (Locale l : Locale.values()) {
                documents.put(l, Math.max(1, reader.docFreq(new Term(SearchIndex.LOCALE, l.code()))));
            }
            var present = new HashSet<Long>();
            var df = new EnumMap<Locale, Map<String, Integer>>(Locale.class);
            for (LeafReaderContext leaf : reader.leaves()) {
                for (Locale l : Locale.values()) {
                    side(
                            reader,
                            leaf,
                            l,
                            documents.get(l),
                            changed,
                            present,
                            df.computeIfAbsent(l, k -> new HashMap<>()));
                }
            }
            chosen.keySet().retainAll(present);
            var pairs = new ArrayList<Lexicon.Pair>(chosen.size());
            for (String[][] p : chosen.values()) {
                if (p[0] != null && p[1] != null) {
                    pairs.add(new Lexicon.Pair(List.of(p[0]), List.of(p[1])));
                }
            }
            return Lexicon.learn(pairs, true);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            index.release(searcher);
        }
    }

    private void side(
            IndexReader reader,
            LeafReaderContext leaf,
            Locale l,
            int documents,
            Set<Long> changed,
            Set<Long> present,
            Map<String, Integer> df)
            throws IOException {
        PostingsEnum docs = leaf.reader().postings(new Term(SearchIndex.LOCALE, l.code()));
        if (docs == null) {
            return;
        }
        var ids = DocValues.getNumeric(leaf.reader(), SearchIndex.ID);
        var live = leaf.reader().getLiveDocs();
        var stored = leaf.reader().storedFields();
        int side = l == Locale.RU ? 0 : 1;
        String title = SearchIndex.title(l);
        String body = SearchIndex.body(l);
        for (int doc = docs.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = docs.nextDoc()) {
            if ((live != null && !live.get(doc)) || !ids.advanceExact(doc)) {
                continue;
            }
            long id = ids.longValue();
            present.add(id);
            String[][] entry = chosen.computeIfAbsent(id, i -> new String[2][]);
            if (entry[side] != null && !changed.contains(id)) {
                continue;
            }
            var d = stored.document(doc, Set.of(title, body));
            String text = d.get(title) + " " + d.get(body);
            var tf = new HashMap<String, Integer>();
            SearchService.terms(analyzers.get(l), body, text).forEach(s -> tf.merge(s, 1, Integer::sum));
            entry[side] = tf.keySet().stream()
                    // a stem in many questions (как, қалай, банк) is in every pair of them, and learns only noise
                    .filter(s -> df.computeIfAbsent(s, t -> docFreq(reader, title, body, t)) <= documents * COMMON)
                    .sorted(Comparator.comparingDouble((String s) -> -tf.get(s)
                                    * Math.log((double) documents
                                            / Math.max(1, df.computeIfAbsent(s, t -> docFreq(reader, title, body, t)))))
                            .thenComparing(Comparator.naturalOrder()))
                    .limit(Lexicon.TOP)
                    .map(s -> stems.computeIfAbsent(s, k -> k))
                    .toArray(String[]::new);
        }
    }

    /** In how many documents the stem is, in the title or the answer (function words are mostly in titles). */
    private static int docFreq(IndexReader reader, String title, String body, String stem) {
        try {
            return Math.max(reader.docFreq(new Term(title, stem)), reader.docFreq(new Term(body, stem)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
