package kz.komek.catalog;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import kz.komek.i18n.Locale;

/**
 * What readers do with questions (votes, views), as the catalog's pages and API show it. The feedback feature
 * implements it; the catalog only reads through it, so it does not depend on that feature. The catalog's handlers
 * read the request; what crosses here are plain values.
 */
public interface ReaderSignals {
    /** The vote box under an answer for {@code visitor}: their own vote, if any, and the reasons. */
    VoteBox voteBox(Visitor visitor, long questionId, Locale locale, String action);

    /**
     * The marks of {@code visitor}'s votes: their cookie's when it has readable ones, else read from their votes
     * once (a reader who voted before the marks cookie existed, or whose cookie was damaged); empty for a reader
     * without a visitor id.
     */
    Optional<VoteMarks> marks(Visitor visitor);

    /** Whether {@code visitor} has voted on the question (the API's {@code voted}). */
    boolean voted(Visitor visitor, long questionId);

    /**
     * A question page was served; counted unless a crawler, a prefetch or a HEAD request asked for it.
     *
     * @param method the request's HTTP method
     * @param header a request header by name, null when absent
     */
    void viewed(long questionId, String method, Function<String, String> header);

    /** The most read, most useful public questions listed in these sections, best first, at most ten. */
    List<QuestionSummary> top(List<Long> sectionIds, Locale locale, LocalDateTime now);
}
