package kz.komek.admin.materials;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.LongFunction;
import kz.komek.admin.Actor;
import kz.komek.admin.Principal;
import kz.komek.admin.Role;
import kz.komek.admin.audit.AuditLog;
import kz.komek.bundle.Bundle;
import kz.komek.bundle.BundleException;
import kz.komek.bundle.BundleStore;
import kz.komek.bundle.MaterialJson;
import kz.komek.http.ConflictException;
import kz.komek.http.NotFoundException;
import kz.komek.i18n.StorableText;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Editors' work on videos and documents, as on questions (decision 0013): every saved version is a revision holding
 * the whole bundle record; readers see only the live tables, which publishing fills from one revision exactly as an
 * import would, bumping the content version (so pages, search and sitemaps follow). Each write is one transaction: the
 * material's head row is locked first (writers of one material take turns), then revisions, live tables and the
 * audit row are written together. An editor saves drafts and restores revisions; a publisher publishes (now or at a
 * time) and unpublishes. Roles are checked here as well as by the pages.
 */
public final class MaterialEditor {
    private static final Logger log = LoggerFactory.getLogger(MaterialEditor.class);

    private final Jdbi jdbi;
    private final BundleStore live;
    private final AuditLog audit;
    private final Clock clock;
    private final MaterialRevisionStore revisions = new MaterialRevisionStore();
    private final MaterialJson json = new MaterialJson();

    /** {@code clock} in the help center's zone: publication times are local date-times there. */
    public MaterialEditor(Jdbi jdbi, BundleStore live, AuditLog audit, Clock clock) {
        this.jdbi = jdbi;
        this.live = live;
        this.audit = audit;
        this.clock = clock;
    }

    /** What a save does after storing the record: nothing more (a draft), publish now, or publish at a time. */
    public record Action(boolean publish, Optional<LocalDateTime> at) {
        public static final Action DRAFT = new Action(false, Optional.empty());
        public static final Action NOW = new Action(true, Optional.empty());

        public Action {
            if (at.isPresent() && !publish) {
                throw new IllegalArgumentException("a time to publish at is for publishing");
            }
        }

        public static Action at(LocalDateTime at) {
            return new Action(true, Optional.of(at));
        }

        Role role() {
            return publish ? Role.PUBLISHER : Role.EDITOR;
        }
    }

    /** What a save did: the material after it, and whether a revision was written. */
    public record Saved(EditedMaterial material, boolean changed) {}

    /** A save based on an older revision than the latest: someone else saved in between (409). */
    public static final class Stale extends ConflictException {
        private static final long serialVersionUID = 1L;
        private final int latest;
        private final String author;

        Stale(long id, int basedOn, int latest, String author) {
            super("material " + id + ": revision " + latest + " by " + author + " was saved after revision " + basedOn
                    + ", which this edit started from; compare them, then save again");
            this.latest = latest;
            this.author = author;
        }

        public int latest() {
            return latest;
        }

        public String author() {
            return author;
        }
    }

    /** A line of a material's history. */
    public record Revision(
            int revision,
            String authorName,
            Instant createdAt,
            Optional<String> note,
            Optional<Instant> publishedAt,
            boolean live) {}

    /** A material as the list shows it. */
    public record Row(
            long id, String kind, String site, String section, int position, String title, MaterialStatus status) {}

    // --- reading (any signed-in role) ---

    public Optional<EditedMaterial> get(long id, Principal who) {
        Actor.require(who, Role.VIEWER);
        return jdbi.inTransaction(h -> view(h, id));
    }

    /** As {@link #get}, for a material that must exist: 404 when komek has never heard of it. */
    public EditedMaterial existing(long id, Principal who) {
        return get(id, who).orElseThrow(() -> notFound(id));
    }

    /** Every material (of one section, when given), live or only a draft, by section and position. */
    public List<Row> list(Optional<String> site, Optional<String> section, Principal who) {
        Actor.require(who, Role.VIEWER);
        LocalDateTime now = now();
        return jdbi.withHandle(h -> revisions.list(h, site, section).stream()
                .map(l -> new Row(l.id(), l.kind(), l.site(), l.section(), l.position(), l.title(), status(h, l, now)))
                .toList());
    }

    private MaterialStatus status(Handle h, MaterialRevisionStore.Listed l, LocalDateTime now) {
        boolean latestLive = l.live() && (l.latest() == 0 || l.published().equals(Optional.of(l.latest())));
        if (!latestLive) {
            return MaterialStatus.DRAFT;
        }
        return view(h, l.id()).map(EditedMaterial::status).orElse(MaterialStatus.DRAFT);
    }

    /** The history of material {@code id}, newest first; empty for a material never edited here. */
    public List<Revision> revisions(long id, Principal who) {
        Actor.require(who, Role.VIEWER);
        return jdbi.inTransaction(h -> {
            var head = revisions.head(h, id);
            if (head.isEmpty() && live.material(h, id).isEmpty()) {
                throw notFound(id);
            }
            boolean onLine = live.material(h, id).isPresent();
            Optional<Integer> published = head.flatMap(MaterialRevisionStore.Head::published);
            return revisions.list(h, id).stream()
                    .map(r -> new Revision(
                            r.revision(),
                            r.authorName(),
                            r.createdAt(),
                            r.note(),
                            r.publishedAt(),
                            onLine && published.equals(Optional.of(r.revision()))))
                    .toList();
        });
    }

    // --- writing ---

    /**
     * A new material: the next free id is handed to {@code recordFor}, whose record becomes its first revision; then
     * {@code action} is done. When {@code recordFor} refuses (a bad form), nothing is written.
     */
    public Saved create(LongFunction<Bundle.Material> recordFor, Action action, Optional<String> note, Actor by) {
        by.require(action.role());
        return jdbi.inTransaction(h -> {
            long id = revisions.nextId(h);
            Bundle.Material record = recordFor.apply(id);
            var head = revisions.lockHead(h, id);
            return write(h, head, Optional.empty(), record, action, note, by, "material.create");
        });
    }

    /**
     * Stores the record {@code edit} makes from the latest one as the next revision of material {@code id} (when it
     * changes anything), then does {@code action}. {@code basedOn} is the revision the editor started from (0: the
     * live text of a material never edited here): a {@link Stale} refusal when someone saved another since.
     */
    public Saved save(
            long id,
            Function<Optional<Bundle.Material>, Bundle.Material> edit,
            Optional<Integer> basedOn,
            Action action,
            Optional<String> note,
            Actor by) {
        by.require(action.role());
        return jdbi.inTransaction(h -> {
            var head = revisions.lockHead(h, id);
            Optional<Bundle.Material> current = live.material(h, id);
            if (head.latest() == 0 && current.isEmpty()) {
                throw notFound(id);
            }
            if (basedOn.isPresent() && basedOn.get() != head.latest()) {
                String author = revisions
                        .revision(h, id, head.latest())
                        .map(MaterialRevisionStore.Stored::authorName)
                        .orElse("komek");
                throw new Stale(id, basedOn.get(), head.latest(), author);
            }
            Optional<Bundle.Material> latest = head.latest() > 0 ? Optional.of(record(h, id, head.latest())) : current;
            return write(h, head, latest, edit.apply(latest), action, note, by, "material.save_draft");
        });
    }

    private Saved write(
            Handle h,
            MaterialRevisionStore.Head head,
            Optional<Bundle.Material> latest,
            Bundle.Material record,
            Action action,
            Optional<String> note,
            Actor by,
            String audited) {
        long id = head.id();
        if (record.id() != id) {
            throw BundleException.field(
                    "material " + id, "id", BundleException.Kind.OTHER, "names material " + record.id());
        }
        note.flatMap(StorableText::problem).ifPresent(problem -> {
            throw BundleException.field("material " + id, "note", BundleException.Kind.NOT_STORABLE, problem);
        });
        boolean changed = !latest.equals(Optional.of(record));
        if (changed) {
            // a draft must name a section that exists and lists materials of its kind
            live.requireMaterialSection(h, record);
            fileLiveText(h, id);
            audited(
                    h,
                    id,
                    audited,
                    by,
                    () -> revisions.append(h, id, json.node(record).toString(), Optional.of(by), note));
            log.info("material {}: {} saved a draft", id, by.principal().name());
        }
        if (action.publish()) {
            publish(h, id, action.at(), by);
        }
        return new Saved(view(h, id).orElseThrow(), changed);
    }

    /**
     * What readers see, when no revision holds it (an import wrote it, or changed it after its last publication here),
     * becomes the newest revision, by komek: nothing readers saw is lost from the history. The head must be locked.
     */
    private void fileLiveText(Handle h, long id) {
        Optional<Bundle.Material> current = live.material(h, id);
        var head = revisions.head(h, id).orElseThrow();
        if (current.isEmpty()) {
            if (head.published().isPresent()) {
                revisions.setPublished(h, id, Optional.empty()); // removed from the live tables by other means
            }
            return;
        }
        boolean known = head.published().isPresent()
                && record(h, id, head.published().get()).equals(current.get());
        if (!known) {
            int r = revisions.append(
                    h,
                    id,
                    json.node(current.get()).toString(),
                    Optional.empty(),
                    Optional.of("the live text, written outside the admin (an import)"));
            revisions.setPublished(h, id, Optional.of(r));
        }
    }

    /** Makes the latest revision public, now or at {@code at} (every locale then); changed dates make a revision. */
    private void publish(Handle h, long id, Optional<LocalDateTime> at, Actor by) {
        fileLiveText(h, id);
        var head = revisions.head(h, id).orElseThrow();
        if (head.latest() == 0) {
            throw notFound(id);
        }
        Bundle.Material latest = record(h, id, head.latest());
        if (at.isEmpty() && head.published().equals(Optional.of(head.latest()))) {
            // "now" means now: a text scheduled for later comes out at once
            boolean later = latest.locales().values().stream()
                    .anyMatch(t -> t.published().map(p -> p.isAfter(now())).orElse(false));
            if (!later) {
                throw new ConflictException(
                        "material " + id + ": revision " + head.latest() + " is already public; save a draft first");
            }
            at = Optional.of(now().truncatedTo(ChronoUnit.SECONDS));
        }
        // PostgreSQL keeps microseconds: the live text must read back as exactly this revision
        Bundle.Material dated =
                dated(latest, at.map(t -> t.truncatedTo(ChronoUnit.MICROS)), now().truncatedTo(ChronoUnit.SECONDS));
        Optional<LocalDateTime> when = at;
        audited(h, id, "material.publish", by, () -> {
            int revision = head.latest();
            if (!dated.equals(latest)) {
                String note = when.map(t -> "published at " + DateTimeFormatter.ISO_LOCAL_DATE_TIME.format(t))
                        .orElse("publication date set");
                revision = revisions.append(h, id, json.node(dated).toString(), Optional.of(by), Optional.of(note));
            }
            live.publishMaterial(h, dated);
            revisions.setPublished(h, id, Optional.of(revision));
        });
        log.info(
                "material {}: {} published it{}",
                id,
                by.principal().name(),
                when.map(t -> " at " + t).orElse(""));
    }

    /** Takes material {@code id} away from readers (its page entry, search and sitemaps drop it); its history stays. */
    public EditedMaterial unpublish(long id, Actor by) {
        by.require(Role.PUBLISHER);
        return jdbi.inTransaction(h -> {
            revisions.lockHead(h, id);
            if (live.material(h, id).isEmpty()) {
                if (revisions.head(h, id).orElseThrow().latest() == 0) {
                    throw notFound(id);
                }
                throw new ConflictException("material " + id + " is not public");
            }
            fileLiveText(h, id);
            audited(h, id, "material.unpublish", by, () -> {
                live.removeMaterial(h, id);
                revisions.setPublished(h, id, Optional.empty());
            });
            log.info("material {}: {} unpublished it", id, by.principal().name());
            return view(h, id).orElseThrow();
        });
    }

    /** Copies revision {@code revision} as a new latest draft (history is never rewritten). */
    public EditedMaterial restore(long id, int revision, Actor by) {
        by.require(Role.EDITOR);
        return jdbi.inTransaction(h -> {
            revisions.lockHead(h, id);
            var old = revisions
                    .revision(h, id, revision)
                    .orElseThrow(() -> new NotFoundException("material " + id + " has no revision " + revision));
            fileLiveText(h, id);
            audited(
                    h,
                    id,
                    "material.restore",
                    by,
                    () -> revisions.append(
                            h, id, old.record(), Optional.of(by), Optional.of("restored from revision " + revision)));
            log.info("material {}: {} restored revision {}", id, by.principal().name(), revision);
            return view(h, id).orElseThrow();
        });
    }

    // --- the steps ---

    /** Runs {@code change} and appends its audit row: the material before and after, in short. */
    private void audited(Handle h, long id, String action, Actor by, Runnable change) {
        Optional<EditedMaterial> before = view(h, id);
        change.run();
        Optional<EditedMaterial> after = view(h, id);
        audit.append(
                h,
                by,
                new AuditLog.Change(
                        action,
                        "material",
                        Long.toString(id),
                        before.map(MaterialEditor::summary),
                        after.map(MaterialEditor::summary)));
    }

    /** The latest revision of material {@code id} with its status; empty when komek has never heard of it. */
    private Optional<EditedMaterial> view(Handle h, long id) {
        Optional<MaterialRevisionStore.Head> head = revisions.head(h, id).filter(r -> r.latest() > 0);
        Optional<Bundle.Material> current = live.material(h, id);
        LocalDateTime now = now();
        if (head.isEmpty()) {
            return current.map(m -> new EditedMaterial(m, publicStatus(m, now), 0, Optional.of(0)));
        }
        var r = head.get();
        Bundle.Material latest = record(h, id, r.latest());
        Optional<Integer> published = current.isPresent() ? r.published() : Optional.empty();
        MaterialStatus status =
                published.equals(Optional.of(r.latest())) ? publicStatus(latest, now) : MaterialStatus.DRAFT;
        return Optional.of(new EditedMaterial(latest, status, r.latest(), published));
    }

    private Bundle.Material record(Handle h, long id, int revision) {
        var stored = revisions
                .revision(h, id, revision)
                .orElseThrow(() -> new NotFoundException("material " + id + " has no revision " + revision));
        try {
            return json.read(new com.fasterxml.jackson.databind.ObjectMapper().readTree(stored.record()), id);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("material " + id + ", revision " + revision + " is not JSON", e);
        }
    }

    /** Scheduled while no locale is public yet; published once one is. */
    private static MaterialStatus publicStatus(Bundle.Material m, LocalDateTime now) {
        boolean allLater = !m.locales().isEmpty()
                && m.locales().values().stream()
                        .allMatch(t -> t.published().map(p -> p.isAfter(now)).orElse(false));
        return allLater ? MaterialStatus.SCHEDULED : MaterialStatus.PUBLISHED;
    }

    /** Every locale published at {@code at}; without it, a locale without a date is published {@code now}. */
    private static Bundle.Material dated(Bundle.Material m, Optional<LocalDateTime> at, LocalDateTime now) {
        var texts = new LinkedHashMap<String, Bundle.MaterialLocale>();
        m.locales()
                .forEach((locale, t) ->
                        texts.put(locale, t.withPublished(at.or(t::published).or(() -> Optional.of(now)))));
        return m.withLocales(texts);
    }

    /** What an audit row says about a material: short, never the whole text (revisions have that). */
    static ObjectNode summary(EditedMaterial m) {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("revision", m.revision());
        o.put("status", m.status().code());
        if (m.publishedRevision().isPresent()) {
            o.put("published_revision", m.publishedRevision().get());
        } else {
            o.putNull("published_revision");
        }
        o.put("kind", m.record().kind().code());
        o.put("section", m.record().site() + "/" + m.record().section());
        m.record().locales().values().stream().findFirst().ifPresent(t -> {
            String title = t.title();
            o.put("title", title.length() > 120 ? title.substring(0, 120) + "…" : title);
        });
        m.record().locales().values().stream()
                .flatMap(t -> t.published().stream())
                .max(LocalDateTime::compareTo)
                .ifPresent(p -> o.put("published", DateTimeFormatter.ISO_LOCAL_DATE_TIME.format(p)));
        return o;
    }

    LocalDateTime now() {
        return LocalDateTime.now(clock);
    }

    static NotFoundException notFound(long id) {
        return new NotFoundException("there is no material " + id);
    }
}
