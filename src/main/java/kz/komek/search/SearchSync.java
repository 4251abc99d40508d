package kz.komek.search;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.concurrent.CancellationException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import kz.komek.bundle.Bundle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps this node's index in step with the database. Every content write bumps the content version and marks
 * the questions it wrote with it; a poll (every half second) reads the questions written since the version the
 * index holds, whichever process or node wrote them. An index of another schema, or none, is rebuilt.
 *
 * <p>The first sync (a catch-up, or a rebuild of 100,000 questions in about 40 s) runs in the background, so
 * the server serves pages at once; search answers from the last committed index meanwhile (decision 0026).
 */
public final class SearchSync implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(SearchSync.class);
    private static final int BATCH = 1_000;

    private final SearchStore store;
    private final SearchIndex index;
    private final SearchDocuments documents;
    private final RebuildHook hook;
    private final ScheduledExecutorService poller;
    /** Set by {@link #close}: a running rebuild stops at its next batch instead of being waited for. */
    private volatile boolean closing;
    /** Written under the sync's lock, read without it: a health check must not wait for a long rebuild. */
    private volatile long indexed;

    /**
     * Called on the sync's thread after each batch a rebuild has added, before the rebuild commits: tests hold or
     * break a rebuild there.
     */
    @FunctionalInterface
    public interface RebuildHook {
        RebuildHook NONE = questions -> {};

        void afterBatch(int questionsSoFar);
    }

    public SearchSync(SearchStore store, SearchIndex index, SearchDocuments documents) {
        this(store, index, documents, RebuildHook.NONE);
    }

    public SearchSync(SearchStore store, SearchIndex index, SearchDocuments documents, RebuildHook hook) {
        this.store = store;
        this.index = index;
        this.documents = documents;
        this.hook = hook;
        this.poller = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "komek-search-sync");
            t.setDaemon(true);
            return t;
        });
        var data = index.commitData();
        boolean current = SearchIndex.SCHEMA.equals(data.get("schema"));
        this.indexed = current ? Long.parseLong(data.getOrDefault("version", "-1")) : -1;
    }

    /** The content version the index holds; -1 before the first sync of a new or outdated index. */
    public long indexedVersion() {
        return indexed;
    }

    /**
     * Brings the index up to date in the background, then keeps it so every {@code intervalMillis}; returns at
     * once.
     */
    public SearchSync start(long intervalMillis) {
        poller.execute(this::syncQuietly);
        poller.scheduleWithFixedDelay(this::syncQuietly, intervalMillis, intervalMillis, TimeUnit.MILLISECONDS);
        return this;
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
        long version = store.contentVersion();
        if (version == indexed) {
            return;
        }
        long started = System.nanoTime();
        boolean rebuild = indexed < 0;
        var titles = store.sectionTitles();
        var existing = store.questionKeys();
        int[] count = {0};
        if (rebuild) {
            // Searchers keep the old documents until the commit below replaces them all at once.
            index.startRebuild();
        }
        store.changedSince(rebuild ? -1 : indexed, BATCH, questions -> {
            if (closing) {
                // what the writer holds is not committed: the index on disk stays as it was
                throw new CancellationException();
            }
            var docs = documents.from(new ArrayList<Bundle.Question>(questions), titles, existing);
            if (rebuild) {
                index.addNew(docs);
            } else {
                var ids = new HashSet<Long>();
                questions.forEach(q -> ids.add(q.id()));
                index.update(ids, docs);
            }
            count[0] += questions.size();
            if (rebuild) {
                hook.afterBatch(count[0]);
            }
        });
        // Questions deleted since: their documents go too (a rebuild holds only the live ones).
        int removed = rebuild
                ? 0
                : index.retainOnly(existing.stream()
                        .map(k -> Long.parseLong(k.substring(k.indexOf(':') + 1)))
                        .collect(java.util.stream.Collectors.toSet()));
        index.commit(version);
        indexed = version;
        long ms = (System.nanoTime() - started) / 1_000_000;
        if (rebuild) {
            log.info("search index rebuilt: {} questions, {} documents in {} ms", count[0], index.size(), ms);
        } else if (count[0] > 0 || removed > 0) {
            log.info("search index updated: {} questions changed, {} removed in {} ms", count[0], removed, ms);
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
    }
}
