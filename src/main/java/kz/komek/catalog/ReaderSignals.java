package kz.komek.catalog;

import io.javalin.http.Context;
import java.time.LocalDateTime;
import java.util.List;
import kz.komek.i18n.Locale;

/**
 * What readers do with questions (votes, views), as the catalog's pages and API show it. The feedback feature
 * implements it; the catalog only reads through it, so it does not depend on that feature.
 */
public interface ReaderSignals {
    /** The vote box under an answer for the reader of {@code ctx}: their own vote, if any, and the reasons. */
    VoteBox voteBox(Context ctx, long questionId, Locale locale, String action);

    /** Whether the reader of {@code ctx} has voted on the question (the API's {@code voted}). */
    boolean voted(Context ctx, long questionId);

    /** A question page was served; counted unless a crawler, a prefetch or a HEAD request asked for it. */
    void viewed(Context ctx, long questionId);

    /** The most read, most useful public questions listed in these sections, best first, at most ten. */
    List<QuestionSummary> top(List<Long> sectionIds, Locale locale, LocalDateTime now);
}
