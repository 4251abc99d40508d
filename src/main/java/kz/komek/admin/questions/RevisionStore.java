package kz.komek.admin.questions;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import kz.komek.admin.Actor;
import kz.komek.bundle.Bundle;
import org.jdbi.v3.core.Handle;

/**
 * The SQL of question revisions ({@code question_revision}) and of the head row that orders them
 * ({@code question_head}). Every method runs in the caller's transaction: the editor combines these writes with
 * the live tables' and the audit log's in one.
 */
public final class RevisionStore {

    /** A question's head row. {@code latest} is 0 only inside the transaction that creates the row. */
    record Head(
            long questionId,
            int latest,
            Optional<Integer> published,
            Optional<Bundle.Votes> parkedVotes,
            Optional<Double> parkedUsefulness,
            Optional<Instant> deletedAt) {
        boolean deleted() {
            return deletedAt.isPresent();
        }
    }

    /** A stored revision; {@code record} is the bundle record as JSON text. */
    record Stored(
            int revision,
            String record,
            Optional<Long> authorId,
            String authorName,
            Instant createdAt,
            Optional<String> note,
            Optional<Instant> publishedAt) {}

    /** Who wrote a revision; komek itself (adopting an import) has no user id. */
    record Author(Optional<Long> id, String name) {}

    Optional<Head> head(Handle h, long id) {
        return h.createQuery("select * from question_head where question_id = :id")
                .bind("id", id)
                .map((rs, ctx) -> head(rs))
                .findOne();
    }

    /**
     * The head row of question {@code id}, created if need be, locked until the transaction ends: writers of one
     * question take turns here, so two saves never pick the same revision number.
     */
    Head lockHead(Handle h, long id) {
        h.createUpdate("insert into question_head (question_id) values (:id) on conflict (question_id) do nothing")
                .bind("id", id)
                .execute();
        return h.createQuery("select * from question_head where question_id = :id for update")
                .bind("id", id)
                .map((rs, ctx) -> head(rs))
                .one();
    }

    /** The author of revision {@code revision} of question {@code id}, if it exists. */
    Optional<String> authorName(Handle h, long id, int revision) {
        return h.createQuery(
                        "select author_name from question_revision where question_id = :id and revision = :revision")
                .bind("id", id)
                .bind("revision", revision)
                .mapTo(String.class)
                .findOne();
    }

    /** Appends revision {@code latest + 1} (the head must be locked); returns its number. */
    int append(Handle h, long id, String recordJson, Author author, Optional<String> note) {
        int revision = h.createQuery("""
                        update question_head set latest_revision = latest_revision + 1 where question_id = :id
                        returning latest_revision
                        """).bind("id", id).mapTo(Integer.class).one();
        h.createUpdate("""
                        insert into question_revision (question_id, revision, record, author_id, author_name, note)
                        values (:id, :revision, cast(:record as jsonb), :authorId, :authorName, :note)
                        """)
                .bind("id", id)
                .bind("revision", revision)
                .bind("record", recordJson)
                .bind("authorId", author.id().orElse(null))
                .bind("authorName", author.name())
                .bind("note", note.orElse(null))
                .execute();
        return revision;
    }

    Optional<Stored> revision(Handle h, long id, int revision) {
        return h.createQuery("""
                        select revision, record::text as record, author_id, author_name, created_at, note, published_at
                        from question_revision where question_id = :id and revision = :revision
                        """)
                .bind("id", id)
                .bind("revision", revision)
                .map((rs, ctx) -> stored(rs))
                .findOne();
    }

    /** Every revision of question {@code id}, newest first, without their records (a history list). */
    List<Stored> list(Handle h, long id) {
        return h.createQuery("""
                        select revision, '' as record, author_id, author_name, created_at, note, published_at
                        from question_revision where question_id = :id
                        order by revision desc
                        """).bind("id", id).map((rs, ctx) -> stored(rs)).list();
    }

    /**
     * Appends a copy of revision {@code from} as the question's next revision, its section renamed from
     * {@code oldPath} to {@code newPath} when it names one under it (history is never rewritten: a revision is
     * added). The head must be locked. Returns the new revision's number.
     */
    public int appendMoved(Handle h, long id, int from, String oldPath, String newPath, Actor by, String note) {
        int revision = h.createQuery("""
                        update question_head set latest_revision = latest_revision + 1 where question_id = :id
                        returning latest_revision
                        """).bind("id", id).mapTo(Integer.class).one();
        h.createUpdate("""
                        insert into question_revision (question_id, revision, record, author_id, author_name, note)
                        select question_id, :revision,
                               case when record ->> 'section' = :old or starts_with(record ->> 'section', :below)
                                    then jsonb_set(record, '{section}',
                                         to_jsonb(cast(:new as text) || substr(record ->> 'section', length(:old) + 1)))
                                    else record end,
                               :authorId, :authorName, :note
                        from question_revision where question_id = :id and revision = :from
                        """)
                .bind("id", id)
                .bind("revision", revision)
                .bind("from", from)
                .bind("old", oldPath)
                .bind("below", oldPath + "/")
                .bind("new", newPath)
                .bind("authorId", by.principal().userId())
                .bind("authorName", by.principal().name())
                .bind("note", note)
                .execute();
        return revision;
    }

    /** The live tables now hold {@code revision} (empty: nothing); a revision's first publication is kept. */
    public void setPublished(Handle h, long id, Optional<Integer> revision) {
        h.createUpdate("update question_head set published_revision = :revision where question_id = :id")
                .bind("id", id)
                .bind("revision", revision.orElse(null))
                .execute();
        revision.ifPresent(
                r -> h.createUpdate("""
                        update question_revision set published_at = coalesce(published_at, now())
                        where question_id = :id and revision = :revision
                        """).bind("id", id).bind("revision", r).execute());
    }

    /** Keeps the readers' counts of a question leaving the live tables, for when it comes back. */
    void park(Handle h, long id, Optional<Bundle.Votes> votes, Optional<Double> usefulness) {
        h.createUpdate("""
                        update question_head set parked_votes_up = :up, parked_votes_down = :down,
                            parked_usefulness = :usefulness
                        where question_id = :id
                        """)
                .bind("id", id)
                .bind("up", votes.map(Bundle.Votes::up).orElse(null))
                .bind("down", votes.map(Bundle.Votes::down).orElse(null))
                .bind("usefulness", usefulness.orElse(null))
                .execute();
    }

    void setDeleted(Handle h, long id, boolean deleted) {
        h.createUpdate("""
                        update question_head set deleted_at = case when :deleted then now() end
                        where question_id = :id
                        """).bind("id", id).bind("deleted", deleted).execute();
    }

    private static Head head(ResultSet rs) throws SQLException {
        int published = rs.getInt("published_revision");
        boolean notPublished = rs.wasNull();
        long up = rs.getLong("parked_votes_up");
        boolean noVotes = rs.wasNull();
        long down = rs.getLong("parked_votes_down");
        double usefulness = rs.getDouble("parked_usefulness");
        boolean noUsefulness = rs.wasNull();
        Timestamp deleted = rs.getTimestamp("deleted_at");
        return new Head(
                rs.getLong("question_id"),
                rs.getInt("latest_revision"),
                notPublished ? Optional.empty() : Optional.of(published),
                noVotes ? Optional.empty() : Optional.of(new Bundle.Votes(up, down)),
                noUsefulness ? Optional.empty() : Optional.of(usefulness),
                Optional.ofNullable(deleted).map(Timestamp::toInstant));
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

    // --- placement (admin.sections) ---

    /**
     * The greatest position in {@code site}/{@code section} among its live questions and the drafts whose latest
     * revision names it; -1 when there is none (a new one goes last: this + 1).
     */
    public int lastPosition(Handle h, String site, String section) {
        return h.createQuery("""
                        select greatest(
                            (select max(q.position) from question q join section s on s.id = q.section_id
                             where s.site = :site and s.path = :section),
                            (select max((r.record ->> 'position')::int) from question_head hd
                             join question_revision r on r.question_id = hd.question_id
                                 and r.revision = hd.latest_revision
                             where r.record ->> 'site' = :site and r.record ->> 'section' = :section),
                            -1)
                        """)
                .bind("site", site)
                .bind("section", section)
                .mapTo(Integer.class)
                .one();
    }

    /** The advisory lock that hands out new question ids one at a time. */
    private static final long NEW_ID_LOCK = 0x6b6f6d656b01L;

    /**
     * One more than the greatest question id komek knows, live or draft. Ids are handed out under one lock held
     * until the caller's transaction ends, so two new questions (a new draft, a cross-listing) never share one.
     */
    public long nextQuestionId(Handle h) {
        h.execute("select pg_advisory_xact_lock(" + NEW_ID_LOCK + ")");
        return h.createQuery("""
                        select greatest((select coalesce(max(id), 0) from question),
                                        (select coalesce(max(question_id), 0) from question_head)) + 1
                        """).mapTo(Long.class).one();
    }

    // --- lists for editors ---

    /** A question waiting for an editor or for its time: a draft over (or instead of) the public text, or scheduled. */
    public record Pending(
            long id, String title, QuestionStatus status, int revision, String authorName, Instant savedAt) {}

    /** A question an editor looked for: its latest title and where it stands. */
    public record Found(long id, String title, String site, String section, QuestionStatus status) {}

    /**
     * Questions whose latest title (any locale) contains {@code text} (matched literally), drafts and deleted ones
     * included, by id; at most {@code limit}.
     */
    List<Found> find(Handle h, String text, int limit) {
        String pattern =
                "%" + text.strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
        return h.createQuery("""
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
                .list();
    }

    /** Drafts not yet public and questions scheduled after {@code now}, newest first, at most {@code limit}. */
    List<Pending> pending(Handle h, LocalDateTime now, int limit) {
        return h.createQuery("""
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
                .list();
    }
}
