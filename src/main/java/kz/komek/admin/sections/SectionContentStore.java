package kz.komek.admin.sections;

import static kz.komek.admin.sections.SectionStore.bySite;

import java.util.Map;
import org.jdbi.v3.core.Handle;

/**
 * The SQL of what sections hold: live questions and materials and the drafts naming them (counts for the tree and for
 * deleting), whether a section holds what another kind may not list (V15, decision 0036), its kind, and the material
 * revisions a move renames. Every method runs in the caller's transaction.
 */
final class SectionContentStore {
    /** Live questions and materials per section id of {@code site}. */
    Map<Long, Integer> liveCounts(Handle h, String site) {
        return bySite(h, """
                        select section_id, count(*) from (
                            select section_id from question where site = :site
                            union all select section_id from material where site = :site) live
                        group by section_id
                        """, site, (rs, ctx) -> Map.entry(rs.getLong(1), rs.getInt(2)));
    }

    /**
     * Questions and materials that exist only as drafts (not live; questions not deleted), per section path of
     * {@code site}.
     */
    Map<String, Integer> draftCounts(Handle h, String site) {
        return bySite(h, """
                        select section, count(*) from (
                            select r.record ->> 'section' as section
                            from question_head hd
                            join question_revision r
                              on r.question_id = hd.question_id and r.revision = hd.latest_revision
                            where hd.deleted_at is null and r.record ->> 'site' = :site
                              and not exists (select 1 from question q where q.id = hd.question_id)
                            union all
                            select r.record ->> 'section'
                            from material_head hd
                            join material_revision r
                              on r.material_id = hd.material_id and r.revision = hd.latest_revision
                            where r.record ->> 'site' = :site
                              and not exists (select 1 from material m where m.id = hd.material_id)) drafts
                        group by 1
                        """, site, (rs, ctx) -> Map.entry(rs.getString(1), rs.getInt(2)));
    }

    /** Live questions and materials under {@code path} (the section and its descendants). */
    int liveUnder(Handle h, String site, String path) {
        return h.createQuery("""
                        select (select count(*) from question q join section s on s.id = q.section_id
                                where s.site = :site and (s.path = :path or starts_with(s.path, :below)))
                             + (select count(*) from material m join section s on s.id = m.section_id
                                where s.site = :site and (s.path = :path or starts_with(s.path, :below)))
                        """)
                .bind("site", site)
                .bind("path", path)
                .bind("below", path + "/")
                .mapTo(Integer.class)
                .one();
    }

    /**
     * Questions (not deleted) and materials not live whose latest revision names {@code path} or a section below it.
     */
    int draftsUnder(Handle h, String site, String path) {
        return h.createQuery("""
                        select (select count(*) from question_head hd
                                join question_revision r
                                  on r.question_id = hd.question_id and r.revision = hd.latest_revision
                                where hd.deleted_at is null and r.record ->> 'site' = :site
                                  and (r.record ->> 'section' = :path or starts_with(r.record ->> 'section', :below))
                                  and not exists (select 1 from question q where q.id = hd.question_id))
                             + (select count(*) from material_head hd
                                join material_revision r
                                  on r.material_id = hd.material_id and r.revision = hd.latest_revision
                                where r.record ->> 'site' = :site
                                  and (r.record ->> 'section' = :path or starts_with(r.record ->> 'section', :below))
                                  and not exists (select 1 from material m where m.id = hd.material_id))
                        """)
                .bind("site", site)
                .bind("path", path)
                .bind("below", path + "/")
                .mapTo(Integer.class)
                .one();
    }

    /**
     * What section {@code site}/{@code path} holds that a section of {@code kind} may not list: questions (live or
     * drafts) unless it lists questions, and materials (live or drafts) of another kind than it lists.
     */
    int heldAgainst(Handle h, String site, String path, String kind) {
        return h.createQuery("""
                        select
                          (select count(*) from question q join section s on s.id = q.section_id
                           where :kind <> 'questions' and s.site = :site and s.path = :path)
                          + (select count(*) from question_head hd
                             join question_revision r
                               on r.question_id = hd.question_id and r.revision = hd.latest_revision
                             where :kind <> 'questions' and hd.deleted_at is null
                               and r.record ->> 'site' = :site and r.record ->> 'section' = :path
                               and not exists (select 1 from question q where q.id = hd.question_id))
                          + (select count(*) from material m join section s on s.id = m.section_id
                             where s.site = :site and s.path = :path and m.kind || 's' <> :kind)
                          + (select count(*) from material_head hd
                             join material_revision r
                               on r.material_id = hd.material_id and r.revision = hd.latest_revision
                             where r.record ->> 'site' = :site and r.record ->> 'section' = :path
                               and (r.record ->> 'kind') || 's' <> :kind
                               and not exists (select 1 from material m where m.id = hd.material_id))
                        """)
                .bind("site", site)
                .bind("path", path)
                .bind("kind", kind)
                .mapTo(Integer.class)
                .one();
    }

    void setKind(Handle h, long id, String kind) {
        h.createUpdate("update section set kind = :kind where id = :id")
                .bind("id", id)
                .bind("kind", kind)
                .execute();
    }

    /** A locked material head: the material, its latest revision, and whether readers see that one. */
    record MaterialHead(long id, int latest, boolean live) {}

    /**
     * Locks the heads of the materials whose latest revision names {@code oldPath} or a section below it, in id order
     * (before the writers' lock, as the material editor takes them).
     */
    java.util.List<MaterialHead> lockMaterialHeads(Handle h, String site, String oldPath) {
        return h.createQuery("""
                        select hd.material_id, hd.latest_revision, hd.published_revision = hd.latest_revision as live
                        from material_head hd
                        join material_revision r on r.material_id = hd.material_id and r.revision = hd.latest_revision
                        where r.record ->> 'site' = :site
                          and (r.record ->> 'section' = :old or starts_with(r.record ->> 'section', :below))
                        order by hd.material_id
                        for update of hd
                        """)
                .bind("site", site)
                .bind("old", oldPath)
                .bind("below", oldPath + "/")
                .map((rs, ctx) -> new MaterialHead(rs.getLong(1), rs.getInt(2), rs.getBoolean(3)))
                .list();
    }

    /**
     * Each of {@code heads} gets a copy of its latest revision naming the new path as its next revision (history is
     * never rewritten); one that was public at its latest stays public at the copy (its live row follows the section
     * by itself). Returns how many revisions it added.
     */
    int moveMaterialRevisions(
            Handle h,
            java.util.List<MaterialHead> heads,
            String oldPath,
            String newPath,
            long authorId,
            String author,
            String note) {
        for (MaterialHead head : heads) {
            int revision = head.latest() + 1;
            h.createUpdate("""
                            insert into material_revision (material_id, revision, record, author_id, author_name, note)
                            select material_id, :revision,
                                   jsonb_set(record, '{section}',
                                       to_jsonb(cast(:new as text) || substr(record ->> 'section', length(:old) + 1))),
                                   :authorId, :author, :note
                            from material_revision where material_id = :id and revision = :from
                            """)
                    .bind("id", head.id())
                    .bind("revision", revision)
                    .bind("from", head.latest())
                    .bind("old", oldPath)
                    .bind("new", newPath)
                    .bind("authorId", authorId)
                    .bind("author", author)
                    .bind("note", note)
                    .execute();
            h.createUpdate("""
                            update material_head set latest_revision = :revision,
                                published_revision = case when :live then :revision else published_revision end
                            where material_id = :id
                            """)
                    .bind("id", head.id())
                    .bind("revision", revision)
                    .bind("live", head.live())
                    .execute();
        }
        return heads.size();
    }
}
