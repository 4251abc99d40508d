package kz.komek.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.TermToBytesRefAttribute;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.IndexableField;
import org.apache.lucene.index.Term;
import org.apache.lucene.util.BytesRef;

/**
 * What the index writer changed since searches last looked: the questions and the terms of their documents, as
 * they were and as they are. {@link SearchIndex} notes each change here (under its lock) and turns it into a
 * {@link Change} when a refresh shows it to searches (decision 0028).
 */
final class IndexChanges {
    /**
     * What changed from one searchable reader to the next: the questions added, replaced or removed, and every
     * term of their documents as they were and as they are (and of documents deleted earlier, when a merge drops
     * them). A result that depends on none of these terms matched none of those documents, before or after, and
     * its words count as they did.
     *
     * @param terms empty when everything changed (a rebuild, or too many changes to follow)
     */
    record Change(IndexReader from, IndexReader to, Optional<Set<Term>> terms, Set<Long> questions) {}

    /**
     * More questions changed at once than this (an import) count as everything changed: reading what they replaced
     * would cost more than the results it could keep.
     */
    private static final int MAX_QUESTIONS = 256;

    /** Terms of deleted documents kept per segment; past this, a segment's merge changes everything. */
    private static final int MAX_DELETED_TERMS = 100_000;

    private final Analyzer analyzer;
    private Set<Term> terms = new HashSet<>();
    private Set<Long> questions = new HashSet<>();
    private boolean all;

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

    IndexChanges(Analyzer analyzer) {
        this.analyzer = analyzer;
    }

    /**
     * Everything changes (a rebuild, an import). Deletions are not followed meanwhile, so no segment's deleted terms
     * are known any more: the merge of any segment with deletions will change everything.
     */
    void everything() {
        all = true;
        terms = new HashSet<>();
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

    /** A document of {@code question} is added with these fields. */
    void added(long question, List<? extends IndexableField> fields) {
        if (following()) {
            var added = new HashSet<Term>();
            fields.forEach(f -> termsOf(f, added));
            terms.addAll(added);
            addedSinceRefresh.computeIfAbsent(question, q -> new HashSet<>()).addAll(added);
        }
    }

    /**
     * A document of {@code question}, with these fields (rebuilt from what it stored), is deleted from the segment
     * whose core is {@code segment}; so are the documents added for it since the last refresh, which no search saw.
     */
    void deleted(long question, Object segment, List<? extends IndexableField> fields) {
        if (!following()) {
            return;
        }
        var gone = new HashSet<Term>();
        fields.forEach(f -> termsOf(f, gone));
        terms.addAll(gone);
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
                    everything = true;
                } else {
                    terms.addAll(gone);
                }
            }
        }
        if (mergedDeletions) {
            terms.addAll(deletedUnseen);
        }
        deletedIn.keySet().retainAll(kept);
        if (after.numDeletedDocs() == 0) {
            deletedUnseen = new HashSet<>();
        }
        var change = new Change(
                before, after, everything ? Optional.empty() : Optional.of(Set.copyOf(terms)), Set.copyOf(questions));
        all = false;
        terms = new HashSet<>();
        questions = new HashSet<>();
        addedSinceRefresh = new HashMap<>();
        return change;
    }

    private void termsOf(IndexableField f, Set<Term> out) {
        try (TokenStream ts = f.tokenStream(analyzer, null)) {
            TermToBytesRefAttribute term = ts.addAttribute(TermToBytesRefAttribute.class);
            ts.reset();
            while (ts.incrementToken()) {
                out.add(new Term(f.name(), BytesRef.deepCopyOf(term.getBytesRef())));
            }
            ts.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
