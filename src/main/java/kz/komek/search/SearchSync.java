package kz.komek.search;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import kz.komek.bundle.Bundle;
import kz.komek.catalog.CatalogUrls;
import kz.komek.progress.ProgressLines;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps this node's index in step with the database. Every content write bumps the content version and marks
 * the questions it wrote with it; a sync reads the questions written since the version the index holds, whichever
 * process or node wrote them. A sync runs when a write is heard to commit ({@link #changed}, from PostgreSQL's
 * notifications) and on a poll, the fallback: every {@code intervalMillis} while writes are not heard, every
 * {@value #HEARD_POLL_MILLIS} ms while they are. An index of another schema, or none, is rebuilt.
 *
 * <p>The first sync (a catch-up, or a rebuild of 100,000 questions in about 40 s) runs in the background, so
 * the server serves pages at once; search answers from the last committed index meanwhile (decision 0026).
 */
public final class SearchSync implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(SearchSync.class);
    private static final int BATCH = 1_000;
    /** At most this often a commit makes the index durable; searchers see a change before that. */
    static final long COMMIT_MILLIS = 5_000;
    /** While writes are heard, the poll reads the version only this often: a safety net for a lost notification. */
    static final long HEARD_POLL_MILLIS = 5_000;

    private final SearchStore store;
    private final SearchIndex index;
    private final SearchDocuments documents;
    private final BooleanSupplier hearing;
    private final RebuildHook hook;
    private final ScheduledThreadPoolExecutor poller;
    /** A sync is queued for writes heard: more that are heard before it starts join it. */
    private final AtomicBoolean queued = new AtomicBoolean();
    /** When the last sync began (nanoTime). */
    private volatile long lastSync = System.nanoTime();
    /** Set by {@link #close}: a running rebuild stops at its next batch instead of being waited for. */
    private volatile boolean closing;
    /**
     * The content version searchers see. Written under the sync's lock, read without it: a health check must not
     * wait for a long rebuild.
     */
    private volatile long indexed;
    /** A rebuild is running: searchers see the last committed index (or none) until it commits. */
    private volatile boolean rebuilding;
    /** The version of the last commit, the one a restart starts from (under the lock, as the fields below). */
    private long committed;
    /** A commit is scheduled. */
    private boolean commitPending;
    /** Ids of the questions in the database as of the last sync; null until a sync has read them all. */
    private Set<Long> live;

    /**
     * Called on the sync's thread after each batch a rebuild has added, before the rebuild commits: tests hold or
     * break a rebuild there.
     */
    @FunctionalInterface
    public interface RebuildHook {
        RebuildHook NONE = questions -> {};

        void afterBatch(int questionsSoFar);
    }

    /** A sync that only polls. */
    public SearchSync(SearchStore store, SearchIndex index, SearchDocuments documents) {
        this(store, index, documents, () -> false, RebuildHook.NONE);
    }

    /**
     * @param hearing whether writes are heard now (each one calls {@link #changed}), so the poll can rest
     * @param hook called as a rebuild goes (tests)
     */
    public SearchSync(
            SearchStore store,
            SearchIndex index,
            SearchDocuments documents,
            BooleanSupplier hearing,
            RebuildHook hook) {
        this.store = store;
        this.index = index;
        this.documents = documents;
        this.hearing = hearing;
        this.hook = hook;
        this.poller = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "komek-search-sync");
            t.setDaemon(true);
            return t;
        });
        // a scheduled commit must not hold up close, which commits itself
        poller.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        var data = index.commitData();
        boolean current = index.schema().equals(data.get("schema"));
        this.indexed = current ? Long.parseLong(data.getOrDefault("version", "-1")) : -1;
        this.committed = indexed;
    }

    /** The content version the index holds; -1 before the first sync of a new or outdated index. */
    public long indexedVersion() {
        return indexed;
    }

    /**
     * Whether the index is being built anew (a new index, or one of an older schema): until that commits, search
     * answers from the old index or, for a new one, finds nothing.
     */
    public boolean rebuilding() {
        return rebuilding || indexed < 0;
    }

    /**
     * Brings the index up to date in the background, then keeps it so as writes are heard, and by polling every
     * {@code intervalMillis} while they are not; returns at once.
     */
    public SearchSync start(long intervalMillis) {
        poller.execute(this::syncQuietly);
        poller.scheduleWithFixedDelay(this::poll, intervalMillis, intervalMillis, TimeUnit.MILLISECONDS);
        return this;
    }

    /**
     * A write committed {@code version} (negative: writes may have gone unheard). Syncs soon on the sync's
     * thread; returns at once. A burst of writes makes one sync, or two when it comes during one.
     */
    public void changed(long version) {
        if (version >= 0 && version <= indexed) {
            return;
        }
        if (queued.compareAndSet(false, true)) {
            try {
                poller.execute(() -> {
                    queued.set(false);
                    syncQuietly();
                });
            } catch (RejectedExecutionException e) {
                queued.set(false); // closing
            }
        }
    }

    private void poll() {
        // one cheap query; while notifications come it is a safety net only
        if (hearing.getAsBoolean() && System.nanoTime() - lastSync < HEARD_POLL_MILLIS * 1_000_000) {
            return;
        }
        syncQuietly();
    }

    private void syncQuietly() {
        try {
            syncNow();
        } catch (CancellationException e) {
            log.info("search index sync stopped: closing");
        } catch (RuntimeException e) {
            log.warn("search index sync failed; retrying: {}", e.toString());
        }
    }

    /**
     * Indexes what changed since the last sync (everything, on the first run of a new index). Waits for a sync
     * running in the background, then checks again.
     */
    public synchronized void syncNow() {
        lastSync = System.nanoTime();
        long version = store.contentVersion();
        if (version == indexed) {
            return;
        }
        if (indexed >= 0 && version < indexed) {
            // the database went back (a restore of an older backup): what the index holds past it is not there
            log.warn(
                    "the database's content version {} is older than the search index's {}; rebuilding the index",
                    version,
                    indexed);
        }
        if (indexed < 0 || version < indexed) {
            rebuilding = true;
            try {
                rebuild(version);
            } finally {
                rebuilding = false;
            }
        } else {
            catchUp(version);
        }
    }

    private void rebuild(long version) {
        long started = System.nanoTime();
        var titles = store.sectionTitles();
        var existing = store.questionKeys();
        // videos and documents: few beside questions, read with the questions' keys and indexed in one batch
        var materials = store.materialsChangedSince(-1);
        int[] count = {0};
        // a rebuild of 100,000 questions takes most of a minute: a line every few seconds says how far it got
        var progress = ProgressLines.of("search index rebuild", log::info);
        progress.phase("", existing.size(), "questions");
        // Searchers keep the old documents until the commit below replaces them all at once.
        index.startRebuild();
        // One batch is indexed (on every core) while the next is read from the database.
        var indexer = Executors.newSingleThreadExecutor(r -> new Thread(r, "komek-search-rebuild"));
        List<Future<?>> indexing = new ArrayList<>();
        try {
            store.changedSince(-1, BATCH, questions -> {
                stopIfClosing();
                var batch = new ArrayList<Bundle.Question>(questions);
                awaitAll(indexing);
                var readers = store.readerPhrases(
                        batch.stream().map(Bundle.Question::id).toList());
                indexing.add(indexer.submit(() -> index.addNew(documents.from(batch, titles, existing, readers))));
                count[0] += batch.size();
                progress.at(count[0]);
                hook.afterBatch(count[0]);
            });
            awaitAll(indexing);
            index.addNew(documents.fromMaterials(materials, titles));
        } finally {
            progress.close();
            // never interrupt a batch: an interrupt in the middle of a write closes Lucene's writer for good
            indexer.shutdown();
            awaitQuietly(indexer);
        }
        index.commit(version);
        committed = version;
        indexed = version;
        live = new HashSet<>();
        existing.forEach(k -> live.add(Long.parseLong(k.substring(k.indexOf(':') + 1))));
        materials.forEach(m -> live.add(SearchDocument.forMaterial(m.id())));
        long ms = (System.nanoTime() - started) / 1_000_000;
        log.info("search index rebuilt: {} questions, {} documents in {} ms", count[0], index.size(), ms);
    }

    /** Waits for the batches being indexed; a failure of one is this thread's. */
    private static void awaitAll(List<Future<?>> indexing) {
        try {
            for (Future<?> f : indexing) {
                f.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("interrupted while indexing");
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } finally {
            indexing.clear();
        }
    }

    /** After a failure or a close: the batch still being indexed must not touch the writer after this returns. */
    private static void awaitQuietly(ExecutorService indexer) {
        try {
            if (!indexer.awaitTermination(1, TimeUnit.MINUTES)) {
                log.warn("search rebuild: a batch still indexing after a minute");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void catchUp(long version) {
        long started = System.nanoTime();
        var titles = store.sectionTitles();
        var written = new HashSet<Long>();
        store.changedSince(indexed, BATCH, questions -> {
            stopIfClosing();
            var ids = new HashSet<Long>();
            var canonicals = new HashSet<Long>();
            for (var q : questions) {
                ids.add(q.id());
                CatalogUrls.questionAtEnd(q.canonical()).ifPresent(canonicals::add);
            }
            // only whether their canonical questions exist decides which are copies, not every key
            var existing = store.questionKeys(canonicals);
            index.update(
                    ids,
                    documents.from(
                            new ArrayList<Bundle.Question>(questions), titles, existing, store.readerPhrases(ids)));
            written.addAll(ids);
        });
        var materials = store.materialsChangedSince(indexed);
        if (!materials.isEmpty()) {
            var ids = new HashSet<Long>();
            materials.forEach(m -> ids.add(SearchDocument.forMaterial(m.id())));
            index.update(ids, documents.fromMaterials(materials, titles));
            written.addAll(ids);
        }
        int removed = removeDeleted(written);
        // Searchable now, from the writer's memory; durable with the next commit, which costs an fsync.
        index.refresh();
        indexed = version;
        commitSoon();
        if (!written.isEmpty() || removed > 0) {
            long ms = (System.nanoTime() - started) / 1_000_000;
            log.info("search index updated: {} questions changed, {} removed in {} ms", written.size(), removed, ms);
        }
    }

    private void stopIfClosing() {
        if (closing) {
            // what the writer holds is not committed: the index on disk stays as it was
            throw new CancellationException();
        }
    }

    /**
     * Drops the documents of questions (and materials) deleted since the last sync. Reading every id and walking the whole index
     * cost 15-70 ms a sync at 20,000 questions, growing with them; a count costs 1-4 ms. So they are read only when
     * the database counts other questions than the sync knows of (those of the last full read and those written
     * since): a deletion makes the counts differ, at this sync or, when a question written after this sync's read
     * hid it, at the next, which that write brings. The first catch-up after a start always reads them all.
     */
    private int removeDeleted(Set<Long> written) {
        if (live != null) {
            live.addAll(written);
            if (store.indexedCount() == live.size()) {
                return 0;
            }
        }
        var ids = store.indexedIds();
        int removed = index.retainOnly(ids);
        live = ids;
        return removed;
    }

    /** Commits (durable, with the version) at most every {@link #COMMIT_MILLIS}: a restart catches up from it. */
    private void commitSoon() {
        if (commitPending) {
            return;
        }
        try {
            poller.schedule(this::commitQuietly, COMMIT_MILLIS, TimeUnit.MILLISECONDS);
            commitPending = true;
        } catch (RejectedExecutionException e) {
            // closing: close() commits
        }
    }

    private synchronized void commitQuietly() {
        commitPending = false;
        try {
            commitUncommitted();
        } catch (RuntimeException e) {
            log.warn("search index commit failed; retrying: {}", e.toString());
            commitSoon();
        }
    }

    private void commitUncommitted() {
        if (indexed >= 0 && committed != indexed) {
            index.commit(indexed);
            committed = indexed;
        }
    }

    /**
     * Stops a running sync at its next batch (a rebuild's uncommitted documents are dropped when the index closes)
     * and lets it get there before the index closes. Interrupting it would be worse than waiting: a thread
     * interrupted inside Lucene's file I/O closes the channels it touches, the write lock's among them, and the
     * index then fails to close ("FileLock invalidated by an external force"). Only a sync still running after
     * the wait is interrupted.
     */
    @Override
    public void close() {
        closing = true;
        poller.shutdown();
        try {
            if (!poller.awaitTermination(10, TimeUnit.SECONDS)) {
                poller.shutdownNow();
                poller.awaitTermination(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            poller.shutdownNow();
            Thread.currentThread().interrupt();
        }
        if (poller.isTerminated()) {
            synchronized (this) {
                try {
                    commitUncommitted();
                } catch (RuntimeException e) {
                    log.warn("search index not committed on close; the next start catches up: {}", e.toString());
                }
            }
        }
    }
}
