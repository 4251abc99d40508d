package kz.komek.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashSet;
import java.util.List;
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

    private static final int MAX_DELETED_TERMS = 200_000;

    private final Analyzer analyzer;
    private Set<Term> terms = new HashSet<>();
    private Set<Long> questions = new HashSet<>();
    private boolean all;

    /**
     * Terms of documents deleted since the index last had no deleted documents. Lucene's statistics count a deleted
     * document until a merge drops it, so such a merge changes what those terms count, and is a change to them.
     */
    private Set<Term> deletedTerms = new HashSet<>();

    private boolean deletedAll;

    IndexChanges(Analyzer analyzer) {
        this.analyzer = analyzer;
    }

    /** Everything changes (a rebuild). */
    void everything() {
        all = true;
        terms = new HashSet<>();
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

    /** A document is added with these fields. */
    void added(List<? extends IndexableField> fields) {
        if (following()) {
            fields.forEach(f -> termsOf(f, terms));
        }
    }

    /** A document with these fields (rebuilt from what it stored) is deleted. */
    void deleted(List<? extends IndexableField> fields) {
        if (!following()) {
            return;
        }
        var gone = new HashSet<Term>();
        fields.forEach(f -> termsOf(f, gone));
        terms.addAll(gone);
        if (!deletedAll) {
            deletedTerms.addAll(gone);
            deletedAll = deletedTerms.size() > MAX_DELETED_TERMS;
        }
    }

    /** The change from {@code before} to {@code after}, a refresh later, with everything noted since; starts anew. */
    Change publish(IndexReader before, IndexReader after) {
        boolean everything = all;
        if (mergedAwayDeletions(before, after)) {
            everything |= deletedAll;
            terms.addAll(deletedTerms);
        }
        if (after.numDeletedDocs() == 0 || all) {
            deletedTerms = new HashSet<>();
            deletedAll = false;
        }
        var change = new Change(
                before, after, everything ? Optional.empty() : Optional.of(Set.copyOf(terms)), Set.copyOf(questions));
        all = false;
        terms = new HashSet<>();
        questions = new HashSet<>();
        return change;
    }

    /** Whether a segment with deleted documents is gone: merged, so that its deleted documents no longer count. */
    private static boolean mergedAwayDeletions(IndexReader before, IndexReader after) {
        var kept = new HashSet<Object>();
        for (var leaf : after.leaves()) {
            kept.add(leaf.reader().getCoreCacheHelper().getKey());
        }
        for (var leaf : before.leaves()) {
            if (leaf.reader().numDeletedDocs() > 0
                    && !kept.contains(leaf.reader().getCoreCacheHelper().getKey())) {
                return true;
            }
        }
        return false;
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
