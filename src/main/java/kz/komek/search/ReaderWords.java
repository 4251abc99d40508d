package kz.komek.search;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import kz.komek.feedback.UsefulVotes;
import kz.komek.http.ClientAddress;
import kz.komek.i18n.Locale;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Learns readers' own words: which question a search led to (opened from the results and not searched again
 * soon, or voted useful), and, once enough distinct readers ended on the same question with the same words, those
 * words become a phrase of that question that search finds (document expansion from the search log).
 *
 * <p>No personal data is kept: a reader is a keyed hash of their address and browser under a salt of the day,
 * which is deleted the next day. Against abuse: a reader counts once per phrase and question, and at most {@link
 * #PER_READER_A_DAY} times a day; a phrase needs {@link #MIN_READERS} distinct readers; what they did fades with a
 * half-life of {@link #HALF_LIFE_DAYS} days and is forgotten after {@link #KEPT_DAYS}; an editor's rejection is final.
 */
public final class ReaderWords implements UsefulVotes, AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(ReaderWords.class);

    /** Distinct readers (a day each) who ended on a question with the same words before those words count. */
    public static final int MIN_READERS = 3;

    /** Outcomes one reader may leave in a day: one person cannot teach search much. */
    static final int PER_READER_A_DAY = 20;

    static final double HALF_LIFE_DAYS = 30;
    static final int KEPT_DAYS = 180;

    /** Phrases kept per question and language, the weightiest. */
    static final int PHRASES = 5;

    /** A search again within this long after opening a result says the result did not answer. */
    static final Duration REFINED_WITHIN = Duration.ofMinutes(2);

    /** How often the phrases are counted anew. */
    public static final Duration COUNT_EVERY = Duration.ofMinutes(5);

    /** The longest query kept, as the search log of misses keeps it. */
    static final int MAX_QUERY = 200;

    /** A phrase as search uses it. */
    public record Phrase(long questionId, Locale locale, String phrase, double weight, int readers) {}

    private record Opened(LocalDate day, String reader, String site, Locale locale, String query, long questionId) {}

    private final Jdbi jdbi;
    private final boolean trustProxy;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    /** Per reader, the result they opened last, for {@link #REFINED_WITHIN}. On this node only. */
    private final Cache<String, Opened> opened = Caffeine.newBuilder()
            .expireAfterWrite(REFINED_WITHIN)
            .maximumSize(100_000)
            .build();

    private final ScheduledThreadPoolExecutor thread;
    private volatile Salt salt;

    private record Salt(LocalDate day, SecretKeySpec key) {}

    public ReaderWords(Jdbi jdbi, boolean trustProxy, Clock clock) {
        this.jdbi = jdbi;
        this.trustProxy = trustProxy;
        this.clock = clock;
        this.thread = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "komek-reader-words");
            t.setDaemon(true);
            return t;
        });
        thread.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
    }

    /** Counts the phrases every {@code every}, the first time after one period. */
    public ReaderWords start(Duration every) {
        thread.scheduleWithFixedDelay(
                () -> {
                    try {
                        count();
                    } catch (RuntimeException e) {
                        log.warn("could not count readers' phrases; the last ones hold", e);
                    }
                },
                every.toMillis(),
                every.toMillis(),
                TimeUnit.MILLISECONDS);
        return this;
    }

    /** Lower case, spaces collapsed, cut to {@link #MAX_QUERY}: how phrases are kept and compared. */
    static String normalize(String query) {
        String q = query.strip().toLowerCase(java.util.Locale.ROOT).replaceAll("\\s+", " ");
        return q.length() > MAX_QUERY ? q.substring(0, MAX_QUERY).strip() : q;
    }

    /** The reader of {@code ctx} opened question {@code id} from the results of {@code query}. */
    public void opened(Context ctx, String site, Locale locale, String query, long id) {
        String q = normalize(query);
        if (q.isEmpty()) {
            return;
        }
        LocalDate day = LocalDate.now(clock);
        String reader = reader(ctx, day);
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
                .bind("cap", PER_READER_A_DAY)
                .execute());
        opened.put(reader, new Opened(day, reader, site, locale, q, id));
    }

    /**
     * The reader of {@code ctx} searched for {@code query}: if they opened a result of another search moments ago,
     * it did not answer them.
     */
    public void searched(Context ctx, String query) {
        if (opened.estimatedSize() == 0) {
            return;
        }
        String reader = reader(ctx, LocalDate.now(clock));
        Opened o = opened.getIfPresent(reader);
        if (o == null || o.query().equals(normalize(query))) {
            return;
        }
        opened.invalidate(reader);
        jdbi.useHandle(h -> h.createUpdate("""
                        update search_outcome set abandoned = true
                        where day = :day and reader = :reader and site = :site and locale = :locale
                          and query = :q and question_id = :id and not useful
                        """)
                .bind("day", o.day())
                .bind("reader", o.reader())
                .bind("site", o.site())
                .bind("locale", o.locale().code())
                .bind("q", o.query())
                .bind("id", o.questionId())
                .execute());
    }

    /** A "useful" vote: the reader's searches today that opened this question answered them. */
    @Override
    public void voted(Context ctx, long questionId) {
        try {
            LocalDate day = LocalDate.now(clock);
            String reader = reader(ctx, day);
            opened.invalidate(reader);
            jdbi.useHandle(h -> h.createUpdate("""
                            update search_outcome set useful = true, abandoned = false
                            where day = :day and reader = :reader and question_id = :id
                            """)
                    .bind("day", day)
                    .bind("reader", reader)
                    .bind("id", questionId)
                    .execute());
        } catch (RuntimeException e) {
            log.warn("could not note a useful vote for readers' phrases", e);
        }
    }

    /**
     * Counts the phrases anew from the search log and the editors' verdicts, writes those that changed, and marks
     * their questions for search to index again (on every node). One node counts at a time. Returns the questions
     * whose phrases changed.
     */
    public Set<Long> count() {
        return jdbi.inTransaction(h -> {
            boolean mine = h.createQuery("select pg_try_advisory_xact_lock(hashtext('komek reader words'))")
                    .mapTo(Boolean.class)
                    .one();
            if (!mine) {
                return Set.of();
            }
            h.createUpdate("delete from search_outcome where at < now() - make_interval(days => :days)")
                    .bind("days", KEPT_DAYS)
                    .execute();
            var fresh = phrases(h);
            var old = new HashMap<String, Phrase>();
            h.createQuery("select question_id, locale, phrase, weight, readers from reader_phrase")
                    .map((rs, ctx) -> new Phrase(
                            rs.getLong("question_id"),
                            Locale.parse(rs.getString("locale")).orElse(Locale.DEFAULT),
                            rs.getString("phrase"),
                            rs.getDouble("weight"),
                            rs.getInt("readers")))
                    .forEach(p -> old.put(key(p), p));
            var changed = new HashSet<Long>();
            var now = new HashMap<String, Phrase>();
            fresh.forEach(p -> now.put(key(p), p));
            for (var e : old.entrySet()) {
                if (!now.containsKey(e.getKey())) {
                    changed.add(e.getValue().questionId());
                }
            }
            for (var e : now.entrySet()) {
                Phrase before = old.get(e.getKey());
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
            for (Phrase p : fresh) {
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

    private static String key(Phrase p) {
        return p.questionId() + "\u0000" + p.locale().code() + "\u0000" + p.phrase();
    }

    /** The phrases as the log and the verdicts say now, the weightiest {@link #PHRASES} per question and language. */
    private static List<Phrase> phrases(Handle h) {
        var rows = h.createQuery("""
                        with seen as (
                            select question_id, locale, query as phrase, count(distinct (day, reader)) as readers,
                                   sum((case when useful then 1.0 else 0.5 end)
                                       * power(0.5, extract(epoch from now() - at) / 86400 / :half)) as weight
                            from search_outcome
                            where not abandoned
                            group by question_id, locale, query
                        ),
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
                .bind("half", HALF_LIFE_DAYS)
                .bind("min", MIN_READERS)
                .bind("phrases", PHRASES)
                .map((rs, ctx) -> new Phrase(
                        rs.getLong("question_id"),
                        Locale.parse(rs.getString("locale")).orElse(Locale.DEFAULT),
                        rs.getString("phrase"),
                        rs.getDouble("weight"),
                        rs.getInt("readers")))
                .list();
        return new ArrayList<>(rows);
    }

    /** The phrases search uses now, per question (for the search documents). */
    public Map<Long, List<Phrase>> inUse(java.util.Collection<Long> questionIds) {
        var out = new HashMap<Long, List<Phrase>>();
        if (questionIds.isEmpty()) {
            return out;
        }
        jdbi.useHandle(h -> h.createQuery("""
                        select question_id, locale, phrase, weight, readers from reader_phrase
                        where question_id = any(:ids) order by question_id, locale, weight desc, phrase
                        """)
                .bind("ids", questionIds.stream().mapToLong(Long::longValue).toArray())
                .map((rs, ctx) -> new Phrase(
                        rs.getLong("question_id"),
                        Locale.parse(rs.getString("locale")).orElse(Locale.DEFAULT),
                        rs.getString("phrase"),
                        rs.getDouble("weight"),
                        rs.getInt("readers")))
                .forEach(p -> out.computeIfAbsent(p.questionId(), k -> new ArrayList<>())
                        .add(p)));
        return out;
    }

    /**
     * An editor's verdict on a phrase of a question, or none ({@code verdict} empty); the phrases are counted again
     * at once.
     */
    public void decide(long questionId, Locale locale, String phrase, Optional<Boolean> verdict, String actor) {
        String p = normalize(phrase);
        if (p.isEmpty()) {
            throw new IllegalArgumentException("the phrase is empty");
        }
        jdbi.useTransaction(h -> {
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
        });
        count();
    }

    /** A reader as a keyed hash of their address and browser under the day's salt: nothing that names them. */
    String reader(Context ctx, LocalDate day) {
        String who = ClientAddress.of(ctx, trustProxy) + "\n"
                + Optional.ofNullable(ctx.userAgent()).orElse("");
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(salt(day));
            byte[] h = mac.doFinal(who.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(h, 0, 16);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The day's salt, the same on every node (kept in the database for that day only). */
    private SecretKeySpec salt(LocalDate day) {
        Salt s = salt;
        if (s != null && s.day().equals(day)) {
            return s.key();
        }
        byte[] candidate = new byte[32];
        random.nextBytes(candidate);
        byte[] key = jdbi.inTransaction(h -> {
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
        var spec = new SecretKeySpec(key, "HmacSHA256");
        salt = new Salt(day, spec);
        return spec;
    }

    @Override
    public void close() {
        thread.shutdownNow();
        try {
            thread.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
