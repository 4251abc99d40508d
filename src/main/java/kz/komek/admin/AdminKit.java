package kz.komek.admin;

import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.time.Clock;
import java.time.ZoneId;

/**
 * What every admin handler shares: the access checks, the precompiled templates, and the help center's clock,
 * whose zone is the one admin pages show times in.
 */
public record AdminKit(AdminAccess access, TemplateEngine templates, Clock clock) {
    public ZoneId zone() {
        return clock.getZone();
    }

    /** Answers with {@code template} rendered for {@code page}. */
    public void render(Context ctx, HttpStatus status, String template, Object page) {
        var out = new StringOutput();
        templates.render(template, page, out);
        ctx.status(status).html(out.toString());
    }
}
