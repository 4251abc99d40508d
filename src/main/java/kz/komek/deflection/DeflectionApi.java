package kz.komek.deflection;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import kz.komek.catalog.Visitor;
import kz.komek.content.Platform;
import kz.komek.http.BadRequestException;
import kz.komek.i18n.Locale;

/**
 * {@code POST /api/v1/answers/suggest} and its outcomes: a chat bot or an app asks for answers to a reader's
 * message before handing them to a human, then says what came of them.
 */
public final class DeflectionApi {
    private static final String SHAPE =
            "send {\"message\": \"…\", \"site\": \"client\", \"locale\": \"ru\"|\"kz\"|null,"
                    + " \"platform\": \"desktop\"|\"mobile\"|\"app\"}";
    private static final String OUTCOME_SHAPE =
            "send {\"outcome\": \"opened\"|\"useful\", \"question\": 456} or {\"outcome\": \"chat\"}";

    private final Deflections deflections;
    private final MessageLimit limit;
    private final Function<Context, Platform> platformOf;
    private final java.util.function.Supplier<String> defaultSite;
    private final ObjectMapper json = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    DeflectionApi(
            Deflections deflections,
            MessageLimit limit,
            Function<Context, Platform> platformOf,
            java.util.function.Supplier<String> defaultSite) {
        this.deflections = deflections;
        this.limit = limit;
        this.platformOf = platformOf;
        this.defaultSite = defaultSite;
    }

    public void suggest(Context ctx) {
        JsonNode body = object(ctx.body(), SHAPE);
        String message = text(body, "message", SHAPE)
                .orElseThrow(() -> new BadRequestException("\"message\" is required: " + SHAPE));
        if (message.isBlank()) {
            throw new BadRequestException("\"message\" is empty");
        }
        if (message.length() > Ask.MAX_MESSAGE) {
            throw new BadRequestException("\"message\" is longer than " + Ask.MAX_MESSAGE + " characters");
        }
        String site = text(body, "site", SHAPE).filter(s -> !s.isBlank()).orElseGet(defaultSite);
        Optional<Locale> locale = text(body, "locale", SHAPE)
                .map(code -> Locale.parse(code)
                        .orElseThrow(() ->
                                new BadRequestException("unknown \"locale\" \"" + code + "\": use ru, kz or null")));
        Platform platform = text(body, "platform", SHAPE)
                .map(code -> Platform.parse(code)
                        .orElseThrow(() -> new BadRequestException(
                                "unknown \"platform\" \"" + code + "\": use desktop, mobile or app")))
                .orElseGet(() -> platformOf.apply(ctx));
        limit.admit(ctx);
        Offer offer = deflections.ask(new Ask(message, site, locale, platform, Channel.API, visitor(ctx)));
        ctx.header("Cache-Control", "no-store");
        ctx.json(body(offer));
    }

    /** {@code POST /api/v1/answers/suggest/{id}/outcome}: what the reader did with the suggestions. */
    public void outcome(Context ctx) {
        JsonNode body = object(ctx.body(), OUTCOME_SHAPE);
        String code = text(body, "outcome", OUTCOME_SHAPE)
                .orElseThrow(() -> new BadRequestException("\"outcome\" is required: " + OUTCOME_SHAPE));
        Outcome outcome = Outcome.parse(code)
                .orElseThrow(() -> new BadRequestException("unknown \"outcome\" \"" + code + "\": " + OUTCOME_SHAPE));
        JsonNode q = body.get("question");
        Optional<Long> question = Optional.empty();
        if (q != null && !q.isNull()) {
            if (!q.canConvertToExactIntegral() || !q.canConvertToLong() || q.asLong() < 1) {
                throw new BadRequestException("\"question\" must be a question id (a positive whole number)");
            }
            question = Optional.of(q.asLong());
        }
        Offer offer = deflections.outcome(ctx.pathParam("id"), outcome, question);
        ctx.header("Cache-Control", "no-store");
        var out = new LinkedHashMap<String, Object>();
        out.put("id", offer.id());
        out.put("opened", offer.opened().orElse(null));
        out.put("useful", offer.useful().orElse(null));
        out.put("chat", offer.chat());
        ctx.json(out);
    }

    /** The reader's visitor cookie when it is one komek issued; anything else names nobody. */
    static Optional<String> visitor(Context ctx) {
        return Optional.ofNullable(ctx.cookie(Visitor.COOKIE)).filter(v -> v.matches("[A-Za-z0-9_-]{22}"));
    }

    static Map<String, Object> body(Offer offer) {
        var out = new LinkedHashMap<String, Object>();
        out.put("id", offer.id());
        out.put("message", offer.message());
        out.put("site", offer.site());
        out.put("locale", offer.locale().code());
        out.put("platform", offer.platform().code());
        out.put("decision", offer.decision().code());
        out.put("confidence", offer.confidence());
        List<Map<String, Object>> answers = offer.answers().stream()
                .map(a -> {
                    var m = new LinkedHashMap<String, Object>();
                    m.put("id", a.id());
                    m.put("title", a.title());
                    m.put("url", a.url());
                    m.put("excerpt", a.excerpt());
                    m.put("confidence", a.confidence());
                    return (Map<String, Object>) m;
                })
                .toList();
        out.put("answers", answers);
        out.put("outcome_url", "/api/v1/answers/suggest/" + offer.id() + "/outcome");
        return out;
    }

    private JsonNode object(String body, String shape) {
        JsonNode n;
        try {
            n = json.readTree(body);
        } catch (JsonProcessingException e) {
            throw new BadRequestException("the body is not valid JSON: " + shape);
        }
        if (n == null || !n.isObject()) {
            throw new BadRequestException("the body must be a JSON object: " + shape);
        }
        return n;
    }

    private static Optional<String> text(JsonNode body, String field, String shape) {
        JsonNode n = body.get(field);
        if (n == null || n.isNull()) {
            return Optional.empty();
        }
        if (!n.isTextual()) {
            throw new BadRequestException("\"" + field + "\" must be a string: " + shape);
        }
        return Optional.of(n.asText());
    }
}
