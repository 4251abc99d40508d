package kz.komek.bundle;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import kz.komek.catalog.QuestionMoves;
import kz.komek.catalog.Section;
import kz.komek.catalog.SectionPath;
import kz.komek.catalog.SectionTree;
import kz.komek.content.HtmlSanitizer;
import kz.komek.content.Sanitized;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * Writes a bundle into the catalog tables and reads the catalog back as a bundle.
 *
 * <p>Import merges by key (site slug, site + section path, question id) in one transaction: a problem anywhere
 * rolls back everything, so the database is as it was. Every import bumps {@code help_center.version}, which
 * tells running servers to drop what they cached.
 */
public final class BundleStore {
    private final Jdbi jdbi;
    private final HtmlSanitizer sanitizer = new HtmlSanitizer();
    private final ObjectMapper mapper = new ObjectMapper();
    private final QuestionMoves moves;

    public BundleStore(Jdbi jdbi) {
        this.jdbi = jdbi;
        this.moves = new QuestionMoves(jdbi);
    }

    public ImportReport importBundle(Bundle bundle, List<String> findings) {
        return importBundle(bundle, findings, false);
    }

    /** With {@code dryRun}, everything is checked and counted, then rolled back. */
    public ImportReport importBundle(Bundle bundle, List<String> findings, boolean dryRun) {
        return jdbi.inTransaction(h -> {
            ImportReport report = importBundle(h, bundle, findings);
            if (dryRun) {
                h.rollback();
            }
            return report;
        });
    }

    /**
     * Imports in the caller's transaction, so that it can add its own rows (the admin's audit row) or roll back (a
     * dry run); a {@link BundleException} leaves the transaction to be rolled back.
     */
    public ImportReport importBundle(Handle h, Bundle bundle, List<String> findings) {
        // One import at a time: two concurrent merges could otherwise interleave positions and parents.
        h.execute("lock table help_center in exclusive mode");
        // Every question this import writes carries the new version, so search indexes find what changed.
        long revision = h.createQuery("select version + 1 from help_center")
                .mapTo(Long.class)
                .one();
        var notes = new ArrayList<>(findings);
        notes.addAll(unknownFieldNotes(bundle));
        var sites = new Tally();
        importSites(h, bundle, sites);
        var sections = new Tally();
        var retitled = new ArrayList<Long>();
        importSections(h, bundle, notes, sections, retitled);
        var questions = new Tally();
        var changed = new ArrayList<Long>();
        importQuestions(h, bundle, notes, revision, questions, changed);
        // Section titles, down from the product, are part of a question's search documents: re-index every question
        // in or below a retitled section.
        if (!retitled.isEmpty()) {
            h.createUpdate("""
                            update question set revision = :revision
                            where section_id in (
                                select s.id from section s join section r on r.site = s.site
                                where r.id = any(:ids) and (s.path = r.path or starts_with(s.path, r.path || '/')))
                            """)
                    .bind("revision", revision)
                    .bind("ids", retitled.stream().mapToLong(Long::longValue).toArray())
                    .execute();
        }
        importHeader(h, bundle);
        h.execute("update help_center set version = version + 1");
        return new ImportReport(sites.counts(), sections.counts(), questions.counts(), changed, notes);
    }

    /** New, changed and unchanged records of one kind, as an import meets them. */
    private static final class Tally {
        private int created;
        private int updated;
        private int unchanged;

        void add(Write write) {
            switch (write) {
                case CREATED -> created++;
                case UPDATED -> updated++;
                case UNCHANGED -> unchanged++;
            }
        }

        ImportReport.Counts counts() {
            return new ImportReport.Counts(created, updated, unchanged);
        }
    }

    /** What writing one record did to the stored one. */
    private enum Write {
        CREATED,
        UPDATED,
        UNCHANGED;

        static Write of(boolean created, boolean changed) {
            return created ? CREATED : changed ? UPDATED : UNCHANGED;
        }
    }

    private void importHeader(Handle h, Bundle bundle) {
        String[] stored = h.createQuery("select locales from help_center")
                .mapTo(String[].class)
                .one();
        var locales = new LinkedHashSet<>(Arrays.asList(stored));
        locales.addAll(bundle.locales());
        // Unknown header fields are merged like records: the ones a bundle names replace, the rest stay.
        h.createUpdate("""
                        update help_center set locales = :locales, default_locale = :def,
                            extra = extra || cast(:extra as jsonb)
                        """)
                .bind("locales", locales.toArray(String[]::new))
                .bind("def", bundle.defaultLocale())
                .bind("extra", json(bundle.extra()))
                .execute();
    }

    private void importSites(Handle h, Bundle bundle, Tally tally) {
        int nextPosition = h.createQuery("select coalesce(max(position) + 1, 0) from site")
                .mapTo(Integer.class)
                .one();
        for (var site : bundle.sites()) {
            boolean exists = h.createQuery("select count(*) from site where slug = :slug")
                            .bind("slug", site.slug())
                            .mapTo(Integer.class)
                            .one()
                    > 0;
            boolean changed = false;
            if (exists) {
                if (!site.extra().isEmpty()) {
                    changed = h.createUpdate("""
                                            update site set extra = cast(:extra as jsonb)
                                            where slug = :slug and extra is distinct from cast(:extra as jsonb)
                                            """)
                                    .bind("slug", site.slug())
                                    .bind("extra", json(site.extra()))
                                    .execute()
                            > 0;
                }
            } else {
                h.createUpdate(
                                "insert into site (slug, position, extra) values (:slug, :position, cast(:extra as jsonb))")
                        .bind("slug", site.slug())
                        .bind("position", nextPosition++)
                        .bind("extra", json(site.extra()))
                        .execute();
            }
            for (var e : site.title().entrySet()) {
                changed |= h.createUpdate("""
                                        insert into site_title (site, locale, title) values (:site, :locale, :title)
                                        on conflict (site, locale) do update set title = excluded.title
                                        where site_title.title is distinct from excluded.title
                                        """)
                                .bind("site", site.slug())
                                .bind("locale", e.getKey())
                                .bind("title", e.getValue())
                                .execute()
                        > 0;
            }
            tally.add(Write.of(!exists, changed));
        }
    }

    /** Writes the bundle's sections; {@code retitled} gets the ids of stored ones whose titles changed. */
    private void importSections(Handle h, Bundle bundle, List<String> notes, Tally tally, List<Long> retitled) {
        // Parents first, so a child finds its parent's id whether the parent is new or stored.
        var ordered = new ArrayList<>(bundle.sections());
        ordered.sort((a, b) -> Integer.compare(depth(a.path()), depth(b.path())));
        for (var s : ordered) {
            String where = "section " + s.site() + "/" + s.path();
            if (siteMissing(h, s.site())) {
                throw new BundleException(where + ", field site", "site \"" + s.site() + "\" does not exist");
            }
            SectionPath path = new SectionPath(s.path());
            Optional<Long> parentId = Optional.empty();
            if (path.parent().isPresent()) {
                String parent = path.parent().get().value();
                parentId = sectionId(h, s.site(), parent);
                if (parentId.isEmpty()) {
                    throw new BundleException(
                            where + ", field path", "its parent section \"" + parent + "\" does not exist");
                }
            }
            Optional<Long> id = sectionId(h, s.site(), s.path());
            long sectionId;
            boolean changed = false;
            if (id.isPresent()) {
                sectionId = id.get();
                changed = h.createUpdate("""
                                        update section set position = coalesce(:position, position),
                                            extra = case when :hasExtra then cast(:extra as jsonb) else extra end
                                        where id = :id
                                          and (position, extra) is distinct from (coalesce(:position, position),
                                              case when :hasExtra then cast(:extra as jsonb) else extra end)
                                        """)
                                .bind("id", sectionId)
                                .bind("position", s.position().orElse(null))
                                .bind("hasExtra", !s.extra().isEmpty())
                                .bind("extra", json(s.extra()))
                                .execute()
                        > 0;
            } else {
                Long parent = parentId.orElse(null);
                int position = s.position()
                        .orElseGet(() -> h.createQuery("""
                                select coalesce(max(position) + 1, 1) from section
                                where site = :site and parent_id is not distinct from :parent
                                """)
                                .bind("site", s.site())
                                .bind("parent", parent)
                                .mapTo(Integer.class)
                                .one());
                sectionId = h.createUpdate("""
                                insert into section (site, path, parent_id, position, extra)
                                values (:site, :path, :parent, :position, cast(:extra as jsonb))
                                """)
                        .bind("site", s.site())
                        .bind("path", s.path())
                        .bind("parent", parentId.orElse(null))
                        .bind("position", position)
                        .bind("extra", json(s.extra()))
                        .executeAndReturnGeneratedKeys("id")
                        .mapTo(Long.class)
                        .one();
                if (s.title().isEmpty()) {
                    notes.add(where + ": no title in any locale; pages show its path segment until one is set");
                }
            }
            boolean titled = false;
            for (var e : s.title().entrySet()) {
                titled |= h.createUpdate("""
                                        insert into section_title (section_id, locale, title) values (:id, :locale, :title)
                                        on conflict (section_id, locale) do update set title = excluded.title
                                        where section_title.title is distinct from excluded.title
                                        """)
                                .bind("id", sectionId)
                                .bind("locale", e.getKey())
                                .bind("title", e.getValue())
                                .execute()
                        > 0;
            }
            if (titled && id.isPresent()) {
                retitled.add(sectionId);
            }
            tally.add(Write.of(id.isEmpty(), changed || titled));
        }
    }

    /**
     * Questions the bundle names that editors have a draft of, newer than what readers see: the import makes the
     * bundle's text public, and the draft stays in the question's history (the next admin write files the imported
     * text as the newest revision; the draft can be restored from there). Said in the report, so whoever imports
     * knows before applying.
     */
    private static void draftNotes(Handle h, Bundle bundle, List<String> notes) {
        long[] ids = bundle.questions().stream().mapToLong(Bundle.Question::id).toArray();
        if (ids.length == 0) {
            return;
        }
        h.createQuery("""
                        select question_id, latest_revision from question_head
                        where question_id = any(:ids) and latest_revision > 0
                          and published_revision is distinct from latest_revision and deleted_at is null
                        order by question_id
                        """)
                .bind("ids", ids)
                .map((rs, ctx) -> "question " + rs.getLong(1) + " has an unpublished draft in the admin (revision "
                        + rs.getInt(2) + "): this import makes the bundle's text public; the draft stays in its"
                        + " history")
                .forEach(notes::add);
    }

    /** Writes the bundle's questions; {@code changed} gets the ids of the new and changed ones, in bundle order. */
    private void importQuestions(
            Handle h, Bundle bundle, List<String> notes, long revision, Tally tally, List<Long> changed) {
        var sectionIds = new HashMap<String, Long>();
        for (var q : bundle.questions()) {
            long sectionId = sectionIds.computeIfAbsent(q.site() + "/" + q.section(), k -> sectionIdOf(h, q));
            Write write = writeQuestion(h, q, sectionId, notes, revision, false);
            tally.add(write);
            if (write != Write.UNCHANGED) {
                changed.add(q.id());
            }
        }
        draftNotes(h, bundle, notes);
    }

    /**
     * The section question {@code q} is listed in; a {@link BundleException} naming the field when its site or
     * section does not exist.
     */
    public long sectionIdOf(Handle h, Bundle.Question q) {
        String where = "question " + q.id();
        if (siteMissing(h, q.site())) {
            throw BundleException.field(
                    where, "site", BundleException.Kind.OTHER, "site \"" + q.site() + "\" does not exist");
        }
        return sectionId(h, q.site(), q.section())
                .orElseThrow(() -> BundleException.field(
                        where,
                        "section",
                        BundleException.Kind.OTHER,
                        "section \"" + q.section() + "\" does not exist in site \"" + q.site() + "\""));
    }

    /**
     * Makes one question record public, in the caller's transaction (the admin's publish): written exactly as an
     * import writes it, except that its locales replace the stored ones (a locale the record lacks is removed:
     * the record is the whole question). Bumps the content version, so pages, caches, search and sitemaps of
     * every node follow within a second. Returns what the sanitizer removed, as import notes.
     */
    public List<String> publishQuestion(Handle h, Bundle.Question q) {
        // the same lock as an import: versions are handed out one writer at a time
        h.execute("lock table help_center in exclusive mode");
        long revision = nextVersion(h);
        var notes = new ArrayList<String>();
        writeQuestion(h, q, sectionIdOf(h, q), notes, revision, true);
        h.execute("update help_center set version = version + 1");
        return notes;
    }

    /**
     * Removes question {@code id} from the live tables (the admin's unpublish and delete), in the caller's
     * transaction: its page answers 404, search and sitemaps drop it. Its votes, views and old addresses go with
     * the row. Returns whether there was one.
     */
    public boolean removeQuestion(Handle h, long id) {
        h.execute("lock table help_center in exclusive mode");
        int removed = h.createUpdate("delete from question where id = :id")
                .bind("id", id)
                .execute();
        if (removed > 0) {
            h.execute("update help_center set version = version + 1");
        }
        return removed > 0;
    }

    /** The live (published) record of question {@code id}, as an export lists it. */
    public Optional<Bundle.Question> question(long id) {
        return jdbi.withHandle(h -> question(h, id));
    }

    /** The live record of question {@code id}, read in the caller's transaction. */
    public Optional<Bundle.Question> question(Handle h, long id) {
        var byLocale = new LinkedHashMap<String, Bundle.QuestionLocale>();
        h.createQuery("""
                        select locale, title, content, updated, published, meta_title, meta_description, meta_h1,
                               no_index, no_follow, extra::text as extra
                        from question_text where question_id = :id
                        order by array_position((select locales from help_center), locale), locale
                        """)
                .bind("id", id)
                .map((rs, ctx) -> Map.entry(rs.getString("locale"), questionLocale(rs, ctx)))
                .forEach(e -> byLocale.put(e.getKey(), e.getValue()));
        return h.createQuery("""
                        select q.id, q.site, s.path, q.position, q.pinned, q.canonical, q.votes_up, q.votes_down,
                               q.usefulness, q.incomplete, q.extra::text as extra
                        from question q join section s on s.id = q.section_id
                        where q.id = :id
                        """)
                .bind("id", id)
                .map((rs, ctx) -> questionRecord(rs, byLocale))
                .findOne();
    }

    /** The locales the help center declares ({@code help_center.locales}), in their order. */
    public List<String> locales() {
        return jdbi.withHandle(h -> Arrays.asList(h.createQuery("select locales from help_center")
                .mapTo(String[].class)
                .one()));
    }

    private static long nextVersion(Handle h) {
        return h.createQuery("select version + 1 from help_center")
                .mapTo(Long.class)
                .one();
    }

    /**
     * Writes one question and says whether it was new, changed or already so. A row already equal is not written,
     * so its {@code revision} stays and search does not index it again. Each text is sanitized; {@code notes} gets
     * what was removed.
     */
    private Write writeQuestion(
            Handle h, Bundle.Question q, long sectionId, List<String> notes, long revision, boolean replaceLocales) {
        // a question that changes section or site keeps its old URLs (301), in this same transaction; a new
        // question records nothing
        moves.recordMove(h, q.id(), q.site(), sectionId);
        // xmax is 0 on a row this statement inserted, set on one it updated; no row: stored and already equal
        Optional<Boolean> written = h.createQuery("""
                        insert into question (id, site, section_id, position, pinned, canonical, votes_up,
                            votes_down, usefulness, incomplete, extra, revision)
                        values (:id, :site, :section, :position, :pinned, :canonical, :up, :down, :usefulness,
                            :incomplete, cast(:extra as jsonb), :revision)
                        on conflict (id) do update set site = excluded.site, section_id = excluded.section_id,
                            position = excluded.position, pinned = excluded.pinned, canonical = excluded.canonical,
                            votes_up = excluded.votes_up, votes_down = excluded.votes_down,
                            usefulness = excluded.usefulness, incomplete = excluded.incomplete,
                            extra = excluded.extra, revision = excluded.revision
                        where (question.site, question.section_id, question.position, question.pinned,
                                question.canonical, question.votes_up, question.votes_down, question.usefulness,
                                question.incomplete, question.extra)
                            is distinct from (excluded.site, excluded.section_id, excluded.position, excluded.pinned,
                                excluded.canonical, excluded.votes_up, excluded.votes_down, excluded.usefulness,
                                excluded.incomplete, excluded.extra)
                        returning (xmax = 0) as created
                        """)
                .bind("id", q.id())
                .bind("site", q.site())
                .bind("section", sectionId)
                .bind("position", q.position())
                .bind("pinned", q.pinned())
                .bind("canonical", q.canonical())
                .bind("up", q.votes().map(Bundle.Votes::up).orElse(null))
                .bind("down", q.votes().map(Bundle.Votes::down).orElse(null))
                .bind("usefulness", q.usefulness().orElse(null))
                .bind("incomplete", q.incomplete())
                .bind("extra", json(q.extra()))
                .bind("revision", revision)
                .mapTo(Boolean.class)
                .findOne();
        boolean textChanged = false;
        for (var e : q.locales().entrySet()) {
            var t = e.getValue();
            // Answers are made safe on the way in; the report says what was taken out, per question.
            Sanitized content = sanitizer.sanitize(t.content());
            if (content.changed()) {
                notes.add("question " + q.id() + ", locale " + e.getKey() + ": removed from the answer: "
                        + String.join("; ", content.removed()));
            }
            textChanged |= h.createUpdate("""
                            insert into question_text (question_id, locale, title, content, updated, published,
                                meta_title, meta_description, meta_h1, no_index, no_follow, extra)
                            values (:id, :locale, :title, :content, :updated, :published, :metaTitle,
                                :metaDescription, :metaH1, :noIndex, :noFollow, cast(:extra as jsonb))
                            on conflict (question_id, locale) do update set title = excluded.title,
                                content = excluded.content, updated = excluded.updated,
                                published = excluded.published, meta_title = excluded.meta_title,
                                meta_description = excluded.meta_description, meta_h1 = excluded.meta_h1,
                                no_index = excluded.no_index, no_follow = excluded.no_follow,
                                extra = excluded.extra
                            where (question_text.title, question_text.content, question_text.updated,
                                    question_text.published, question_text.meta_title, question_text.meta_description,
                                    question_text.meta_h1, question_text.no_index, question_text.no_follow,
                                    question_text.extra)
                                is distinct from (excluded.title, excluded.content, excluded.updated,
                                    excluded.published, excluded.meta_title, excluded.meta_description,
                                    excluded.meta_h1, excluded.no_index, excluded.no_follow, excluded.extra)
                            """)
                            .bind("id", q.id())
                            .bind("locale", e.getKey())
                            .bind("title", t.title())
                            .bind("content", content.html())
                            .bind("updated", t.updated().orElse(null))
                            .bind(
                                    "published",
                                    t.published().map(Timestamp::valueOf).orElse(null))
                            .bind("metaTitle", t.metaTitle().orElse(null))
                            .bind("metaDescription", t.metaDescription().orElse(null))
                            .bind("metaH1", t.metaH1().orElse(null))
                            .bind("noIndex", t.noIndex())
                            .bind("noFollow", t.noFollow())
                            .bind("extra", json(t.extra()))
                            .execute()
                    > 0;
        }
        if (replaceLocales) {
            textChanged |=
                    h.createUpdate("delete from question_text where question_id = :id and locale <> all(:locales)")
                                    .bind("id", q.id())
                                    .bind("locales", q.locales().keySet().toArray(String[]::new))
                                    .execute()
                            > 0;
        }
        if (written.isEmpty() && textChanged) {
            // only a text changed: the question's revision still tells search to index it again
            h.createUpdate("update question set revision = :revision where id = :id")
                    .bind("id", q.id())
                    .bind("revision", revision)
                    .execute();
        }
        return Write.of(written.orElse(false), written.isPresent() || textChanged);
    }

    private static List<String> unknownFieldNotes(Bundle bundle) {
        var notes = new ArrayList<String>();
        if (!bundle.extra().isEmpty()) {
            notes.add(
                    "bundle: kept unknown fields " + bundle.extra().keySet() + " for export; komek does not use them");
        }
        bundle.sites().stream()
                .filter(s -> !s.extra().isEmpty())
                .forEach(s -> notes.add("site " + s.slug() + ": kept unknown fields "
                        + s.extra().keySet()));
        bundle.sections().stream()
                .filter(s -> !s.extra().isEmpty())
                .forEach(s -> notes.add("section " + s.site() + "/" + s.path() + ": kept unknown fields "
                        + s.extra().keySet()));
        for (var q : bundle.questions()) {
            if (!q.extra().isEmpty()) {
                notes.add("question " + q.id() + ": kept unknown fields "
                        + q.extra().keySet());
            }
            q.locales().forEach((code, t) -> {
                if (!t.extra().isEmpty()) {
                    notes.add("question " + q.id() + ", locale " + code + ": kept unknown fields "
                            + t.extra().keySet());
                }
            });
        }
        return notes;
    }

    /** The whole help center as a bundle: sites by position, sections depth first, questions by section and position. */
    public Bundle export() {
        return jdbi.inTransaction(h -> {
            h.execute("set transaction isolation level repeatable read, read only");
            var header = h.createQuery("select locales, default_locale, extra::text as extra from help_center")
                    .map((rs, ctx) -> new Object[] {
                        rs.getArray("locales").getArray(), rs.getString("default_locale"), rs.getString("extra")
                    })
                    .one();
            List<String> locales = Arrays.asList((String[]) header[0]);
            var sites = new ArrayList<Bundle.Site>();
            var siteSlugs = new ArrayList<String>();
            h.createQuery("select slug, extra::text as extra from site order by position, slug")
                    .map((rs, ctx) -> new String[] {rs.getString("slug"), rs.getString("extra")})
                    .forEach(row -> {
                        siteSlugs.add(row[0]);
                        sites.add(new Bundle.Site(
                                row[0], titles(h, "site_title", "site", row[0], locales), extra(row[1])));
                    });
            var sections = new ArrayList<Bundle.Section>();
            var sectionOrder = new ArrayList<Long>();
            var sectionExtra = new HashMap<Long, String>();
            for (String site : siteSlugs) {
                var rows = h.createQuery(
                                "select id, path, position, extra::text as extra from section where site = :site")
                        .bind("site", site)
                        .map((rs, ctx) -> {
                            sectionExtra.put(rs.getLong("id"), rs.getString("extra"));
                            return new Section(
                                    rs.getLong("id"),
                                    site,
                                    new SectionPath(rs.getString("path")),
                                    rs.getInt("position"),
                                    Map.of());
                        })
                        .list();
                for (Section s : new SectionTree(rows).all()) {
                    sectionOrder.add(s.id());
                    sections.add(new Bundle.Section(
                            site,
                            s.path().value(),
                            Optional.of(s.position()),
                            titles(h, "section_title", "section_id", s.id(), locales),
                            extra(sectionExtra.get(s.id()))));
                }
            }
            var texts = new HashMap<Long, Map<String, Bundle.QuestionLocale>>();
            h.createQuery("""
                            select question_id, locale, title, content, updated, published, meta_title,
                                   meta_description, meta_h1, no_index, no_follow, extra::text as extra
                            from question_text
                            """)
                    .map((rs, ctx) -> Map.entry(
                            rs.getLong("question_id"), Map.entry(rs.getString("locale"), questionLocale(rs, ctx))))
                    .forEach(e -> texts.computeIfAbsent(e.getKey(), k -> new HashMap<>())
                            .put(e.getValue().getKey(), e.getValue().getValue()));
            var rank = new HashMap<Long, Integer>();
            for (int i = 0; i < sectionOrder.size(); i++) {
                rank.put(sectionOrder.get(i), i);
            }
            var questions = h.createQuery("""
                            select q.id, q.site, q.section_id, s.path, q.position, q.pinned, q.canonical, q.votes_up,
                                   q.votes_down, q.usefulness, q.incomplete, q.extra::text as extra
                            from question q join section s on s.id = q.section_id
                            """)
                    .map((rs, ctx) -> {
                        long id = rs.getLong("id");
                        var byLocale = new LinkedHashMap<String, Bundle.QuestionLocale>();
                        var own = texts.getOrDefault(id, Map.of());
                        for (String l : locales) {
                            if (own.containsKey(l)) {
                                byLocale.put(l, own.get(l));
                            }
                        }
                        own.forEach(byLocale::putIfAbsent);
                        return Map.entry(rs.getLong("section_id"), questionRecord(rs, byLocale));
                    })
                    .list();
            var sorted = new ArrayList<>(questions);
            sorted.sort((a, b) -> {
                int c = Integer.compare(
                        rank.getOrDefault(a.getKey(), Integer.MAX_VALUE),
                        rank.getOrDefault(b.getKey(), Integer.MAX_VALUE));
                if (c != 0) {
                    return c;
                }
                c = Integer.compare(a.getValue().position(), b.getValue().position());
                return c != 0 ? c : Long.compare(a.getValue().id(), b.getValue().id());
            });
            return new Bundle(
                    locales,
                    (String) header[1],
                    sites,
                    sections,
                    sorted.stream().map(Map.Entry::getValue).toList(),
                    extra((String) header[2]));
        });
    }

    private Bundle.QuestionLocale questionLocale(ResultSet rs, StatementContext ctx) throws SQLException {
        var t = kz.komek.catalog.CatalogStore.text(rs, ctx);
        return new Bundle.QuestionLocale(
                t.title(),
                t.content(),
                t.updated(),
                t.published(),
                t.metaTitle(),
                t.metaDescription(),
                t.metaH1(),
                t.noIndex(),
                t.noFollow(),
                extra(rs.getString("extra")));
    }

    /** A row of {@code question q join section s} (q.*, s.path) with its texts. */
    private Bundle.Question questionRecord(ResultSet rs, Map<String, Bundle.QuestionLocale> byLocale)
            throws SQLException {
        long up = rs.getLong("votes_up");
        boolean noVotes = rs.wasNull();
        long down = rs.getLong("votes_down");
        double usefulness = rs.getDouble("usefulness");
        boolean noUsefulness = rs.wasNull();
        return new Bundle.Question(
                rs.getLong("id"),
                rs.getString("site"),
                rs.getString("path"),
                rs.getInt("position"),
                rs.getBoolean("pinned"),
                rs.getString("canonical"),
                noVotes ? Optional.empty() : Optional.of(new Bundle.Votes(up, down)),
                noUsefulness ? Optional.empty() : Optional.of(usefulness),
                rs.getBoolean("incomplete"),
                byLocale,
                extra(rs.getString("extra")));
    }

    private static Map<String, String> titles(
            Handle h, String table, String keyColumn, Object key, List<String> order) {
        var found = new HashMap<String, String>();
        h.createQuery("select locale, title from " + table + " where " + keyColumn + " = :key")
                .bind("key", key)
                .map((rs, ctx) -> Map.entry(rs.getString("locale"), rs.getString("title")))
                .forEach(e -> found.put(e.getKey(), e.getValue()));
        var titles = new LinkedHashMap<String, String>();
        for (String l : order) {
            if (found.containsKey(l)) {
                titles.put(l, found.remove(l));
            }
        }
        titles.putAll(found);
        return titles;
    }

    private static boolean siteMissing(Handle h, String slug) {
        return h.createQuery("select count(*) from site where slug = :slug")
                        .bind("slug", slug)
                        .mapTo(Integer.class)
                        .one()
                == 0;
    }

    private static Optional<Long> sectionId(Handle h, String site, String path) {
        return h.createQuery("select id from section where site = :site and path = :path")
                .bind("site", site)
                .bind("path", path)
                .mapTo(Long.class)
                .findOne();
    }

    private static int depth(String path) {
        return (int) path.chars().filter(c -> c == '/').count();
    }

    private String json(Map<String, JsonNode> extra) {
        ObjectNode o = mapper.createObjectNode();
        extra.forEach(o::set);
        try {
            return mapper.writeValueAsString(o);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private Map<String, JsonNode> extra(String json) {
        if (json == null) {
            return Map.of();
        }
        try {
            var map = new LinkedHashMap<String, JsonNode>();
            mapper.readTree(json).properties().forEach(e -> map.put(e.getKey(), e.getValue()));
            return map;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored extra fields are not JSON", e);
        }
    }
}
