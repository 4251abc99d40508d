package kz.komek.search;

import kz.komek.http.BadRequestException;
import kz.komek.i18n.Excerpt;

/**
 * A page of a search's results: {@value #PER_PAGE} a page, as deep as {@link SearchRequest#MAX_DEPTH} reaches.
 *
 * @param page from 1 to {@link #PAGES}
 */
record Paging(int page) {
    static final int PER_PAGE = 20;

    /** The most pages a search has: a reader who has not found it by then is better served by other words. */
    static final int PAGES = SearchRequest.MAX_DEPTH / PER_PAGE;

    Paging {
        if (page < 1 || page > PAGES) {
            throw new IllegalArgumentException("page must be 1.." + PAGES + ", was " + page);
        }
    }

    /** How many of the best results come before this page. */
    int offset() {
        return (page - 1) * PER_PAGE;
    }

    /** The last page of {@code total} results that the pages reach; 1 when there are none. */
    static int last(int total) {
        return Math.max(1, (Math.min(total, SearchRequest.MAX_DEPTH) + PER_PAGE - 1) / PER_PAGE);
    }

    /**
     * The page a {@code ?page=} asks for: 1 when absent; a number past every page (however long) as {@link
     * Integer#MAX_VALUE}, which the page then sends to its last.
     *
     * @throws BadRequestException for anything but a whole number from 1
     */
    static int requested(String raw) {
        if (raw == null || raw.isEmpty()) {
            return 1;
        }
        if (!raw.chars().allMatch(c -> c >= '0' && c <= '9') || raw.chars().allMatch(c -> c == '0')) {
            // quoted in a message that reaches the error page and the log: a hostile value must not make it huge
            throw new BadRequestException("page must be a whole number from 1, was \"" + Excerpt.of(raw, 20) + "\"");
        }
        String digits = raw.replaceFirst("^0+", "");
        return digits.length() > 9 ? Integer.MAX_VALUE : Integer.parseInt(digits);
    }
}
