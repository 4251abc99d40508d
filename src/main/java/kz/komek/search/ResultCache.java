package kz.komek.search;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import kz.komek.i18n.Locale;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.search.DocIdSetIterator;

/**
 * Results of recent searches and suggestions, for the index reader they were computed on. Readers' queries repeat
 * (the same questions, the same first letters typed into the suggestion box), and a result is a pure function of
 * the request and the reader, except for time: a question scheduled for later appears when its time comes without
 * any write. So a generation of cached results serves one reader, for the times between two publications in it
 * (what a request may see changes only when its time passes a publication). Decision 0027 has the figures.
 */
final class ResultCache {
    /** Roughly 64 MB of results (see {@link #weight}); the index reader, not this, is what grows with content. */
    static final long MAX_WEIGHT = 64L << 20;

    /** Everything a result depends on besides the reader and the time. */
    record Key(boolean full, String query, String site, Optional<Locale> locale, int limit, boolean asYouType) {
        static Key of(SearchRequest r, boolean full) {
            return new Key(full, r.query(), r.site(), r.locale(), r.limit(), r.asYouType());
        }
    }

    /** Serves requests on {@code reader} whose time is in {@code [from, until)}. */
    private record Generation(IndexReader reader, long from, long until, Cache<Key, SearchResults> results) {
        boolean serves(IndexReader r, long now) {
            return reader == r && from <= now && now < until;
        }
    }

    private final long maxWeight;
    private final AtomicReference<Generation> current = new AtomicReference<>();

    ResultCache(long maxWeight) {
        this.maxWeight = maxWeight;
    }

    /** The cached result of {@code request} on {@code reader}, or {@code compute}'s, kept for the next asker. */
    SearchResults get(IndexReader reader, SearchRequest request, boolean full, Supplier<SearchResults> compute) {
        long now = request.now().toEpochSecond(ZoneOffset.UTC);
        Generation g = current.get();
        if (g == null || !g.serves(reader, now)) {
            long[] between = publicationsAround(reader, now);
            Generation fresh = new Generation(
                    reader,
                    between[0],
                    between[1],
                    Caffeine.newBuilder()
                            .maximumWeight(maxWeight)
                            .weigher(ResultCache::weight)
                            .build());
            Generation seen = g;
            // a search still on an older reader, or at another time, must not evict a generation others use now;
            // at worst two searches swap generations back and forth and compute more
            g = current.updateAndGet(old -> old == seen ? fresh : old);
            if (!g.serves(reader, now)) {
                return compute.get();
            }
        }
        Key key = Key.of(request, full);
        SearchResults found = g.results().getIfPresent(key);
        if (found == null) {
            found = compute.get();
            g.results().put(key, found);
        }
        return found;
    }

    /**
     * The last publication time at or before {@code now} and the first after it (epoch seconds, as indexed;
     * unscheduled questions count as published at {@code Long.MIN_VALUE}): what a request may see is the same for
     * every time between them.
     */
    static long[] publicationsAround(IndexReader reader, long now) {
        long last = Long.MIN_VALUE;
        long next = Long.MAX_VALUE;
        try {
            for (var leaf : reader.leaves()) {
                var published = DocValues.getSortedNumeric(leaf.reader(), SearchIndex.PUBLISHED);
                for (int doc = published.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = published.nextDoc()) {
                    long p = published.nextValue();
                    if (p > now) {
                        next = Math.min(next, p);
                    } else {
                        last = Math.max(last, p);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new long[] {last, next};
    }

    /** About the bytes a result holds: its strings' characters and a fixed share per hit. */
    private static int weight(Key key, SearchResults r) {
        long w = 200 + 2L * key.query().length();
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
