package kz.komek.web;

import gg.jte.TemplateEngine;
import io.javalin.config.JavalinConfig;
import io.javalin.config.SizeUnit;
import io.javalin.http.Context;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.LinkedHashMap;
import kz.komek.Config;
import kz.komek.admin.accounts.AdminAccounts;
import kz.komek.admin.analytics.Analytics;
import kz.komek.admin.materials.MaterialPages;
import kz.komek.admin.questions.AdminQuestionsApi;
import kz.komek.admin.questions.LintApi;
import kz.komek.admin.questions.QuestionPages;
import kz.komek.admin.questions.RevisionPages;
import kz.komek.admin.sections.SectionPages;
import kz.komek.admin.sections.SectionsApi;
import kz.komek.admin.transfer.Transfers;
import kz.komek.admin.words.WordsPages;
import kz.komek.catalog.CatalogApi;
import kz.komek.catalog.CatalogPages;
import kz.komek.catalog.CatalogStore;
import kz.komek.catalog.Chrome;
import kz.komek.catalog.PageCache;
import kz.komek.catalog.Site;
import kz.komek.content.Platform;
import kz.komek.deflection.DeflectionApi;
import kz.komek.deflection.HandoffPages;
import kz.komek.feedback.FeedbackApi;
import kz.komek.feedback.FeedbackPages;
import kz.komek.http.BodyTooLargeException;
import kz.komek.http.NotFoundException;
import kz.komek.i18n.Locale;
import kz.komek.ops.HealthApi;
import kz.komek.ops.HttpMetrics;
import kz.komek.ops.MetricsEndpoint;
import kz.komek.ops.Readiness;
import kz.komek.ops.RequestIds;
import kz.komek.search.SearchApi;
import kz.komek.search.SearchPages;
import kz.komek.search.SearchSync;
import kz.komek.seo.PublicOrigin;
import kz.komek.sitemap.SitemapPages;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/** Every URL komek answers, in one place: the table of contents of the web interface. */
public final class Routes {
    private static final Logger log = LoggerFactory.getLogger("kz.komek.request");

    private final Config config;
    private final Handlers handlers;
    private final Errors errors;
    private final PrometheusMeterRegistry registry;
    private final StaticAssets assets = new StaticAssets();
    private final HttpMetrics httpMetrics;
    private final RequestIds requestIds = new RequestIds();

    /** Every feature's handlers, as {@code App} built them; the table below says which URL reaches which. */
    public record Handlers(
            CatalogStore catalog,
            CatalogPages pages,
            CatalogApi api,
            FeedbackApi feedbackApi,
            FeedbackPages feedbackPages,
            LintApi lint,
            AdminAccounts admin,
            AdminQuestionsApi adminQuestions,
            QuestionPages questionPages,
            RevisionPages revisionPages,
            SectionsApi sectionsApi,
            SectionPages sectionPages,
            MaterialPages materialPages,
            Transfers transfers,
            WordsPages wordsPages,
            SearchApi searchApi,
            SearchPages searchPages,
            SitemapPages seo,
            PageCache pageCache,
            SearchSync searchSync,
            Readiness readiness,
            DeflectionApi deflectionApi,
            HandoffPages handoff,
            Analytics analytics) {}

    public Routes(Config config, Handlers handlers, TemplateEngine templates, PrometheusMeterRegistry registry) {
        this.config = config;
        this.handlers = handlers;
        this.errors = new Errors(
                templates,
                config.maxBodyBytes(),
                config.branding().brand(),
                config.content().appUserAgentTokens());
        this.registry = registry;
        new JvmMemoryMetrics().bindTo(registry);
        new JvmGcMetrics().bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        handlers.pageCache().register(registry);
        this.httpMetrics = new HttpMetrics(registry);
    }

    public void configure(JavalinConfig c) {
        c.startup.showJavalinBanner = false;
        c.http.maxRequestSize = config.maxBodyBytes();
        // uploads (the import form) sent without a length are cut off here rather than in refuseLargeBodies (Errors
        // answers 413 when the parser stops); a body read whole (ctx.body()) stops at maxRequestSize likewise
        c.jetty.multipartConfig.maxTotalRequestSize(config.maxBodyBytes(), SizeUnit.BYTES);
        c.jetty.multipartConfig.maxFileSize(config.maxBodyBytes(), SizeUnit.BYTES);
        // Jetty keeps each connection's recent header lines and, by default, finds them again ignoring case:
        // "Bearer abc" after "Bearer ABC" would read as the latter, and behind a proxy's shared connections another
        // client's. Tokens and cookies are case-sensitive.
        c.jetty.modifyHttpConfiguration(http -> http.setHeaderCacheCaseSensitive(true));
        var front = Counter.builder("komek.pages.front")
                .description("Catalog pages answered from memory before routing")
                .register(registry);
        FunctionCounter.builder("komek.pages.cache", front, Counter::count)
                .description("catalog pages by how the page cache answered them")
                .tag("outcome", "front")
                .register(registry);
        c.jetty.modifyServer(server -> {
            server.setErrorHandler(new JettyErrors(errors));
            // Before Javalin's servlet, which Javalin puts inside the innermost wrapper it finds: request ids first,
            // then the count of requests in flight that a graceful stop waits for, then pages from memory.
            server.setHandler(new FrontDoor(
                    requestIds,
                    handlers.readiness()::draining,
                    new GracefulHandler(new FrontPages(
                            handlers.pageCache(),
                            new PublicOrigin(config.baseUrl()),
                            config.content().appUserAgentTokens(),
                            config.feedback().trustProxy(),
                            front,
                            httpMetrics))));
        });
        c.http.defaultContentType = "text/plain; charset=utf-8";
        c.router.ignoreTrailingSlashes = false;
        c.requestLogger.http((ctx, ms) -> {
            httpMetrics.record(
                    kind(ctx.endpoint() == null ? null : ctx.endpoint().path), ctx.statusCode(), (long) (ms * 1e6));
            // the front handler put the id in the MDC on this thread; a handler finished on another has it here
            String id = ctx.attribute(RequestIds.ATTRIBUTE);
            boolean elsewhere = id != null && MDC.get(RequestIds.MDC_KEY) == null;
            if (elsewhere) {
                MDC.put(RequestIds.MDC_KEY, id);
            }
            try {
                log.info("{} {} {} {}ms", ctx.method(), ctx.path(), ctx.statusCode(), Math.round(ms));
            } finally {
                if (elsewhere) {
                    MDC.remove(RequestIds.MDC_KEY);
                }
            }
        });

        var r = c.routes;
        var catalog = handlers.catalog();
        var pages = handlers.pages();
        var api = handlers.api();
        var feedbackApi = handlers.feedbackApi();
        var feedbackPages = handlers.feedbackPages();
        var lint = handlers.lint();
        var admin = handlers.admin();
        var adminQuestions = handlers.adminQuestions();
        var questionPages = handlers.questionPages();
        var revisionPages = handlers.revisionPages();
        var sectionsApi = handlers.sectionsApi();
        var sectionPages = handlers.sectionPages();
        var transfers = handlers.transfers();
        var searchApi = handlers.searchApi();
        var searchPages = handlers.searchPages();
        var seo = handlers.seo();
        var pageCache = handlers.pageCache();
        r.before(this::securityHeaders);
        r.before(this::refuseLargeBodies);
        r.before(Routes::refuseUnknownCharsets);

        get(r, "/", this::root);
        get(r, "/static/{file}", assets::serve);
        var brand = new BrandAssets(config.branding());
        get(r, "/favicon.ico", brand::favicon);
        get(r, "/brand/{file}", brand::serve);
        get(r, "/health", this::health);
        var health = new HealthApi(handlers.readiness());
        get(r, "/health/live", health::live);
        get(r, "/health/ready", health::ready);
        get(
                r,
                "/metrics",
                new MetricsEndpoint(registry, config.operations().metrics().token())::serve);

        get(r, "/robots.txt", seo::robots);
        get(r, "/sitemap.xml", seo::sitemapIndex);
        // before /{site}/{locale}, which would otherwise take it for a site called "sitemaps"
        get(r, "/sitemaps/{file}", seo::sitemap);

        // The admin: every request under these paths passes the gate first (sign-in, role, CSRF); before the
        // catalog's /{site}/{locale} routes, which would otherwise take /admin/login for a site called "admin".
        for (String path : new String[] {"/admin", "/admin/*", "/api/v1/admin", "/api/v1/admin/*"}) {
            r.before(path, admin.gate());
        }
        get(r, "/admin/login", admin.login()::form);
        r.post("/admin/login", admin.login()::submit);
        r.post("/admin/logout", admin.login()::logout);
        get(r, "/admin", questionPages::home);
        get(r, "/admin/", ctx -> ctx.redirect("/admin", io.javalin.http.HttpStatus.MOVED_PERMANENTLY));
        get(r, "/api/v1/admin/me", admin.api()::me);
        get(r, "/api/v1/admin/users", admin.api()::users);
        get(r, "/api/v1/admin/questions/{id}", adminQuestions::question);
        r.put("/api/v1/admin/questions/{id}", adminQuestions::saveDraft);
        r.delete("/api/v1/admin/questions/{id}", adminQuestions::delete);
        r.post("/api/v1/admin/questions/{id}/publish", adminQuestions::publish);
        r.post("/api/v1/admin/questions/{id}/unpublish", adminQuestions::unpublish);
        get(r, "/api/v1/admin/questions/{id}/revisions", adminQuestions::revisions);
        r.post("/api/v1/admin/questions/{id}/revisions/{rev}/restore", adminQuestions::restore);
        get(r, "/api/v1/admin/questions/{id}/diff", adminQuestions::diff);
        get(r, "/api/v1/admin/audit", adminQuestions::audit);
        // the question editor's pages ("new" before "{id}")
        get(r, "/admin/questions", questionPages::find);
        get(r, "/admin/questions/new", questionPages::newForm);
        r.post("/admin/questions/new", questionPages::create);
        r.post("/admin/questions/new/preview", questionPages::previewForm);
        get(r, "/admin/questions/{id}", questionPages::edit);
        r.post("/admin/questions/{id}", questionPages::save);
        get(r, "/admin/questions/{id}/preview", questionPages::previewSaved);
        r.post("/admin/questions/{id}/preview", questionPages::previewForm);
        r.post("/admin/questions/{id}/unpublish", questionPages::unpublish);
        get(r, "/admin/questions/{id}/delete", questionPages::confirmDelete);
        r.post("/admin/questions/{id}/delete", questionPages::delete);
        get(r, "/admin/questions/{id}/revisions", revisionPages::revisions);
        r.post("/admin/questions/{id}/revisions/{rev}/restore", revisionPages::restore);
        get(r, "/admin/questions/{id}/diff", revisionPages::diff);
        // sections: the structure (publisher writes), question placement and cross-listing (editor), admin pages
        get(r, "/api/v1/admin/sections", sectionsApi::tree);
        r.post("/api/v1/admin/sections", sectionsApi::create);
        r.post("/api/v1/admin/sections/order", sectionsApi::order);
        get(r, "/api/v1/admin/sections/{id}", sectionsApi::section);
        r.patch("/api/v1/admin/sections/{id}", sectionsApi::retitle);
        r.delete("/api/v1/admin/sections/{id}", sectionsApi::delete);
        r.post("/api/v1/admin/sections/{id}/move", sectionsApi::move);
        r.post("/api/v1/admin/questions/{id}/place", sectionsApi::place);
        r.post("/api/v1/admin/questions/{id}/crosslist", sectionsApi::crossList);
        get(r, "/admin/sections", sectionPages::list);
        r.post("/admin/sections", sectionPages::create);
        get(r, "/admin/sections/{id}", sectionPages::section);
        r.post("/admin/sections/{id}/titles", sectionPages::retitle);
        r.post("/admin/sections/{id}/kind", sectionPages::kind);
        r.post("/admin/sections/{id}/move", sectionPages::move);
        r.post("/admin/sections/{id}/shift", sectionPages::shift);
        get(r, "/admin/sections/{id}/delete", sectionPages::confirmDelete);
        r.post("/admin/sections/{id}/delete", sectionPages::delete);
        r.post("/admin/sections/{id}/questions/{question}/shift", sectionPages::shiftQuestion);
        r.post("/admin/sections/{id}/questions/{question}/pin", sectionPages::pin);
        r.post("/admin/sections/{id}/questions/{question}/crosslist", sectionPages::crossList);
        // videos and documents ("new" before "{id}")
        var materialPages = handlers.materialPages();
        get(r, "/admin/materials", materialPages::list);
        get(r, "/admin/materials/new", materialPages::newForm);
        r.post("/admin/materials/new", materialPages::create);
        get(r, "/admin/materials/{id}", materialPages::edit);
        r.post("/admin/materials/{id}", materialPages::save);
        r.post("/admin/materials/{id}/unpublish", materialPages::unpublish);
        get(r, "/admin/materials/{id}/revisions", materialPages::revisions);
        r.post("/admin/materials/{id}/revisions/{rev}/restore", materialPages::restore);
        get(r, "/api/v1/openapi.json", this::openApi);
        r.post("/api/v1/admin/users/{name}/disable", admin.api()::disable);
        r.post("/api/v1/admin/users/{name}/enable", admin.api()::enable);
        // import, export, audit page, users page
        r.post("/api/v1/admin/import", transfers.api()::importBundle);
        get(r, "/api/v1/admin/export", transfers.api()::export);
        get(r, "/admin/transfer", transfers.pages()::form);
        r.post("/admin/transfer", transfers.pages()::upload);
        r.post("/admin/transfer/apply", transfers.pages()::apply);
        get(r, "/admin/transfer/imports/{id}", transfers.pages()::result);
        get(r, "/admin/transfer/jobs/{id}", transfers.pages()::job);
        get(r, "/admin/audit", admin.auditPages()::list);
        // analytics for editors (decision 0046): the page, a CSV file per table, the same figures as JSON
        get(r, "/admin/analytics", handlers.analytics().pages()::page);
        get(r, "/admin/analytics/{file}", handlers.analytics().pages()::csv);
        get(r, "/api/v1/admin/analytics/{figure}", handlers.analytics().api()::figure);
        get(r, "/admin/words", handlers.wordsPages()::page);
        r.post("/admin/words/pairs", handlers.wordsPages()::decidePair);
        r.post("/admin/words/phrases", handlers.wordsPages()::decidePhrase);
        get(r, "/admin/users", admin.usersPages()::list);
        r.post("/admin/users", admin.usersPages()::add);
        r.post("/admin/users/{name}/disable", admin.usersPages()::disable);
        r.post("/admin/users/{name}/enable", admin.usersPages()::enable);
        r.post("/admin/users/{name}/role", admin.usersPages()::role);
        r.post("/admin/users/{name}/password", admin.usersPages()::resetPassword);
        r.post("/admin/users/tokens", admin.usersPages()::createToken);
        r.post("/admin/users/tokens/{id}/revoke", admin.usersPages()::revokeToken);
        get(r, "/api/v1/admin/tokens", admin.api()::tokens);
        r.post("/api/v1/admin/tokens", admin.api()::createToken);
        r.delete("/api/v1/admin/tokens/{id}", admin.api()::revokeToken);
        get(r, "/admin/account", admin.usersPages()::account);
        r.post("/admin/account", admin.usersPages()::changePassword);
        r.post("/api/v1/admin/users", admin.api()::create);
        r.post("/api/v1/admin/users/{name}/role", admin.api()::role);
        r.post("/api/v1/admin/users/{name}/password", admin.api()::password);
        r.post("/api/v1/admin/me/password", admin.api()::myPassword);

        get(r, "/api/v1/questions/{id}", api::question);
        r.post("/api/v1/questions/{id}/votes", feedbackApi::vote);
        get(r, "/api/v1/sites", api::sites);
        get(r, "/api/v1/sections", api::sections);
        get(r, "/api/v1/sections/<path>", api::section);
        get(r, "/api/v1/admin/lint", lint::report);
        get(r, "/api/v1/search", searchApi::search);
        get(r, "/api/v1/suggest", searchApi::suggest);
        r.post("/api/v1/answers/suggest", handlers.deflectionApi()::suggest);
        r.post("/api/v1/answers/suggest/{id}/outcome", handlers.deflectionApi()::outcome);

        get(r, "/{site}", this::siteHome);
        get(r, "/{site}/", this::siteHome);
        get(r, "/{site}/{locale}", ctx -> ctx.redirect(ctx.path() + "/", io.javalin.http.HttpStatus.MOVED_PERMANENTLY));
        get(r, "/{site}/{locale}/", pageCache.wrap(pages::home));
        get(r, "/{site}/{locale}/search", searchPages::results);
        // the hand-off: "describe your question", the answers found, then the chat (before the catalog's <path>)
        var handoff = handlers.handoff();
        get(r, "/{site}/{locale}/ask", handoff::form);
        r.post("/{site}/{locale}/ask", handoff::ask);
        get(r, "/{site}/{locale}/ask/{id}", handoff::offer);
        get(r, "/{site}/{locale}/ask/{id}/open/{question}", handoff::open);
        r.post("/{site}/{locale}/ask/{id}/useful/{question}", handoff::useful);
        get(r, "/{site}/{locale}/ask/{id}/chat", handoff::chat);
        get(r, "/{site}/{locale}/<path>", pageCache.wrap(pages::page));
        // the vote form posts to the question page itself and is sent back to it (303)
        r.post("/{site}/{locale}/<path>", feedbackPages::vote);

        errors.register(r);
    }

    private final java.util.Map<String, HttpMetrics.Kind> kinds = new java.util.concurrent.ConcurrentHashMap<>();

    /** What a route serves, for the request metrics; by route, so one lookup per route ever. */
    private HttpMetrics.Kind kind(String route) {
        return route == null ? HttpMetrics.Kind.OTHER : kinds.computeIfAbsent(route, Routes::kindOf);
    }

    static HttpMetrics.Kind kindOf(String route) {
        if (route.equals("/health") || route.startsWith("/health/") || route.equals("/metrics")) {
            return HttpMetrics.Kind.HEALTH;
        }
        if (route.startsWith("/static/") || route.startsWith("/brand/") || route.equals("/favicon.ico")) {
            return HttpMetrics.Kind.STATIC;
        }
        if (route.equals("/api/v1/search") || route.equals("/{site}/{locale}/search")) {
            return HttpMetrics.Kind.SEARCH;
        }
        if (route.equals("/api/v1/suggest")) {
            return HttpMetrics.Kind.SUGGEST;
        }
        if (route.startsWith("/admin") || route.startsWith("/api/v1/admin")) {
            return HttpMetrics.Kind.ADMIN;
        }
        if (route.startsWith("/api/")) {
            return HttpMetrics.Kind.API;
        }
        if (route.startsWith("/{site}")) {
            return HttpMetrics.Kind.PAGE;
        }
        return HttpMetrics.Kind.OTHER; // the root's redirect, robots.txt, sitemaps, routes that match nothing
    }

    /** GET and HEAD alike: crawlers and monitors ask HEAD and must get the same status (Jetty drops the body). */
    private static void get(io.javalin.config.RoutesConfig r, String path, io.javalin.http.Handler handler) {
        r.get(path, handler);
        r.head(path, handler);
    }

    /** The OpenAPI document of the public and the admin API (a resource written by hand beside the handlers). */
    private void openApi(Context ctx) throws java.io.IOException {
        try (var in = Routes.class.getResourceAsStream("/openapi.json")) {
            ctx.contentType("application/json; charset=utf-8").result(in.readAllBytes());
        }
    }

    /** {@code /} leads to the first site in the default locale: {@code /client/ru/}. */
    private void root(Context ctx) {
        String site =
                handlers.catalog().sites().stream().map(Site::slug).findFirst().orElse("client");
        // the app's error page leads home through here: its platform goes along
        String home = "/" + site + "/" + Locale.DEFAULT.code() + "/";
        ctx.redirect(
                "app".equals(ctx.queryParam("platform")) ? Chrome.sticky(home, Platform.APP) : home,
                io.javalin.http.HttpStatus.FOUND);
    }

    /**
     * {@code /client} names a site but no locale: it leads to the site's home in the reader's language (Kazakh when
     * the browser prefers it, else the default).
     */
    private void siteHome(Context ctx) {
        String site = ctx.pathParam("site");
        if (handlers.catalog().sites().stream().noneMatch(s -> s.slug().equals(site))) {
            throw new NotFoundException("No site \"" + kz.komek.i18n.Excerpt.of(site, 80) + "\"");
        }
        Locale locale = Locale.preferred(ctx.header("Accept-Language"));
        ctx.header("Vary", "Accept-Language");
        ctx.redirect("/" + site + "/" + locale.code() + "/", io.javalin.http.HttpStatus.FOUND);
    }

    private void health(Context ctx) {
        var body = new LinkedHashMap<String, Object>();
        try {
            long version = handlers.catalog().contentVersion();
            body.put("status", "UP");
            body.put("database", "UP");
            body.put("content_version", version);
            // search lags the database by up to one sync (or a rebuild): pages are served meanwhile, search
            // answers from the index it last committed
            long indexed = handlers.searchSync().indexedVersion();
            var search = new LinkedHashMap<String, Object>();
            search.put("indexed_version", indexed);
            search.put("current", indexed == version);
            body.put("search", search);
            ctx.json(body);
        } catch (RuntimeException e) {
            log.warn("health check: database unreachable: {}", e.toString());
            body.put("status", "DOWN");
            body.put("database", "DOWN");
            ctx.status(503).json(body);
        }
    }

    /** Refused before any handler runs, whether or not the route would read the body. */
    private void refuseLargeBodies(Context ctx) {
        if (ctx.contentLength() > config.maxBodyBytes()) {
            throw new BodyTooLargeException(config.maxBodyBytes());
        }
    }

    /**
     * A body in a character set Java does not know ({@code Content-Type: application/json; charset=bogus}) cannot be
     * read by any handler: 415 before one tries (reading it threw, and answered 500).
     */
    private static void refuseUnknownCharsets(Context ctx) {
        String type = ctx.header("Content-Type");
        if (type == null) {
            return;
        }
        for (String param : type.split(";")) {
            String p = param.strip();
            if (p.regionMatches(true, 0, "charset=", 0, 8)) {
                String name = p.substring(8).strip().replace("\"", "");
                boolean known;
                try {
                    known = java.nio.charset.Charset.isSupported(name);
                } catch (java.nio.charset.IllegalCharsetNameException e) {
                    known = false;
                }
                if (!known) {
                    throw new io.javalin.http.HttpResponseException(
                            415, "unknown character set \"" + kz.komek.i18n.Excerpt.of(name, 40) + "\": send UTF-8");
                }
            }
        }
    }

    private void securityHeaders(Context ctx) {
        SecurityHeaders.ALWAYS.forEach(ctx::header);
        if (https(ctx)) {
            ctx.header(SecurityHeaders.HSTS_NAME, SecurityHeaders.HSTS_VALUE);
        }
    }

    /** Whether the reader's connection is HTTPS: Jetty's own, or a trusted proxy's that terminated it. */
    private boolean https(Context ctx) {
        if ("https".equalsIgnoreCase(ctx.scheme())) {
            return true;
        }
        return config.feedback().trustProxy() && "https".equalsIgnoreCase(ctx.header("X-Forwarded-Proto"));
    }
}
