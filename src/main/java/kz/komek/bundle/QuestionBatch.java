package kz.komek.bundle;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiConsumer;
import kz.komek.content.HtmlSanitizer;
import kz.komek.content.Sanitized;
import org.jdbi.v3.core.Handle;

/**
 * An import's questions written a few hundred at a time: each step of {@link QuestionWriter#write} (the old place
 * of a question that moved, the row, its texts, the revision of one whose text alone changed) is one statement over
 * the whole batch, its rows passed as arrays and unnested in PostgreSQL. What it writes and counts is what writing
 * them one by one writes and counts: rows compare with the stored ones the same way, and only those that differ
 * are written. One statement per step rather than one per question is what lets 100,000 questions import in
 * seconds rather than minutes.
 */
final class QuestionBatch {
    /** Questions per statement: enough to leave the round trips behind, few enough to keep a batch's texts small. */
    static final int SIZE = 500;

    private static final String MOVES = """
            insert into question_move (site, section_path, question_id)
            select q.site, s.path, q.id
            from unnest(cast(:ids as bigint[]), cast(:sites as text[]), cast(:sections as bigint[]))
                as n(id, site, section)
            join question q on q.id = n.id join section s on s.id = q.section_id
            where q.site <> n.site or q.section_id <> n.section
            on conflict (site, section_path, question_id) do update set moved_at = now()
            returning question_id
            """;

    // back to a place it once left: that place is its own again, not an old address
    private static final String RETURNS = """
            delete from question_move m
            using section s, unnest(cast(:ids as bigint[]), cast(:sections as bigint[])) as n(id, section)
            where m.question_id = n.id and s.id = n.section and m.site = s.site and m.section_path = s.path
            """;

    private static final String UPSERT = """
            insert into question (id, site, section_id, position, pinned, canonical, votes_up,
                votes_down, usefulness, incomplete, extra, revision)
            select n.id, n.site, n.section, n.position, n.pinned, n.canonical, n.up, n.down, n.usefulness,
                n.incomplete, cast(n.extra as jsonb), :revision
            from unnest(cast(:ids as bigint[]), cast(:sites as text[]), cast(:sections as bigint[]),
                    cast(:positions as int[]), cast(:pinned as boolean[]), cast(:canonicals as text[]),
                    cast(:ups as bigint[]), cast(:downs as bigint[]), cast(:usefulness as float8[]),
                    cast(:incomplete as boolean[]), cast(:extras as text[]))
                as n(id, site, section, position, pinned, canonical, up, down, usefulness, incomplete, extra)
            """ + QuestionWriter.QUESTION_CONFLICT + """
            returning id, (xmax = 0) as created, votes_up, votes_down, usefulness
            """;

    // dates and times travel as ISO text: PostgreSQL reads them as the local values they are, whatever the JVM's zone
    private static final String TEXTS = """
            insert into question_text (question_id, locale, title, content, updated, published,
                meta_title, meta_description, meta_h1, no_index, no_follow, phrasings, extra)
            select n.id, n.locale, n.title, n.content, cast(n.updated as date), cast(n.published as timestamp),
                n.meta_title, n.meta_description, n.meta_h1, n.no_index, n.no_follow,
                array(select jsonb_array_elements_text(cast(n.phrasings as jsonb))), cast(n.extra as jsonb)
            from unnest(cast(:ids as bigint[]), cast(:locales as text[]), cast(:titles as text[]),
                    cast(:contents as text[]), cast(:updated as text[]), cast(:published as text[]),
                    cast(:metaTitles as text[]), cast(:metaDescriptions as text[]), cast(:metaH1s as text[]),
                    cast(:noIndex as boolean[]), cast(:noFollow as boolean[]), cast(:phrasings as text[]),
                    cast(:extras as text[]))
                as n(id, locale, title, content, updated, published, meta_title, meta_description, meta_h1,
                    no_index, no_follow, phrasings, extra)
            """ + QuestionWriter.TEXT_CONFLICT + """
            returning question_id
            """;

    private final Handle h;
    private final HtmlSanitizer sanitizer;
    private final ExtraJson extra;
    private final ObjectMapper mapper = new ObjectMapper();
    private final List<String> notes;
    private final long revision;
    private final VotePolicy votes;
    private final BiConsumer<Bundle.Question, QuestionWriter.Outcome> written;

    private final List<Bundle.Question> questions = new ArrayList<>(SIZE);
    private final List<Long> sections = new ArrayList<>(SIZE);

    /**
     * @param notes gets what sanitizing took out of each answer, in the order of the questions
     * @param written told of each question once its batch is written, in the order they were added
     */
    QuestionBatch(
            Handle h,
            HtmlSanitizer sanitizer,
            ExtraJson extra,
            List<String> notes,
            long revision,
            VotePolicy votes,
            BiConsumer<Bundle.Question, QuestionWriter.Outcome> written) {
        this.h = h;
        this.sanitizer = sanitizer;
        this.extra = extra;
        this.notes = notes;
        this.revision = revision;
        this.votes = votes;
        this.written = written;
    }

    /** Adds a question listed in section {@code sectionId}; writes the batch when it is full. */
    void add(Bundle.Question q, long sectionId) {
        questions.add(q);
        sections.add(sectionId);
        if (questions.size() == SIZE) {
            flush();
        }
    }

    /** Writes what was added since the last write. */
    void flush() {
        if (questions.isEmpty()) {
            return;
        }
        int n = questions.size();
        Long[] ids = new Long[n];
        String[] sites = new String[n];
        Long[] sectionIds = sections.toArray(Long[]::new);
        for (int i = 0; i < n; i++) {
            ids[i] = questions.get(i).id();
            sites[i] = questions.get(i).site();
        }
        recordMoves(ids, sites, sectionIds);
        Map<Long, QuestionWriter.Outcome> rows = upsert(ids, sites, sectionIds);
        Set<Long> textChanged = texts();
        List<Long> textOnly = new ArrayList<>();
        for (Long id : textChanged) {
            if (!rows.containsKey(id)) {
                textOnly.add(id);
            }
        }
        if (!textOnly.isEmpty()) {
            // only a text changed: the question's revision still tells search to index it again
            h.createUpdate("update question set revision = :revision where id = any(:ids)")
                    .bind("revision", revision)
                    .bind("ids", textOnly.stream().mapToLong(Long::longValue).toArray())
                    .execute();
        }
        for (Bundle.Question q : questions) {
            var row = rows.get(q.id());
            boolean created = row != null && row.write() == RecordWrite.CREATED;
            boolean changed = row != null || textChanged.contains(q.id());
            written.accept(
                    q,
                    new QuestionWriter.Outcome(
                            RecordWrite.of(created, changed), row == null ? Optional.empty() : row.votes()));
        }
        questions.clear();
        sections.clear();
    }

    /** A question that changes section or site keeps its old URLs (301); a new question records nothing. */
    private void recordMoves(Long[] ids, String[] sites, Long[] sectionIds) {
        Set<Long> moved = new HashSet<>(h.createQuery(MOVES)
                .bind("ids", ids)
                .bind("sites", sites)
                .bind("sections", sectionIds)
                .mapTo(Long.class)
                .list());
        if (moved.isEmpty()) {
            return;
        }
        var movedIds = new ArrayList<Long>();
        var movedTo = new ArrayList<Long>();
        for (int i = 0; i < ids.length; i++) {
            if (moved.contains(ids[i])) {
                movedIds.add(ids[i]);
                movedTo.add(sectionIds[i]);
            }
        }
        h.createUpdate(RETURNS)
                .bind("ids", movedIds.toArray(Long[]::new))
                .bind("sections", movedTo.toArray(Long[]::new))
                .execute();
    }

    /**
     * The rows written (new or changed), with whether new and the counts written; a question missing here was
     * stored already exactly so.
     */
    private Map<Long, QuestionWriter.Outcome> upsert(Long[] ids, String[] sites, Long[] sectionIds) {
        int n = ids.length;
        var positions = new Integer[n];
        var pinned = new Boolean[n];
        var canonicals = new String[n];
        var ups = new Long[n];
        var downs = new Long[n];
        var usefulness = new Double[n];
        var incomplete = new Boolean[n];
        var extras = new String[n];
        for (int i = 0; i < n; i++) {
            var q = questions.get(i);
            positions[i] = q.position();
            pinned[i] = q.pinned();
            canonicals[i] = q.canonical();
            ups[i] = q.votes().map(Bundle.Votes::up).orElse(null);
            downs[i] = q.votes().map(Bundle.Votes::down).orElse(null);
            usefulness[i] = q.usefulness().orElse(null);
            incomplete[i] = q.incomplete();
            extras[i] = extra.write(q.extra());
        }
        var rows = new HashMap<Long, QuestionWriter.Outcome>();
        // xmax is 0 on a row this statement inserted, set on one it updated; no row: stored and already equal
        h.createQuery(UPSERT)
                .bind("ids", ids)
                .bind("sites", sites)
                .bind("sections", sectionIds)
                .bind("positions", positions)
                .bind("pinned", pinned)
                .bind("canonicals", canonicals)
                .bind("ups", ups)
                .bind("downs", downs)
                .bind("usefulness", usefulness)
                .bind("incomplete", incomplete)
                .bind("extras", extras)
                .bind("revision", revision)
                .bind("votes", votes.code())
                .map((rs, ctx) -> Map.entry(
                        rs.getLong("id"),
                        new QuestionWriter.Outcome(
                                rs.getBoolean("created") ? RecordWrite.CREATED : RecordWrite.UPDATED,
                                Optional.of(QuestionWriter.counts(rs)))))
                .forEach(e -> rows.put(e.getKey(), e.getValue()));
        return rows;
    }

    /** Writes the batch's texts, each answer sanitized on the way in; returns the questions a text of changed. */
    private Set<Long> texts() {
        var ids = new ArrayList<Long>();
        var locales = new ArrayList<String>();
        var titles = new ArrayList<String>();
        var contents = new ArrayList<String>();
        var updated = new ArrayList<String>();
        var published = new ArrayList<String>();
        var metaTitles = new ArrayList<String>();
        var metaDescriptions = new ArrayList<String>();
        var metaH1s = new ArrayList<String>();
        var noIndex = new ArrayList<Boolean>();
        var noFollow = new ArrayList<Boolean>();
        var phrasings = new ArrayList<String>();
        var extras = new ArrayList<String>();
        for (Bundle.Question q : questions) {
            for (var e : q.locales().entrySet()) {
                var t = e.getValue();
                // Answers are made safe on the way in; the report says what was taken out, per question.
                Sanitized content = sanitizer.sanitize(t.content());
                if (content.changed()) {
                    notes.add("question " + q.id() + ", locale " + e.getKey() + ": removed from the answer: "
                            + String.join("; ", content.removed()));
                }
                ids.add(q.id());
                locales.add(e.getKey());
                titles.add(t.title());
                contents.add(content.html());
                updated.add(t.updated().map(LocalDate::toString).orElse(null));
                published.add(t.published().map(Object::toString).orElse(null));
                metaTitles.add(t.metaTitle().orElse(null));
                metaDescriptions.add(t.metaDescription().orElse(null));
                metaH1s.add(t.metaH1().orElse(null));
                noIndex.add(t.noIndex());
                noFollow.add(t.noFollow());
                phrasings.add(json(t.phrasings().texts()));
                extras.add(extra.write(t.extra()));
            }
        }
        if (ids.isEmpty()) {
            return Set.of();
        }
        return new HashSet<>(h.createQuery(TEXTS)
                .bind("ids", ids.toArray(Long[]::new))
                .bind("locales", locales.toArray(String[]::new))
                .bind("titles", titles.toArray(String[]::new))
                .bind("contents", contents.toArray(String[]::new))
                .bind("updated", updated.toArray(String[]::new))
                .bind("published", published.toArray(String[]::new))
                .bind("metaTitles", metaTitles.toArray(String[]::new))
                .bind("metaDescriptions", metaDescriptions.toArray(String[]::new))
                .bind("metaH1s", metaH1s.toArray(String[]::new))
                .bind("noIndex", noIndex.toArray(Boolean[]::new))
                .bind("noFollow", noFollow.toArray(Boolean[]::new))
                .bind("phrasings", phrasings.toArray(String[]::new))
                .bind("extras", extras.toArray(String[]::new))
                .mapTo(Long.class)
                .list());
    }

    private String json(List<String> list) {
        try {
            return mapper.writeValueAsString(list);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
