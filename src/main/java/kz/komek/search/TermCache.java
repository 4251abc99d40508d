package kz.komek.search;

import java.io.IOException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.lucene.index.IndexReaderContext;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.TermStates;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.TermQuery;

/**
 * Term statistics of the current index reader, kept across queries. People's queries share most of their words,
 * and a query here looks each word up many times (stems per field, readings, n-grams): without this, finding terms
 * in the term dictionary is most of a query's cost. Dropped whenever the reader changes, since the statistics are
 * the reader's.
 */
final class TermCache {
    /** About 100 bytes per entry: bounded to a few tens of megabytes. */
    private static final int MAX_ENTRIES = 200_000;

    private record Generation(IndexReaderContext context, ConcurrentHashMap<Term, TermStates> states) {}

    private final AtomicReference<Generation> current = new AtomicReference<>();

    /** A term query whose term is looked up once per reader, not once per query. */
    TermQuery query(IndexSearcher searcher, Term term) throws IOException {
        return new TermQuery(term, states(searcher, term));
    }

    int docFreq(IndexSearcher searcher, Term term) throws IOException {
        return states(searcher, term).docFreq();
    }

    TermStates states(IndexSearcher searcher, Term term) throws IOException {
        IndexReaderContext context = searcher.getTopReaderContext();
        Generation g = current.get();
        if (g == null || g.context() != context) {
            // A new reader starts a new generation (a search still on the old one may briefly swap it back).
            g = current.updateAndGet(old ->
                    old != null && old.context() == context ? old : new Generation(context, new ConcurrentHashMap<>()));
        }
        TermStates s = g.states().get(term);
        if (s == null) {
            if (g.states().size() >= MAX_ENTRIES) {
                g.states().clear();
            }
            s = build(searcher, term);
            g.states().put(term, s);
        }
        return s;
    }

    private static TermStates build(IndexSearcher searcher, Term term) throws IOException {
        TermStates s = TermStates.build(searcher, term, true);
        // TermStates loads per-segment states lazily; load them all now so that threads sharing it only read.
        for (var leaf : searcher.getTopReaderContext().leaves()) {
            s.get(leaf);
        }
        return s;
    }
}
