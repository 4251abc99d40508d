package kz.komek.search;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import kz.komek.i18n.Locale;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The SQL of {@link ReaderWords}: the search log of outcomes, the phrases counted from it, verdicts, the salt. */
final class ReaderWordsStore {
    private static final Logger log = LoggerFactory.getLogger(ReaderWordsStore.class);

    /**
     * Per question, language and phrase (the query as kept): how many distinct readers (a reader-day each) ended
     * on the question with it, not abandoned, and their weight (1 for a useful vote, 0.5 for an open), fading
     * with a half-life of {@code :half} days. The head of a {@code with} list: queries go on with their own.
     */
    private static final String SEEN = """
            with seen as (
                select question_id, locale, query as phrase, count(distinct (day, reader)) as readers,
                       sum((case when useful then 1.0 else 0.5 end)
                           * power(0.5, extract(epoch from now() - at) / 86400 / :half)) as weight
                from search_outcome
                where not abandoned
                group by question_id, locale, query
            )
            """;

    private final Jdbi jdbi;

    ReaderWordsStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** Notes an opened result, unless the reader left {@code cap} outcomes today already. */
    void opened(LocalDate day, String reader, String site, Locale locale, String q, long id, int cap) {
        jdbi.useHandle(h -> h.createUpdate("""
                        insert into search_outcome (day, reader, site, locale, query, question_id)
                        select :day, :reader, :site, :locale, :q, q.id from question q
                        where q.id = :id
                          and (select count(*) from search_outcome where day = :day and reader = :reader) < :cap
                        on conflict (day, reader, site, locale, query, question_id)
                        do update set at = now(), abandoned = false
                        """)
                .bind("day", day)
                .bind("reader", reader)
                .bind("site", site)
                .bind("locale", locale.code())
                .bind("q", q)
                .bind("id", id)
                .bind("cap", cap)
                .execute());
    }

    void abandoned(LocalDate day, String reader, String site, Locale locale, String q, long id) {
        jdbi.useHandle(h -> h.createUpdate("""
                        update search_outcome set abandoned = true
                        where day = :day and reader = :reader and site = :site and locale = :locale
                          and query = :q and question_id = :id and not useful
                        """)
                .bind("day", day)
                .bind("reader", reader)
                .bind("site", site)
                .bind("locale", locale.code())
                .bind("q", q)
                .bind("id", id)
                .execute());
    }

    void useful(LocalDate day, String reader, long questionId) {
        jdbi.useHandle(h -> h.createUpdate("""
                        update search_outcome set useful = true, abandoned = false
                        where day = :day and reader = :reader and question_id = :id
                        """)
                .bind("day", day)
                .bind("reader", reader)
                .bind("id", questionId)
                .execute());
    }

    /** The day's salt: {@code candidate} if no node chose one yet. Older salts are deleted. */
    byte[] salt(LocalDate day, byte[] candidate) {
        return jdbi.inTransaction(h -> {
            h.createUpdate("delete from reader_salt where day < :day")
                    .bind("day", day)
                    .execute();
            h.createUpdate("insert into reader_salt (day, salt) values (:day, :salt) on conflict (day) do nothing")
                    .bind("day", day)
                    .bind("salt", candidate)
                    .execute();
            return h.createQuery("select salt from reader_salt where day = :day")
                    .bind("day", day)
                    .mapTo(byte[].class)
                    .one();
        });
    }

    /**
     * Counts the phrases anew from the search log and the editors' verdicts, writes those that changed, and marks
     * their questions for search to index again (on every node). One node counts at a time. Returns the questions
     * whose phrases changed.
     */
    Set<Long> count() {
        return jdbi.inTransaction(h -> {
            boolean mine = h.createQuery("select pg_try_advisory_xact_lock(hashtext('komek reader words'))")
                    .mapTo(Boolean.class)
                    .one();
            if (!mine) {
                return Set.of();
            }
            h.createUpdate("delete from search_outcome where at < now() - make_interval(days => :days)")
                    .bind("days", ReaderWords.KEPT_DAYS)
                    .execute();
            var fresh = phrases(h);
            var old = new HashMap<String, ReaderWords.Phrase>();
            h.createQuery("select question_id, locale, phrase, weight, readers from reader_phrase")
                    .map((rs, ctx) -> new ReaderWords.Phrase(
                            rs.getLong("question_id"),
                            Locale.parse(rs.getString("locale")).orElse(Locale.DEFAULT),
                            rs.getString("phrase"),
                            rs.getDouble("weight"),
                            rs.getInt("readers")))
                    .forEach(p -> old.put(key(p), p));
            var changed = new HashSet<Long>();
            var now = new HashMap<String, ReaderWords.Phrase>();
            fresh.forEach(p -> now.put(key(p), p));
            for (var e : old.entrySet()) {
                if (!now.containsKey(e.getKey())) {
                    changed.add(e.getValue().questionId());
                }
            }
            for (var e : now.entrySet()) {
                ReaderWords.Phrase before = old.get(e.getKey());
                // weights fade every count: only a phrase that came or went changes what search finds
                if (before == null) {
                    changed.add(e.getValue().questionId());
                }
            }
            h.execute("delete from reader_phrase");
            var batch = h.prepareBatch("""
                    insert into reader_phrase (question_id, locale, phrase, weight, readers)
                    values (:id, :locale, :phrase, :weight, :readers)
                    """);
            for (ReaderWords.Phrase p : fresh) {
                batch.bind("id", p.questionId())
                        .bind("locale", p.locale().code())
                        .bind("phrase", p.phrase())
                        .bind("weight", p.weight())
                        .bind("readers", p.readers())
                        .add();
            }
            if (!fresh.isEmpty()) {
                batch.execute();
            }
            if (!changed.isEmpty()) {
                // as any content write: the questions carry the new version, every node's search reads them again
                long version = h.createQuery("select version + 1 from help_center")
                        .mapTo(Long.class)
                        .one();
                h.createUpdate("update question set revision = :v where id = any(:ids)")
                        .bind("v", version)
                        .bind("ids", changed.stream().mapToLong(Long::longValue).toArray())
                        .execute();
                h.execute("update help_center set version = version + 1");
                log.info("readers' phrases changed for {} questions", changed.size());
            }
            return changed;
        });
    }

    private static String key(ReaderWords.Phrase p) {
        return p.questionId() + "\u0000" + p.locale().code() + "\u0000" + p.phrase();
    }

    /** The phrases as the log and the verdicts say now, the weightiest {@link #PHRASES} per question and language. */
    private static List<ReaderWords.Phrase> phrases(Handle h) {
        var rows = h.createQuery(SEEN + """
                        ,
                        decided as (
                            select s.question_id, s.locale, s.phrase, s.readers, s.weight, v.confirmed
                            from seen s
                            left join reader_phrase_verdict v
                              on v.question_id = s.question_id and v.locale = s.locale and v.phrase = s.phrase
                            union all
                            select v.question_id, v.locale, v.phrase, 0, 1.0, true
                            from reader_phrase_verdict v
                            where v.confirmed and not exists (
                                select 1 from seen s
                                where s.question_id = v.question_id and s.locale = v.locale and s.phrase = v.phrase)
                        ),
                        kept as (
                            select *, row_number() over (
                                       partition by question_id, locale order by confirmed is true desc, weight desc,
                                       phrase) as n
                            from decided
                            where confirmed is distinct from false and (readers >= :min or confirmed)
                        )
                        select question_id, locale, phrase, weight, readers from kept where n <= :phrases
                        order by question_id, locale, n
                        """)
                .bind("half", ReaderWords.HALF_LIFE_DAYS)
                .bind("min", ReaderWords.MIN_READERS)
                .bind("phrases", ReaderWords.PHRASES)
                .map((rs, ctx) -> new ReaderWords.Phrase(
                        rs.getLong("question_id"),
                        Locale.parse(rs.getString("locale")).orElse(Locale.DEFAULT),
                        rs.getString("phrase"),
                        rs.getDouble("weight"),
                        rs.getInt("readers")))
                .list();
        return new ArrayList<>(rows);
    }

    /** Records an editor's verdict (or forgets it), running {@code alsoThen} in the same transaction. */
    void decide(
            long questionId,
            Locale locale,
            String phrase,
            Optional<Boolean> verdict,
            String actor,
            java.util.function.Consumer<Handle> alsoThen) {
        String p = ReaderWords.normalize(phrase);
        if (p.isEmpty()) {
            throw new IllegalArgumentException("the phrase is empty");
        }
        jdbi.useTransaction(h -> {
            if (h.createQuery("select count(*) from question where id = :id")
                            .bind("id", questionId)
                            .mapTo(Long.class)
                            .one()
                    == 0) {
                throw new kz.komek.http.NotFoundException("no question " + questionId);
            }
            if (verdict.isPresent()) {
                h.createUpdate("""
                                insert into reader_phrase_verdict (question_id, locale, phrase, confirmed, decided_by)
                                select q.id, :locale, :phrase, :c, :by from question q where q.id = :id
                                on conflict (question_id, locale, phrase)
                                do update set confirmed = :c, decided_by = :by, decided_at = now()
                                """)
                        .bind("id", questionId)
                        .bind("locale", locale.code())
                        .bind("phrase", p)
                        .bind("c", verdict.get())
                        .bind("by", actor)
                        .execute();
            } else {
                h.createUpdate("""
                                delete from reader_phrase_verdict
                                where question_id = :id and locale = :locale and phrase = :phrase
                                """)
                        .bind("id", questionId)
                        .bind("locale", locale.code())
                        .bind("phrase", p)
                        .execute();
            }
            alsoThen.accept(h);
        });
    }

    /**
     * What editors review: the phrases in use, the candidates with the most readers, and every decided phrase; at
     * most {@code limit} of each.
     */
    List<ReaderWords.Review> review(int limit) {
        return jdbi.withHandle(h -> h.createQuery(SEEN + """
                        ,
                        used as (
                            select p.question_id, p.locale, p.phrase, p.readers, p.weight, true as in_use,
                                   v.confirmed
                            from reader_phrase p
                            left join reader_phrase_verdict v using (question_id, locale, phrase)
                            order by p.readers desc, p.weight desc limit :limit
                        ),
                        candidates as (
                            select s.question_id, s.locale, s.phrase, s.readers::int, s.weight, false, null::boolean
                            from seen s
                            where not exists (select 1 from reader_phrase p
                                              where (p.question_id, p.locale, p.phrase)
                                                  = (s.question_id, s.locale, s.phrase))
                              and not exists (select 1 from reader_phrase_verdict v
                                              where (v.question_id, v.locale, v.phrase)
                                                  = (s.question_id, s.locale, s.phrase))
                            order by s.readers desc, s.weight desc limit :limit
                        ),
                        decided as (
                            select v.question_id, v.locale, v.phrase, coalesce(s.readers, 0)::int,
                                   coalesce(s.weight, 0), false, v.confirmed
                            from reader_phrase_verdict v
                            left join seen s using (question_id, locale, phrase)
                            where not exists (select 1 from reader_phrase p
                                              where (p.question_id, p.locale, p.phrase)
                                                  = (v.question_id, v.locale, v.phrase))
                            order by v.decided_at desc limit :limit
                        )
                        select * from used union all select * from candidates union all select * from decided
                        """)
                .bind("half", ReaderWords.HALF_LIFE_DAYS)
                .bind("limit", limit)
                .map((rs, ctx) -> new ReaderWords.Review(
                        rs.getLong(1),
                        Locale.parse(rs.getString(2)).orElse(Locale.DEFAULT),
                        rs.getString(3),
                        rs.getInt(4),
                        rs.getDouble(5),
                        rs.getBoolean(6),
                        Optional.ofNullable((Boolean) rs.getObject(7))))
                .list());
    }
}
