package kz.komek.search;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.function.LongSupplier;
import kz.komek.i18n.Locale;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.search.DocIdSetIterator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Results of recent searches and suggestions, for the index reader they were computed on. Readers' queries repeat
 * (the same questions, the same first letters typed into the suggestion box), and a result is a pure function of
 * the request and the reader, except for time: a question scheduled for later appears when its time comes without
 * any write. So a generation of cached results serves one reader, for the times between two publications in it
 * (what a request may see changes only when its time passes a publication). Decision 0027 has the figures.
 *
 * <p>An edit makes a new reader. The results it did not move are carried over to the next generation (see
 * {@link Dependencies}, {@link IndexChanges.Change}): only small moves of their terms' weights differ for them. A
 * result adds those up and goes when they reach {@link #DRIFT}; it is carried over at most {@link #carriedChanges}
 * changes (for the moves of the index's size) and {@link #CARRIED_FOR} seconds (decisions 0028, 0029).
 */
final class ResultCache {
    /** Roughly 64 MB of results (see {@link #weight}); the index reader, not this, is what grows with content. */
    static final long MAX_WEIGHT = 64L << 20;

    /** Everything a result depends on besides the reader and the time. */
    record Key(
            boolean full,
            String query,
            String site,
            Optional<Locale> locale,
            int limit,
            int offset,
            boolean asYouType,
            long lexicon) {
        static Key of(SearchRequest r, boolean full, long lexicon) {
            return new Key(full, r.query(), r.site(), r.locale(), r.limit(), r.offset(), r.asYouType(), lexicon);
        }
    }

    /** Longest time a result is carried over edits, in seconds: a bound on whatever this does not follow. */
    static final long CARRIED_FOR = 600;

    /**
     * How far the weights of a carried result's terms may have moved, added up over the changes it was carried
     * over (relative): its scores stay within 1% of a result computed afresh, with room for what moves less.
     */
    static final double DRIFT = 0.008;

    /**
     * Most changes a result is carried over: each one moves every term's weight a little through the number of
     * documents (about 1 / (documents × idf)), so at least 20, and one per thousand documents.
     */
    static int carriedChanges(IndexReader reader) {
        return Math.max(20, SearchService.size(reader) / 1000);
    }

    /**
     * A result, what it depended on, when it was computed (epoch seconds), and over how many changes it was carried
     * and how far they moved its terms' weights.
     */
    private record Entry(SearchResults results, Dependencies deps, long born, int changes, double drift) {}

    /**
     * Serves requests on {@code reader} whose time is in {@code [from, until)}; {@code version} is the reader's (read
     * while it is open: a generation outlives its reader).
     */
    private record Generation(IndexReader reader, long version, long from, long until, Cache<Key, Entry> results) {
        Generation(IndexReader reader, long from, long until, Cache<Key, Entry> results) {
            this(reader, ResultCache.version(reader), from, until, results);
        }

        boolean serves(IndexReader r, long now) {
            return reader == r && from <= now && now < until;
        }
    }

    private static final Logger log = LoggerFactory.getLogger(ResultCache.class);

    /** Requests answered from the cache, computed and kept, and computed for a reader the cache no longer serves. */
    final java.util.concurrent.atomic.LongAdder hits = new java.util.concurrent.atomic.LongAdder();

    final java.util.concurrent.atomic.LongAdder misses = new java.util.concurrent.atomic.LongAdder();
    final java.util.concurrent.atomic.LongAdder bypassed = new java.util.concurrent.atomic.LongAdder();

    private final long maxWeight;
    private final LongSupplier clock;
    private final AtomicReference<Generation> current = new AtomicReference<>();

    /** {@link #publications} by segment core; a segment that goes takes its entry with it (weak keys). */
    private final Map<Object, long[]> publications =
            java.util.Collections.synchronizedMap(new java.util.WeakHashMap<>());

    /**
     * The generation {@link #current} replaced: it serves the searches that began on its reader before a refresh,
     * and {@link #changed} carries from it when searches on the new reader came first ({@link SearchIndex} shows a
     * new reader only after its listeners ran, but the cache does not rely on that).
     */
    private final AtomicReference<Generation> previous = new AtomicReference<>();

    ResultCache(long maxWeight) {
        this(maxWeight, () -> System.currentTimeMillis() / 1000);
    }

    /** @param clock epoch seconds: when results are computed and carried */
    ResultCache(long maxWeight, LongSupplier clock) {
        this.maxWeight = maxWeight;
        this.clock = clock;
    }

    /**
     * The cached result of {@code request} on {@code reader}, or {@code compute}'s, kept for the next asker.
     *
     * @param lexicon the number of the learned lexicon the search expands with: results of another are not served
     */
    SearchResults get(
            IndexReader reader,
            SearchRequest request,
            boolean full,
            long lexicon,
            Function<Dependencies, SearchResults> compute) {
        long now = request.now().toEpochSecond(ZoneOffset.UTC);
        Generation g = current.get();
        if (g != null && !g.serves(reader, now) && version(reader) < g.version()) {
            // a search that began before the last refresh: it must not replace the newer generation (each swap
            // costs a scan and empties the cache, and under load such searches keep arriving for a while)
            Generation p = previous.get();
            if (p == null || !p.serves(reader, now)) {
                bypassed.increment();
                return compute.apply(new Dependencies());
            }
            g = p;
        }
        if (g == null || !g.serves(reader, now)) {
            long[] between = publicationsAround(reader, now);
            Generation fresh = new Generation(reader, between[0], between[1], newCache());
            Generation seen = g;
            // the same reader at another time, or a newer reader nothing was carried to (everything changed); two
            // searches at times on either side of a publication may swap generations and compute more
            g = current.updateAndGet(old -> old == seen ? fresh : old);
            if (g == fresh && seen != null) {
                previous.set(seen);
                log.debug(
                        "search results start anew: {} (the last generation had {})",
                        seen.reader() == reader ? "the time passed a publication" : "a newer reader",
                        seen.results().estimatedSize());
            }
            if (!g.serves(reader, now)) {
                bypassed.increment();
                return compute.apply(new Dependencies());
            }
        }
        Key key = Key.of(request, full, lexicon);
        Entry found = g.results().getIfPresent(key);
        if (found == null) {
            misses.increment();
            var deps = new Dependencies();
            SearchResults computed = compute.apply(deps);
            deps.seal();
            found = new Entry(computed, deps, clock.getAsLong(), 0, 0);
            g.results().put(key, found);
        } else {
            hits.increment();
        }
        return found.results();
    }

    private Cache<Key, Entry> newCache() {
        return Caffeine.newBuilder()
                .maximumWeight(maxWeight)
                .weigher(ResultCache::weight)
                .build();
    }

    /**
     * Carries the results an index change did not touch over to the new reader, in the thread that refreshed, so
     * that searches find them there at once.
     */
    void changed(IndexChanges.Change change) {
        long now = clock.getAsLong();
        Generation g = current.get();
        if (g != null && g.reader() != change.from()) {
            g = previous.get();
        }
        if (g == null || g.reader() != change.from()) {
            return;
        }
        previous.compareAndSet(g, null);
        if (change.everything() || SearchService.size(change.from()) != SearchService.size(change.to())) {
            log.debug(
                    "search results dropped: {} ({} questions changed)",
                    change.everything() ? "everything changed" : "the number of documents moved",
                    change.questions().size());
            return;
        }
        // the results hold for the times both readers agree on: no publication of either in between
        long at = Math.max(g.from(), Math.min(now, g.until() - 1));
        long[] between = publicationsAround(change.to(), at);
        long from = Math.max(g.from(), between[0]);
        long until = Math.min(g.until(), between[1]);
        if (from >= until) {
            return;
        }
        int most = carriedChanges(change.to());
        Cache<Key, Entry> kept = newCache();
        var dropped = new java.util.TreeMap<String, Integer>();
        var bits = new Dependencies.Touched(change.touched());
        g.results().asMap().forEach((key, e) -> {
            String why;
            if (now - e.born() > CARRIED_FOR || e.changes() >= most) {
                why = "age";
            } else {
                // its hits are among its candidates: a question it shows that the change edited is an effect too
                Dependencies.Effect effect = e.deps().affectedBy(change, bits);
                double drift = effect == Dependencies.Effect.NONE
                        ? e.drift() + e.deps().drift(change, bits)
                        : 0;
                why = effect != Dependencies.Effect.NONE
                        ? effect.name().toLowerCase(java.util.Locale.ROOT)
                        : drift > DRIFT ? "drift" : null;
                if (why == null) {
                    kept.put(key, new Entry(e.results(), e.deps(), e.born(), e.changes() + 1, drift));
                }
            }
            if (why != null) {
                dropped.merge(why, 1, Integer::sum);
            }
        });
        var carried = new Generation(change.to(), from, until, kept);
        log.debug(
                "search results carried over a change of {} questions, {} terms: {} of {}; dropped by {}",
                change.questions().size(),
                change.touched().size(),
                kept.estimatedSize(),
                g.results().estimatedSize(),
                dropped);
        Generation source = g;
        current.updateAndGet(old -> {
            if (old == source) {
                return carried;
            }
            // searches on the new reader were quicker and started a generation: give it what was carried
            if (old != null && old.reader() == change.to() && from <= old.from() && old.until() <= until) {
                kept.asMap().forEach(old.results().asMap()::putIfAbsent);
            }
            return old;
        });
    }

    /** Which state of the index an open reader shows: later ones are higher (one writer's readers). */
    private static long version(IndexReader reader) {
        return reader instanceof DirectoryReader d ? d.getVersion() : Long.MAX_VALUE;
    }

    /**
     * The last publication time at or before {@code now} and the first after it (epoch seconds, as indexed;
     * unscheduled questions count as published at {@code Long.MIN_VALUE}): what a request may see is the same for
     * every time between them.
     */
    long[] publicationsAround(IndexReader reader, long now) {
        long last = Long.MIN_VALUE;
        long next = Long.MAX_VALUE;
        for (var leaf : reader.leaves()) {
            long[] times = publications(leaf.reader());
            int i = java.util.Arrays.binarySearch(times, now);
            int after = i >= 0 ? i + 1 : -i - 1; // the first time after now
            if (after > 0) {
                last = Math.max(last, times[after - 1]);
            }
            if (after < times.length) {
                next = Math.min(next, times[after]);
            }
        }
        return new long[] {last, next};
    }

    /**
     * The publication times of a segment's documents, sorted, distinct; read once per segment (a scan of every
     * document at each change was a quarter of an edit's cost at 100,000 questions). Deleted documents count too:
     * at worst a generation ends at a time nothing is published.
     */
    private long[] publications(org.apache.lucene.index.LeafReader segment) {
        var key = segment.getCoreCacheHelper().getKey();
        long[] times = publications.get(key);
        if (times != null) {
            return times;
        }
        try {
            var published = DocValues.getSortedNumeric(segment, SearchIndex.PUBLISHED);
            var all = new java.util.TreeSet<Long>();
            for (int doc = published.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = published.nextDoc()) {
                all.add(published.nextValue());
            }
            times = all.stream().mapToLong(Long::longValue).toArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        publications.put(key, times);
        return times;
    }

    /** About the bytes a result holds: its strings' characters and a fixed share per hit. */
    private static int weight(Key key, Entry e) {
        SearchResults r = e.results();
        long w = 200 + 2L * key.query().length() + 60L * e.deps().size();
        for (String s : r.spellings()) {
            w += 40 + 2L * s.length();
        }
        for (SearchResults.Hit h : r.hits()) {
            w += 150
                    + 2L
                            * (h.title().length()
                                    + h.url().length()
                                    + h.sectionPath().length()
                                    + h.sectionTitle().length()
                                    + h.snippet().length()
                                    + h.snippetHtml().length());
        }
        return (int) Math.min(Integer.MAX_VALUE, w);
    }
}
