package kz.komek.search;

import java.time.LocalDateTime;
import java.util.Optional;
import kz.komek.i18n.Locale;

/**
 * A search as asked.
 *
 * @param locale the reader's locale; empty means any (the query's language decides the ranking)
 * @param asYouType the last word may be unfinished: match it as a prefix too
 */
public record SearchRequest(
        String query, String site, Optional<Locale> locale, int limit, LocalDateTime now, boolean asYouType) {
    public static final int MAX_QUERY = 500;
    public static final int MAX_LIMIT = 50;

    public SearchRequest {
        query = query == null ? "" : query.strip();
        if (query.length() > MAX_QUERY) {
            query = query.substring(0, MAX_QUERY);
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be 1.." + MAX_LIMIT + ", was " + limit);
        }
    }
}
