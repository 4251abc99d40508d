package kz.komek.bundle;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import kz.komek.catalog.QuestionMoves;
import kz.komek.content.HtmlSanitizer;
import kz.komek.content.Sanitized;
import org.jdbi.v3.core.Handle;

/**
 * Writes one question record into the live tables, as an import and the admin's publish both do: the row, its
 * sanitized texts, and the old place of a question that moved.
 */
final class QuestionWriter {
    private final HtmlSanitizer sanitizer = new HtmlSanitizer();
    private final QuestionMoves moves;
    private final ExtraJson extra;

    QuestionWriter(QuestionMoves moves, ExtraJson extra) {
        this.moves = moves;
        this.extra = extra;
    }

    /**
     * What writing one question did: to the record, and the vote counts of the row it wrote (empty when it wrote no
     * row: the stored one was already equal).
     */
    record Outcome(RecordWrite write, Optional<ImportReport.VoteCounts> votes) {}

    // The vote columns as the upsert sets them, by the policy bound as :votes; "question" is the stored row,
    // "excluded" the bundle's. The same expressions decide whether the row differs, so a kept count is no change.
    private static final String VOTES_UP = counted("votes_up");
    private static final String VOTES_DOWN = counted("votes_down");
    private static final String USEFULNESS = """
            case cast(:votes as text) when 'replace' then excluded.usefulness when 'keep' then question.usefulness
                else coalesce(question.usefulness, excluded.usefulness) end""";

    /** A count by the policy; "add" sums what both sides counted and stays null only when neither counted. */
    private static String counted(String column) {
        return """
                case cast(:votes as text) when 'replace' then excluded.%1$s when 'keep' then question.%1$s
                    else coalesce(question.%1$s + excluded.%1$s, question.%1$s, excluded.%1$s) end""".formatted(column);
    }

    /**
     * How a stored question row takes an imported one: only when something differs, its counts by the vote policy.
     * One text for writing one question and a batch ({@link QuestionBatch}), so both compare alike.
     */
    static final String QUESTION_CONFLICT = """
            on conflict (id) do update set site = excluded.site, section_id = excluded.section_id,
                position = excluded.position, pinned = excluded.pinned, canonical = excluded.canonical,
                votes_up = %1$s, votes_down = %2$s, usefulness = %3$s, incomplete = excluded.incomplete,
                extra = excluded.extra, revision = excluded.revision
            where (question.site, question.section_id, question.position, question.pinned,
                    question.canonical, question.votes_up, question.votes_down, question.usefulness,
                    question.incomplete, question.extra)
                is distinct from (excluded.site, excluded.section_id, excluded.position, excluded.pinned,
                    excluded.canonical, %1$s, %2$s, %3$s, excluded.incomplete, excluded.extra)
            """.formatted(VOTES_UP, VOTES_DOWN, USEFULNESS);

    /** How a stored text takes an imported one: only when something differs (one text for one and for a batch). */
    static final String TEXT_CONFLICT = """
            on conflict (question_id, locale) do update set title = excluded.title,
                content = excluded.content, updated = excluded.updated,
                published = excluded.published, meta_title = excluded.meta_title,
                meta_description = excluded.meta_description, meta_h1 = excluded.meta_h1,
                no_index = excluded.no_index, no_follow = excluded.no_follow,
                phrasings = excluded.phrasings, extra = excluded.extra
            where (question_text.title, question_text.content, question_text.updated,
                    question_text.published, question_text.meta_title, question_text.meta_description,
                    question_text.meta_h1, question_text.no_index, question_text.no_follow,
                    question_text.phrasings, question_text.extra)
                is distinct from (excluded.title, excluded.content, excluded.updated,
                    excluded.published, excluded.meta_title, excluded.meta_description,
                    excluded.meta_h1, excluded.no_index, excluded.no_follow, excluded.phrasings,
                    excluded.extra)
            """;

    private static final String UPSERT =
            """
            insert into question (id, site, section_id, position, pinned, canonical, votes_up,
                votes_down, usefulness, incomplete, extra, revision)
            values (:id, :site, :section, :position, :pinned, :canonical, :up, :down, :usefulness,
                :incomplete, cast(:extra as jsonb), :revision)
            """ + QUESTION_CONFLICT + "returning (xmax = 0) as created, votes_up, votes_down, usefulness\n";

    /** The row the upsert wrote: whether it was new, and its counts. */
    private record Row(boolean created, ImportReport.VoteCounts votes) {}

    /**
     * The vote counts of the stored questions among {@code ids}, locked as a vote locks them ({@code for no key
     * update}): until the import ends no vote moves them, so what they were before the import is exact.
     */
    static Map<Long, ImportReport.VoteCounts> lockCounts(Handle h, long[] ids) {
        var counts = new HashMap<Long, ImportReport.VoteCounts>();
        h.createQuery("""
                        select id, votes_up, votes_down, usefulness from question where id = any(:ids)
                        order by id for no key update
                        """)
                .bind("ids", ids)
                .map((rs, ctx) -> Map.entry(rs.getLong("id"), counts(rs)))
                .forEach(e -> counts.put(e.getKey(), e.getValue()));
        return counts;
    }

    /**
     * Writes one question and says whether it was new, changed or already so. A row already equal is not written,
     * so its {@code revision} stays and search does not index it again. Each text is sanitized; {@code notes} gets
     * what was removed. {@code votes} says what happens to a stored question's counts.
     */
    Outcome write(
            Handle h,
            Bundle.Question q,
            long sectionId,
            List<String> notes,
            long revision,
            boolean replaceLocales,
            VotePolicy votes) {
        // a question that changes section or site keeps its old URLs (301), in this same transaction; a new
        // question records nothing
        moves.recordMove(h, q.id(), q.site(), sectionId);
        // xmax is 0 on a row this statement inserted, set on one it updated; no row: stored and already equal
        Optional<Row> written = h.createQuery(UPSERT)
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
                .bind("extra", extra.write(q.extra()))
                .bind("revision", revision)
                .bind("votes", votes.code())
                .map((rs, ctx) -> new Row(rs.getBoolean("created"), counts(rs)))
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
                                    insert into question_text (question_id, locale, title, content, updated,
                                        published, meta_title, meta_description, meta_h1, no_index, no_follow,
                                        phrasings, extra)
                                    values (:id, :locale, :title, :content, :updated, :published, :metaTitle,
                                        :metaDescription, :metaH1, :noIndex, :noFollow, :phrasings,
                                        cast(:extra as jsonb))
                                    """ + TEXT_CONFLICT)
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
                            .bind("phrasings", t.phrasings().texts().toArray(String[]::new))
                            .bind("extra", extra.write(t.extra()))
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
        boolean created = written.map(Row::created).orElse(false);
        return new Outcome(RecordWrite.of(created, written.isPresent() || textChanged), written.map(Row::votes));
    }

    static ImportReport.VoteCounts counts(ResultSet rs) throws SQLException {
        long u = rs.getLong("votes_up");
        boolean noCounts = rs.wasNull();
        long d = rs.getLong("votes_down");
        double r = rs.getDouble("usefulness");
        boolean noRatio = rs.wasNull();
        return new ImportReport.VoteCounts(
                noCounts ? Optional.empty() : Optional.of(new Bundle.Votes(u, d)),
                noRatio ? Optional.empty() : Optional.of(r));
    }
}
