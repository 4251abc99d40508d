package kz.komek.admin.questions;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongFunction;
import kz.komek.admin.Actor;
import kz.komek.admin.Principal;
import kz.komek.admin.Role;
import kz.komek.admin.audit.AuditLog;
import kz.komek.bundle.Bundle;
import kz.komek.bundle.BundleException;
import kz.komek.bundle.BundleJson;
import kz.komek.bundle.BundleStore;
import kz.komek.content.HtmlSanitizer;
import kz.komek.content.Sanitized;
import kz.komek.http.ConflictException;
import kz.komek.http.NotFoundException;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Editors' work on questions: drafts, publishing (now or at a time), unpublishing, deleting, history and
 * restoring. Every saved version is a revision holding the whole record; readers see only the live tables, which
 * publishing fills from one revision exactly as an import would (see
 * docs/decisions/0013-revisions-and-publishing.md).
 *
 * <p>Each write is one transaction: the question's head row is locked first (writers of one question take
 * turns), then revisions, live tables and the audit row are written together, so either all happen or none.
 * Roles are checked here as well as by the HTTP layer.
 */
public final class QuestionEditor {
    private static final Logger log = LoggerFactory.getLogger(QuestionEditor.class);
    private static final String OBJECT = "question";
    private static final RevisionStore.Author KOMEK = new RevisionStore.Author(Optional.empty(), "komek");

    private final Jdbi jdbi;
    private final BundleStore live;
    private final AuditLog audit;
    private final Lint lint;
    private final Clock clock;
    private final BundleJson json = new BundleJson();
    private final HtmlSanitizer sanitizer = new HtmlSanitizer();
    private final RevisionStore revisions = new RevisionStore();

    /** {@code clock} in the help center's zone: publication dates are local date-times there. */
    public QuestionEditor(Jdbi jdbi, BundleStore live, AuditLog audit, Lint lint, Clock clock) {
        this.jdbi = jdbi;
        this.live = live;
        this.audit = audit;
        this.lint = lint;
        this.clock = clock;
    }

    /** The latest revision of question {@code id} with its status; empty when komek has never heard of it. */
    public Optional<EditedQuestion> get(long id, Principal who) {
        Actor.require(who, Role.VIEWER);
        return jdbi.inTransaction(h -> {
            h.execute("set transaction isolation level repeatable read, read only");
            return view(h, id);
        });
    }

    /**
     * Stores {@code record} as a new revision of question {@code id}; readers still see what they saw. A new id
     * makes a question that exists only as a draft. The answers are sanitized as an import would; what was taken
     * out and what lint finds come back with the result.
     */
    public SavedDraft saveDraft(long id, Bundle.Question record, Optional<String> note, Actor by) {
        return saveDraft(id, record, note, by, Optional.empty());
    }

    /**
     * As {@link #saveDraft(long, Bundle.Question, Optional, Actor)}, for an editor who started from revision
     * {@code basedOn} (0: the live text of a question never edited here): a {@link StaleRevisionException} (409) when
     * someone saved another revision since, so that nobody overwrites a colleague's work unknowingly.
     */
    public SavedDraft saveDraft(
            long id, Bundle.Question record, Optional<String> note, Actor by, Optional<Integer> basedOn) {
        by.require(Role.EDITOR);
        if (record.id() != id) {
            throw new BundleException("question " + id + ", field id", "names question " + record.id());
        }
        var findings = new ArrayList<EditFinding>();
        Bundle.Question clean = sanitized(withoutCounts(record), findings);
        if (basedOn.isPresent()) {
            adoptOutsideChange(id);
        }
        EditedQuestion saved = jdbi.inTransaction(h -> {
            if (basedOn.isPresent()) {
                int latest = revisions.lockHead(h, id).latest();
                if (latest != basedOn.get()) {
                    var newest = revisions.list(h, id).get(0);
                    throw new StaleRevisionException(id, basedOn.get(), latest, newest.authorName());
                }
            }
            return saveDraft(h, clean, note, by, "question.save_draft");
        });
        findings.addAll(lint(clean));
        return new SavedDraft(saved, findings);
    }

    /**
     * A new question: the next free id (above every question, live or only in the admin's history) is handed to
     * {@code recordFor}, whose record becomes the question's first draft revision. Ids are handed out under a
     * lock, so editors creating questions at the same moment get different ones; when {@code recordFor} fails
     * (a bad form), nothing is written and the id stays free.
     */
    public SavedDraft createDraft(LongFunction<Bundle.Question> recordFor, Optional<String> note, Actor by) {
        by.require(Role.EDITOR);
        var findings = new ArrayList<EditFinding>();
        var created = jdbi.inTransaction(h -> {
            long id = revisions.nextQuestionId(h);
            Bundle.Question record = recordFor.apply(id);
            if (record.id() != id) {
                throw new IllegalStateException("the new question's record names " + record.id() + ", not " + id);
            }
            Bundle.Question clean = sanitized(withoutCounts(record), findings);
            return Map.entry(clean, saveDraft(h, clean, note, by, "question.create"));
        });
        findings.addAll(lint(created.getKey()));
        return new SavedDraft(created.getValue(), findings);
    }

    private EditedQuestion saveDraft(Handle h, Bundle.Question clean, Optional<String> note, Actor by, String action) {
        long id = clean.id();
        State s = prepare(h, id);
        if (s.head().deleted()) {
            throw deleted(id);
        }
        live.sectionIdOf(h, clean); // a draft must name a site and section that exist
        Optional<EditedQuestion> before = view(h, id);
        int revision = revisions.append(h, id, recordJson(clean), author(by), note);
        EditedQuestion after = view(h, id).orElseThrow();
        audit.append(h, by, change(action, id, before, Optional.of(after)));
        log.info("question {}: {} saved draft revision {}", id, by.principal().name(), revision);
        return after;
    }

    /** Revision {@code revision} of question {@code id}, as it was saved. */
    public Bundle.Question revision(long id, int revision, Principal who) {
        Actor.require(who, Role.VIEWER);
        return jdbi.withHandle(h -> record(h, id, revision));
    }

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

    /** A question waiting for an editor or for its time: a draft over (or instead of) the public text, or scheduled. */
    public record Pending(
            long id, String title, QuestionStatus status, int revision, String authorName, Instant savedAt) {}

    /** A question an editor looked for: its latest title and where it stands. */
    public record Found(long id, String title, String site, String section, QuestionStatus status) {}

    /**
     * Questions whose latest title (any locale) contains {@code text}, drafts and deleted ones included, by id;
     * at most {@code limit}.
     */
    public List<Found> find(String text, int limit, Principal who) {
        Actor.require(who, Role.VIEWER);
        String pattern =
                "%" + text.strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
        return jdbi.withHandle(h -> h.createQuery("""
                        select id, title, site, section, status from (
                            select h.question_id as id,
                                   coalesce(r.record -> 'locales' -> 'ru' ->> 'title',
                                            r.record -> 'locales' -> 'kz' ->> 'title', '') as title,
                                   r.record ->> 'site' as site, r.record ->> 'section' as section,
                                   case when h.deleted_at is not null then 'deleted'
                                        when h.published_revision is distinct from h.latest_revision then 'draft'
                                        else 'published' end as status
                            from question_head h
                            join question_revision r
                              on r.question_id = h.question_id and r.revision = h.latest_revision
                            where h.latest_revision > 0
                              and exists (select 1 from jsonb_each(r.record -> 'locales') l
                                          where l.value ->> 'title' ilike :pattern)
                            union all
                            select q.id, coalesce(ru.title, kz.title, ''), q.site, s.path, 'published'
                            from question q
                            join section s on s.id = q.section_id
                            left join question_text ru on ru.question_id = q.id and ru.locale = 'ru'
                            left join question_text kz on kz.question_id = q.id and kz.locale = 'kz'
                            where exists (select 1 from question_text t
                                          where t.question_id = q.id and t.title ilike :pattern)
                              and not exists (select 1 from question_head h
                                              where h.question_id = q.id and h.latest_revision > 0)
                        ) found
                        order by id
                        limit :limit
                        """)
                .bind("pattern", pattern)
                .bind("limit", limit)
                .map((rs, ctx) -> new Found(
                        rs.getLong("id"),
                        rs.getString("title"),
                        rs.getString("site"),
                        rs.getString("section"),
                        QuestionStatus.valueOf(rs.getString("status").toUpperCase(Locale.ROOT))))
                .list());
    }

    /** Drafts not yet public and questions scheduled for later, newest first, at most {@code limit}. */
    public List<Pending> pending(int limit, Principal who) {
        Actor.require(who, Role.VIEWER);
        LocalDateTime now = now();
        return jdbi.withHandle(h -> h.createQuery("""
                        select h.question_id, r.revision, r.author_name, r.created_at,
                               coalesce(r.record -> 'locales' -> 'ru' ->> 'title',
                                        r.record -> 'locales' -> 'kz' ->> 'title', '') as title,
                               (h.published_revision is not null and h.published_revision = h.latest_revision)
                                   as public
                        from question_head h
                        join question_revision r on r.question_id = h.question_id and r.revision = h.latest_revision
                        where h.deleted_at is null
                          and (h.published_revision is distinct from h.latest_revision
                               or exists (select 1 from question_text t where t.question_id = h.question_id
                                          and t.published > :now))
                        order by r.created_at desc, h.question_id desc
                        limit :limit
                        """)
                .bind("now", now)
                .bind("limit", limit)
                .map((rs, ctx) -> new Pending(
                        rs.getLong("question_id"),
                        rs.getString("title"),
                        rs.getBoolean("public") ? QuestionStatus.SCHEDULED : QuestionStatus.DRAFT,
                        rs.getInt("revision"),
                        rs.getString("author_name"),
                        rs.getTimestamp("created_at").toInstant()))
                .list());
    }

    /**
     * Makes the latest revision public. With {@code at}, every locale is published at that local time (in the
     * future: scheduled; pages, search and sitemaps show it from then on); without, a locale without a
     * publication date gets the current time. Changed dates make a new revision, so the live text is always
     * exactly one revision.
     */
    public EditedQuestion publish(long id, Optional<LocalDateTime> at, Actor by) {
        by.require(Role.PUBLISHER);
        return jdbi.inTransaction(h -> {
            State s = prepare(h, id);
            RevisionStore.Head head = editable(s, id);
            if (at.isEmpty() && head.published().equals(Optional.of(head.latest()))) {
                throw new ConflictException(
                        "question " + id + ": revision " + head.latest() + " is already public; save a draft first");
            }
            Optional<EditedQuestion> before = view(h, id);
            Bundle.Question latest = record(h, id, head.latest());
            // PostgreSQL keeps microseconds: the live text must read back as exactly this revision
            Bundle.Question dated =
                    dated(latest, at.map(t -> t.truncatedTo(ChronoUnit.MICROS)), now().truncatedTo(ChronoUnit.SECONDS));
            int revision = head.latest();
            if (!json.questionNode(dated).equals(json.questionNode(latest))) {
                revision = revisions.append(
                        h,
                        id,
                        recordJson(dated),
                        author(by),
                        Optional.of(at.map(t -> "published at " + DateTimeFormatter.ISO_LOCAL_DATE_TIME.format(t))
                                .orElse("publication date set")));
            }
            // fails (400, naming the field) on a section that has gone since the draft was saved
            goLive(h, id, revision, dated, s);
            EditedQuestion after = view(h, id).orElseThrow();
            audit.append(h, by, change("question.publish", id, before, Optional.of(after)));
            log.info(
                    "question {}: {} published revision {}{}",
                    id,
                    by.principal().name(),
                    revision,
                    at.map(t -> " at " + t).orElse(""));
            return after;
        });
    }

    /** Takes question {@code id} away from readers (pages 404, search and sitemaps drop it); its history stays. */
    public EditedQuestion unpublish(long id, Actor by) {
        by.require(Role.PUBLISHER);
        return jdbi.inTransaction(h -> {
            State s = prepare(h, id);
            if (s.live().isEmpty()) {
                if (s.head().latest() == 0) {
                    throw notFound(id);
                }
                throw new ConflictException("question " + id + " is not public");
            }
            Optional<EditedQuestion> before = view(h, id);
            takeOffline(h, id, s.live().get());
            EditedQuestion after = view(h, id).orElseThrow();
            audit.append(h, by, change("question.unpublish", id, before, Optional.of(after)));
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
            State s = prepare(h, id);
            if (s.head().latest() == 0) {
                throw notFound(id);
            }
            if (s.head().deleted()) {
                throw new ConflictException("question " + id + " is already deleted");
            }
            Optional<EditedQuestion> before = view(h, id);
            s.live().ifPresent(q -> takeOffline(h, id, q));
            revisions.setDeleted(h, id, true);
            EditedQuestion after = view(h, id).orElseThrow();
            audit.append(h, by, change("question.delete", id, before, Optional.of(after)));
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
            State s = prepare(h, id);
            if (s.head().latest() == 0) {
                throw notFound(id);
            }
            if (s.head().deleted()) {
                by.require(Role.PUBLISHER);
            }
            var old = revisions
                    .revision(h, id, revision)
                    .orElseThrow(() -> new NotFoundException("question " + id + " has no revision " + revision));
            Optional<EditedQuestion> before = view(h, id);
            int copy = revisions.append(
                    h, id, old.record(), author(by), Optional.of("restored from revision " + revision));
            if (s.head().deleted()) {
                revisions.setDeleted(h, id, false);
            }
            EditedQuestion after = view(h, id).orElseThrow();
            ObjectNode summary = summary(after);
            summary.put("restored_from", revision);
            audit.append(
                    h,
                    by,
                    new AuditLog.Change(
                            "question.restore",
                            OBJECT,
                            Long.toString(id),
                            before.map(QuestionEditor::summary),
                            Optional.of(summary)));
            log.info(
                    "question {}: {} restored revision {} as {}",
                    id,
                    by.principal().name(),
                    revision,
                    copy);
            return after;
        });
    }

    /** The history of question {@code id}, newest first; empty for a question never edited in the admin. */
    public List<RevisionInfo> revisions(long id, Principal who) {
        Actor.require(who, Role.VIEWER);
        return jdbi.inTransaction(h -> {
            h.execute("set transaction isolation level repeatable read, read only");
            var head = revisions.head(h, id);
            if (head.isEmpty() && live.question(h, id).isEmpty()) {
                throw notFound(id);
            }
            Optional<Integer> published = head.flatMap(RevisionStore.Head::published);
            return revisions.list(h, id).stream()
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

    /** The fields that differ from revision {@code from} to revision {@code to}, in the record's order. */
    public List<FieldChange> diff(long id, int from, int to, Principal who) {
        Actor.require(who, Role.VIEWER);
        return jdbi.inTransaction(h -> {
            h.execute("set transaction isolation level repeatable read, read only");
            JsonNode a = json.questionNode(record(h, id, from));
            JsonNode b = json.questionNode(record(h, id, to));
            var changes = new ArrayList<FieldChange>();
            diff("", a, b, changes);
            return changes;
        });
    }

    // --- placement (admin.sections) ---

    /**
     * Moves question {@code id} within or between sections, or pins it: a new revision copying the latest with
     * the new placement (an absent value stays as it is; a new section without a position puts it last there).
     * When readers saw the latest revision (no draft pending) and {@code by} is a publisher, it is published at
     * once, as {@link #publish} would; otherwise it stays a draft. Nothing changes (no revision) when the
     * placement is the same.
     */
    public EditedQuestion place(
            long id,
            Optional<String> site,
            Optional<String> section,
            Optional<Integer> position,
            Optional<Boolean> pinned,
            Actor by) {
        by.require(Role.EDITOR);
        position.ifPresent(p -> {
            if (p < 0) {
                throw new kz.komek.http.BadRequestException(
                        "question " + id + ", field position: must be 0 or more, was " + p);
            }
        });
        return jdbi.inTransaction(h -> {
            State s = prepare(h, id);
            RevisionStore.Head head = editable(s, id);
            Bundle.Question latest = record(h, id, head.latest());
            String newSite = site.orElse(latest.site());
            String newSection = section.orElse(latest.section());
            boolean elsewhere = !newSite.equals(latest.site()) || !newSection.equals(latest.section());
            int newPosition = position.orElseGet(
                    () -> elsewhere ? revisions.lastPosition(h, newSite, newSection) + 1 : latest.position());
            Bundle.Question placed = new Bundle.Question(
                    id,
                    newSite,
                    newSection,
                    newPosition,
                    pinned.orElse(latest.pinned()),
                    latest.canonical(),
                    Optional.empty(),
                    Optional.empty(),
                    latest.incomplete(),
                    latest.locales(),
                    latest.extra());
            if (json.questionNode(placed).equals(json.questionNode(latest))) {
                return view(h, id).orElseThrow();
            }
            live.sectionIdOf(h, placed); // the target section must exist
            boolean wasPublic = s.live().isPresent() && head.published().equals(Optional.of(head.latest()));
            Optional<EditedQuestion> before = view(h, id);
            String note = "placed: " + placed.site() + "/" + placed.section() + ", position " + placed.position()
                    + (placed.pinned() ? ", pinned" : "");
            int revision = revisions.append(h, id, recordJson(placed), author(by), Optional.of(note));
            EditedQuestion drafted = view(h, id).orElseThrow();
            audit.append(h, by, change("question.place", id, before, Optional.of(drafted)));
            if (wasPublic && by.principal().may(Role.PUBLISHER)) {
                // the same steps as publish(): the live tables get exactly this revision, readers' counts kept
                goLive(h, id, revision, placed, s);
                EditedQuestion after = view(h, id).orElseThrow();
                audit.append(h, by, change("question.publish", id, Optional.of(drafted), Optional.of(after)));
                log.info(
                        "question {}: {} placed and published it ({})",
                        id,
                        by.principal().name(),
                        note);
                return after;
            }
            log.info(
                    "question {}: {} placed it as draft revision {} ({})",
                    id,
                    by.principal().name(),
                    revision,
                    note);
            return drafted;
        });
    }

    /**
     * Lists question {@code id} in another section too: a new question (the next free id) saved as a draft with
     * the same texts, its publication dates cleared, last in {@code site}/{@code section}, whose canonical is the
     * original's own page (or the page the original already names), so search engines index the original only.
     * Returns the new question's id.
     */
    public long crossList(long id, String site, String section, Actor by) {
        by.require(Role.EDITOR);
        return jdbi.inTransaction(h -> {
            Bundle.Question original = view(h, id).map(EditedQuestion::record).orElseThrow(() -> notFound(id));
            if (revisions.head(h, id).map(RevisionStore.Head::deleted).orElse(false)) {
                throw deleted(id);
            }
            if (original.site().equals(site) && original.section().equals(section)) {
                throw new ConflictException("question " + id + " is already listed in " + site + "/" + section);
            }
            String canonical = original.canonical().endsWith("/q" + id)
                    ? "/" + original.section() + "/q" + id
                    : original.canonical();
            // one new id at a time: two cross-listings (or a cross-listing and a new draft) never share one
            long copyId = revisions.nextQuestionId(h);
            var texts = new LinkedHashMap<String, Bundle.QuestionLocale>();
            original.locales()
                    .forEach((locale, t) -> texts.put(
                            locale,
                            new Bundle.QuestionLocale(
                                    t.title(),
                                    t.content(),
                                    t.updated(),
                                    Optional.empty(),
                                    t.metaTitle(),
                                    t.metaDescription(),
                                    t.metaH1(),
                                    t.noIndex(),
                                    t.noFollow(),
                                    t.extra())));
            Bundle.Question copy = new Bundle.Question(
                    copyId,
                    site,
                    section,
                    revisions.lastPosition(h, site, section) + 1,
                    false,
                    canonical,
                    Optional.empty(),
                    Optional.empty(),
                    original.incomplete(),
                    texts,
                    original.extra());
            live.sectionIdOf(h, copy);
            revisions.lockHead(h, copyId);
            revisions.append(h, copyId, recordJson(copy), author(by), Optional.of("cross-listed from question " + id));
            EditedQuestion after = view(h, copyId).orElseThrow();
            ObjectNode summary = summary(after);
            summary.put("copy_of", id);
            audit.append(
                    h,
                    by,
                    new AuditLog.Change(
                            "question.cross_list",
                            OBJECT,
                            Long.toString(copyId),
                            Optional.empty(),
                            Optional.of(summary)));
            log.info(
                    "question {}: {} cross-listed it as question {} in {}/{}",
                    id,
                    by.principal().name(),
                    copyId,
                    site,
                    section);
            return copyId;
        });
    }

    // --- the steps ---

    /** The head (locked) and live record of a question about to be written. */
    private record State(RevisionStore.Head head, Optional<Bundle.Question> live) {}

    /**
     * Locks question {@code id}'s head and makes its history hold what readers see: a question imported and
     * never edited gets its live text as revision 1; a live text an import changed since it was published
     * becomes a revision too. Nothing readers saw is ever lost from the history.
     */
    private State prepare(Handle h, long id) {
        RevisionStore.Head head = revisions.lockHead(h, id);
        Optional<Bundle.Question> current = live.question(h, id);
        if (current.isPresent()) {
            Bundle.Question text = withoutCounts(current.get());
            if (!known(h, head, text)) {
                String note = head.latest() == 0
                        ? "the live text before its first edit in the admin"
                        : "the live text, changed outside the admin (an import)";
                int revision = revisions.append(h, id, recordJson(text), KOMEK, Optional.of(note));
                revisions.setPublished(h, id, Optional.of(revision));
                revisions.setDeleted(h, id, false);
            }
        } else if (head.published().isPresent()) {
            revisions.setPublished(h, id, Optional.empty()); // removed from the live tables by other means
        }
        return new State(revisions.lockHead(h, id), current);
    }

    /** Whether {@code text} (a live one, without counts) is exactly the revision the head says is public. */
    private boolean known(Handle h, RevisionStore.Head head, Bundle.Question text) {
        return head.published().isPresent()
                && json.questionNode(text)
                        .equals(json.questionNode(
                                record(h, head.questionId(), head.published().get())));
    }

    /**
     * Whether readers of question {@code id} see a text that no revision holds, though editors have worked on it
     * here: an import changed it after its last publication in the admin. The next write files that text as a
     * revision (by komek); the edit page says so before anyone types over it.
     */
    public boolean changedOutside(long id, Principal who) {
        Actor.require(who, Role.VIEWER);
        return jdbi.inTransaction(h -> {
            h.execute("set transaction isolation level repeatable read, read only");
            Optional<RevisionStore.Head> head = revisions.head(h, id).filter(r -> r.latest() > 0);
            Optional<Bundle.Question> current = live.question(h, id);
            return head.isPresent() && current.isPresent() && !known(h, head.get(), withoutCounts(current.get()));
        });
    }

    /**
     * Files a live text changed outside the admin as the question's newest revision now, in its own transaction,
     * so that an edit started before it is refused as stale (409) like one that crossed a colleague's save: an
     * import is a colleague too. Nothing happens when the live text is a known revision.
     */
    void adoptOutsideChange(long id) {
        jdbi.useTransaction(h -> {
            if (revisions.head(h, id).filter(r -> r.latest() > 0).isPresent()) {
                prepare(h, id);
            }
        });
    }

    /**
     * Makes revision {@code revision} (its record {@code record}) what readers see, exactly as an import writes it,
     * with the readers' counts: from the live row, or those kept from when the question was last public.
     */
    private void goLive(Handle h, long id, int revision, Bundle.Question record, State s) {
        Bundle.Question counted = s.live().isPresent()
                ? withCounts(record, s.live().get().votes(), s.live().get().usefulness())
                : withCounts(record, s.head().parkedVotes(), s.head().parkedUsefulness());
        revisions.setPublished(h, id, Optional.of(revision));
        revisions.park(h, id, Optional.empty(), Optional.empty());
        live.publishQuestion(h, counted);
    }

    /** The head of a question that exists and is not deleted: what publishing and placing need. */
    private static RevisionStore.Head editable(State s, long id) {
        if (s.head().latest() == 0) {
            throw notFound(id);
        }
        if (s.head().deleted()) {
            throw deleted(id);
        }
        return s.head();
    }

    private static ConflictException deleted(long id) {
        return new ConflictException("question " + id + " is deleted; restore one of its revisions first");
    }

    private void takeOffline(Handle h, long id, Bundle.Question current) {
        revisions.park(h, id, current.votes(), current.usefulness());
        live.removeQuestion(h, id);
        revisions.setPublished(h, id, Optional.empty());
    }

    private Optional<EditedQuestion> view(Handle h, long id) {
        Optional<RevisionStore.Head> head = revisions.head(h, id).filter(r -> r.latest() > 0);
        Optional<Bundle.Question> current = live.question(h, id);
        LocalDateTime now = now();
        if (head.isEmpty()) {
            return current.map(q -> new EditedQuestion(q, publicStatus(q, now), 0, Optional.of(0)));
        }
        RevisionStore.Head r = head.get();
        Bundle.Question latest = record(h, id, r.latest());
        Bundle.Question counted = current.isPresent()
                ? withCounts(latest, current.get().votes(), current.get().usefulness())
                : withCounts(latest, r.parkedVotes(), r.parkedUsefulness());
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

    /** Scheduled while no locale is public yet; published once one is. */
    private static QuestionStatus publicStatus(Bundle.Question q, LocalDateTime now) {
        boolean allLater = !q.locales().isEmpty()
                && q.locales().values().stream()
                        .allMatch(t -> t.published().map(p -> p.isAfter(now)).orElse(false));
        return allLater ? QuestionStatus.SCHEDULED : QuestionStatus.PUBLISHED;
    }

    private Bundle.Question record(Handle h, long id, int revision) {
        var stored = revisions
                .revision(h, id, revision)
                .orElseThrow(() -> new NotFoundException("question " + id + " has no revision " + revision));
        return json.readQuestion(json.tree(stored.record(), "question " + id + ", revision " + revision), id);
    }

    private String recordJson(Bundle.Question q) {
        return json.questionNode(q).toString();
    }

    private List<EditFinding> lint(Bundle.Question draft) {
        return lint.check(draft, live.locales(), live::question, now()).stream()
                .map(f -> new EditFinding(f.locale(), f.kind().name().toLowerCase(Locale.ROOT), f.detail()))
                .toList();
    }

    private Bundle.Question sanitized(Bundle.Question q, List<EditFinding> findings) {
        var texts = new LinkedHashMap<String, Bundle.QuestionLocale>();
        q.locales().forEach((locale, t) -> {
            Sanitized content = sanitizer.sanitize(t.content());
            if (content.changed()) {
                findings.add(new EditFinding(
                        locale, "sanitized", "removed from the answer: " + String.join("; ", content.removed())));
            }
            texts.put(
                    locale,
                    new Bundle.QuestionLocale(
                            t.title(),
                            content.html(),
                            t.updated(),
                            t.published(),
                            t.metaTitle(),
                            t.metaDescription(),
                            t.metaH1(),
                            t.noIndex(),
                            t.noFollow(),
                            t.extra()));
        });
        return q.withLocales(texts);
    }

    /** Every locale published at {@code at}; without it, a locale without a date is published {@code now}. */
    private static Bundle.Question dated(Bundle.Question q, Optional<LocalDateTime> at, LocalDateTime now) {
        var texts = new LinkedHashMap<String, Bundle.QuestionLocale>();
        q.locales()
                .forEach((locale, t) -> texts.put(
                        locale,
                        new Bundle.QuestionLocale(
                                t.title(),
                                t.content(),
                                t.updated(),
                                at.or(t::published).or(() -> Optional.of(now)),
                                t.metaTitle(),
                                t.metaDescription(),
                                t.metaH1(),
                                t.noIndex(),
                                t.noFollow(),
                                t.extra())));
        return q.withLocales(texts);
    }

    /** Vote counts are readers' data: a revision never holds them, and an editor's record cannot set them. */
    private static Bundle.Question withoutCounts(Bundle.Question q) {
        return withCounts(q, Optional.empty(), Optional.empty());
    }

    private static Bundle.Question withCounts(
            Bundle.Question q, Optional<Bundle.Votes> votes, Optional<Double> usefulness) {
        return new Bundle.Question(
                q.id(),
                q.site(),
                q.section(),
                q.position(),
                q.pinned(),
                q.canonical(),
                votes,
                usefulness,
                q.incomplete(),
                q.locales(),
                q.extra());
    }

    private static RevisionStore.Author author(Actor by) {
        return new RevisionStore.Author(
                Optional.of(by.principal().userId()), by.principal().name());
    }

    private LocalDateTime now() {
        return LocalDateTime.now(clock);
    }

    private static NotFoundException notFound(long id) {
        return new NotFoundException("there is no question " + id);
    }

    private static AuditLog.Change change(
            String action, long id, Optional<EditedQuestion> before, Optional<EditedQuestion> after) {
        return new AuditLog.Change(
                action,
                OBJECT,
                Long.toString(id),
                before.map(QuestionEditor::summary),
                after.map(QuestionEditor::summary));
    }

    /** What an audit row says about a question: short, never the whole text (revisions have that). */
    private static ObjectNode summary(EditedQuestion q) {
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
        return o;
    }

    /** Field-level differences of two JSON trees; objects are followed, anything else compared whole. */
    private static void diff(String path, JsonNode a, JsonNode b, List<FieldChange> out) {
        if (a != null && b != null && a.isObject() && b.isObject()) {
            var names = new ArrayList<String>();
            a.fieldNames().forEachRemaining(names::add);
            b.fieldNames().forEachRemaining(n -> {
                if (!a.has(n)) {
                    names.add(n);
                }
            });
            for (String name : names) {
                diff(path.isEmpty() ? name : path + "." + name, a.get(name), b.get(name), out);
            }
            return;
        }
        if (a == null || b == null || !a.equals(b)) {
            out.add(new FieldChange(path, Optional.ofNullable(a), Optional.ofNullable(b)));
        }
    }
}
