package kz.komek.feedback;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.Optional;
import kz.komek.catalog.CatalogStore;
import kz.komek.catalog.CatalogUrls;
import kz.komek.catalog.Chrome;
import kz.komek.catalog.Question;
import kz.komek.content.Platform;
import kz.komek.http.BadRequestException;
import kz.komek.http.NotFoundException;
import kz.komek.i18n.Excerpt;
import kz.komek.i18n.Locale;

/**
 * The vote form under an answer, without JavaScript: it posts to the question page itself, and the reader is sent
 * back to it (303, Post/Redirect/Get) where the page thanks them. Errors come back as pages in the page's locale.
 */
public final class FeedbackPages {
    private final CatalogStore catalog;
    private final Voting voting;
    private final Clock clock;

    FeedbackPages(CatalogStore catalog, Voting voting, Clock clock) {
        this.catalog = catalog;
        this.voting = voting;
        this.clock = clock;
    }

    /** {@code POST /{site}/{locale}/{section path}/q{id}} with {@code useful}, {@code reason}, {@code comment}. */
    public void vote(Context ctx) {
        String site = ctx.pathParam("site");
        var notFound = new NotFoundException("There is nothing to vote on at " + Excerpt.of(ctx.path(), 80));
        Locale locale = Locale.parse(ctx.pathParam("locale")).orElseThrow(() -> notFound);
        if (!(CatalogUrls.parse(ctx.pathParam("path")) instanceof CatalogUrls.QuestionAt question)) {
            throw notFound;
        }
        long id = question.id();
        voting.admit(ctx);
        Vote vote;
        try {
            vote = Vote.of(
                    useful(ctx.formParam("useful")),
                    Optional.ofNullable(ctx.formParam("reason")),
                    Optional.ofNullable(ctx.formParam("comment")));
        } catch (IllegalArgumentException e) {
            throw new BadRequestException(e.getMessage());
        }
        var now = LocalDateTime.now(clock);
        Question q = catalog.question(id)
                .filter(x -> x.site().equals(site))
                .filter(x -> x.text(locale).filter(t -> t.visibleAt(now)).isPresent())
                .orElseThrow(() -> notFound);
        voting.cast(ctx, id, locale, vote);
        // back to the question's own page, at the vote box, which now says thank you; the app's page stays the app's
        var platform = Platform.parse(
                        Optional.ofNullable(ctx.queryParam("platform")).orElse(""))
                .orElse(Platform.DESKTOP);
        ctx.redirect(
                Chrome.sticky(CatalogUrls.question(site, locale, q.section().value(), id), platform) + "#vote-thanks",
                HttpStatus.SEE_OTHER);
    }

    private static Optional<Boolean> useful(String value) {
        if (value == null || value.isEmpty()) {
            return Optional.empty();
        }
        return switch (value) {
            case "true" -> Optional.of(true);
            case "false" -> Optional.of(false);
            default -> throw new IllegalArgumentException("useful must be true or false");
        };
    }
}
