package kz.komek.search;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps search's learned lexicon in step with the content, on a thread of its own: learns it once the index
 * holds questions, again a while after edits (analysing anew only the questions they changed), and applies
 * editors' verdicts as soon as any node records one ({@link #heard}). Every node learns from its own index; the
 * same content gives the same lexicon.
 */
public final class LexiconUpkeep implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(LexiconUpkeep.class);

    /** Edits come in bursts: a relearn waits this long after one for the rest. */
    static final long SETTLE_MILLIS = 2_000;

    /** At most one relearn this often: at 100,000 questions a relearn keeps a core busy for about 10 s. */
    public static final long INTERVAL_MILLIS = 60_000;

    /** How far a pair's weight may move before a relearned lexicon replaces the one searches use. */
    static final double NEAR = 0.1;

    private final SearchIndex index;
    private final SearchService search;
    private final Supplier<Map<WordPair, Boolean>> verdicts;
    private final long intervalMillis;
    private final LexiconLearner learner = new LexiconLearner();
    private final ScheduledThreadPoolExecutor thread;
    /** Questions changed since the last relearn began. */
    private final Set<Long> changed = ConcurrentHashMap.newKeySet();
    /** Counts changes, so that a relearn knows whether one came while it read. */
    private final AtomicLong changes = new AtomicLong();

    private final AtomicBoolean learnQueued = new AtomicBoolean();
    private final AtomicBoolean verdictsQueued = new AtomicBoolean();
    private volatile boolean everything = true;
    private volatile long lastLearn = System.nanoTime() - TimeUnit.DAYS.toNanos(1);
    /** As learned, before editors' verdicts; null before the first relearn. */
    private volatile Lexicon learned;
    /** Only on the thread. */
    private Map<WordPair, Boolean> decided = Map.of();

    /** @param verdicts reads editors' verdicts (from the database) */
    public LexiconUpkeep(
            SearchIndex index, SearchService search, Supplier<Map<WordPair, Boolean>> verdicts, long intervalMillis) {
        this.index = index;
        this.search = search;
        this.verdicts = verdicts;
        this.intervalMillis = intervalMillis;
        this.thread = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "komek-lexicon");
            t.setDaemon(true);
            // learning is background work: searches come first on a small machine
            t.setPriority(Thread.MIN_PRIORITY);
            return t;
        });
        thread.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
    }

    public LexiconUpkeep start() {
        index.onChange(this::indexChanged);
        heard(0);
        queueLearn(0);
        return this;
    }

    /** A content write was heard (or a verdict recorded) on some node: the verdicts are read again. */
    public void heard(long version) {
        if (verdictsQueued.compareAndSet(false, true)) {
            thread.execute(this::readVerdicts);
        }
    }

    /** The pairs searches use now, editors' verdicts applied, the surest first. */
    public java.util.List<LearnedPair> pairsInUse() {
        return search.lexiconPairs();
    }

    /** The pairs as learned from the content, before editors' verdicts, the surest first. */
    public java.util.List<LearnedPair> learnedPairs() {
        Lexicon l = learned;
        return l == null ? java.util.List.of() : l.pairs();
    }

    private void indexChanged(IndexChanges.Change change) {
        changes.incrementAndGet();
        if (change.everything()) {
            everything = true;
        } else {
            changed.addAll(change.questions());
        }
        queueLearn(SETTLE_MILLIS);
    }

    private void queueLearn(long settleMillis) {
        if (learnQueued.compareAndSet(false, true)) {
            long sinceLast = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - lastLearn);
            long wait = Math.max(settleMillis, intervalMillis - sinceLast);
            try {
                thread.schedule(this::learn, wait, TimeUnit.MILLISECONDS);
            } catch (java.util.concurrent.RejectedExecutionException closed) {
                learnQueued.set(false);
            }
        }
    }

    private void learn() {
        learnQueued.set(false);
        lastLearn = System.nanoTime();
        long before = changes.get();
        boolean all = everything;
        everything = false;
        var ids = new HashSet<Long>();
        for (Long id : changed) {
            ids.add(id);
            changed.remove(id);
        }
        try {
            long start = System.nanoTime();
            Lexicon l = learner.learn(index, ids, all);
            Lexicon last = learned;
            // a relearn after small edits moves a few weights a step: searches keep the lexicon (and their cached
            // results, which are kept per lexicon) until a pair comes or goes or a weight moves further
            if (last == null || !l.near(last, NEAR)) {
                learned = l;
                publish();
            }
            if (l.size() == 0) {
                // nothing to learn from yet (a new help center, or its index still building): the next change may
                // bring it, and should not wait out the interval
                lastLearn = System.nanoTime() - TimeUnit.DAYS.toNanos(1);
            }
            log.debug(
                    "learned {} word pairs from {} in {} ms",
                    l.size(),
                    all ? "every question" : ids.size() + " changed questions",
                    TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));
        } catch (RuntimeException e) {
            log.warn("could not learn the lexicon; search goes on with the last one", e);
            everything = true;
        }
        if (changes.get() != before) {
            // a change came while the index was read: its questions may have been read as they were
            changed.addAll(ids);
            queueLearn(SETTLE_MILLIS);
        }
    }

    private void readVerdicts() {
        verdictsQueued.set(false);
        try {
            var v = verdicts.get();
            if (!v.equals(decided)) {
                decided = Map.copyOf(v);
                publish();
            }
        } catch (RuntimeException e) {
            log.warn("could not read the lexicon's verdicts; the last ones hold", e);
        }
    }

    private void publish() {
        Lexicon l = learned;
        if (l != null) {
            search.lexicon(l.with(decided));
        }
    }

    /** Reads the verdicts and learns from the index as it is now, and waits for both (tests). */
    public void learnNow() {
        try {
            thread.submit(() -> {
                        readVerdicts();
                        learn();
                    })
                    .get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
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
