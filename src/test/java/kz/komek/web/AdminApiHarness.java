package kz.komek.web;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import io.javalin.Javalin;
import io.javalin.http.Handler;
import io.javalin.http.HandlerType;
import java.util.List;
import java.util.function.Function;
import kz.komek.admin.Principal;
import kz.komek.admin.Role;
import kz.komek.admin.content.AdminQuestionsApi;

/**
 * The admin question API on its own port, with komek's error mapping, until authentication routes it in
 * {@link Routes}: the routes below are the ones to add there. A test names its principal in
 * {@link #PRINCIPAL_HEADER} ({@code 2 aigerim editor}), standing in for the sign-in filter; no header, no
 * principal (401).
 */
public final class AdminApiHarness implements AutoCloseable {
    public static final String PRINCIPAL_HEADER = "X-Test-Principal";

    public record Route(HandlerType method, String path, Function<AdminQuestionsApi, Handler> handler) {}

    public static final List<Route> ROUTES = List.of(
            new Route(HandlerType.GET, "/api/v1/admin/questions/{id}", api -> api::question),
            new Route(HandlerType.PUT, "/api/v1/admin/questions/{id}", api -> api::saveDraft),
            new Route(HandlerType.DELETE, "/api/v1/admin/questions/{id}", api -> api::delete),
            new Route(HandlerType.POST, "/api/v1/admin/questions/{id}/publish", api -> api::publish),
            new Route(HandlerType.POST, "/api/v1/admin/questions/{id}/unpublish", api -> api::unpublish),
            new Route(HandlerType.GET, "/api/v1/admin/questions/{id}/revisions", api -> api::revisions),
            new Route(HandlerType.POST, "/api/v1/admin/questions/{id}/revisions/{rev}/restore", api -> api::restore),
            new Route(HandlerType.GET, "/api/v1/admin/questions/{id}/diff", api -> api::diff),
            new Route(HandlerType.GET, "/api/v1/admin/audit", api -> api::audit));

    private final Javalin javalin;

    private AdminApiHarness(Javalin javalin) {
        this.javalin = javalin;
    }

    public static AdminApiHarness start(AdminQuestionsApi api) {
        var errors = new Errors(TemplateEngine.createPrecompiled(ContentType.Html));
        Javalin javalin = Javalin.create(c -> {
            c.startup.showJavalinBanner = false;
            c.routes.before(ctx -> {
                String given = ctx.header(PRINCIPAL_HEADER);
                if (given != null) {
                    String[] p = given.split(" ");
                    ctx.attribute(
                            Principal.ATTRIBUTE,
                            new Principal(
                                    Long.parseLong(p[0]), p[1], Role.parse(p[2]).orElseThrow(), Principal.Via.TOKEN));
                }
            });
            for (Route r : ROUTES) {
                c.routes.addHttpHandler(r.method(), r.path(), r.handler().apply(api));
            }
            errors.register(c.routes);
        });
        return new AdminApiHarness(javalin.start(0));
    }

    public String url(String path) {
        return "http://localhost:" + javalin.port() + path;
    }

    @Override
    public void close() {
        javalin.stop();
    }
}
