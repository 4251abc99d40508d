package kz.komek.catalog;

import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import io.javalin.http.Context;
import java.time.Clock;
import java.time.LocalDateTime;
import kz.komek.brand.Brand;
import kz.komek.content.AnswerRenderer;
import kz.komek.content.Platform;

/**
 * What the handlers readers meet share (catalog pages and API, the search page): the precompiled templates, the answer
 * renderer, the help center's clock, whose zone is the one publication dates are written in, and the operator's
 * brand.
 */
public record ReaderKit(TemplateEngine templates, AnswerRenderer answers, Clock clock, Brand brand) {
    /** The help center's local time now: a text published later is not public yet. */
    public LocalDateTime now() {
        return LocalDateTime.now(clock);
    }

    /** The platform the request comes from (desktop, mobile web or the app's webview). */
    public Platform platform(Context ctx) {
        return CatalogPages.platform(ctx, answers);
    }

    public String render(String template, Object model) {
        var out = new StringOutput();
        templates.render(template, model, out);
        return out.toString();
    }
}
