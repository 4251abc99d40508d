package kz.komek.catalog;

import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import kz.komek.content.AnswerRenderer;
import kz.komek.content.Platform;
import kz.komek.http.BadRequestException;
import kz.komek.http.NotFoundException;
import kz.komek.i18n.Locale;
import kz.komek.seo.Head;
import kz.komek.seo.HeadBuilder;
import kz.komek.seo.PageFacts;
import kz.komek.seo.PublicOrigin;
import kz.komek.seo.Robots;

/** The visitor's HTML pages: site home, product/theme/subtheme pages and question pages. */
public final class CatalogPages {
    // 18 digits always fit a long; a longer id cannot exist, so it is a 404 rather than a parse error
    private static final Pattern QUESTION_SEGMENT = Pattern.compile("q([0-9]{1,18})");
    private static final Pattern CANONICAL_ID = Pattern.compile("/q([0-9]{1,18})$");
    private static final String BRAND = "komek";
    /** The order of a section's list, as {@link CatalogStore#questionsIn} reads it: pinned first, then position. */
    private static final java.util.Comparator<QuestionSummary> LIST_ORDER = java.util.Comparator.comparing(
                    (QuestionSummary q) -> !q.pinned())
            .thenComparingInt(QuestionSummary::position)
            .thenComparingLong(QuestionSummary::id);

    private final CatalogStore store;
    private final ReaderSignals readers;
    private final AnswerRenderer answers;
    private final TemplateEngine templates;
    private final Clock clock;
    private final ZoneId zone;
    private final PublicOrigin origin;
    private final QuestionMoves moves;
    private final HeadBuilder heads = new HeadBuilder();

    public CatalogPages(
            CatalogStore store,
            ReaderSignals readers,
            AnswerRenderer answers,
            TemplateEngine templates,
            Clock clock,
            ZoneId zone,
            PublicOrigin origin,
            QuestionMoves moves) {
        this.store = store;
        this.readers = readers;
        this.answers = answers;
        this.templates = templates;
        this.clock = clock;
        this.zone = zone;
        this.origin = origin;
        this.moves = moves;
    }

    /** {@code GET /{site}/{locale}/}. */
    public void home(Context ctx) {
        var req = request(ctx);
        render(ctx, "catalog/home.jte", homePage(req));
    }

    /** {@code GET /{site}/{locale}/<path>}: a section page or, when the last segment is {@code q{id}}, a question. */
    public void page(Context ctx) {
        var req = request(ctx);
        String path = stripSlashes(ctx.pathParam("path"));
        if (path.isEmpty()) {
            render(ctx, "catalog/home.jte", homePage(req));
            return;
        }
        int slash = path.lastIndexOf('/');
        var question = QUESTION_SEGMENT.matcher(path.substring(slash + 1));
        if (question.matches()) {
            String sectionPart = slash < 0 ? "" : path.substring(0, slash);
            questionPage(ctx, req, Long.parseLong(question.group(1)), sectionPart);
        } else {
            var sectionPath = SectionPath.parse(path)
                    .orElseThrow(() -> new NotFoundException("No section " + shorten(path) + " in this help center"));
            if (req.tree().find(sectionPath).isEmpty()) {
                // a section an editor renamed leads to its new path, even an empty one
                var renamed = moves.sectionMovedTo(req.site().slug(), sectionPath)
                        .filter(p -> req.tree().find(p).isPresent());
                if (renamed.isPresent()) {
                    String target = "/" + req.site().slug() + "/" + req.locale().code() + "/"
                            + renamed.get().value();
                    ctx.redirect(target + query(ctx), HttpStatus.MOVED_PERMANENTLY);
                    return;
                }
                // a section that was removed or renamed leads to where its questions went
                var moved = moves.newPlaceOf(req.site().slug(), sectionPath);
                if (moved.isPresent()) {
                    String target = "/" + moved.get().site() + "/"
                            + req.locale().code() + "/" + moved.get().path().value();
                    ctx.redirect(target + query(ctx), HttpStatus.MOVED_PERMANENTLY);
                    return;
                }
            }
            render(ctx, "catalog/section.jte", sectionPage(req, sectionPath));
        }
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

    /**
     * What every page of a site in a locale starts from; read once per request.
     *
     * @param origin where absolute URLs start: {@code https://host}
     */
    private record Request(
            Site site, Locale locale, List<Site> sites, SectionTree tree, LocalDateTime now, String origin) {}

    private Request request(Context ctx) {
        return request(ctx, ctx.pathParam("site"), ctx.pathParam("locale"));
    }

    private Request request(Context ctx, String siteSlug, String localeCode) {
        List<Site> sites = store.sites();
        Site site = sites.stream()
                .filter(s -> s.slug().equals(siteSlug))
                .findFirst()
                .orElseThrow(() -> new NotFoundException("No site " + shorten(siteSlug)));
        Locale locale = Locale.parse(localeCode)
                .orElseThrow(() -> new NotFoundException("No locale " + shorten(localeCode) + "; use ru or kz"));
        return new Request(
                site,
                locale,
                sites,
                store.tree(site.slug()),
                LocalDateTime.now(clock.withZone(zone)),
                origin.of(ctx.scheme(), ctx.host()));
    }

    private HomePage homePage(Request req) {
        Locale locale = req.locale();
        var products = new ArrayList<ProductCard>();
        for (Section product : visible(req.tree().products(), locale)) {
            var themes = visible(req.tree().childrenOf(product), locale).stream()
                    .map(t -> LinkItem.of(title(t, locale), href(req, locale, t)))
                    .toList();
            products.add(new ProductCard(title(product, locale), href(req, locale, product), themes));
        }
        String siteTitle = siteTitle(req.site(), locale);
        String productNames =
                String.join(", ", products.stream().map(ProductCard::title).toList());
        String tagline = tagline(req, locale);
        String url = req.origin() + homeHref(req, locale);
        var versions = new EnumMap<Locale, String>(Locale.class);
        for (Locale l : Locale.values()) {
            versions.put(l, req.origin() + homeHref(req, l));
        }
        var head = heads.build(new PageFacts(
                PageFacts.Kind.HOME,
                locale,
                tagline,
                productNames.isEmpty() ? tagline : UiText.HOME_DESCRIPTION.format(locale, productNames),
                Robots.ALL,
                url,
                url,
                versions,
                BRAND,
                req.origin(),
                List.of(),
                Optional.empty()));
        var chrome = chrome(
                req,
                head,
                List.of(new Breadcrumb(siteTitle, homeHref(req, locale), true)),
                homeHref(req, locale.other()));
        return new HomePage(chrome, siteTitle, products);
    }

    private SectionPage sectionPage(Request req, SectionPath path) {
        Locale locale = req.locale();
        Section section = req.tree()
                .find(path)
                .filter(s -> req.tree().shownWithAncestors(s, locale))
                .orElseThrow(() -> new NotFoundException("No section " + path + " in " + locale + " on this site"));
        var view = sectionView(req, section, Optional.empty());
        var lineage = req.tree().lineage(section);
        String name = lineage.size() == 3 ? title(section, locale) + " · " + view.heading() : view.heading();
        String tagline = tagline(req, locale);
        String url = req.origin() + href(req, locale, section);
        var versions = new EnumMap<Locale, String>(Locale.class);
        for (Locale l : Locale.values()) {
            if (req.tree().shownWithAncestors(section, l)) {
                versions.put(l, req.origin() + href(req, l, section));
            }
        }
        var head = heads.build(new PageFacts(
                PageFacts.Kind.SECTION,
                locale,
                name + " ✔ " + tagline,
                UiText.SECTION_DESCRIPTION.format(locale, name) + " ✔ " + tagline,
                Robots.ALL,
                url,
                url,
                versions,
                BRAND,
                req.origin(),
                linkedCrumbs(req, lineage),
                Optional.empty()));
        var chrome =
                chrome(req, head, breadcrumbs(req, lineage, locale, true), nearestHref(req, lineage, locale.other()));
        return new SectionPage(chrome, view);
    }

    private void questionPage(Context ctx, Request req, long id, String requestedSection) {
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
            String target = "/" + question.site() + "/" + locale.code() + question.ownPath();
            ctx.redirect(target + query(ctx), HttpStatus.MOVED_PERMANENTLY);
            return;
        }
        Section section = req.tree()
                .find(question.section())
                .orElseThrow(() -> new NotFoundException("The section of question " + id + " is gone"));
        var page = questionModel(ctx, req, question, text, section, platform(ctx, answers));
        if (page.question().vote().voted()) {
            // the page shows this reader's own vote: no shared cache may hand it to another reader
            ctx.header("Cache-Control", "private, no-cache");
        }
        render(ctx, "catalog/question.jte", page);
        readers.viewed(ctx, id);
        ctx.attribute(PageCache.QUESTION, id);
    }

    /**
     * A question as readers would see it, from a record that need not be public yet: the editors' preview. The
     * page around it (menu, lists, breadcrumbs) is the live one of its section. Not cached and not counted.
     *
     * @throws NotFoundException when the site or the section does not exist, or the question has no text in
     *     {@code locale}
     */
    public String preview(Context ctx, Question question, Locale locale, Platform platform) {
        var req = request(ctx, question.site(), locale.code());
        QuestionText text = question.text(locale)
                .orElseThrow(() -> new NotFoundException("question " + question.id() + " has no text in " + locale));
        Section section = req.tree()
                .find(question.section())
                .orElseThrow(() -> new NotFoundException(
                        "section " + question.section().value() + " does not exist in site " + question.site()));
        var out = new StringOutput();
        templates.render("catalog/question.jte", questionModel(ctx, req, question, text, section, platform), out);
        return out.toString();
    }

    private QuestionPage questionModel(
            Context ctx, Request req, Question question, QuestionText text, Section section, Platform platform) {
        Locale locale = req.locale();
        long id = question.id();
        String h1 = nonBlank(text.metaH1()).orElse(text.title());
        String ownHref = questionHref(req, locale, question);
        var vote = readers.voteBox(ctx, id, locale, ownHref);
        var open = new OpenQuestion(
                id,
                h1,
                answers.render(text.content(), platform, locale),
                text.updated(),
                question.usefulnessRatio().map(r -> (int) Math.round(r * 100)),
                vote);
        var view = sectionView(req, section, Optional.of(id), Optional.of(question));
        var lineage = req.tree().lineage(section);
        var crumbs = new ArrayList<>(breadcrumbs(req, lineage, locale, false));
        crumbs.add(new Breadcrumb(text.title(), ownHref, true));
        String switchHref = question.text(locale.other())
                .filter(t -> t.visibleAt(req.now()))
                .map(t -> questionHref(req, locale.other(), question))
                .orElseGet(() -> nearestHref(req, lineage, locale.other()));
        var chrome = chrome(req, questionHead(req, question, text, h1, lineage), crumbs, switchHref);
        return new QuestionPage(chrome, view, open);
    }

    /**
     * The editors' meta title and description when set, else derived as the seed's are: the question, then the
     * product, then the site's tagline. The canonical link comes from the stored canonical (see {@link
     * #canonicalPath}); hreflang lists the locales where the question is public and indexable.
     */
    private Head questionHead(Request req, Question question, QuestionText text, String h1, List<Section> lineage) {
        Locale locale = req.locale();
        String tagline = tagline(req, locale);
        String product = anyTitle(lineage.get(0), locale);
        String url = req.origin() + questionHref(req, locale, question);
        var versions = new EnumMap<Locale, String>(Locale.class);
        for (Locale l : Locale.values()) {
            question.text(l)
                    .filter(t -> t.visibleAt(req.now()) && !t.noIndex())
                    .ifPresent(t -> versions.put(l, req.origin() + questionHref(req, l, question)));
        }
        var crumbs = new ArrayList<>(linkedCrumbs(req, lineage));
        crumbs.add(new PageFacts.Crumb(text.title(), url));
        return heads.build(new PageFacts(
                PageFacts.Kind.QUESTION,
                locale,
                nonBlank(text.metaTitle()).orElse(text.title() + " ✔ " + tagline),
                nonBlank(text.metaDescription())
                        .orElse(text.title() + " ✔ " + UiText.ABOUT_PRODUCT.format(locale, product) + " ✔ " + tagline),
                new Robots(!text.noIndex(), !text.noFollow()),
                url,
                req.origin() + prefix(req, locale) + canonicalPath(question),
                versions,
                BRAND,
                req.origin(),
                crumbs,
                Optional.of(new PageFacts.Article(
                        h1,
                        text.updated(),
                        text.published().map(p -> p.atZone(zone).toOffsetDateTime())))));
    }

    /**
     * The path of the question the stored canonical names, where that question is now: a question naming itself is
     * canonical at its own page even if it moved since the canonical was written, and a cross-listed copy points at
     * its original's current page. An original this site does not have keeps the stored path.
     */
    private String canonicalPath(Question question) {
        var named = CANONICAL_ID.matcher(question.canonical());
        if (!named.find()) {
            return question.canonical();
        }
        long id = Long.parseLong(named.group(1));
        if (id == question.id()) {
            return question.ownPath();
        }
        return store.ownPath(question.site(), id).orElse(question.canonical());
    }

    private static String query(Context ctx) {
        String query = ctx.queryString();
        return query == null || query.isEmpty() ? "" : "?" + query;
    }

    /** Breadcrumbs for structured data: absolute, and only sections that have a page in this locale. */
    private List<PageFacts.Crumb> linkedCrumbs(Request req, List<Section> lineage) {
        Locale locale = req.locale();
        var crumbs = new ArrayList<PageFacts.Crumb>();
        crumbs.add(new PageFacts.Crumb(siteTitle(req.site(), locale), req.origin() + homeHref(req, locale)));
        for (Section s : lineage) {
            if (!req.tree().shownWithAncestors(s, locale)) {
                break;
            }
            crumbs.add(new PageFacts.Crumb(title(s, locale), req.origin() + href(req, locale, s)));
        }
        return crumbs;
    }

    private static String tagline(Request req, Locale locale) {
        return UiText.TAGLINE.format(locale, siteTitle(req.site(), locale));
    }

    /**
     * The section's place in its product: the product's themes as a menu, the theme's subthemes as tabs (the first
     * one selected on the theme page), and the numbered lists.
     */
    private SectionView sectionView(Request req, Section section, Optional<Long> openId) {
        return sectionView(req, section, openId, Optional.empty());
    }

    /** @param shown the open question as the page shows it, listed in its section even if not public (a preview) */
    private SectionView sectionView(Request req, Section section, Optional<Long> openId, Optional<Question> shown) {
        Locale locale = req.locale();
        SectionTree tree = req.tree();
        var lineage = tree.lineage(section);
        Section product = lineage.get(0);
        Optional<Section> theme = lineage.size() > 1 ? Optional.of(lineage.get(1)) : Optional.empty();
        Optional<Section> subtheme = lineage.size() > 2 ? Optional.of(lineage.get(2)) : Optional.empty();

        var menu = visible(tree.childrenOf(product), locale).stream()
                .map(t -> new LinkItem(
                        title(t, locale),
                        href(req, locale, t),
                        theme.map(Section::id).equals(Optional.of(t.id())) ? "page" : null))
                .toList();
        if (theme.isEmpty()) {
            var cards = visible(tree.childrenOf(product), locale).stream()
                    .map(t -> new ProductCard(
                            title(t, locale),
                            href(req, locale, t),
                            visible(tree.childrenOf(t), locale).stream()
                                    .map(s -> LinkItem.of(title(s, locale), href(req, locale, s)))
                                    .toList()))
                    .toList();
            var lists = new ArrayList<QuestionList>();
            var own = questionList(req, product, UiText.QUESTIONS.in(locale), true, openId, shown);
            if (!own.items().isEmpty()) {
                lists.add(own);
            }
            Optional<QuestionList> top = openId.isPresent() ? Optional.empty() : topQuestions(req, product);
            return new SectionView(title(product, locale), menu, List.of(), cards, lists, top);
        }

        var subthemes = visible(tree.childrenOf(theme.get()), locale);
        Optional<Section> selected = subtheme.or(() -> subthemes.stream().findFirst());
        var tabs = subthemes.stream()
                .map(s -> new LinkItem(
                        title(s, locale),
                        href(req, locale, s),
                        selected.map(Section::id).equals(Optional.of(s.id()))
                                ? (subtheme.isPresent() ? "page" : "true")
                                : null))
                .toList();
        var lists = new ArrayList<QuestionList>();
        // the selected tab already names the subtheme's list; a theme's own list needs a name only beside it
        selected.ifPresent(s -> lists.add(questionList(req, s, title(s, locale), false, openId, shown)));
        var own = selected.isPresent()
                ? questionList(req, theme.get(), UiText.OTHER_QUESTIONS.in(locale), true, openId, shown)
                : questionList(req, theme.get(), UiText.QUESTIONS.in(locale), false, openId, shown);
        if (!own.items().isEmpty() || selected.isEmpty()) {
            lists.add(own);
        }
        return new SectionView(title(theme.get(), locale), menu, tabs, List.of(), lists, Optional.empty());
    }

    /** The product's most read and most useful questions, from every section of it a reader can see here. */
    private Optional<QuestionList> topQuestions(Request req, Section product) {
        Locale locale = req.locale();
        var sections = new ArrayList<Long>();
        sections.add(product.id());
        for (Section theme : visible(req.tree().childrenOf(product), locale)) {
            sections.add(theme.id());
            visible(req.tree().childrenOf(theme), locale).forEach(s -> sections.add(s.id()));
        }
        var items = readers.top(sections, locale, req.now()).stream()
                .map(q -> new QuestionItem(
                        q.id(),
                        q.title(),
                        prefix(req, locale) + "/" + q.section().value() + "/q" + q.id(),
                        false,
                        false))
                .toList();
        return items.isEmpty()
                ? Optional.empty()
                : Optional.of(new QuestionList(UiText.TOP_QUESTIONS.in(locale), true, items));
    }

    private QuestionList questionList(
            Request req,
            Section section,
            String heading,
            boolean headingShown,
            Optional<Long> openId,
            Optional<Question> shown) {
        var summaries = new ArrayList<>(store.questionsIn(section.id(), req.locale(), req.now()));
        shown.filter(q -> q.section().equals(section.path()))
                .flatMap(q -> q.text(req.locale())
                        .map(t -> new QuestionSummary(q.id(), q.section(), q.position(), q.pinned(), t.title())))
                .ifPresent(q -> {
                    summaries.removeIf(s -> s.id() == q.id());
                    summaries.add(q);
                    summaries.sort(LIST_ORDER);
                });
        var items = summaries.stream()
                .map(q -> new QuestionItem(
                        q.id(),
                        q.title(),
                        prefix(req, req.locale()) + "/" + q.section().value() + "/q" + q.id(),
                        q.pinned(),
                        openId.equals(Optional.of(q.id()))))
                .toList();
        return new QuestionList(heading, headingShown, items);
    }

    private List<Breadcrumb> breadcrumbs(Request req, List<Section> lineage, Locale locale, boolean lastIsCurrent) {
        var crumbs = new ArrayList<Breadcrumb>();
        crumbs.add(new Breadcrumb(siteTitle(req.site(), locale), homeHref(req, locale), false));
        for (int i = 0; i < lineage.size(); i++) {
            Section s = lineage.get(i);
            crumbs.add(new Breadcrumb(
                    anyTitle(s, locale), href(req, locale, s), lastIsCurrent && i == lineage.size() - 1));
        }
        return crumbs;
    }

    /** The deepest section of {@code lineage} that exists in {@code target} with all its ancestors, else the home. */
    private String nearestHref(Request req, List<Section> lineage, Locale target) {
        String href = homeHref(req, target);
        for (Section s : lineage) {
            if (!s.shownIn(target)) {
                break;
            }
            href = href(req, target, s);
        }
        return href;
    }

    private Chrome chrome(Request req, Head head, List<Breadcrumb> crumbs, String localeSwitchHref) {
        Locale locale = req.locale();
        var siteLinks = req.sites().stream()
                .map(s -> new LinkItem(
                        siteTitle(s, locale),
                        "/" + s.slug() + "/" + locale.code() + "/",
                        s.slug().equals(req.site().slug()) ? "page" : null))
                .toList();
        return new Chrome(
                locale,
                head,
                homeHref(req, locale),
                crumbs,
                siteLinks.size() > 1 ? siteLinks : List.of(),
                Optional.of(new LocaleLink(locale.other(), localeSwitchHref)),
                Optional.of(prefix(req, locale) + "/search"));
    }

    /**
     * The frame of a page another feature serves on a site (the search page): site and locale come from the
     * path (404 when unknown), breadcrumbs lead from the site home to this page, not indexed by search engines.
     */
    public Chrome frame(Context ctx, String title, String description, String otherLocaleHref) {
        var req = request(ctx);
        Locale locale = req.locale();
        var crumbs = List.of(
                new Breadcrumb(siteTitle(req.site(), locale), homeHref(req, locale), false),
                new Breadcrumb(title, ctx.path(), true));
        return chrome(req, Head.noindex(title, description), crumbs, otherLocaleHref);
    }

    private void render(Context ctx, String template, Object model) {
        var out = new StringOutput();
        templates.render(template, model, out);
        String html = out.toString();
        ctx.attribute(PageCache.HTML, html);
        ctx.html(html);
    }

    private static List<Section> visible(List<Section> sections, Locale locale) {
        return sections.stream().filter(s -> s.shownIn(locale)).toList();
    }

    private static String title(Section s, Locale locale) {
        return s.title(locale).orElse(s.path().lastSegment());
    }

    /** A breadcrumb may name a section not published in this locale (above a public question): any title will do. */
    private static String anyTitle(Section s, Locale locale) {
        return s.title(locale).or(() -> s.title(locale.other())).orElse(s.path().lastSegment());
    }

    private static String siteTitle(Site site, Locale locale) {
        return site.title(locale).or(() -> site.title(locale.other())).orElse(site.slug());
    }

    private static String prefix(Request req, Locale locale) {
        return "/" + req.site().slug() + "/" + locale.code();
    }

    private static String homeHref(Request req, Locale locale) {
        return prefix(req, locale) + "/";
    }

    private static String href(Request req, Locale locale, Section s) {
        return prefix(req, locale) + "/" + s.path().value();
    }

    private static String questionHref(Request req, Locale locale, Question q) {
        return prefix(req, locale) + q.ownPath();
    }

    private static Optional<String> nonBlank(Optional<String> s) {
        return s.map(String::strip).filter(v -> !v.isEmpty());
    }

    private static String stripSlashes(String path) {
        int from = 0;
        int to = path.length();
        while (from < to && path.charAt(from) == '/') {
            from++;
        }
        while (to > from && path.charAt(to - 1) == '/') {
            to--;
        }
        return path.substring(from, to);
    }

    /** Messages may reach the 404 page and the log; a hostile URL must not make them huge. */
    private static String shorten(String s) {
        String v = s.length() > 80 ? s.substring(0, 80) + "…" : s;
        return '"' + v.replaceAll("\\p{Cntrl}", "?") + '"';
    }
}
