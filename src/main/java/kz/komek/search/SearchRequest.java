package kz.komek.search;

import java.time.LocalDateTime;
import java.util.Optional;
import kz.komek.i18n.Locale;

/**
 * A search as asked.
 *
 * @param locale the reader's locale; empty means any (the query's language decides the ranking)
 * @param limit how many hits to give
 * @param asYouType the last word may be unfinished: match it as a prefix too
 * @param offset how many of the best hits to pass over first (a later page of results); the hits from {@code offset}
 *     on are the same as a request from 0 would rank there, for the same {@code limit} (see {@link SearchService})
 */
public record SearchRequest(
        String query,
        String site,
        Optional<Locale> locale,
        int limit,
        LocalDateTime now,
        boolean asYouType,
        int offset) {
    public static final int MAX_QUERY = 500;
    public static final int MAX_LIMIT = 50;

    /** The deepest hit a request may reach: later pages of a broad query only repeat its words less and less. */
    public static final int MAX_DEPTH = 200;

    public SearchRequest {
        query = query == null ? "" : query.strip();
        if (query.length() > MAX_QUERY) {
            query = query.substring(0, MAX_QUERY);
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be 1.." + MAX_LIMIT + ", was " + limit);
        }
        if (offset < 0 || offset + limit > MAX_DEPTH) {
            throw new IllegalArgumentException(
                    "offset must be 0.." + (MAX_DEPTH - limit) + " for limit " + limit + ", was " + offset);
        }
    }

    /** The first {@code limit} hits. */
    public SearchRequest(
            String query, String site, Optional<Locale> locale, int limit, LocalDateTime now, boolean asYouType) {
        this(query, site, locale, limit, now, asYouType, 0);
    }

    /** The same search, passing over the best {@code offset} hits. */
    public SearchRequest from(int offset) {
        return new SearchRequest(query, site, locale, limit, now, asYouType, offset);
    }
}
