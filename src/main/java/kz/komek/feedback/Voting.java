package kz.komek.feedback;

import io.javalin.http.Context;
import io.javalin.http.ForbiddenResponse;
import java.util.Optional;
import kz.komek.catalog.VoteMarks;
import kz.komek.http.ClientAddress;
import kz.komek.http.NotFoundException;
import kz.komek.http.TooManyRequestsException;
import kz.komek.i18n.Locale;

/** Casting a vote, the same from the API and from the page's form: who may, and who the voter is. */
final class Voting {
    private final FeedbackStore store;
    private final Optional<VoteLimiter> limiter;
    private final VisitorCookie cookie;
    private final boolean trustProxy;
    private final UsefulVotes useful;
    final VoteCounts counts = new VoteCounts();

    Voting(
            FeedbackStore store,
            Optional<VoteLimiter> limiter,
            VisitorCookie cookie,
            boolean trustProxy,
            UsefulVotes useful) {
        this.store = store;
        this.limiter = limiter;
        this.cookie = cookie;
        this.trustProxy = trustProxy;
        this.useful = useful;
    }

    /**
     * The first step of every vote request, before its body is read, so that invalid attempts count against the
     * limit too. A browser marks a request another site made it send: such votes are refused, so no page elsewhere
     * can cast votes with its visitors' cookies.
     */
    void admit(Context ctx) {
        if ("cross-site".equalsIgnoreCase(ctx.header("Sec-Fetch-Site"))) {
            counts.crossSite.increment();
            throw new ForbiddenResponse(
                    "votes are accepted from komek's own pages and from apps, not from other sites");
        }
        if (limiter.isPresent()) {
            var l = limiter.get();
            var wait = l.acquire(ClientAddress.of(ctx, trustProxy));
            if (wait.isPresent()) {
                counts.limited.increment();
                throw new TooManyRequestsException(
                        "too many votes from your address (at most " + l.perMinute() + " a minute); try again in "
                                + wait.getAsLong() + " s",
                        wait.getAsLong());
            }
        }
    }

    /** Records the vote of the reader of {@code ctx}, issuing their visitor cookie if they have none. */
    FeedbackStore.Tally cast(Context ctx, long questionId, Locale locale, Vote vote) {
        VisitorId visitor = cookie.ensure(ctx);
        var tally = store.vote(questionId, visitor, vote, locale)
                .orElseThrow(() -> new NotFoundException("no question " + questionId));
        // the reader's pages show their vote from this cookie, served from the page cache (decision 0035)
        var marks = VoteMarks.parse(ctx.cookie(VoteMarks.COOKIE)).orElseGet(() -> store.marks(visitor));
        ctx.cookie(marks.with(questionId, vote.useful()).cookie(VoteMarks.overHttps(ctx)));
        (vote.useful() ? counts.useful : counts.notUseful).increment();
        if (vote.useful()) {
            useful.voted(ctx, questionId);
        }
        return tally;
    }
}
