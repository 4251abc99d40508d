package kz.komek.catalog;

import java.util.Optional;

/**
 * The reader of a page as {@link ReaderSignals} knows them: the value of the visitor cookie, which voting sets
 * (empty for most readers: they never voted). The catalog passes it on without looking into it.
 */
public record Visitor(Optional<String> id) {
    /** The cookie's name. Voting sets it; it lives here because the catalog's pages and their cache read it. */
    public static final String COOKIE = "komek_visitor";
}
