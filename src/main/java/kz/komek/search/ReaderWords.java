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
import java.util.HexFormat;
import java.util.List;
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
 * <p>No personal data is kept: a reader is a keyed hash of their address under a salt of the day, which is
 * deleted the next day, and words that may name a person (long numbers, e-mail addresses) are not kept at all. Against abuse: a reader counts once per phrase and question, and at most {@link
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

    private final ReaderWordsStore store;
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
        this.store = new ReaderWordsStore(jdbi);
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

    /**
     * Whether words may be kept at all: not when they hold what may name a person (a card, account or phone number,
     * an e-mail address), which is no phrase of a question anyway.
     */
    static boolean keepable(String q) {
        return !q.isEmpty() && !PERSONAL.matcher(q).find();
    }

    /** Five digits or more (spaces, dashes and dots between them allowed), or an e-mail address. */
    private static final java.util.regex.Pattern PERSONAL =
            java.util.regex.Pattern.compile("\\d(?:[\\s.-]?\\d){4,}|\\S@\\S");

    /** The reader of {@code ctx} opened question {@code id} from the results of {@code query}. */
    public void opened(Context ctx, String site, Locale locale, String query, long id) {
        String q = normalize(query);
        if (!keepable(q)) {
            return;
        }
        LocalDate day = LocalDate.now(clock);
        String reader = reader(ctx, day);
        store.opened(day, reader, site, locale, q, id, PER_READER_A_DAY);
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
        store.abandoned(o.day(), o.reader(), o.site(), o.locale(), o.query(), o.questionId());
    }

    /** A "useful" vote: the reader's searches today that opened this question answered them. */
    @Override
    public void voted(Context ctx, long questionId) {
        try {
            LocalDate day = LocalDate.now(clock);
            String reader = reader(ctx, day);
            opened.invalidate(reader);
            store.useful(day, reader, questionId);
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
        return store.count();
    }

    /**
     * An editor's verdict on a phrase of a question, or none ({@code verdict} empty); the phrases are counted again
     * at once.
     */
    public void decide(long questionId, Locale locale, String phrase, Optional<Boolean> verdict, String actor) {
        decide(questionId, locale, phrase, verdict, actor, h -> {});
    }

    /** As {@link #decide(long, Locale, String, Optional, String)}, running {@code alsoThen} in its transaction. */
    public void decide(
            long questionId,
            Locale locale,
            String phrase,
            Optional<Boolean> verdict,
            String actor,
            java.util.function.Consumer<Handle> alsoThen) {
        store.decide(questionId, locale, phrase, verdict, actor, alsoThen);
        count();
    }

    /** A phrase for editors to review: counted (in use), a candidate (too few readers yet), or decided. */
    public record Review(
            long questionId,
            Locale locale,
            String phrase,
            int readers,
            double weight,
            boolean inUse,
            Optional<Boolean> verdict) {}

    /**
     * What editors review: the phrases in use, the candidates with the most readers, and every decided phrase; at
     * most {@code limit} of each.
     */
    public List<Review> review(int limit) {
        return store.review(limit);
    }

    /** A reader as a keyed hash of their address under the day's salt: nothing that names them. */
    String reader(Context ctx, LocalDate day) {
        // the address alone: a browser's name costs nothing to change, so it would make one person many readers
        // (people behind one address count as one, which errs on the safe side)
        String who = ClientAddress.of(ctx, trustProxy);
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
        var spec = new SecretKeySpec(store.salt(day, candidate), "HmacSHA256");
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
