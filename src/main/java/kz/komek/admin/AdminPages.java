package kz.komek.admin;

import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import io.javalin.http.Context;

/** The admin UI's pages. For now the signed-in landing page; the editors' pages come with the editor. */
public final class AdminPages {
    private final AdminAccess access;
    private final TemplateEngine templates;

    AdminPages(AdminAccess access, TemplateEngine templates) {
        this.access = access;
        this.templates = templates;
    }

    /** {@code GET /admin}: who is signed in, with which role, and the sign-out button. Any role. */
    public void home(Context ctx) {
        Principal p = access.require(ctx, Role.VIEWER);
        var out = new StringOutput();
        templates.render(
                "admin/home.jte", new AdminHomePage(AdminFrame.of(ctx, access, p, "home", AdminText.ADMIN_TITLE)), out);
        ctx.html(out.toString());
    }
}
