package kz.komek.bundle;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import kz.komek.catalog.QuestionMoves;
import kz.komek.catalog.SectionKind;
import kz.komek.content.HtmlSanitizer;
import kz.komek.progress.Progress;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Writes a bundle into the catalog tables and reads the catalog back as a bundle.
 *
 * <p>Import merges by key (site slug, site + section path, question id) in one transaction: a problem anywhere
 * rolls back everything, so the database is as it was. Every import bumps {@code help_center.version}, which
 * tells running servers to drop what they cached. A stored question's vote counts are readers' data: a
 * {@link VotePolicy} says whether the bundle's replace them, are added to them or (by default) leave them alone.
 */
public final class BundleStore {
    private final Jdbi jdbi;
    private final ExtraJson extra = new ExtraJson();
    private final QuestionWriter writer;
    private final MaterialWriter materials;
    private final SectionWriter sectionWriter;
    private final HtmlSanitizer sanitizer = new HtmlSanitizer();
    private final BundleExport exports = new BundleExport();
    private final BundleJson json = new BundleJson();

    /** Questions written by one import from which it refreshes the planner's statistics of their tables. */
    static final int ANALYZE_AFTER = 10_000;

    public BundleStore(Jdbi jdbi) {
        this.jdbi = jdbi;
        this.writer = new QuestionWriter(new QuestionMoves(jdbi), extra);
        this.materials = new MaterialWriter(extra);
        this.sectionWriter = new SectionWriter(extra);
    }

    /** Imports keeping stored questions' vote counts ({@link VotePolicy#DEFAULT}). */
    public ImportReport importBundle(Bundle bundle, List<String> findings) {
        return importBundle(bundle, findings, VotePolicy.DEFAULT, false);
    }

    /** With {@code dryRun}, everything is checked and counted, then rolled back. */
    public ImportReport importBundle(Bundle bundle, List<String> findings, VotePolicy votes, boolean dryRun) {
        return importBundle(BundleInput.of(bundle), findings, votes, dryRun, Progress.NONE);
    }

    /**
     * Imports a bundle whose questions are handed over one at a time (a file read as it is written), in one
     * transaction; {@code progress} hears of every question written. With {@code dryRun}, everything is checked and
     * counted, then rolled back.
     */
    public ImportReport importBundle(
            BundleInput input, List<String> findings, VotePolicy votes, boolean dryRun, Progress progress) {
        return jdbi.inTransaction(h -> {
            ImportReport report = importBundle(h, input, findings, votes, progress);
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
    public ImportReport importBundle(Handle h, Bundle bundle, List<String> findings, VotePolicy votes) {
        return importBundle(h, BundleInput.of(bundle), findings, votes, Progress.NONE);
    }

    /** As {@link #importBundle(Handle, Bundle, List, VotePolicy)}, the questions handed over one at a time. */
    public ImportReport importBundle(
            Handle h, BundleInput input, List<String> findings, VotePolicy votes, Progress progress) {
        Bundle bundle = input.head();
        // One import at a time: two concurrent merges could otherwise interleave positions and parents.
        h.execute("lock table help_center in exclusive mode");
        // Every question this import writes carries the new version, so search indexes find what changed.
        long revision = h.createQuery("select version + 1 from help_center")
                .mapTo(Long.class)
                .one();
        var notes = new ArrayList<>(findings);
        notes.addAll(BundleInput.unknownFieldNotes(bundle));
        notes.addAll(input.questionNotes());
        var sites = new Tally();
        sectionWriter.importSites(h, bundle, sites);
        var sections = new Tally();
        var retitled = new ArrayList<Long>();
        sectionWriter.importSections(h, bundle, notes, sections, retitled);
        var questions = new Tally();
        var changed = new ArrayList<Long>();
        var voteChanges = new ArrayList<ImportReport.VoteChange>();
        importQuestions(h, input, notes, revision, votes, questions, changed, voteChanges, progress);
        var materialTally = new Tally();
        materials.importAll(h, bundle.materials(), revision, (m, write) -> materialTally.add(write));
        // a section whose kind changed must not keep listing what its new kind does not
        MaterialWriter.requireKindsHold(h);
        // Section titles, down from the product, are part of a question's (and a material's) search documents:
        // re-index every one in or below a retitled section.
        if (!retitled.isEmpty()) {
            for (String table : new String[] {"question", "material"}) {
                h.createUpdate("""
                                update %s set revision = :revision
                                where section_id in (
                                    select s.id from section s join section r on r.site = s.site
                                    where r.id = any(:ids) and (s.path = r.path or starts_with(s.path, r.path || '/')))
                                """.formatted(table))
                        .bind("revision", revision)
                        .bind(
                                "ids",
                                retitled.stream().mapToLong(Long::longValue).toArray())
                        .execute();
            }
        }
        importHeader(h, bundle);
        if (questions.counts().created() + questions.counts().updated() >= ANALYZE_AFTER) {
            // Planner statistics for what was just written: without them, the next reads (an export, the search
            // index's rebuild) are planned for the tables as they were, until autovacuum gets to them; a command
            // line stops its embedded PostgreSQL before it does. Seen inside the transaction, rolled back with it.
            h.execute("analyze question, question_text");
        }
        h.execute("update help_center set version = version + 1");
        return new ImportReport(
                sites.counts(),
                sections.counts(),
                questions.counts(),
                materialTally.counts(),
                changed,
                votes,
                voteChanges,
                notes);
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
                .bind("extra", extra.write(bundle.extra()))
                .execute();
    }

    /**
     * Questions the bundle names that editors have a draft of, newer than what readers see: the import makes the
     * bundle's text public, and the draft stays in the question's history (the next admin write files the imported
     * text as the newest revision; the draft can be restored from there). Said in the report, so whoever imports
     * knows before applying.
     */
    private static void draftNotes(Handle h, long[] ids, List<String> notes) {
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

    /**
     * Writes the bundle's questions, a batch at a time; {@code changed} gets the ids of the new and changed ones, in
     * bundle order, and {@code voteChanges} the stored ones whose counts {@code votes} changed.
     */
    private void importQuestions(
            Handle h,
            BundleInput input,
            List<String> notes,
            long revision,
            VotePolicy votes,
            Tally tally,
            List<Long> changed,
            List<ImportReport.VoteChange> voteChanges,
            Progress progress) {
        var sectionIds = new HashMap<String, Long>();
        var stored = QuestionWriter.lockCounts(h, input.ids());
        progress.phase("importing", input.size(), "questions");
        int[] done = {0};
        var batch = new QuestionBatch(h, sanitizer, extra, notes, revision, votes, (q, outcome) -> {
            tally.add(outcome.write());
            if (outcome.write() != RecordWrite.UNCHANGED) {
                changed.add(q.id());
            }
            var before = stored.get(q.id());
            outcome.votes()
                    .filter(after -> before != null && !before.equals(after))
                    .ifPresent(after -> voteChanges.add(new ImportReport.VoteChange(q.id(), before, after)));
            progress.at(++done[0]);
        });
        input.questions().accept(q -> {
            long sectionId = sectionIds.computeIfAbsent(q.site() + "/" + q.section(), k -> sectionIdOf(h, q));
            batch.add(q, sectionId);
        });
        batch.flush();
        draftNotes(h, input.ids(), notes);
    }

    /**
     * The section question {@code q} is listed in; a {@link BundleException} naming the field when its site or
     * section does not exist, or the section lists videos or documents.
     */
    public long sectionIdOf(Handle h, Bundle.Question q) {
        String where = "question " + q.id();
        if (SectionWriter.siteMissing(h, q.site())) {
            throw BundleException.field(
                    where, "site", BundleException.Kind.OTHER, "site \"" + q.site() + "\" does not exist");
        }
        var section = MaterialWriter.section(h, q.site(), q.section())
                .orElseThrow(() -> BundleException.field(
                        where,
                        "section",
                        BundleException.Kind.OTHER,
                        "section \"" + q.section() + "\" does not exist in site \"" + q.site() + "\""));
        if (section.kind() != SectionKind.QUESTIONS) {
            throw BundleException.field(
                    where,
                    "section",
                    BundleException.Kind.OTHER,
                    "section \"" + q.section() + "\" lists " + section.kind().code() + ", not questions");
        }
        return section.id();
    }

    /**
     * Makes one material record public, in the caller's transaction (the admin's publish): written as an import
     * writes it, its locales replacing the stored ones. Bumps the content version, as every content write does.
     */
    public void publishMaterial(Handle h, Bundle.Material m) {
        h.execute("lock table help_center in exclusive mode");
        materials.write(h, m, MaterialWriter.sectionIdOf(h, m), nextVersion(h), true);
        h.execute("update help_center set version = version + 1");
    }

    /**
     * Refuses, naming the field, a material record whose section does not exist or lists another kind: what a draft
     * must name to be published later.
     */
    public void requireMaterialSection(Handle h, Bundle.Material m) {
        MaterialWriter.sectionIdOf(h, m);
    }

    /** Removes material {@code id} from the live tables (the admin's unpublish); returns whether there was one. */
    public boolean removeMaterial(Handle h, long id) {
        h.execute("lock table help_center in exclusive mode");
        boolean removed = MaterialWriter.remove(h, id);
        if (removed) {
            h.execute("update help_center set version = version + 1");
        }
        return removed;
    }

    /** The live record of material {@code id}, read in the caller's transaction. */
    public Optional<Bundle.Material> material(Handle h, long id) {
        return exports.material(h, id);
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
        // the record carries the counts its writer read from the live row (or had parked): it is the whole question
        writer.write(h, q, sectionIdOf(h, q), notes, revision, true, VotePolicy.REPLACE);
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
        return exports.question(h, id);
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

    /** The whole help center as a bundle: sites by position, sections depth first, questions by section and position. */
    public Bundle export() {
        return jdbi.inTransaction(h -> {
            h.execute("set transaction isolation level repeatable read, read only");
            return exports.export(h);
        });
    }

    /**
     * Writes the whole help center to {@code out} as {@link #export()} lists it, byte for byte what {@link
     * BundleJson#write(Bundle)} gives, without holding it: the questions come through a cursor, one snapshot of the
     * database throughout. {@code progress} hears of every question written.
     */
    public void export(Writer out, Progress progress) throws IOException {
        jdbi.useTransaction(h -> {
            h.execute("set transaction isolation level repeatable read, read only");
            var head = exports.head(h);
            long total = h.createQuery("select count(*) from question")
                    .mapTo(Long.class)
                    .one();
            progress.phase("", total, "questions");
            long[] done = {0};
            json.write(
                    out,
                    head.bundle(),
                    sink -> exports.questions(h, head, q -> {
                        sink.accept(q);
                        progress.at(++done[0]);
                    }));
        });
    }
}
