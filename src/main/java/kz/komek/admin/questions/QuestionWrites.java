package kz.komek.admin.questions;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import kz.komek.admin.audit.AuditLog;
import kz.komek.bundle.Bundle;
import kz.komek.bundle.BundleJson;
import kz.komek.bundle.BundleStore;
import kz.komek.http.ConflictException;
import kz.komek.http.NotFoundException;
import org.jdbi.v3.core.Handle;

/**
 * How a question is written and read by editors, in the caller's transaction: {@link #open} starts a write
 * ({@link QuestionWrite}), {@link #view} shows a question as editors see it. The question editor and the sections'
 * placement both write through here, so a question is written one way whoever writes it.
 */
public final class QuestionWrites {
    private static final RevisionStore.Author KOMEK = new RevisionStore.Author(Optional.empty(), "komek");

    final RevisionStore revisions = new RevisionStore();
    final BundleStore live;
    final AuditLog audit;
    private final Clock clock;
    private final BundleJson json = new BundleJson();

    /** {@code clock} in the help center's zone: publication dates are local date-times there. */
    public QuestionWrites(BundleStore live, AuditLog audit, Clock clock) {
        this.live = live;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Starts a write of question {@code id}: locks its head row (writers of one question take turns) and makes its
     * history hold what readers see. A question imported and never edited gets its live text as revision 1; a
     * live text an import changed since it was published becomes a revision too. Nothing readers saw is ever lost
     * from the history.
     */
    public QuestionWrite open(Handle h, long id) {
        QuestionWrite w = lock(h, id);
        w.fileLiveText();
        return w;
    }

    /**
     * As {@link #open}, except that the live text of a question never edited here is filed only by a change
     * ({@link QuestionWrite#fileLiveText}): a save that changes nothing writes nothing.
     */
    QuestionWrite lock(Handle h, long id) {
        RevisionStore.Head head = revisions.lockHead(h, id);
        Optional<Bundle.Question> current = live.question(h, id);
        boolean adopted = false;
        if (current.isPresent() && head.latest() > 0 && !known(h, head, withoutCounts(current.get()))) {
            fileLive(h, id, current.get(), RevisionNote.LIVE_CHANGED.write());
            adopted = true;
        } else if (current.isEmpty() && head.published().isPresent()) {
            revisions.setPublished(h, id, Optional.empty()); // removed from the live tables by other means
        }
        // an editor who opened a question never edited here saw its live text as revision 0
        int seen = head.latest() == 0 ? 0 : head.latest() + (adopted ? 1 : 0);
        return new QuestionWrite(this, h, id, current, seen, adopted);
    }

    /** Files what readers see as the question's newest revision, by komek, public. The head must be locked. */
    void fileLive(Handle h, long id, Bundle.Question current, String note) {
        int revision = revisions.append(h, id, recordJson(withoutCounts(current)), KOMEK, Optional.of(note));
        revisions.setPublished(h, id, Optional.of(revision));
        revisions.setDeleted(h, id, false);
    }

    /** The latest revision of question {@code id} with its status; empty when komek has never heard of it. */
    Optional<EditedQuestion> view(Handle h, long id) {
        Optional<RevisionStore.Head> head = revisions.head(h, id).filter(r -> r.latest() > 0);
        Optional<Bundle.Question> current = live.question(h, id);
        LocalDateTime now = now();
        if (head.isEmpty()) {
            return current.map(q -> new EditedQuestion(q, publicStatus(q, now), 0, Optional.of(0)));
        }
        RevisionStore.Head r = head.get();
        Bundle.Question latest = record(h, id, r.latest());
        Bundle.Question counted = current.isPresent()
                ? latest.withCounts(current.get().votes(), current.get().usefulness())
                : latest.withCounts(r.parkedVotes(), r.parkedUsefulness());
        Optional<Integer> published = current.isPresent() ? r.published() : Optional.empty();
        QuestionStatus status;
        if (r.deleted()) {
            status = QuestionStatus.DELETED;
        } else if (published.equals(Optional.of(r.latest()))) {
            status = publicStatus(latest, now);
        } else {
            status = QuestionStatus.DRAFT;
        }
        return Optional.of(new EditedQuestion(counted, status, r.latest(), published));
    }

    /** The question to copy or place: 404 when komek has never heard of it, 409 when it is deleted. */
    public EditedQuestion editable(Handle h, long id) {
        EditedQuestion q = view(h, id).orElseThrow(() -> notFound(id));
        if (q.status() == QuestionStatus.DELETED) {
            throw deleted(id);
        }
        return q;
    }

    /**
     * Whether readers of question {@code id} see a text that no revision holds, though editors have worked on it
     * here: an import changed it after its last publication in the admin. The next write files that text as a
     * revision (by komek).
     */
    boolean changedOutside(Handle h, long id) {
        Optional<RevisionStore.Head> head = revisions.head(h, id).filter(r -> r.latest() > 0);
        Optional<Bundle.Question> current = live.question(h, id);
        return head.isPresent() && current.isPresent() && !known(h, head.get(), withoutCounts(current.get()));
    }

    /** Whether {@code text} (a live one, without counts) is exactly the revision the head says is public. */
    private boolean known(Handle h, RevisionStore.Head head, Bundle.Question text) {
        return head.published().isPresent()
                && text.equals(record(h, head.questionId(), head.published().get()));
    }

    /** Revision {@code revision} of question {@code id}, as it was saved; 404 when there is none. */
    Bundle.Question record(Handle h, long id, int revision) {
        var stored = revisions
                .revision(h, id, revision)
                .orElseThrow(() -> new NotFoundException("question " + id + " has no revision " + revision));
        return json.readQuestion(json.tree(stored.record(), "question " + id + ", revision " + revision), id);
    }

    String recordJson(Bundle.Question q) {
        return json.questionNode(q).toString();
    }

    LocalDateTime now() {
        return LocalDateTime.now(clock);
    }

    /** Scheduled while no locale is public yet; published once one is. */
    private static QuestionStatus publicStatus(Bundle.Question q, LocalDateTime now) {
        boolean allLater = !q.locales().isEmpty()
                && q.locales().values().stream()
                        .allMatch(t -> t.published().map(p -> p.isAfter(now)).orElse(false));
        return allLater ? QuestionStatus.SCHEDULED : QuestionStatus.PUBLISHED;
    }

    /** Vote counts are readers' data: a revision never holds them, and an editor's record cannot set them. */
    static Bundle.Question withoutCounts(Bundle.Question q) {
        return q.withCounts(Optional.empty(), Optional.empty());
    }

    static NotFoundException notFound(long id) {
        return new NotFoundException("there is no question " + id);
    }

    static ConflictException deleted(long id) {
        return new ConflictException("question " + id + " is deleted; restore one of its revisions first");
    }

    /** What an audit row says about a question: short, never the whole text (revisions have that). */
    static ObjectNode summary(EditedQuestion q) {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("revision", q.revision());
        o.put("status", q.status().code());
        if (q.publishedRevision().isPresent()) {
            o.put("published_revision", q.publishedRevision().get());
        } else {
            o.putNull("published_revision");
        }
        o.put("section", q.record().site() + "/" + q.record().section());
        q.record().locales().entrySet().stream().findFirst().ifPresent(e -> {
            String title = e.getValue().title();
            o.put("title", title.length() > 120 ? title.substring(0, 120) + "…" : title);
        });
        q.record().locales().values().stream()
                .flatMap(t -> t.published().stream())
                .max(LocalDateTime::compareTo)
                .ifPresent(p -> o.put("published", DateTimeFormatter.ISO_LOCAL_DATE_TIME.format(p)));
        // how many phrasings per locale (their texts are in the revision), only for a question that has some
        ObjectNode phrasings = JsonNodeFactory.instance.objectNode();
        q.record().locales().forEach((code, t) -> {
            if (!t.phrasings().isEmpty()) {
                phrasings.put(code, t.phrasings().texts().size());
            }
        });
        if (!phrasings.isEmpty()) {
            o.set("phrasings", phrasings);
        }
        return o;
    }
}
