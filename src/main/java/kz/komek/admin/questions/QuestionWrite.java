package kz.komek.admin.questions;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;
import java.util.function.Consumer;
import kz.komek.admin.Actor;
import kz.komek.admin.audit.AuditLog;
import kz.komek.bundle.Bundle;
import org.jdbi.v3.core.Handle;

/**
 * One write of a question, inside the caller's transaction, opened by {@link QuestionWrites#open}: the question's
 * head row is locked and what readers see is filed as a revision. Each change goes through {@link #audited}: the
 * question as editors see it before, the change, the question after and the audit row, all in that one
 * transaction, so either all happen or none.
 *
 * @param live what readers saw when the write was opened, with their counts; empty when the question is not public
 * @param seen the latest revision an editor could have started from: 0 for a question never edited here (its live
 *     text), else the latest, a live text just filed from an import included (an import is a colleague too)
 * @param adoptedOutsideChange whether opening filed a live text an import had changed: worth keeping even if this
 *     write is refused
 */
public record QuestionWrite(
        QuestionWrites on, Handle h, long id, Optional<Bundle.Question> live, int seen, boolean adoptedOutsideChange) {
    /** The head row of a question the admin has written or imported before; 404 for one it has never heard of. */
    RevisionStore.Head knownHead() {
        RevisionStore.Head head = head();
        if (head.latest() == 0) {
            throw QuestionWrites.notFound(id);
        }
        return head;
    }

    /** The head row as it is now in this transaction. */
    RevisionStore.Head head() {
        return on.revisions.head(h, id).orElseThrow();
    }

    /** Who wrote the revision an editor could have started from; komek for a live text never edited here. */
    String seenAuthor() {
        return on.revisions.authorName(h, id, seen).orElse("komek");
    }

    /**
     * The latest text: the record of the latest revision, or the live text of a question never edited here (its
     * revision 0); empty for a question that does not exist yet.
     */
    public Optional<Bundle.Question> latest() {
        int latest = head().latest();
        return latest == 0 ? live.map(QuestionWrites::withoutCounts) : Optional.of(on.record(h, id, latest));
    }

    /** Files the live text of a question never edited here as its first revision (by komek), before a change. */
    void fileLiveText() {
        if (live.isPresent() && head().latest() == 0) {
            on.fileLive(h, id, live.get(), RevisionNote.LIVE_FIRST.write());
        }
    }

    /** The question as editors see it now, in this transaction. */
    public Optional<EditedQuestion> view() {
        return on.view(h, id);
    }

    /** Whether readers see the latest revision (no draft is pending). */
    public boolean isPublic() {
        RevisionStore.Head head = head();
        return live.isPresent() && head.published().equals(Optional.of(head.latest()));
    }

    /** Refuses a question that does not exist (404) or is deleted (409): nothing to publish or place. */
    public void requireEditable() {
        RevisionStore.Head head = head();
        if (head.latest() == 0) {
            throw QuestionWrites.notFound(id);
        }
        if (head.deleted()) {
            throw QuestionWrites.deleted(id);
        }
    }

    /** Refuses a record whose site or section does not exist (a {@code BundleException} naming the field). */
    public void requireSection(Bundle.Question record) {
        on.live.sectionIdOf(h, record);
    }

    /** Runs {@code change} and writes its audit row: the question before and after, under {@code action}. */
    public EditedQuestion audited(String action, Actor by, Runnable change) {
        return audited(action, by, summary -> {}, change);
    }

    /** As {@link #audited(String, Actor, Runnable)}; {@code mark} adds to the summary of the question after. */
    public EditedQuestion audited(String action, Actor by, Consumer<ObjectNode> mark, Runnable change) {
        Optional<EditedQuestion> before = view();
        change.run();
        EditedQuestion after = view().orElseThrow();
        ObjectNode summary = QuestionWrites.summary(after);
        mark.accept(summary);
        on.audit.append(
                h,
                by,
                new AuditLog.Change(
                        action,
                        "question",
                        Long.toString(id),
                        before.map(QuestionWrites::summary),
                        Optional.of(summary)));
        return after;
    }

    /** Appends {@code record} (without readers' counts) as the next revision; returns its number. */
    public int append(Bundle.Question record, Optional<String> note, Actor by) {
        return appendJson(on.recordJson(QuestionWrites.withoutCounts(record)), note, by);
    }

    /** Appends a record as stored (a restored revision's text). */
    int appendJson(String recordJson, Optional<String> note, Actor by) {
        var author = new RevisionStore.Author(
                Optional.of(by.principal().userId()), by.principal().name());
        return on.revisions.append(h, id, recordJson, author, note);
    }

    /**
     * Makes revision {@code revision} (its record {@code record}) what readers see, exactly as an import writes it,
     * with the readers' counts: from the live row, or those kept from when the question was last public. Fails
     * (400, naming the field) on a section that has gone since the revision was saved.
     */
    public void goLive(int revision, Bundle.Question record) {
        RevisionStore.Head head = head();
        Bundle.Question counted = live.isPresent()
                ? record.withCounts(live.get().votes(), live.get().usefulness())
                : record.withCounts(head.parkedVotes(), head.parkedUsefulness());
        on.revisions.setPublished(h, id, Optional.of(revision));
        on.revisions.park(h, id, Optional.empty(), Optional.empty());
        on.live.publishQuestion(h, counted);
    }

    /** Takes the question away from readers, keeping their counts for when it comes back. */
    void takeOffline() {
        Bundle.Question current = live.orElseThrow();
        on.revisions.park(h, id, current.votes(), current.usefulness());
        on.live.removeQuestion(h, id);
        on.revisions.setPublished(h, id, Optional.empty());
    }

    void setDeleted(boolean deleted) {
        on.revisions.setDeleted(h, id, deleted);
    }

    Optional<RevisionStore.Stored> stored(int revision) {
        return on.revisions.revision(h, id, revision);
    }
}
