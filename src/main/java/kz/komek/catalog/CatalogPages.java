package kz.komek.catalog;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.List;
import java.util.Optional;
import kz.komek.content.AnswerRenderer;
import kz.komek.content.Platform;
import kz.komek.http.BadRequestException;
import kz.komek.http.NotFoundException;
import kz.komek.i18n.Excerpt;
import kz.komek.i18n.Locale;
import kz.komek.seo.PublicOrigin;

/**
 * The visitor's HTML pages: site home, product/theme/subtheme pages and question pages. These handlers read the
 * request (address, cookie, platform), send old addresses where their pages are now, and render what
 * {@link PageModels} builds.
 */
public final class CatalogPages {
    private final CatalogMemory store;
    private final ReaderSignals readers;
    private final PublicOrigin origin;
    private final QuestionMoves moves;
    private final PageModels models;
    private final ReaderKit kit;

    public CatalogPages(
            ReaderKit kit, CatalogMemory store, ReaderSignals readers, PublicOrigin origin, QuestionMoves moves) {
        this.store = store;
        this.readers = readers;
        this.origin = origin;
        this.moves = moves;
        this.kit = kit;
        this.models = new PageModels(store, readers, kit.answers(), kit.clock().getZone(), kit.brand());
    }

    /** {@code GET /{site}/{locale}/}. */
    public void home(Context ctx) {
        var req = request(ctx);
        keepMarks(ctx);
        render(ctx, "catalog/home.jte", models.home(req));
    }

    /** {@code GET /{site}/{locale}/<path>}: a section page or, when the last segment is {@code q{id}}, a question. */
    public void page(Context ctx) {
        var req = request(ctx);
        keepMarks(ctx);
        var asked = CatalogUrls.parse(ctx.pathParam("path"));
        if (asked instanceof CatalogUrls.QuestionAt question) {
            questionPage(ctx, req, question.id(), question.section());
        } else if (asked instanceof CatalogUrls.SectionAt section) {
            sectionPage(ctx, req, section.path());
        } else {
            render(ctx, "catalog/home.jte", models.home(req));
        }
    }

    private void sectionPage(Context ctx, PageRequest req, String path) {
        var sectionPath = SectionPath.parse(path)
                .orElseThrow(() -> new NotFoundException("No section " + quoted(path) + " in this help center"));
        if (req.tree().find(sectionPath).isEmpty()) {
            // a section an editor renamed leads to its new path, even an empty one
            var renamed = moves.sectionMovedTo(req.site().slug(), sectionPath)
                    .filter(p -> req.tree().find(p).isPresent());
            if (renamed.isPresent()) {
                redirect(
                        ctx,
                        CatalogUrls.section(
                                req.site().slug(), req.locale(), renamed.get().value()));
                return;
            }
            // a section that was removed or renamed leads to where its questions went
            var moved = moves.newPlaceOf(req.site().slug(), sectionPath);
            if (moved.isPresent()) {
                redirect(
                        ctx,
                        CatalogUrls.section(
                                moved.get().site(),
                                req.locale(),
                                moved.get().path().value()));
                return;
            }
        }
        render(ctx, "catalog/section.jte", models.section(req, sectionPath));
    }

    private void questionPage(Context ctx, PageRequest req, long id, String requestedSection) {
        Locale locale = req.locale();
        var notFound = new NotFoundException("No question " + id + " in " + locale + " on this site");
        Question question = store.question(id)
                // a question moved to another site answers where it was, and only there
                .filter(q -> q.site().equals(req.site().slug())
                        || moves.wasAt(req.site().slug(), requestedSection, id))
                .orElseThrow(() -> notFound);
        QuestionText text =
                question.text(locale).filter(t -> t.visibleAt(req.now())).orElseThrow(() -> notFound);
        // any other path than its own (an old section, a typo, a moved or removed section) leads to its page
        if (!question.site().equals(req.site().slug())
                || !question.section().value().equals(requestedSection)) {
            redirect(
                    ctx,
                    CatalogUrls.question(
                            question.site(), locale, question.section().value(), id));
            return;
        }
        Section section = req.tree()
                .find(question.section())
                .orElseThrow(() -> new NotFoundException("The section of question " + id + " is gone"));
        var page = models.question(req, question, text, section, visitor(ctx));
        render(ctx, "catalog/question.jte", page);
        viewed(ctx, id);
        ctx.attribute(PageCache.QUESTION, id);
    }

    /** Counts a view of question {@code id} by the reader of {@code ctx}; a cached question page counts too. */
    public void viewed(Context ctx, long id) {
        readers.viewed(id, ctx.method().name(), ctx::header);
    }

    /**
     * A question as readers would see it, from a record that need not be public yet: the editors' preview. The
     * page around it (menu, lists, breadcrumbs) is the live one of its section. Not cached and not counted.
     *
     * @throws NotFoundException when the site or the section does not exist, or the question has no text in
     *     {@code locale}
     */
    public String preview(Context ctx, Question question, Locale locale, Platform platform) {
        var req = request(ctx, question.site(), locale.code(), platform);
        QuestionText text = question.text(locale)
                .orElseThrow(() -> new NotFoundException("question " + question.id() + " has no text in " + locale));
        Section section = req.tree()
                .find(question.section())
                .orElseThrow(() -> new NotFoundException(
                        "section " + question.section().value() + " does not exist in site " + question.site()));
        return kit.render("catalog/question.jte", models.question(req, question, text, section, visitor(ctx)));
    }

    /**
     * The frame of a page another feature serves on a site (the search page): site and locale come from the
     * path (404 when unknown), breadcrumbs lead from the site home to this page, not indexed by search engines.
     */
    public Chrome frame(Context ctx, String title, String description, String otherLocaleHref) {
        return models.frame(request(ctx), title, description, ctx.path(), otherLocaleHref);
    }

    /**
     * The platform answers render for. Pages vary by User-Agent, so shared caches must key on it too.
     *
     * @throws BadRequestException for an unknown {@code ?platform=}
     */
    public static Platform platform(Context ctx, AnswerRenderer answers) {
        ctx.header("Vary", "User-Agent");
        try {
            return Platform.of(
                    ctx.queryParam("platform"),
                    ctx.userAgent(),
                    answers.config().appUserAgentTokens());
        } catch (IllegalArgumentException e) {
            throw new BadRequestException(e.getMessage());
        }
    }

    /** The reader of {@code ctx}, named by the visitor cookie if their browser sent it, with their vote marks. */
    static Visitor visitor(Context ctx) {
        return new Visitor(
                Optional.ofNullable(ctx.cookie(Visitor.COOKIE)), VoteMarks.parse(ctx.cookie(VoteMarks.COOKIE)));
    }

    /**
     * A reader with a visitor cookie but no readable vote marks (they voted before marks existed, or the cookie was
     * damaged) gets their marks, read once: from then on their pages come from the cache (decision 0035).
     */
    private void keepMarks(Context ctx) {
        Visitor visitor = visitor(ctx);
        if (visitor.id().isPresent() && visitor.marks().isEmpty()) {
            ctx.cookie(readers.marks(visitor).orElseGet(VoteMarks::none).cookie(VoteMarks.overHttps(ctx)));
        }
    }

    private PageRequest request(Context ctx) {
        return request(ctx, ctx.pathParam("site"), ctx.pathParam("locale"), kit.platform(ctx));
    }

    private PageRequest request(Context ctx, String siteSlug, String localeCode, Platform platform) {
        List<Site> sites = store.sites();
        Site site = sites.stream()
                .filter(s -> s.slug().equals(siteSlug))
                .findFirst()
                .orElseThrow(() -> new NotFoundException("No site " + quoted(siteSlug)));
        Locale locale = Locale.parse(localeCode)
                .orElseThrow(() -> new NotFoundException("No locale " + quoted(localeCode) + "; use ru or kz"));
        var now = kit.now();
        return new PageRequest(
                site,
                locale,
                sites,
                store.tree(site.slug()),
                now,
                origin.of(ctx.scheme(), ctx.host()),
                platform,
                store.filled(site.slug(), locale, now));
    }

    /** A permanent redirect that keeps the query (the platform, a tracking tag). */
    private static void redirect(Context ctx, String target) {
        String query = ctx.queryString();
        ctx.redirect(target + (query == null || query.isEmpty() ? "" : "?" + query), HttpStatus.MOVED_PERMANENTLY);
    }

    private void render(Context ctx, String template, Object model) {
        String html = kit.render(template, model);
        ctx.attribute(PageCache.HTML, html);
        ctx.html(html);
    }

    /** Messages may reach the 404 page and the log; a hostile URL must not make them huge. */
    private static String quoted(String s) {
        return '"' + Excerpt.of(s, 80) + '"';
    }
}
