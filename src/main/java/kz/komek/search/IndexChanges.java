package kz.komek.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.analysis.tokenattributes.TermFrequencyAttribute;
import org.apache.lucene.analysis.tokenattributes.TermToBytesRefAttribute;
import org.apache.lucene.index.FieldInvertState;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.IndexableField;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.similarities.Similarity;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.Version;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the index writer changed since searches last looked: the questions, every term of their documents as they
 * were and as they are, and which of those terms now count differently. {@link SearchIndex} notes each change here
 * (under its lock) and turns it into a {@link Change} when a refresh shows it to searches (decisions 0028, 0029).
 */
final class IndexChanges {
    /**
     * What changed from one searchable reader to the next.
     *
     * @param everything a rebuild, or too many changes to follow: nothing below is known
     * @param differ terms that count differently in some document: a term whose frequency in an edited document
     *     changed, every term of a field that got shorter (a smaller norm raises the others' scores there), every
     *     term of a document added or removed, or whose site, schedule, locales or usefulness changed. A field that
     *     got longer only lowers its other terms' scores in that document, which matters only where the document
     *     was re-scored (see {@link Dependencies#candidate})
     * @param weights how far each term's BM25 weight (idf) moved, as documents with it were added, or deleted ones
     *     dropped by a merge
     * @param touched every term of the documents added and deleted, as they were and as they are, and of deleted
     *     documents a merge dropped: the words near a typo and the completions of a prefix are chosen by how many
     *     documents have them, so any change to a count may change that choice
     */
    record Change(
            IndexReader from,
            IndexReader to,
            boolean everything,
            Set<Term> differ,
            Weights weights,
            Set<Term> touched,
            Set<Long> questions) {}

    /**
     * How far each term's weight moved from one reader to the next, looked up when first asked: a change touches
     * hundreds of terms, the cached results ask about few. Only for the thread that refreshed, while the listeners
     * run (the readers are open until then).
     */
    static final class Weights {
        private final IndexReader before;
        private final IndexReader after;
        private final Map<Term, Double> moves = new HashMap<>();
        private final Map<String, int[]> docCounts = new HashMap<>();

        Weights(IndexReader before, IndexReader after) {
            this.before = before;
            this.after = after;
        }

        /** Whether the term's weight moved by more than {@link #MOVED}. */
        boolean moved(Term t) {
            return move(t) > MOVED;
        }

        /** How far the term's weight moved, relative to what it was. */
        double move(Term t) {
            Double known = moves.get(t);
            if (known != null) {
                return known;
            }
            try {
                int[] docs = docCounts.get(t.field());
                if (docs == null) {
                    docs = Scoring.countsEveryDocument(t.field())
                            ? new int[] {before.maxDoc(), after.maxDoc()}
                            : new int[] {before.getDocCount(t.field()), after.getDocCount(t.field())};
                    docCounts.put(t.field(), docs);
                }
                double was = idf(before.docFreq(t), docs[0]);
                double is = idf(after.docFreq(t), docs[1]);
                double move = was == 0 ? (is == 0 ? 0 : 1) : Math.abs(is - was) / was;
                moves.put(t, move);
                return move;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** A term whose weight moved by more than this (relative) counts as changed. */
    static final double MOVED = 0.0005;

    /**
     * More questions changed at once than this (an import) count as everything changed: reading what they replaced
     * would cost more than the results it could keep.
     */
    private static final int MAX_QUESTIONS = 256;

    /** Terms of deleted documents kept per segment; past this, a segment's merge changes everything. */
    private static final int MAX_DELETED_TERMS = 100_000;

    private static final Logger log = LoggerFactory.getLogger(IndexChanges.class);

    private final Analyzer analyzer;
    private final Similarity norms;
    private Set<Term> touched = new HashSet<>();
    private Set<Term> differ = new HashSet<>();
    private Set<Long> questions = new HashSet<>();
    private boolean all;

    /** The document searches see for each question and locale being replaced, until its replacement is added. */
    private Map<String, Doc> replacing = new HashMap<>();

    /**
     * Terms of the documents deleted in each segment, by the segment's core. Lucene's statistics count a deleted
     * document until a merge drops its segment, so that merge changes what those terms count, and is a change to
     * them. A segment missing here had deletions nobody followed (from before this process, or an import): its
     * merge changes everything.
     */
    private final Map<Object, Set<Term>> deletedIn = new HashMap<>();

    /**
     * Terms of documents added and deleted again before any search saw them (two edits within a refresh): their
     * segment is not known, so any merge that drops deletions counts them.
     */
    private Set<Term> deletedUnseen = new HashSet<>();

    /** The terms each question's documents were added with since the last refresh. */
    private Map<Long, Set<Term>> addedSinceRefresh = new HashMap<>();

    /**
     * One document's terms with their frequencies, the norm of each field, and what else decides whether and how
     * it matches ({@link SearchIndex#signature}).
     */
    private record Doc(Map<Term, Integer> freqs, Map<String, Long> norms, String signature) {}

    /** @param norms the similarity the writer computes norms with */
    IndexChanges(Analyzer analyzer, Similarity norms) {
        this.analyzer = analyzer;
        this.norms = norms;
    }

    /**
     * Everything changes (a rebuild, an import). Deletions are not followed meanwhile, so no segment's deleted terms
     * are known any more: the merge of any segment with deletions will change everything.
     */
    void everything() {
        all = true;
        touched = new HashSet<>();
        differ = new HashSet<>();
        replacing = new HashMap<>();
        deletedIn.clear();
    }

    /** Whether the terms of a replaced document are still worth reading. */
    boolean following() {
        return !all;
    }

    /** A question changes; returns {@link #following()} after counting it. */
    boolean question(long id) {
        questions.add(id);
        if (questions.size() > MAX_QUESTIONS) {
            everything();
        }
        return following();
    }

    /** A document of {@code question} in {@code locale} is added with these fields. */
    void added(long question, String locale, List<? extends IndexableField> fields, String signature) {
        if (!following()) {
            return;
        }
        Doc now = analyse(fields, signature);
        touched.addAll(now.freqs().keySet());
        addedSinceRefresh
                .computeIfAbsent(question, q -> new HashSet<>())
                .addAll(now.freqs().keySet());
        Doc was = replacing.remove(question + "/" + locale);
        if (was == null || !was.signature().equals(now.signature())) {
            differ.addAll(now.freqs().keySet());
            if (was != null) {
                differ.addAll(was.freqs().keySet());
            }
            return;
        }
        now.freqs().forEach((t, f) -> {
            if (!f.equals(was.freqs().get(t))) {
                differ.add(t);
            }
        });
        was.freqs().forEach((t, f) -> {
            if (!now.freqs().containsKey(t)) {
                differ.add(t);
            }
        });
        for (Doc d : List.of(was, now)) {
            for (Term t : d.freqs().keySet()) {
                Long before = was.norms().get(t.field());
                Long after = now.norms().get(t.field());
                // norms grow with the length (as unsigned bytes)
                if (before != null && after != null && Long.compareUnsigned(after & 0xff, before & 0xff) < 0) {
                    differ.add(t); // a shorter field: its terms weigh more here
                }
            }
        }
    }

    /**
     * A document of {@code question} in {@code locale}, with these fields (rebuilt from what it stored), is deleted
     * from the segment whose core is {@code segment}; so are the documents added for it since the last refresh,
     * which no search saw.
     */
    void deleted(
            long question, String locale, Object segment, List<? extends IndexableField> fields, String signature) {
        if (!following()) {
            return;
        }
        Doc was = analyse(fields, signature);
        Set<Term> gone = was.freqs().keySet();
        touched.addAll(gone);
        replacing.put(question + "/" + locale, was);
        var inSegment = deletedIn.computeIfAbsent(segment, k -> new HashSet<>());
        inSegment.addAll(gone);
        if (inSegment.size() > MAX_DELETED_TERMS) {
            deletedIn.remove(segment); // its merge will change everything
        }
        Set<Term> unseen = addedSinceRefresh.remove(question);
        if (unseen != null) {
            deletedUnseen.addAll(unseen);
        }
    }

    /** The change from {@code before} to {@code after}, a refresh later, with everything noted since; starts anew. */
    Change publish(IndexReader before, IndexReader after) {
        boolean everything = all;
        // documents deleted and not replaced (a question or one of its locales removed)
        replacing.values().forEach(d -> differ.addAll(d.freqs().keySet()));
        var kept = new HashSet<Object>();
        for (var leaf : after.leaves()) {
            kept.add(leaf.reader().getCoreCacheHelper().getKey());
        }
        boolean mergedDeletions = false;
        for (var leaf : before.leaves()) {
            Object core = leaf.reader().getCoreCacheHelper().getKey();
            if (leaf.reader().numDeletedDocs() > 0 && !kept.contains(core)) {
                // merged away with its deleted documents, which no longer count
                mergedDeletions = true;
                Set<Term> gone = deletedIn.remove(core);
                if (gone == null) {
                    log.debug("a merge dropped deletions nobody followed: everything changed");
                    everything = true;
                } else {
                    touched.addAll(gone);
                }
            }
        }
        if (mergedDeletions) {
            touched.addAll(deletedUnseen);
        }
        deletedIn.keySet().retainAll(kept);
        if (after.numDeletedDocs() == 0) {
            deletedUnseen = new HashSet<>();
        }
        var change = everything
                ? new Change(before, after, true, Set.of(), new Weights(before, after), Set.of(), Set.copyOf(questions))
                : new Change(
                        before,
                        after,
                        false,
                        Set.copyOf(differ),
                        new Weights(before, after),
                        Set.copyOf(touched),
                        Set.copyOf(questions));
        all = false;
        touched = new HashSet<>();
        differ = new HashSet<>();
        questions = new HashSet<>();
        replacing = new HashMap<>();
        addedSinceRefresh = new HashMap<>();
        return change;
    }

    /** BM25's idf, as Lucene computes it. */
    static double idf(long docFreq, long docCount) {
        return Math.log(1 + (docCount - docFreq + 0.5) / (docFreq + 0.5));
    }

    private Doc analyse(List<? extends IndexableField> fields, String signature) {
        var freqs = new HashMap<Term, Integer>();
        var fieldNorms = new HashMap<String, Long>();
        for (IndexableField f : fields) {
            try (TokenStream ts = f.tokenStream(analyzer, null)) {
                TermToBytesRefAttribute term = ts.addAttribute(TermToBytesRefAttribute.class);
                TermFrequencyAttribute frequency = ts.addAttribute(TermFrequencyAttribute.class);
                PositionIncrementAttribute increment = ts.addAttribute(PositionIncrementAttribute.class);
                ts.reset();
                int position = -1;
                int length = 0;
                int overlap = 0;
                int distinct = 0;
                int maxFrequency = 0;
                while (ts.incrementToken()) {
                    position += increment.getPositionIncrement();
                    length += frequency.getTermFrequency();
                    if (increment.getPositionIncrement() == 0) {
                        overlap++;
                    }
                    Term t = new Term(f.name(), BytesRef.deepCopyOf(term.getBytesRef()));
                    int sum = freqs.merge(t, frequency.getTermFrequency(), Integer::sum);
                    maxFrequency = Math.max(maxFrequency, sum);
                    distinct = sum == frequency.getTermFrequency() ? distinct + 1 : distinct;
                }
                ts.end();
                if (length > 0) {
                    var state = new FieldInvertState(
                            Version.LATEST.major,
                            f.name(),
                            IndexOptions.DOCS_AND_FREQS,
                            position,
                            length,
                            overlap,
                            0,
                            maxFrequency,
                            distinct);
                    fieldNorms.put(f.name(), norms.computeNorm(state));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return new Doc(freqs, fieldNorms, signature);
    }
}
