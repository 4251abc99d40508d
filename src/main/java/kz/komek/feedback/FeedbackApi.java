package kz.komek.feedback;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.Optional;
import kz.komek.catalog.CatalogApi;
import kz.komek.catalog.CatalogStore;
import kz.komek.catalog.Question;
import kz.komek.http.BadRequestException;
import kz.komek.http.NotFoundException;
import kz.komek.i18n.Locale;

/** {@code POST /api/v1/questions/{id}/votes}: the app's and scripts' way to vote. */
public final class FeedbackApi {
    private static final String SHAPE =
            "send {\"useful\": true} or {\"useful\": false, \"reason\": \"unclear\", \"comment\": \"…\"}";

    private final CatalogStore catalog;
    private final Voting voting;
    private final Clock clock;
    private final ObjectMapper json = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    FeedbackApi(CatalogStore catalog, Voting voting, Clock clock) {
        this.catalog = catalog;
        this.voting = voting;
        this.clock = clock;
    }

    /**
     * {@code POST /api/v1/questions/{id}/votes?locale=}: the reader's vote, replacing their earlier one; answers
     * with the question's new usefulness and counts. The locale (default as for reading the question) is the one the
     * reader read in, kept with the reason.
     */
    public void vote(Context ctx) {
        long id = CatalogApi.questionId(ctx.pathParam("id"));
        voting.admit(ctx);
        Optional<Locale> wanted = CatalogApi.optionalLocale(ctx);
        Vote vote = parse(ctx.body());
        var now = LocalDateTime.now(clock);
        Question q = catalog.question(id).orElseThrow(() -> new NotFoundException("no question " + id));
        Locale locale =
                wanted.orElseGet(() -> q.text(Locale.DEFAULT).isPresent() ? Locale.DEFAULT : Locale.DEFAULT.other());
        q.text(locale)
                .filter(t -> t.visibleAt(now))
                .orElseThrow(() -> new NotFoundException("question " + id + " is not published in locale " + locale));
        var tally = voting.cast(ctx, id, locale, vote);
        var body = new LinkedHashMap<String, Object>();
        body.put("id", id);
        body.put("voted", true);
        body.put("useful", vote.useful());
        body.put(
                "usefulness",
                tally.usefulness().ratio().map(CatalogApi::twoDecimals).orElse(null));
        var votes = new LinkedHashMap<String, Long>();
        votes.put("up", tally.usefulness().up());
        votes.put("down", tally.usefulness().down());
        body.put("votes", votes);
        ctx.json(body);
    }

    private Vote parse(String body) {
        JsonNode n;
        try {
            n = json.readTree(body);
        } catch (JsonProcessingException e) {
            throw new BadRequestException("the body is not valid JSON: " + SHAPE);
        }
        if (n == null || !n.isObject()) {
            throw new BadRequestException("the body must be a JSON object: " + SHAPE);
        }
        JsonNode useful = n.get("useful");
        if (useful != null && !useful.isNull() && !useful.isBoolean()) {
            throw new BadRequestException("\"useful\" must be true or false");
        }
        try {
            return Vote.of(
                    Optional.ofNullable(useful).filter(JsonNode::isBoolean).map(JsonNode::booleanValue),
                    text(n, "reason"),
                    text(n, "comment"));
        } catch (IllegalArgumentException e) {
            throw new BadRequestException(e.getMessage());
        }
    }

    private static Optional<String> text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        if (v == null || v.isNull()) {
            return Optional.empty();
        }
        if (!v.isTextual()) {
            throw new BadRequestException("\"" + field + "\" must be a string");
        }
        return Optional.of(v.textValue());
    }
}
