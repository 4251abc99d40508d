package kz.komek.catalog;

import java.util.Optional;

/**
 * The reader of a page as {@link ReaderSignals} knows them: the value of the visitor cookie, which voting sets
 * (empty for most readers: they never voted), and their own votes as their vote-marks cookie carries them. The
 * catalog passes the id on without looking into it.
 */
public record Visitor(Optional<String> id, Optional<VoteMarks> marks) {
    /** The cookie's name. Voting sets it; it lives here because the catalog's pages and their cache read it. */
    public static final String COOKIE = "komek_visitor";
}
