package kz.komek.admin.questions;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.LongFunction;
import kz.komek.admin.Actor;
import kz.komek.admin.Principal;
import kz.komek.admin.Role;
import kz.komek.bundle.Bundle;
import kz.komek.bundle.BundleException;
import kz.komek.bundle.BundleJson;
import kz.komek.content.HtmlSanitizer;
import kz.komek.content.Sanitized;
import kz.komek.http.ConflictException;
import kz.komek.http.NotFoundException;
import kz.komek.i18n.StorableText;
import org.jdbi.v3.core.HandleCallback;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Editors' work on questions: drafts, publishing (now or at a time), unpublishing, deleting, history and
 * restoring. Every saved version is a revision holding the whole record; readers see only the live tables, which
 * publishing fills from one revision exactly as an import would (see
 * docs/decisions/0013-revisions-and-publishing.md).
 *
 * <p>A record is saved one way, {@link #save}: the stale check, "changed or not", the revision with its audit row,
 * then publishing if asked. Each write is one transaction through {@link QuestionWrite}: the question's head row is
 * locked first (writers of one question take turns), then revisions, live tables and audit rows are written
 * together, so either all happen or none. Roles are checked here as well as by the HTTP layer.
 */
public final class QuestionEditor {
    private static final Logger log = LoggerFactory.getLogger(QuestionEditor.class);

    private final Jdbi jdbi;
    private final QuestionWrites writes;
    private final Lint lint;
    private final BundleJson json = new BundleJson();
    private final HtmlSanitizer sanitizer = new HtmlSanitizer();

    public QuestionEditor(Jdbi jdbi, QuestionWrites writes, Lint lint) {
        this.jdbi = jdbi;
        this.writes = writes;
        this.lint = lint;
    }

    /** The latest revision of question {@code id} with its status; empty when komek has never heard of it. */
    public Optional<EditedQuestion> get(long id, Principal who) {
        Actor.require(who, Role.VIEWER);
        return readOnly(h -> writes.view(h, id));
    }

    /** As {@link #get}, for a question that must exist: 404 when komek has never heard of it. */
    public EditedQuestion existing(long id, Principal who) {
        return get(id, who).orElseThrow(() -> QuestionWrites.notFound(id));
    }

    // --- saving: the one way a record is written ---

    /** How a save's transaction ends: written, or refused as stale after filing an import's text (which stays). */
    private sealed interface Outcome {}

    /** What a save wrote, before lint looks at it. */
    private record Saved(EditedQuestion question, Bundle.Question clean, List<EditFinding> findings, boolean changed)
            implements Outcome {}

    private record Stale(StaleRevisionException refusal) implements Outcome {}

    /**
     * Stores {@code record} as the latest revision of question {@code id}, then does what {@code action} says; a
     * new id makes a question that exists only as a draft. The answers are sanitized as an import would; what was
     * taken out and what lint finds come back with the result.
     *
     * <p>{@code basedOn} is the revision the editor started from (0: the live text of a question never edited
     * here): a {@link StaleRevisionException} (409) when someone saved another revision since, so that nobody
     * overwrites or publishes a colleague's work unknowingly.
     */
    public SavedDraft save(
            long id,
            Bundle.Question record,
            Optional<Integer> basedOn,
            SaveAction action,
            Optional<String> note,
            Actor by) {
        return save(id, latest -> record, basedOn, action, note, by);
    }

    /**
     * As {@link #save(long, Bundle.Question, Optional, SaveAction, Optional, Actor)}, the record made by
     * {@code edit} from the latest one (empty for a new question) once the question is locked for this write: the
     * editor's form keeps what it does not show. A {@link BundleException} from {@code edit} writes nothing.
     */
    public SavedDraft save(
            long id,
            Function<Optional<Bundle.Question>, Bundle.Question> edit,
            Optional<Integer> basedOn,
            SaveAction action,
            Optional<String> note,
            Actor by) {
        by.require(action.role());
        Outcome outcome = jdbi.inTransaction(h -> {
            QuestionWrite w = writes.lock(h, id);
            if (basedOn.isPresent() && basedOn.get() != w.seen()) {
                var stale = new StaleRevisionException(id, basedOn.get(), w.seen(), w.seenAuthor());
                if (!w.adoptedOutsideChange()) {
                    throw stale;
                }
                return new Stale(stale); // committed: the import's text stays filed as the newest revision
            }
            Bundle.Question record = edit.apply(w.latest());
            if (record.id() != id) {
                throw BundleException.field(
                        "question " + id, "id", BundleException.Kind.OTHER, "names question " + record.id());
            }
            return write(w, record, action, note, by, "question.save_draft");
        });
        if (outcome instanceof Stale stale) {
            throw stale.refusal();
        }
        return linted((Saved) outcome);
    }

    /**
     * A new question: the next free id (above every question, live or only in the admin's history) is handed to
     * {@code recordFor}, whose record becomes the question's first revision; then {@code action} is done. Ids are
     * handed out under a lock, so editors creating questions at the same moment get different ones; when
     * {@code recordFor} fails (a bad form), nothing is written and the id stays free.
     */
    public SavedDraft create(
            LongFunction<Bundle.Question> recordFor, SaveAction action, Optional<String> note, Actor by) {
        by.require(action.role());
        Saved saved = jdbi.inTransaction(h -> {
            long id = writes.revisions.nextQuestionId(h);
            Bundle.Question record = recordFor.apply(id);
            if (record.id() != id) {
                throw new IllegalStateException("the new question's record names " + record.id() + ", not " + id);
            }
            return write(writes.open(h, id), record, action, note, by, "question.create");
        });
        return linted(saved);
    }

    /** The API's save: {@code record} as a new draft revision of question {@code id}, changed or not. */
    public SavedDraft saveDraft(long id, Bundle.Question record, Optional<String> note, Actor by) {
        return save(id, record, Optional.empty(), SaveAction.NEW_REVISION, note, by);
    }

    /** Stores {@code record} (when changed, or always) as a revision audited as {@code audit}, then the action. */
    private Saved write(
            QuestionWrite w, Bundle.Question record, SaveAction action, Optional<String> note, Actor by, String audit) {
        note.flatMap(StorableText::problem).ifPresent(problem -> {
            throw BundleException.field("question " + w.id(), "note", BundleException.Kind.NOT_STORABLE, problem);
        });
        var findings = new ArrayList<EditFinding>();
        Bundle.Question clean = sanitized(QuestionWrites.withoutCounts(record), findings);
        boolean changed = (action instanceof SaveAction.Draft d && d.always())
                || !w.latest().equals(Optional.of(QuestionWrites.withoutCounts(record)));
        if (changed || !(action instanceof SaveAction.Draft)) {
            w.fileLiveText(); // an unchanged draft writes nothing at all
        }
        if (changed) {
            if (w.head().deleted()) {
                throw QuestionWrites.deleted(w.id());
            }
            w.requireSection(clean); // a draft must name a site and section that exist
            EditedQuestion drafted = w.audited(audit, by, () -> w.append(clean, note, by));
            log.info(
                    "question {}: {} saved draft revision {}",
                    w.id(),
                    by.principal().name(),
                    drafted.revision());
        }
        EditedQuestion after;
        if (action instanceof SaveAction.PublishAt at) {
            after = publish(w, Optional.of(at.at()), by);
        } else if (action instanceof SaveAction.PublishNow) {
            // "now" means now: a text scheduled for later comes out at once rather than keeping its later date
            LocalDateTime now = writes.now();
            boolean later = w.latest().stream()
                    .flatMap(q -> q.locales().values().stream())
                    .anyMatch(t -> t.published().map(p -> p.isAfter(now)).orElse(false));
            after = publish(w, later ? Optional.of(now.truncatedTo(ChronoUnit.SECONDS)) : Optional.empty(), by);
        } else {
            after = w.view().orElseThrow();
        }
        return new Saved(after, clean, findings, changed);
    }

    private SavedDraft linted(Saved saved) {
        var findings = new ArrayList<>(saved.findings());
        findings.addAll(lint(saved.clean()));
        return new SavedDraft(saved.question(), findings, saved.changed());
    }

    // --- publishing, unpublishing, deleting, restoring ---

    /**
     * Makes the latest revision public. With {@code at}, every locale is published at that local time (in the
     * future: scheduled; pages, search and sitemaps show it from then on); without, a locale without a
     * publication date gets the current time. Changed dates make a new revision, so the live text is always
     * exactly one revision.
     */
    public EditedQuestion publish(long id, Optional<LocalDateTime> at, Actor by) {
        by.require(Role.PUBLISHER);
        return jdbi.inTransaction(h -> publish(writes.open(h, id), at, by));
    }

    private EditedQuestion publish(QuestionWrite w, Optional<LocalDateTime> at, Actor by) {
        w.requireEditable();
        RevisionStore.Head head = w.head();
        if (at.isEmpty() && head.published().equals(Optional.of(head.latest()))) {
            throw new ConflictException(
                    "question " + w.id() + ": revision " + head.latest() + " is already public; save a draft first");
        }
        Bundle.Question latest = w.latest().orElseThrow();
        // PostgreSQL keeps microseconds: the live text must read back as exactly this revision
        Bundle.Question dated = dated(
                latest,
                at.map(t -> t.truncatedTo(ChronoUnit.MICROS)),
                writes.now().truncatedTo(ChronoUnit.SECONDS));
        EditedQuestion after = w.audited("question.publish", by, () -> {
            int revision = head.latest();
            if (!dated.equals(latest)) {
                String note = at.map(
                                t -> RevisionNote.PUBLISHED_AT.write(DateTimeFormatter.ISO_LOCAL_DATE_TIME.format(t)))
                        .orElse(RevisionNote.PUBLICATION_DATE_SET.write());
                revision = w.append(dated, Optional.of(note), by);
            }
            w.goLive(revision, dated);
        });
        log.info(
                "question {}: {} published revision {}{}",
                w.id(),
                by.principal().name(),
                after.revision(),
                at.map(t -> " at " + t).orElse(""));
        return after;
    }

    /** Takes question {@code id} away from readers (pages 404, search and sitemaps drop it); its history stays. */
    public EditedQuestion unpublish(long id, Actor by) {
        by.require(Role.PUBLISHER);
        return jdbi.inTransaction(h -> {
            QuestionWrite w = writes.open(h, id);
            if (w.live().isEmpty()) {
                w.knownHead();
                throw new ConflictException("question " + id + " is not public");
            }
            EditedQuestion after = w.audited("question.unpublish", by, w::takeOffline);
            log.info("question {}: {} unpublished it", id, by.principal().name());
            return after;
        });
    }

    /**
     * Deletes question {@code id}: not public, and no drafts are taken until a revision is restored (which needs
     * the publisher role). Its revisions stay.
     */
    public EditedQuestion delete(long id, Actor by) {
        by.require(Role.PUBLISHER);
        return jdbi.inTransaction(h -> {
            QuestionWrite w = writes.open(h, id);
            RevisionStore.Head head = w.knownHead();
            if (head.deleted()) {
                throw new ConflictException("question " + id + " is already deleted");
            }
            EditedQuestion after = w.audited("question.delete", by, () -> {
                if (w.live().isPresent()) {
                    w.takeOffline();
                }
                w.setDeleted(true);
            });
            log.info("question {}: {} deleted it", id, by.principal().name());
            return after;
        });
    }

    /**
     * Copies revision {@code revision} as a new latest draft (history is never rewritten). Restoring a deleted
     * question brings it back as a draft and needs the publisher role, as deleting it did.
     */
    public EditedQuestion restore(long id, int revision, Actor by) {
        by.require(Role.EDITOR);
        return jdbi.inTransaction(h -> {
            QuestionWrite w = writes.open(h, id);
            RevisionStore.Head head = w.knownHead();
            if (head.deleted()) {
                by.require(Role.PUBLISHER);
            }
            var old = w.stored(revision)
                    .orElseThrow(() -> new NotFoundException("question " + id + " has no revision " + revision));
            EditedQuestion after =
                    w.audited("question.restore", by, summary -> summary.put("restored_from", revision), () -> {
                        w.appendJson(old.record(), Optional.of(RevisionNote.RESTORED.write(revision)), by);
                        if (head.deleted()) {
                            w.setDeleted(false);
                        }
                    });
            log.info(
                    "question {}: {} restored revision {} as {}",
                    id,
                    by.principal().name(),
                    revision,
                    after.revision());
            return after;
        });
    }

    // --- history ---

    /** The history of question {@code id}, newest first; empty for a question never edited in the admin. */
    public List<RevisionInfo> revisions(long id, Principal who) {
        Actor.require(who, Role.VIEWER);
        return readOnly(h -> {
            var head = writes.revisions.head(h, id);
            if (head.isEmpty() && writes.live.question(h, id).isEmpty()) {
                throw QuestionWrites.notFound(id);
            }
            Optional<Integer> published = head.flatMap(RevisionStore.Head::published);
            return writes.revisions.list(h, id).stream()
                    .map(r -> new RevisionInfo(
                            r.revision(),
                            r.authorId(),
                            r.authorName(),
                            r.createdAt(),
                            r.note(),
                            r.publishedAt(),
                            published.equals(Optional.of(r.revision()))))
                    .toList();
        });
    }

    /** Revision {@code revision} of question {@code id}, as it was saved. */
    public Bundle.Question revision(long id, int revision, Principal who) {
        Actor.require(who, Role.VIEWER);
        return jdbi.withHandle(h -> writes.record(h, id, revision));
    }

    /** The fields that differ from revision {@code from} to revision {@code to}, in the record's order. */
    public List<FieldChange> diff(long id, int from, int to, Principal who) {
        Actor.require(who, Role.VIEWER);
        return readOnly(h -> FieldChange.between(
                json.questionNode(writes.record(h, id, from)), json.questionNode(writes.record(h, id, to))));
    }

    /**
     * Whether readers of question {@code id} see a text that no revision holds, though editors have worked on it
     * here: an import changed it after its last publication in the admin. The next write files that text as a
     * revision (by komek); the edit page says so before anyone types over it.
     */
    public boolean changedOutside(long id, Principal who) {
        Actor.require(who, Role.VIEWER);
        return readOnly(h -> writes.changedOutside(h, id));
    }

    // --- lists ---

    /**
     * Questions whose latest title (any locale) contains {@code text}, drafts and deleted ones included, by id;
     * at most {@code limit}.
     */
    public List<RevisionStore.Found> find(String text, int limit, Principal who) {
        Actor.require(who, Role.VIEWER);
        return jdbi.withHandle(h -> writes.revisions.find(h, text, limit));
    }

    /** Drafts not yet public and questions scheduled for later, newest first, at most {@code limit}. */
    public List<RevisionStore.Pending> pending(int limit, Principal who) {
        Actor.require(who, Role.VIEWER);
        LocalDateTime now = writes.now();
        return jdbi.withHandle(h -> writes.revisions.pending(h, now, limit));
    }

    // --- checking ---

    /** What the sanitizer and lint say of {@code record}, as a save would report them; nothing is written. */
    public List<EditFinding> check(Bundle.Question record) {
        var findings = new ArrayList<EditFinding>();
        Bundle.Question clean = sanitized(record, findings);
        findings.addAll(lint(clean));
        return findings;
    }

    /** {@code record}'s answers as a save would store them: what a preview shows. */
    public Bundle.Question sanitized(Bundle.Question record) {
        return sanitized(record, new ArrayList<>());
    }

    private Bundle.Question sanitized(Bundle.Question q, List<EditFinding> findings) {
        var texts = new LinkedHashMap<String, Bundle.QuestionLocale>();
        q.locales().forEach((locale, t) -> {
            Sanitized content = sanitizer.sanitize(t.content());
            if (content.changed()) {
                String removed = String.join("; ", content.removed());
                findings.add(
                        new EditFinding(locale, "sanitized", "removed from the answer: " + removed, List.of(removed)));
            }
            texts.put(locale, t.withContent(content.html()));
        });
        return q.withLocales(texts);
    }

    private List<EditFinding> lint(Bundle.Question draft) {
        return lint.check(draft, writes.live.locales(), writes.live::question, writes.now()).stream()
                .map(f -> new EditFinding(f.locale(), f.kind().name().toLowerCase(Locale.ROOT), f.detail(), f.args()))
                .toList();
    }

    /** Every locale published at {@code at}; without it, a locale without a date is published {@code now}. */
    private static Bundle.Question dated(Bundle.Question q, Optional<LocalDateTime> at, LocalDateTime now) {
        var texts = new LinkedHashMap<String, Bundle.QuestionLocale>();
        q.locales()
                .forEach((locale, t) ->
                        texts.put(locale, t.withPublished(at.or(t::published).or(() -> Optional.of(now)))));
        return q.withLocales(texts);
    }

    /** A read in one snapshot: what it reads belongs together. */
    private <T> T readOnly(HandleCallback<T, RuntimeException> read) {
        return jdbi.inTransaction(h -> {
            h.execute("set transaction isolation level repeatable read, read only");
            return read.withHandle(h);
        });
    }
}
