package kz.komek.feedback;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import kz.komek.catalog.SectionPath;
import kz.komek.catalog.Usefulness;
import kz.komek.catalog.VoteMarks;
import kz.komek.i18n.Locale;
import org.jdbi.v3.core.Jdbi;

/** Votes, their reasons and page views: the feedback feature's SQL. */
final class FeedbackStore {
    private final Jdbi jdbi;
    /** The help center's zone: a vote counts in {@code vote_day} for the day it was cast there. */
    private final java.time.ZoneId zone;

    FeedbackStore(Jdbi jdbi) {
        this(jdbi, kz.komek.Config.DEFAULT_ZONE);
    }

    FeedbackStore(Jdbi jdbi, java.time.ZoneId zone) {
        this.jdbi = jdbi;
        this.zone = zone;
    }

    /** A question's vote counts after a vote. */
    record Tally(long questionId, Usefulness usefulness) {}

    /** A vote as stored, with what an editor reads: reason, comment, locale and time. */
    record StoredVote(
            long questionId,
            boolean useful,
            Optional<String> reason,
            Optional<String> comment,
            Locale locale,
            OffsetDateTime at) {}

    /** Views of one question on one day (in the help center's zone), counted since the last flush. */
    record Views(long questionId, LocalDate day, long count) {}

    /** The longest a vote waits for a question row that another transaction writes. */
    static final java.time.Duration VOTE_LOCK_WAIT = java.time.Duration.ofSeconds(1);

    /** A public question of a product with what ranks it. */
    record Candidate(long id, SectionPath section, String title, long views, Usefulness usefulness) {}

    /**
     * Records a reader's vote, replacing their earlier one on the question, and moves the question's counters in the
     * same transaction. The question row is locked first, so votes on one question take turns: each sees the
     * previous vote of its visitor exactly, and the counters change once per real change (a repeated vote changes
     * nothing, a changed one moves one count from one side to the other). Empty when there is no such question.
     */
    Optional<Tally> vote(long questionId, VisitorId visitor, Vote vote, Locale locale) {
        return jdbi.inTransaction(h -> {
            // An import or an editor holds the row while it writes: a vote does not wait for it holding a pooled
            // connection (24 waiting votes once stalled every page); it is refused at once, to be sent again.
            h.execute("set local lock_timeout = '" + VOTE_LOCK_WAIT.toMillis() + "ms'");
            boolean exists = h.createQuery("select 1 from question where id = :id for no key update")
                    .bind("id", questionId)
                    .mapTo(Integer.class)
                    .findOne()
                    .isPresent();
            if (!exists) {
                return Optional.empty();
            }
            Optional<Map.Entry<Boolean, String>> previous = h.createQuery(
                            "select useful, coalesce(reason, '') from vote where question_id = :id and visitor = :visitor")
                    .bind("id", questionId)
                    .bind("visitor", visitor.value())
                    .map((rs, ctx) -> Map.entry(rs.getBoolean(1), rs.getString(2)))
                    .findOne();
            Optional<Boolean> before = previous.map(Map.Entry::getKey);
            h.createUpdate("""
                            insert into vote (question_id, visitor, useful, reason, comment, locale)
                            values (:id, :visitor, :useful, :reason, :comment, :locale)
                            on conflict (question_id, visitor) do update
                            set useful = excluded.useful, reason = excluded.reason, comment = excluded.comment,
                                locale = excluded.locale, at = excluded.at
                            """)
                    .bind("id", questionId)
                    .bind("visitor", visitor.value())
                    .bind("useful", vote.useful())
                    .bind("reason", vote.reason().map(VoteReason::code).orElse(null))
                    .bind("comment", vote.comment().orElse(null))
                    .bind("locale", locale.code())
                    .execute();
            String reason = vote.reason().map(VoteReason::code).orElse("");
            if (!previous.equals(Optional.of(Map.entry(vote.useful(), reason)))) {
                countCast(h, questionId, vote, reason, locale);
            }
            int up = (vote.useful() ? 1 : 0) - (before.equals(Optional.of(true)) ? 1 : 0);
            int down = (vote.useful() ? 0 : 1) - (before.equals(Optional.of(false)) ? 1 : 0);
            // greatest(…, 0): an import may have set lower counts since this visitor's first vote
            return h.createQuery("""
                            update question
                            set votes_up = greatest(coalesce(votes_up, 0) + :up, 0),
                                votes_down = greatest(coalesce(votes_down, 0) + :down, 0)
                            where id = :id
                            returning votes_up, votes_down, usefulness
                            """)
                    .bind("id", questionId)
                    .bind("up", up)
                    .bind("down", down)
                    .map((rs, ctx) -> new Tally(questionId, usefulness(rs)))
                    .findOne();
        });
    }

    /**
     * Counts a vote cast today in {@code vote_day} (analytics, decision 0046): a reader's first vote on the question,
     * or one that changes their verdict or reason; sending the same vote again counts nothing.
     */
    private void countCast(org.jdbi.v3.core.Handle h, long questionId, Vote vote, String reason, Locale locale) {
        h.createUpdate("""
                        insert into vote_day (day, question_id, locale, useful, not_useful, no_answer, unclear,
                            outdated, other)
                        values (:day, :id, :locale, :useful, 1 - :useful, :noAnswer, :unclear, :outdated, :other)
                        on conflict (day, question_id, locale) do update
                        set useful = vote_day.useful + excluded.useful,
                            not_useful = vote_day.not_useful + excluded.not_useful,
                            no_answer = vote_day.no_answer + excluded.no_answer,
                            unclear = vote_day.unclear + excluded.unclear,
                            outdated = vote_day.outdated + excluded.outdated,
                            other = vote_day.other + excluded.other
                        """)
                .bind("day", LocalDate.now(zone))
                .bind("id", questionId)
                .bind("locale", locale.code())
                .bind("useful", vote.useful() ? 1 : 0)
                .bind("noAnswer", reason.equals("no_answer") ? 1 : 0)
                .bind("unclear", reason.equals("unclear") ? 1 : 0)
                .bind("outdated", reason.equals("outdated") ? 1 : 0)
                .bind("other", reason.equals("other") ? 1 : 0)
                .execute();
    }

    /** The visitor's vote on a question: true useful, false not; empty when they have not voted. */
    Optional<Boolean> voteOf(long questionId, VisitorId visitor) {
        return jdbi.withHandle(
                h -> h.createQuery("select useful from vote where question_id = :id and visitor = :visitor")
                        .bind("id", questionId)
                        .bind("visitor", visitor.value())
                        .mapTo(Boolean.class)
                        .findOne());
    }

    /** The marks of a visitor's newest votes, for their vote-marks cookie. */
    VoteMarks marks(VisitorId visitor) {
        return VoteMarks.ofNewestFirst(jdbi.withHandle(h -> h.createQuery("""
                        select question_id, useful from vote where visitor = :visitor order by at desc limit :most
                        """)
                .bind("visitor", visitor.value())
                .bind("most", VoteMarks.MOST)
                .map((rs, ctx) -> Map.entry(rs.getLong(1), rs.getBoolean(2)))
                .list()));
    }

    /** The votes on a question, newest first (editors' reading; the admin will serve it). */
    List<StoredVote> votes(long questionId) {
        return jdbi.withHandle(h -> h.createQuery("""
                        select question_id, useful, reason, comment, locale, at
                        from vote where question_id = :id order by at desc
                        """)
                .bind("id", questionId)
                .map((rs, ctx) -> new StoredVote(
                        rs.getLong("question_id"),
                        rs.getBoolean("useful"),
                        Optional.ofNullable(rs.getString("reason")),
                        Optional.ofNullable(rs.getString("comment")),
                        Locale.parse(rs.getString("locale")).orElse(Locale.DEFAULT),
                        rs.getObject("at", OffsetDateTime.class)))
                .list());
    }

    /**
     * Adds counted views in one statement. Several nodes add to the same rows, so each adds its own count rather
     * than writing a total; rows go in key order so two nodes flushing at once cannot deadlock; views of a question
     * deleted meanwhile are dropped by the join.
     */
    void addViews(Collection<Views> views) {
        if (views.isEmpty()) {
            return;
        }
        var sorted = views.stream()
                .sorted(Comparator.comparingLong(Views::questionId).thenComparing(Views::day))
                .toList();
        jdbi.useHandle(h -> h.createUpdate("""
                        insert into question_view (question_id, day, views)
                        select v.id, v.day, v.n
                        from unnest(:ids, cast(:days as date[]), :counts) with ordinality as v(id, day, n, ord)
                        join question q on q.id = v.id
                        order by v.ord
                        on conflict (question_id, day) do update set views = question_view.views + excluded.views
                        """)
                .bindArray(
                        "ids",
                        Long.class,
                        sorted.stream().map(Views::questionId).toList())
                .bindArray(
                        "days",
                        String.class,
                        sorted.stream().map(v -> v.day().toString()).toList())
                .bindArray(
                        "counts", Long.class, sorted.stream().map(Views::count).toList())
                .execute());
    }

    /** Views of a question from {@code since} on (tests, and later the admin). */
    long viewsSince(long questionId, LocalDate since) {
        return jdbi.withHandle(h -> h.createQuery("""
                        select coalesce(sum(views), 0) from question_view
                        where question_id = :id and day >= :since
                        """)
                .bind("id", questionId)
                .bind("since", since)
                .mapTo(Long.class)
                .one());
    }

    /**
     * The questions listed in these sections that are public in {@code locale} at {@code now}, with their views from
     * {@code since} on. A cross-listed copy is left out: its canonical question stands for it.
     */
    List<Candidate> candidates(List<Long> sectionIds, Locale locale, LocalDateTime now, LocalDate since) {
        return jdbi.withHandle(h -> h.createQuery("""
                        select q.id, s.path, t.title, q.votes_up, q.votes_down, q.usefulness,
                               coalesce(v.views, 0) as views
                        from question q
                        join section s on s.id = q.section_id
                        join question_text t on t.question_id = q.id and t.locale = :locale
                        left join lateral (
                            select sum(views) as views from question_view
                            where question_id = q.id and day >= :since
                        ) v on true
                        where q.section_id = any(:sections)
                          and (t.published is null or t.published <= :now)
                          and q.canonical = '/' || s.path || '/q' || q.id
                        """)
                .bindArray("sections", Long.class, sectionIds)
                .bind("locale", locale.code())
                .bind("now", now)
                .bind("since", since)
                .map((rs, ctx) -> new Candidate(
                        rs.getLong("id"),
                        new SectionPath(rs.getString("path")),
                        rs.getString("title"),
                        rs.getLong("views"),
                        usefulness(rs)))
                .list());
    }

    private static Usefulness usefulness(ResultSet rs) throws SQLException {
        long up = rs.getLong("votes_up");
        long down = rs.getLong("votes_down");
        double prior = rs.getDouble("usefulness");
        return new Usefulness(up, down, rs.wasNull() ? Optional.empty() : Optional.of(prior));
    }
}
