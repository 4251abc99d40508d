package kz.komek.admin.sections;

import static kz.komek.admin.sections.SectionRefusal.Code.*;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import kz.komek.admin.Actor;
import kz.komek.admin.Principal;
import kz.komek.admin.Role;
import kz.komek.admin.audit.AuditLog;
import kz.komek.admin.questions.RevisionStore;
import kz.komek.catalog.SectionPath;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Editors keep the help center's structure: create sections, edit their titles, move or rename them (with their
 * subtree, old URLs answering 301), reorder siblings and delete empty ones. Readers see each change at once, so
 * every write needs the publisher role; any signed-in role may read. Each write is one transaction with its
 * audit row, and bumps the content version, so pages, caches, search and sitemaps follow within a second.
 *
 * <p>A move also writes revisions of the questions naming a moved section: see {@link SectionMove}.
 */
public final class SectionEditor {
    private static final Logger log = LoggerFactory.getLogger(SectionEditor.class);
    static final List<String> LOCALES = List.of("ru", "kz");
    private static final int MAX_TITLE = 200;

    private final Jdbi jdbi;
    private final AuditLog audit;
    private final SectionStore store = new SectionStore();
    private final SectionContentStore contents = new SectionContentStore();
    private final SectionTree tree = new SectionTree(store, contents);
    private final SectionMove moves;

    public SectionEditor(Jdbi jdbi, AuditLog audit) {
        this.jdbi = jdbi;
        this.audit = audit;
        this.moves = new SectionMove(store, contents, tree, new RevisionStore());
    }

    /**
     * A section as editors see it; {@code live} and {@code drafts} count its own questions or materials, {@code kind}
     * says which it lists ({@code questions}, {@code videos}, {@code documents}).
     */
    public record Node(
            long id,
            String site,
            String path,
            Optional<Long> parentId,
            int position,
            Map<String, String> titles,
            int live,
            int drafts,
            String kind) {
        public int depth() {
            return new SectionPath(path).depth();
        }

        public Optional<String> parentPath() {
            return new SectionPath(path).parent().map(SectionPath::value);
        }

        public String title(String locale) {
            return titles.getOrDefault(locale, "");
        }
    }

    /** A site's sections depth first, siblings by position. */
    public record SiteTree(String site, Map<String, String> titles, List<Node> sections) {}

    /** One section with its siblings (for up/down) and its questions. */
    public record Detail(Node section, List<Node> siblings, List<Node> children, List<SectionStore.Listed> questions) {}

    /** What deleting a section would remove, and what keeps it. */
    public record Deletion(Node section, List<Node> going, int live, int drafts) {
        public boolean allowed() {
            return live == 0 && drafts == 0;
        }
    }

    // --- reading (any signed-in role) ---

    public List<SiteTree> tree(Principal who) {
        Actor.require(who, Role.VIEWER);
        return jdbi.inTransaction(h -> {
            h.execute("set transaction isolation level repeatable read, read only");
            var out = new ArrayList<SiteTree>();
            for (String site : store.sites(h)) {
                out.add(new SiteTree(site, store.siteTitles(h, site), tree.ordered(h, site)));
            }
            return out;
        });
    }

    public Optional<Detail> detail(long id, Principal who) {
        Actor.require(who, Role.VIEWER);
        return jdbi.inTransaction(h -> {
            h.execute("set transaction isolation level repeatable read, read only");
            Optional<SectionStore.Row> row = store.section(h, id);
            if (row.isEmpty()) {
                return Optional.empty();
            }
            List<Node> all = tree.ordered(h, row.get().site());
            Node node = all.stream().filter(n -> n.id() == id).findFirst().orElseThrow();
            List<Node> siblings = all.stream()
                    .filter(n -> n.parentId().equals(node.parentId()))
                    .toList();
            List<Node> children = all.stream()
                    .filter(n -> n.parentId().equals(Optional.of(id)))
                    .toList();
            return Optional.of(new Detail(node, siblings, children, store.questions(h, node.site(), node.path())));
        });
    }

    public Deletion deletion(long id, Principal who) {
        Actor.require(who, Role.VIEWER);
        return jdbi.inTransaction(h -> {
            h.execute("set transaction isolation level repeatable read, read only");
            return deletion(h, id);
        });
    }

    // --- writing (publisher) ---

    /** A new section at the end of its siblings (or at {@code position}, the ones from there on moving down). */
    public Node create(String site, String path, Map<String, String> titles, Optional<Integer> position, Actor by) {
        by.require(Role.PUBLISHER);
        SectionRefusal.storable(site, "site");
        SectionPath p = path(path, "path");
        Map<String, Optional<String>> given = titles(titles);
        if (given.values().stream().allMatch(Optional::isEmpty)) {
            throw new SectionRefusal(
                    NO_TITLE, "section " + site + "/" + path + ", field titles: give a ru or kz title");
        }
        position.ifPresent(n -> {
            if (n < 1) {
                throw new SectionRefusal(
                        BAD_POSITION, "section " + site + "/" + path + ", field position: 1 or more, was " + n);
            }
        });
        return jdbi.inTransaction(h -> {
            store.lockVersion(h);
            if (!store.siteExists(h, site)) {
                throw new SectionRefusal(NO_SITE, "section, field site: site \"" + site + "\" does not exist");
            }
            Optional<Long> parent =
                    tree.parentOfNew(h, site, p, "section " + site + "/" + p.value() + ", field path: its parent ");
            List<SectionStore.Row> siblings = store.siblings(h, site, parent);
            int at = Math.min(position.orElse(siblings.size() + 1), siblings.size() + 1);
            long id = store.insert(h, site, p.value(), parent, at);
            var order = new ArrayList<Long>(
                    siblings.stream().map(SectionStore.Row::id).toList());
            order.add(at - 1, id);
            store.renumber(h, order);
            given.forEach((locale, title) -> store.setTitle(h, id, locale, title));
            store.bumpVersion(h);
            Node after = tree.node(h, id);
            audit.append(h, by, change("section.create", id, Optional.empty(), Optional.of(after)));
            log.info(
                    "section {}/{}: {} created it",
                    site,
                    p.value(),
                    by.principal().name());
            return after;
        });
    }

    /** Sets the titles named (an empty or blank one removes that locale's); at least one stays. */
    public Node retitle(long id, Map<String, String> titles, Actor by) {
        by.require(Role.PUBLISHER);
        Map<String, Optional<String>> given = titles(titles);
        return jdbi.inTransaction(h -> {
            long version = store.lockVersion(h);
            Node before = tree.node(h, id);
            var result = new HashMap<>(before.titles());
            given.forEach(
                    (locale, title) -> title.ifPresentOrElse(t -> result.put(locale, t), () -> result.remove(locale)));
            if (result.isEmpty()) {
                throw new SectionRefusal(
                        NO_TITLE,
                        "section " + before.site() + "/" + before.path() + ", field titles: at least one must stay");
            }
            given.forEach((locale, title) -> store.setTitle(h, id, locale, title));
            store.reindexUnder(h, before.site(), before.path(), version);
            store.bumpVersion(h);
            Node after = tree.node(h, id);
            audit.append(h, by, change("section.retitle", id, Optional.of(before), Optional.of(after)));
            log.info(
                    "section {}/{}: {} changed its titles",
                    before.site(),
                    before.path(),
                    by.principal().name());
            return after;
        });
    }

    /**
     * Moves or renames section {@code id} to {@code newPath} with everything below it. Old URLs keep answering: each
     * live question under it gets its old place recorded (301 from the old question and section pages), and each
     * question whose latest or published revision names a moved path gets a new revision naming the new one.
     */
    public Node move(long id, String newPath, Actor by) {
        by.require(Role.PUBLISHER);
        SectionPath target = path(newPath, "path");
        return jdbi.inTransaction(h -> {
            SectionMove.Moved m = moves.move(h, id, target, by);
            ObjectNode summary = summary(m.after());
            summary.put("from", m.before().path());
            summary.put("questions_moved", m.questions());
            summary.put("revisions_added", m.revisions());
            audit.append(
                    h,
                    by,
                    new AuditLog.Change(
                            "section.move",
                            "section",
                            Long.toString(id),
                            Optional.of(summary(m.before())),
                            Optional.of(summary)));
            log.info(
                    "section {}/{}: {} moved it to {} ({} live questions, {} revisions added)",
                    m.before().site(),
                    m.before().path(),
                    by.principal().name(),
                    target.value(),
                    m.questions(),
                    m.revisions());
            return m.after();
        });
    }

    /**
     * Makes section {@code id} list {@code kind} (questions, videos or documents); refused (409) while it holds a
     * question or material (live or a draft) the new kind does not list: a section never shows what its kind does
     * not say. Readers see the change at once, so it needs the publisher role.
     */
    public Node setKind(long id, String kind, Actor by) {
        by.require(Role.PUBLISHER);
        if (kz.komek.catalog.SectionKind.parse(kind).isEmpty()) {
            throw new SectionRefusal(
                    BAD_KIND, "section " + id + ", field kind: expected questions, videos or documents, was " + kind);
        }
        return jdbi.inTransaction(h -> {
            long version = store.lockVersion(h);
            Node before = tree.node(h, id);
            if (before.kind().equals(kind)) {
                return before;
            }
            int held = contents.heldAgainst(h, before.site(), before.path(), kind);
            if (held > 0) {
                throw new SectionRefusal(
                        KIND_NOT_EMPTY,
                        "section " + before.site() + "/" + before.path() + " still lists " + held
                                + " question(s) or material(s) (live or drafts) a section of kind " + kind
                                + " does not; move them elsewhere first",
                        held);
            }
            contents.setKind(h, id, kind);
            store.reindexUnder(h, before.site(), before.path(), version);
            store.bumpVersion(h);
            Node after = tree.node(h, id);
            ObjectNode was = summary(before);
            was.put("kind", before.kind());
            ObjectNode now = summary(after);
            now.put("kind", after.kind());
            audit.append(
                    h,
                    by,
                    new AuditLog.Change(
                            "section.kind", "section", Long.toString(id), Optional.of(was), Optional.of(now)));
            log.info(
                    "section {}/{}: {} made it list {}",
                    before.site(),
                    before.path(),
                    by.principal().name(),
                    kind);
            return after;
        });
    }

    /**
     * The children of {@code parent} (empty: the site's products) in the order of {@code ids}, which must name each
     * of them once.
     */
    public List<Node> reorder(String site, Optional<String> parent, List<Long> ids, Actor by) {
        by.require(Role.PUBLISHER);
        SectionRefusal.storable(site, "site");
        parent.ifPresent(p -> SectionRefusal.storable(p, "parent"));
        return jdbi.inTransaction(h -> {
            store.lockVersion(h);
            if (!store.siteExists(h, site)) {
                throw new SectionRefusal(NO_SITE, "order, field site: site \"" + site + "\" does not exist");
            }
            Optional<Long> parentId = Optional.empty();
            if (parent.isPresent()) {
                parentId = Optional.of(store.sectionId(h, site, parent.get())
                        .orElseThrow(() -> new SectionRefusal(
                                NO_ORDER_PARENT,
                                "order, field parent: section " + site + "/" + parent.get() + " does not exist")));
            }
            List<Long> current = store.siblings(h, site, parentId).stream()
                    .map(SectionStore.Row::id)
                    .toList();
            if (ids.size() != current.size()
                    || !new java.util.HashSet<>(ids).equals(new java.util.HashSet<>(current))) {
                throw new SectionRefusal(
                        BAD_ORDER,
                        "order, field ids: name each of the " + current.size()
                                + " sections under "
                                + parent.map(p -> site + "/" + p).orElse(site) + " once, "
                                + "which are " + current);
            }
            return reordered(h, site, parentId, current, ids, by);
        });
    }

    /** Moves section {@code id} {@code delta} places among its siblings (-1: up, 1: down), as far as it goes. */
    public Node shift(long id, int delta, Actor by) {
        by.require(Role.PUBLISHER);
        return jdbi.inTransaction(h -> {
            store.lockVersion(h);
            Node node = tree.node(h, id);
            List<Long> current = store.siblings(h, node.site(), node.parentId()).stream()
                    .map(SectionStore.Row::id)
                    .toList();
            var order = new ArrayList<>(current);
            int from = order.indexOf(id);
            int to = Math.max(0, Math.min(order.size() - 1, from + delta));
            if (to == from) {
                return node; // already first (or last): nothing to write
            }
            order.remove(from);
            order.add(to, id);
            reordered(h, node.site(), node.parentId(), current, order, by);
            return tree.node(h, id);
        });
    }

    /**
     * Deletes section {@code id} and the sections below it (titles go with them), when no live question and no
     * draft is listed in any of them; else a 409 saying how many are.
     */
    public void delete(long id, Actor by) {
        by.require(Role.PUBLISHER);
        jdbi.useTransaction(h -> {
            store.lockVersion(h);
            Deletion d = deletion(h, id);
            if (!d.allowed()) {
                throw new SectionRefusal(
                        NOT_EMPTY,
                        "section " + d.section().site() + "/" + d.section().path()
                                + " still holds " + d.live() + " live question(s) and " + d.drafts()
                                + " draft(s) (itself or the sections below it); move or delete them first",
                        d.live(),
                        d.drafts());
            }
            store.delete(h, id);
            List<Long> rest = store.siblings(h, d.section().site(), d.section().parentId()).stream()
                    .map(SectionStore.Row::id)
                    .toList();
            store.renumber(h, rest);
            store.bumpVersion(h);
            ObjectNode before = summary(d.section());
            before.put("sections_removed", d.going().size());
            audit.append(
                    h,
                    by,
                    new AuditLog.Change(
                            "section.delete", "section", Long.toString(id), Optional.of(before), Optional.empty()));
            log.info(
                    "section {}/{}: {} deleted it ({} sections)",
                    d.section().site(),
                    d.section().path(),
                    by.principal().name(),
                    d.going().size());
        });
    }

    // --- the steps ---

    private List<Node> reordered(
            Handle h, String site, Optional<Long> parentId, List<Long> before, List<Long> after, Actor by) {
        store.renumber(h, after);
        store.bumpVersion(h);
        ObjectNode was = JsonNodeFactory.instance.objectNode();
        was.putPOJO("order", before);
        ObjectNode now = JsonNodeFactory.instance.objectNode();
        now.putPOJO("order", after);
        audit.append(
                h,
                by,
                new AuditLog.Change(
                        "section.reorder",
                        "section",
                        parentId.map(String::valueOf).orElse(site),
                        Optional.of(was),
                        Optional.of(now)));
        log.info(
                "sections of {} under {}: {} reordered them",
                site,
                parentId.orElse(null),
                by.principal().name());
        return after.stream().map(i -> tree.node(h, i)).toList();
    }

    private Deletion deletion(Handle h, long id) {
        Node node = tree.node(h, id);
        List<Node> going = tree.ordered(h, node.site()).stream()
                .filter(n -> n.path().equals(node.path()) || n.path().startsWith(node.path() + "/"))
                .toList();
        return new Deletion(
                node,
                going,
                contents.liveUnder(h, node.site(), node.path()),
                contents.draftsUnder(h, node.site(), node.path()));
    }

    private static SectionPath path(String value, String field) {
        return SectionPath.parse(SectionRefusal.storable(value, field))
                .orElseThrow(() -> new SectionRefusal(
                        BAD_PATH,
                        "section, field " + field + ": "
                                + SectionPath.problem(value).orElse("not a section path")));
    }

    /** ru/kz titles as given: a blank one means "remove". Unknown locales and over-long titles are refused. */
    private static Map<String, Optional<String>> titles(Map<String, String> titles) {
        var out = new LinkedHashMap<String, Optional<String>>();
        titles.forEach((locale, title) -> {
            if (!LOCALES.contains(locale)) {
                throw new SectionRefusal(
                        UNKNOWN_LOCALE,
                        "section, field titles." + locale + ": unknown locale \"" + locale + "\" (ru or kz)");
            }
            String t = title == null
                    ? ""
                    : SectionRefusal.storable(title, "titles." + locale).strip();
            if (t.length() > MAX_TITLE) {
                throw new SectionRefusal(
                        TITLE_TOO_LONG,
                        "section, field titles." + locale + ": at most " + MAX_TITLE + " characters",
                        MAX_TITLE);
            }
            out.put(locale, t.isEmpty() ? Optional.empty() : Optional.of(t));
        });
        return out;
    }

    private static AuditLog.Change change(String action, long id, Optional<Node> before, Optional<Node> after) {
        return new AuditLog.Change(
                action,
                "section",
                Long.toString(id),
                before.map(SectionEditor::summary),
                after.map(SectionEditor::summary));
    }

    private static ObjectNode summary(Node n) {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("site", n.site());
        o.put("path", n.path());
        o.put("position", n.position());
        ObjectNode titles = o.putObject("titles");
        n.titles().forEach(titles::put);
        return o;
    }
}
