package kz.komek.catalog;

import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * The history of where questions were listed, so that old URLs keep working after a question moves: a question
 * asked for under a section (or site) it has left redirects to its page, and a section that no longer exists
 * redirects to where its questions went.
 */
public final class QuestionMoves {
    private final Jdbi jdbi;

    public QuestionMoves(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** A section page: site and path. */
    public record Place(String site, SectionPath path) {}

    /**
     * Records that question {@code id} leaves its current place, if {@code site}/{@code sectionId} is another one.
     * Runs in the caller's transaction (the import), before the question is written to its new place.
     */
    public void recordMove(Handle h, long id, String site, long sectionId) {
        int moved = h.createUpdate("""
                        insert into question_move (site, section_path, question_id)
                        select q.site, s.path, q.id
                        from question q join section s on s.id = q.section_id
                        where q.id = :id and (q.site <> :site or q.section_id <> :section)
                        on conflict (site, section_path, question_id) do update set moved_at = now()
                        """)
                .bind("id", id)
                .bind("site", site)
                .bind("section", sectionId)
                .execute();
        if (moved > 0) {
            // back to a place it once left: that place is its own again, not an old address
            h.createUpdate("""
                            delete from question_move m using section s
                            where m.question_id = :id and s.id = :section and m.site = s.site
                              and m.section_path = s.path
                            """).bind("id", id).bind("section", sectionId).execute();
        }
    }

    /** Whether question {@code id} was once listed under {@code sectionPath} of {@code site}. */
    public boolean wasAt(String site, String sectionPath, long id) {
        return jdbi.withHandle(h -> h.createQuery("""
                        select count(*) from question_move
                        where site = :site and section_path = :path and question_id = :id
                        """)
                        .bind("site", site)
                        .bind("path", sectionPath)
                        .bind("id", id)
                        .mapTo(Integer.class)
                        .one()
                > 0);
    }

    /** Where section {@code path} of {@code site} went when an editor moved or renamed it (section_move). */
    public Optional<SectionPath> sectionMovedTo(String site, SectionPath path) {
        return jdbi.withHandle(
                h -> h.createQuery("select new_path from section_move where site = :site and old_path = :path")
                        .bind("site", site)
                        .bind("path", path.value())
                        .mapTo(String.class)
                        .findOne()
                        .map(SectionPath::new));
    }

    /**
     * Where the questions that left {@code path} (or sections below it) are now, at the same depth: for a renamed
     * theme {@code bonus/old} whose {@code bonus/old/general} moved to {@code bonus/new/general}, {@code bonus/new}.
     * The place most of them went wins; on a tie, the latest move.
     */
    public Optional<Place> newPlaceOf(String site, SectionPath path) {
        record Row(String site, String path, Instant movedAt) {}
        List<Row> rows = jdbi.withHandle(h -> h.createQuery("""
                        select q.site, s.path, m.moved_at
                        from question_move m
                        join question q on q.id = m.question_id
                        join section s on s.id = q.section_id
                        where m.site = :site and (m.section_path = :path or starts_with(m.section_path, :below))
                        """)
                .bind("site", site)
                .bind("path", path.value())
                .bind("below", path.value() + "/")
                .map((rs, ctx) -> new Row(
                        rs.getString("site"),
                        rs.getString("path"),
                        rs.getTimestamp("moved_at").toInstant()))
                .list());
        var count = new HashMap<Place, Integer>();
        var latest = new HashMap<Place, Instant>();
        for (Row row : rows) {
            List<SectionPath> lineage = new SectionPath(row.path()).lineage();
            var place = new Place(row.site(), lineage.get(Math.min(path.depth(), lineage.size()) - 1));
            count.merge(place, 1, Integer::sum);
            latest.merge(place, row.movedAt(), (a, b) -> a.isAfter(b) ? a : b);
        }
        Comparator<Place> byCount = Comparator.comparing(count::get);
        return count.keySet().stream().max(byCount.thenComparing(latest::get));
    }
}
