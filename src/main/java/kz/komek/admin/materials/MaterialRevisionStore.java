package kz.komek.admin.materials;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import kz.komek.admin.Actor;
import org.jdbi.v3.core.Handle;

/**
 * The SQL of material revisions ({@code material_revision}) and of the head row that orders them
 * ({@code material_head}), as {@code admin.questions.RevisionStore} keeps a question's. Every method runs in the
 * caller's transaction: the editor writes revisions, the live tables and the audit row in one.
 */
final class MaterialRevisionStore {
    /** A material's head row; {@code latest} is 0 only inside the transaction that creates it. */
    record Head(long id, int latest, Optional<Integer> published) {}

    /** A stored revision; {@code record} is the bundle record as JSON text. */
    record Stored(
            int revision,
            String record,
            Optional<Long> authorId,
            String authorName,
            Instant createdAt,
            Optional<String> note,
            Optional<Instant> publishedAt) {}

    /** A material as the list shows it: its latest record's title, place and kind, and whether readers see it. */
    record Listed(
            long id,
            String kind,
            String site,
            String section,
            int position,
            String title,
            int latest,
            Optional<Integer> published,
            boolean live) {}

    Optional<Head> head(Handle h, long id) {
        return h.createQuery("select * from material_head where material_id = :id")
                .bind("id", id)
                .map((rs, ctx) -> head(rs))
                .findOne();
    }

    /** The head row of material {@code id}, created if need be, locked until the transaction ends. */
    Head lockHead(Handle h, long id) {
        h.createUpdate("insert into material_head (material_id) values (:id) on conflict (material_id) do nothing")
                .bind("id", id)
                .execute();
        return h.createQuery("select * from material_head where material_id = :id for update")
                .bind("id", id)
                .map((rs, ctx) -> head(rs))
                .one();
    }

    /** Appends revision {@code latest + 1} (the head must be locked); returns its number. */
    int append(Handle h, long id, String recordJson, Optional<Actor> author, Optional<String> note) {
        int revision = h.createQuery("""
                        update material_head set latest_revision = latest_revision + 1 where material_id = :id
                        returning latest_revision
                        """).bind("id", id).mapTo(Integer.class).one();
        h.createUpdate("""
                        insert into material_revision (material_id, revision, record, author_id, author_name, note)
                        values (:id, :revision, cast(:record as jsonb), :authorId, :authorName, :note)
                        """)
                .bind("id", id)
                .bind("revision", revision)
                .bind("record", recordJson)
                .bind("authorId", author.map(a -> a.principal().userId()).orElse(null))
                // komek itself files what an import made public, before an editor's first change
                .bind("authorName", author.map(a -> a.principal().name()).orElse("komek"))
                .bind("note", note.orElse(null))
                .execute();
        return revision;
    }

    Optional<Stored> revision(Handle h, long id, int revision) {
        return h.createQuery("""
                        select revision, record::text as record, author_id, author_name, created_at, note, published_at
                        from material_revision where material_id = :id and revision = :revision
                        """)
                .bind("id", id)
                .bind("revision", revision)
                .map((rs, ctx) -> stored(rs))
                .findOne();
    }

    /** Every revision of material {@code id}, newest first, without their records. */
    List<Stored> list(Handle h, long id) {
        return h.createQuery("""
                        select revision, '' as record, author_id, author_name, created_at, note, published_at
                        from material_revision where material_id = :id
                        order by revision desc
                        """).bind("id", id).map((rs, ctx) -> stored(rs)).list();
    }

    /** The live tables now hold {@code revision} (empty: nothing); a revision's first publication is kept. */
    void setPublished(Handle h, long id, Optional<Integer> revision) {
        h.createUpdate("update material_head set published_revision = :revision where material_id = :id")
                .bind("id", id)
                .bind("revision", revision.orElse(null))
                .execute();
        revision.ifPresent(
                r -> h.createUpdate("""
                        update material_revision set published_at = coalesce(published_at, now())
                        where material_id = :id and revision = :revision
                        """).bind("id", id).bind("revision", r).execute());
    }

    /** The advisory lock that hands out new material ids one at a time. */
    private static final long NEW_ID_LOCK = 0x6b6f6d656b02L;

    /** One more than the greatest material id komek knows, live or draft, under a lock held until the end. */
    long nextId(Handle h) {
        h.execute("select pg_advisory_xact_lock(" + NEW_ID_LOCK + ")");
        return h.createQuery("""
                        select greatest((select coalesce(max(id), 0) from material),
                                        (select coalesce(max(material_id), 0) from material_head)) + 1
                        """).mapTo(Long.class).one();
    }

    /**
     * Every material, live or only in the admin, by section then position and id: its latest revision where editors
     * have one, else its live row ({@code section}: only those of site/path, when given).
     */
    List<Listed> list(Handle h, Optional<String> site, Optional<String> section) {
        return h.createQuery("""
                        select id, kind, site, section, position, title, latest, published, live from (
                            select hd.material_id as id, r.record ->> 'kind' as kind, r.record ->> 'site' as site,
                                   r.record ->> 'section' as section, coalesce((r.record ->> 'position')::int, 0)
                                       as position,
                                   coalesce(r.record -> 'locales' -> 'ru' ->> 'title',
                                            r.record -> 'locales' -> 'kz' ->> 'title', '') as title,
                                   hd.latest_revision as latest, hd.published_revision as published,
                                   exists (select 1 from material m where m.id = hd.material_id) as live
                            from material_head hd
                            join material_revision r
                              on r.material_id = hd.material_id and r.revision = hd.latest_revision
                            union all
                            select m.id, m.kind, m.site, s.path, m.position,
                                   coalesce(ru.title, kz.title, ''), 0, null, true
                            from material m
                            join section s on s.id = m.section_id
                            left join material_text ru on ru.material_id = m.id and ru.locale = 'ru'
                            left join material_text kz on kz.material_id = m.id and kz.locale = 'kz'
                            where not exists (select 1 from material_head hd where hd.material_id = m.id)
                        ) listed
                        where (cast(:site as text) is null or site = :site)
                          and (cast(:section as text) is null or section = :section)
                        order by site, section, position, id
                        """)
                .bind("site", site.orElse(null))
                .bind("section", section.orElse(null))
                .map((rs, ctx) -> {
                    int published = rs.getInt("published");
                    boolean none = rs.wasNull();
                    return new Listed(
                            rs.getLong("id"),
                            rs.getString("kind"),
                            rs.getString("site"),
                            rs.getString("section"),
                            rs.getInt("position"),
                            rs.getString("title"),
                            rs.getInt("latest"),
                            none ? Optional.empty() : Optional.of(published),
                            rs.getBoolean("live"));
                })
                .list();
    }

    private static Head head(ResultSet rs) throws SQLException {
        int published = rs.getInt("published_revision");
        boolean notPublished = rs.wasNull();
        return new Head(
                rs.getLong("material_id"),
                rs.getInt("latest_revision"),
                notPublished ? Optional.empty() : Optional.of(published));
    }

    private static Stored stored(ResultSet rs) throws SQLException {
        long authorId = rs.getLong("author_id");
        boolean noAuthor = rs.wasNull();
        Timestamp published = rs.getTimestamp("published_at");
        return new Stored(
                rs.getInt("revision"),
                rs.getString("record"),
                noAuthor ? Optional.empty() : Optional.of(authorId),
                rs.getString("author_name"),
                rs.getTimestamp("created_at").toInstant(),
                Optional.ofNullable(rs.getString("note")),
                Optional.ofNullable(published).map(Timestamp::toInstant));
    }
}
