package kz.komek.search;

import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.IndexReaderContext;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.TermState;
import org.apache.lucene.index.TermStates;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.TermQuery;

/**
 * Term statistics kept across queries. People's queries share most of their words, and a query here looks each
 * word up many times (stems per field, readings, n-grams): without this, finding terms in the term dictionary is
 * most of a query's cost.
 *
 * <p>A term is looked up once per segment and kept while the segment lives: an edit makes a new reader every
 * second or so, but it shares all its segments but the newest with the last one, so only those are searched
 * again. The per-reader statistics are put together from the segments' (no dictionary seek) once per reader.
 */
final class TermCache {
    /** About 100 bytes per entry: bounded to a few tens of megabytes per reader and per segment. */
    private static final int MAX_ENTRIES = 200_000;

    /** What one segment knows of a term; {@code state} is null when the segment lacks it. */
    private record SegmentTerm(TermState state, int docFreq, long totalTermFreq) {
        static final SegmentTerm ABSENT = new SegmentTerm(null, 0, 0);
    }

    private record Generation(IndexReaderContext context, ConcurrentHashMap<Term, TermStates> states) {}

    private final AtomicReference<Generation> current = new AtomicReference<>();

    /** Per segment core (shared by every reader that holds the segment, whatever its deletions). */
    private final Map<IndexReader.CacheKey, ConcurrentHashMap<Term, SegmentTerm>> segments = new ConcurrentHashMap<>();

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
            s = build(context, term);
            g.states().put(term, s);
        }
        return s;
    }

    /** Statistics for the whole reader, from each segment's, which are looked up only the first time. */
    private TermStates build(IndexReaderContext context, Term term) throws IOException {
        var states = new TermStates(context);
        for (LeafReaderContext leaf : context.leaves()) {
            SegmentTerm t = segment(leaf, term);
            if (t.state() != null) {
                states.register(t.state(), leaf.ord, t.docFreq(), t.totalTermFreq());
            }
        }
        return states;
    }

    private SegmentTerm segment(LeafReaderContext leaf, Term term) throws IOException {
        IndexReader.CacheHelper helper = leaf.reader().getCoreCacheHelper();
        if (helper == null) {
            return lookUp(leaf, term);
        }
        var terms = segments.get(helper.getKey());
        if (terms == null) {
            var fresh = new ConcurrentHashMap<Term, SegmentTerm>();
            terms = segments.putIfAbsent(helper.getKey(), fresh);
            if (terms == null) {
                terms = fresh;
                helper.addClosedListener(segments::remove);
            }
        }
        SegmentTerm t = terms.get(term);
        if (t == null) {
            if (terms.size() >= MAX_ENTRIES) {
                terms.clear();
            }
            t = lookUp(leaf, term);
            terms.put(term, t);
        }
        return t;
    }

    private static SegmentTerm lookUp(LeafReaderContext leaf, Term term) throws IOException {
        Terms terms = leaf.reader().terms(term.field());
        if (terms == null) {
            return SegmentTerm.ABSENT;
        }
        TermsEnum e = terms.iterator();
        if (!e.seekExact(term.bytes())) {
            return SegmentTerm.ABSENT;
        }
        return new SegmentTerm(e.termState(), e.docFreq(), e.totalTermFreq());
    }
}
