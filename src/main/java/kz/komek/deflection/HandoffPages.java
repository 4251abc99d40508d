package kz.komek.deflection;

import io.javalin.http.Context;
import io.javalin.http.ForbiddenResponse;
import io.javalin.http.HttpStatus;
import java.util.Optional;
import kz.komek.catalog.CatalogPages;
import kz.komek.catalog.Chrome;
import kz.komek.catalog.ReaderKit;
import kz.komek.catalog.UiText;
import kz.komek.content.ContentConfig;
import kz.komek.content.Platform;
import kz.komek.http.BadRequestException;
import kz.komek.http.NotFoundException;
import kz.komek.i18n.Locale;

/**
 * The hand-off on the pages and in the app's webview (decision 0045): {@code /{site}/{locale}/ask} asks the reader
 * to describe their question, answers it server-side (no script needed), and only then leads on to the chat. Every
 * step out goes through komek, which notes it: an answer opened, found useful, the chat.
 */
public final class HandoffPages {
    private final Deflections deflections;
    private final MessageLimit limit;
    private final CatalogPages frames;
    private final ReaderKit kit;
    private final ContentConfig content;

    HandoffPages(
            Deflections deflections, MessageLimit limit, CatalogPages frames, ReaderKit kit, ContentConfig content) {
        this.deflections = deflections;
        this.limit = limit;
        this.frames = frames;
        this.kit = kit;
        this.content = content;
    }

    /** {@code GET /{site}/{locale}/ask?q=}: the form, with the search that found nothing in it. */
    public void form(Context ctx) {
        Chrome chrome = chrome(ctx, "/ask");
        String q = Optional.ofNullable(ctx.queryParam("q"))
                .map(kz.komek.i18n.StorableText::withoutControls)
                .map(String::strip)
                .map(s -> s.length() > Ask.MAX_MESSAGE ? s.substring(0, Ask.MAX_MESSAGE) : s)
                .orElse("");
        ctx.header("Cache-Control", "no-store");
        ctx.html(kit.render(
                "handoff/ask.jte",
                new AskPage(
                        chrome,
                        chrome.link(base(ctx) + "/ask"),
                        q,
                        chatHref(ctx, chrome.platform(), chrome.locale()))));
    }

    /** {@code POST /{site}/{locale}/ask}: answers the message and shows the offer (303, so a reload asks nothing). */
    public void ask(Context ctx) {
        if ("cross-site".equalsIgnoreCase(ctx.header("Sec-Fetch-Site"))) {
            throw new ForbiddenResponse("messages are accepted from komek's own pages, not from other sites");
        }
        String message = Optional.ofNullable(ctx.formParam("message"))
                .map(kz.komek.i18n.StorableText::withoutControls)
                .map(String::strip)
                .orElse("");
        if (message.isEmpty()) {
            throw new BadRequestException("describe your question: the message is empty");
        }
        if (message.length() > Ask.MAX_MESSAGE) {
            throw new BadRequestException("the message is longer than " + Ask.MAX_MESSAGE + " characters");
        }
        Chrome chrome = chrome(ctx, "/ask");
        limit.admit(ctx);
        Offer offer = deflections.ask(new Ask(
                message,
                ctx.pathParam("site"),
                Optional.of(chrome.locale()),
                chrome.platform(),
                Channel.PAGE,
                DeflectionApi.visitor(ctx)));
        ctx.header("Cache-Control", "no-store");
        ctx.redirect(Chrome.sticky(base(ctx) + "/ask/" + offer.id(), chrome.platform()), HttpStatus.SEE_OTHER);
    }

    /** {@code GET /{site}/{locale}/ask/{id}}: the offer: the answer or suggestions, then the chat. */
    public void offer(Context ctx) {
        Offer offer = own(ctx);
        Chrome chrome = chrome(ctx, "/ask/" + offer.id());
        String here = base(ctx) + "/ask/" + offer.id();
        var answers = offer.answers().stream()
                .map(a -> new OfferPage.Answer(
                        a.title(),
                        langOf(a.url()),
                        a.excerpt(),
                        chrome.link(here + "/open/" + a.id()),
                        chrome.link(here + "/useful/" + a.id())))
                .toList();
        ctx.header("Cache-Control", "no-store");
        ctx.header("X-Robots-Tag", "noindex, nofollow");
        ctx.html(kit.render(
                "handoff/offer.jte",
                new OfferPage(
                        chrome,
                        offer.message(),
                        offer.decision(),
                        answers,
                        offer.useful().isPresent(),
                        chrome.link(here + "/chat"),
                        chrome.link(base(ctx) + "/ask"))));
    }

    /** {@code GET …/ask/{id}/open/{question}}: noted as opened, then to the question's page. */
    public void open(Context ctx) {
        Offer offer = own(ctx);
        long question = question(ctx);
        Offer after = deflections.outcome(offer.id(), Outcome.OPENED, Optional.of(question));
        String url = after.answers().stream()
                .filter(a -> a.id() == question)
                .map(Suggestion::url)
                .findFirst()
                .orElseThrow(() -> new NotFoundException("question " + question + " is no longer published"));
        ctx.header("Cache-Control", "no-store");
        ctx.redirect(Chrome.sticky(url, kit.platform(ctx)), HttpStatus.SEE_OTHER);
    }

    /** {@code POST …/ask/{id}/useful/{question}}: the reader says it answered them; back to the offer. */
    public void useful(Context ctx) {
        if ("cross-site".equalsIgnoreCase(ctx.header("Sec-Fetch-Site"))) {
            throw new ForbiddenResponse("outcomes are accepted from komek's own pages, not from other sites");
        }
        Offer offer = own(ctx);
        deflections.outcome(offer.id(), Outcome.USEFUL, Optional.of(question(ctx)));
        ctx.header("Cache-Control", "no-store");
        ctx.redirect(Chrome.sticky(base(ctx) + "/ask/" + offer.id(), kit.platform(ctx)), HttpStatus.SEE_OTHER);
    }

    /** {@code GET …/ask/{id}/chat}: noted as gone on to chat, then to the chat (the app's, in the app). */
    public void chat(Context ctx) {
        Offer offer = own(ctx);
        deflections.outcome(offer.id(), Outcome.CHAT, Optional.empty());
        ctx.header("Cache-Control", "no-store");
        ctx.redirect(chatHref(ctx, kit.platform(ctx), offer.locale()), HttpStatus.SEE_OTHER);
    }

    /** The chat as the content configuration's hand-off macro names it for the platform. */
    private String chatHref(Context ctx, Platform platform, Locale locale) {
        var macro = content.handoff()
                .orElseThrow(() -> new NotFoundException("this help center has no chat to hand off to"));
        var rendering = macro.renderings().get(platform);
        var href = rendering
                .href()
                .or(() -> macro.renderings().values().stream()
                        .flatMap(r -> r.href().stream())
                        .findFirst());
        return href.map(h -> h.replace("{locale}", locale.code()))
                .orElseThrow(() -> new NotFoundException("this help center has no chat to hand off to"));
    }

    private Offer own(Context ctx) {
        String id = ctx.pathParam("id");
        return deflections
                .find(id)
                .filter(o -> o.site().equals(ctx.pathParam("site")))
                .orElseThrow(() -> new NotFoundException("no such message: it may be older than the retention"));
    }

    private static long question(Context ctx) {
        try {
            return Long.parseLong(ctx.pathParam("question"));
        } catch (NumberFormatException e) {
            throw new NotFoundException("no question " + kz.komek.i18n.Excerpt.of(ctx.pathParam("question"), 40));
        }
    }

    private Chrome chrome(Context ctx, String rest) {
        Locale locale = Locale.parse(ctx.pathParam("locale"))
                .orElseThrow(() -> new NotFoundException("no such language: " + ctx.pathParam("locale")));
        String title = UiText.HANDOFF_TITLE.in(locale);
        return frames.frame(
                        ctx,
                        title,
                        title,
                        "/" + ctx.pathParam("site") + "/" + locale.other().code() + "/ask")
                .withoutHeaderSearch();
    }

    private static String base(Context ctx) {
        return "/" + ctx.pathParam("site") + "/" + ctx.pathParam("locale");
    }

    private static String langOf(String url) {
        String[] parts = url.split("/");
        return parts.length > 2 ? Locale.parse(parts[2]).orElse(Locale.DEFAULT).htmlLang() : Locale.DEFAULT.htmlLang();
    }
}
