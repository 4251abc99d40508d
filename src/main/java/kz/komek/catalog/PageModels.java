package kz.komek.catalog;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import kz.komek.brand.Brand;
import kz.komek.content.AnswerRenderer;
import kz.komek.http.NotFoundException;
import kz.komek.i18n.Locale;
import kz.komek.seo.Head;

/**
 * Builds the models of the catalog's templates from the store's records: what a page lists, its breadcrumbs, its
 * locale switch and the frame around it. It sees no request: {@link CatalogPages} reads the address, looks up what
 * it names and renders what this builds.
 */
final class PageModels {
    /** The order of a section's list, as {@link CatalogStore#questionsIn} reads it: pinned first, then position. */
    private static final Comparator<QuestionSummary> LIST_ORDER = Comparator.comparing(
                    (QuestionSummary q) -> !q.pinned())
            .thenComparingInt(QuestionSummary::position)
            .thenComparingLong(QuestionSummary::id);

    /** Questions (or videos, documents) a card shows for a section without subsections to list. */
    private static final int CARD_QUESTIONS = 3;

    private final CatalogMemory store;
    private final ReaderSignals readers;
    private final AnswerRenderer answers;
    private final HeadFacts heads;
    private final Brand brand;
    private final MaterialModels materials;

    PageModels(CatalogMemory store, ReaderSignals readers, AnswerRenderer answers, ZoneId zone, Brand brand) {
        this.brand = brand;
        this.store = store;
        this.readers = readers;
        this.answers = answers;
        this.heads = new HeadFacts(store, zone, brand);
        this.materials = new MaterialModels(store);
    }

    HomePage home(PageRequest req) {
        Locale locale = req.locale();
        var products = new ArrayList<ProductCard>();
        for (Section product : visible(req, req.tree().products())) {
            products.add(card(req, product));
        }
        var head = heads.home(req, products.stream().map(ProductCard::title).toList());
        var chrome = chrome(
                req,
                head,
                List.of(new Breadcrumb(req.siteTitle(), req.link(req.homeHref(locale)), true)),
                req.homeHref(locale.other()));
        return new HomePage(chrome, req.siteTitle(), products);
    }

    /** @throws NotFoundException when the section has no page in this locale */
    SectionPage section(PageRequest req, SectionPath path) {
        Locale locale = req.locale();
        Section section = req.tree()
                .find(path)
                .filter(s -> req.tree().shownWithAncestors(s, locale))
                .orElseThrow(() -> new NotFoundException("No section " + path + " in " + locale + " on this site"));
        var view = sectionView(req, section, Optional.empty(), Optional.empty());
        var lineage = req.tree().lineage(section);
        // an empty section's page stays reachable (an old link, an editor's) but is not offered to search engines
        var head = req.filled().contains(section.id())
                ? heads.section(req, section, lineage, view.heading(), view.videos())
                : Head.noindex(view.heading(), view.heading());
        var chrome = chrome(req, head, breadcrumbs(req, lineage, true), nearestHref(req, lineage, locale.other()));
        return new SectionPage(chrome, view);
    }

    /**
     * A question open in its section's list, as {@code visitor} sees it (their own vote).
     *
     * @param question listed in its section even if not public yet (the editors' preview)
     */
    QuestionPage question(PageRequest req, Question question, QuestionText text, Section section, Visitor visitor) {
        Locale locale = req.locale();
        long id = question.id();
        String h1 = HeadFacts.heading(text);
        String ownHref = req.questionHref(locale, id, question.section());
        var vote = readers.voteBox(visitor, id, locale, req.link(ownHref));
        var open = new OpenQuestion(
                id,
                h1,
                answers.render(text.content(), req.platform(), locale, question.site()),
                text.updated(),
                question.usefulnessRatio().map(r -> (int) Math.round(r * 100)),
                vote);
        var view = sectionView(req, section, Optional.of(id), Optional.of(question));
        var lineage = req.tree().lineage(section);
        var crumbs = new ArrayList<>(breadcrumbs(req, lineage, false));
        crumbs.add(new Breadcrumb(text.title(), req.link(ownHref), true));
        String switchHref = question.text(locale.other())
                .filter(t -> t.visibleAt(req.now()))
                .map(t -> req.questionHref(locale.other(), id, question.section()))
                .orElseGet(() -> nearestHref(req, lineage, locale.other()));
        var chrome = chrome(req, heads.question(req, question, text, h1, lineage), crumbs, switchHref);
        return new QuestionPage(chrome, view, open);
    }

    /**
     * The frame of a page another feature serves on a site (the search page): breadcrumbs lead from the site home
     * to this page, not indexed by search engines.
     *
     * @param href the page's own address
     */
    Chrome frame(PageRequest req, String title, String description, String href, String otherLocaleHref) {
        var crumbs = List.of(
                new Breadcrumb(req.siteTitle(), req.link(req.homeHref(req.locale())), false),
                new Breadcrumb(title, req.link(href), true));
        return chrome(req, Head.noindex(title, description), crumbs, otherLocaleHref);
    }

    /**
     * The section's place in its product: the product's themes as a menu, the theme's subthemes as tabs (the first
     * one selected on the theme page), and the numbered lists.
     *
     * @param shown the open question as the page shows it, listed in its section even if not public (a preview)
     */
    private SectionView sectionView(PageRequest req, Section section, Optional<Long> openId, Optional<Question> shown) {
        Locale locale = req.locale();
        SectionTree tree = req.tree();
        var lineage = tree.lineage(section);
        Section product = lineage.get(0);
        Optional<Section> theme = lineage.size() > 1 ? Optional.of(lineage.get(1)) : Optional.empty();
        Optional<Section> subtheme = lineage.size() > 2 ? Optional.of(lineage.get(2)) : Optional.empty();

        var menu = visible(req, tree.childrenOf(product)).stream()
                .map(t -> new LinkItem(
                        t.titleOrSlug(locale),
                        req.link(req.href(locale, t)),
                        theme.map(Section::id).equals(Optional.of(t.id())) ? "page" : null))
                .toList();
        if (theme.isEmpty()) {
            var cards = visible(req, tree.childrenOf(product)).stream()
                    .map(t -> card(req, t))
                    .toList();
            var lists = new ArrayList<QuestionList>();
            var own = questionList(req, product, UiText.QUESTIONS.in(locale), true, openId, shown);
            if (!own.items().isEmpty()) {
                lists.add(own);
            }
            Optional<QuestionList> top = openId.isPresent() ? Optional.empty() : topQuestions(req, product);
            var listed = materials.own(req, product, true).stream().toList();
            return new SectionView(product.titleOrSlug(locale), menu, List.of(), cards, lists, top, listed);
        }

        var subthemes = visible(req, tree.childrenOf(theme.get()));
        Optional<Section> selected = subtheme.or(() -> subthemes.stream().findFirst());
        var tabs = subthemes.stream()
                .map(s -> new LinkItem(
                        s.titleOrSlug(locale),
                        req.link(req.href(locale, s)),
                        selected.map(Section::id).equals(Optional.of(s.id()))
                                ? (subtheme.isPresent() ? "page" : "true")
                                : null))
                .toList();
        var lists = new ArrayList<QuestionList>();
        var listed = new ArrayList<MaterialList>();
        // the selected tab already names the subtheme's list; a theme's own list needs a name only beside it
        selected.ifPresent(s -> materials
                .list(req, s, s.titleOrSlug(locale), false)
                .ifPresentOrElse(
                        listed::add,
                        () -> lists.add(questionList(req, s, s.titleOrSlug(locale), false, openId, shown))));
        if (theme.get().kind() != SectionKind.QUESTIONS) {
            materials.own(req, theme.get(), selected.isPresent()).ifPresent(listed::add);
        } else {
            var own = selected.isPresent()
                    ? questionList(req, theme.get(), UiText.OTHER_QUESTIONS.in(locale), true, openId, shown)
                    : questionList(req, theme.get(), UiText.QUESTIONS.in(locale), false, openId, shown);
            if (!own.items().isEmpty() || selected.isEmpty()) {
                lists.add(own);
            }
        }
        return new SectionView(theme.get().titleOrSlug(locale), menu, tabs, List.of(), lists, Optional.empty(), listed);
    }

    /**
     * A section as a card: its children, or, when it has none to show, its first questions and a link to the rest,
     * so that no card is an empty box.
     */
    private ProductCard card(PageRequest req, Section section) {
        Locale locale = req.locale();
        var children = visible(req, req.tree().childrenOf(section)).stream()
                .map(s -> LinkItem.of(s.titleOrSlug(locale), req.link(req.href(locale, s))))
                .toList();
        String href = req.link(req.href(locale, section));
        Optional<LinkItem> more = Optional.empty();
        if (children.isEmpty() && section.kind() != SectionKind.QUESTIONS) {
            // a section of videos or documents names its first ones, each leading to its place on the page
            var listed = store.materialsIn(section.id(), locale, req.now());
            children = listed.stream()
                    .limit(CARD_QUESTIONS)
                    .flatMap(m -> m.text(locale).stream()
                            .map(t -> LinkItem.of(t.title(), href + "#" + Material.anchor(m.id()))))
                    .toList();
            if (listed.size() > CARD_QUESTIONS) {
                more = Optional.of(LinkItem.of(UiText.ALL_MATERIALS.format(locale, listed.size()), href));
            }
        } else if (children.isEmpty()) {
            var questions = store.questionsIn(section.id(), locale, req.now());
            children = questions.stream()
                    .limit(CARD_QUESTIONS)
                    .map(q -> LinkItem.of(q.title(), req.link(req.questionHref(locale, q.id(), q.section()))))
                    .toList();
            if (questions.size() > CARD_QUESTIONS) {
                more = Optional.of(LinkItem.of(UiText.ALL_QUESTIONS.format(locale, questions.size()), href));
            }
        }
        return new ProductCard(section.titleOrSlug(locale), href, children, more);
    }

    /** The product's most read and most useful questions, from every section of it a reader can see here. */
    private Optional<QuestionList> topQuestions(PageRequest req, Section product) {
        Locale locale = req.locale();
        var sections = new ArrayList<Long>();
        sections.add(product.id());
        for (Section theme : visible(req, req.tree().childrenOf(product))) {
            sections.add(theme.id());
            visible(req, req.tree().childrenOf(theme)).forEach(s -> sections.add(s.id()));
        }
        var items = store.asNow(req.tree(), readers.top(sections, locale, req.now()), locale, req.now()).stream()
                .map(q -> new QuestionItem(
                        q.id(), q.title(), req.link(req.questionHref(locale, q.id(), q.section())), false, false))
                .toList();
        return items.isEmpty()
                ? Optional.empty()
                : Optional.of(new QuestionList(UiText.TOP_QUESTIONS.in(locale), true, items));
    }

    private QuestionList questionList(
            PageRequest req,
            Section section,
            String heading,
            boolean headingShown,
            Optional<Long> openId,
            Optional<Question> shown) {
        Locale locale = req.locale();
        var summaries = new ArrayList<>(store.questionsIn(section.id(), locale, req.now()));
        shown.filter(q -> q.section().equals(section.path()))
                .flatMap(q -> q.text(locale)
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
                        req.link(req.questionHref(locale, q.id(), q.section())),
                        q.pinned(),
                        openId.equals(Optional.of(q.id()))))
                .toList();
        return new QuestionList(heading, headingShown, items);
    }

    private static List<Breadcrumb> breadcrumbs(PageRequest req, List<Section> lineage, boolean lastIsCurrent) {
        Locale locale = req.locale();
        var crumbs = new ArrayList<Breadcrumb>();
        crumbs.add(new Breadcrumb(req.siteTitle(), req.link(req.homeHref(locale)), false));
        for (int i = 0; i < lineage.size(); i++) {
            Section s = lineage.get(i);
            crumbs.add(new Breadcrumb(
                    s.titleInAnyLocale(locale),
                    req.link(req.href(locale, s)),
                    lastIsCurrent && i == lineage.size() - 1));
        }
        return crumbs;
    }

    /** The deepest section of {@code lineage} that exists in {@code target} with all its ancestors, else the home. */
    private static String nearestHref(PageRequest req, List<Section> lineage, Locale target) {
        String href = req.homeHref(target);
        for (Section s : lineage) {
            if (!s.shownIn(target)) {
                break;
            }
            href = req.href(target, s);
        }
        return href;
    }

    private Chrome chrome(PageRequest req, Head head, List<Breadcrumb> crumbs, String localeSwitchHref) {
        Locale locale = req.locale();
        var siteLinks = req.sites().stream()
                .map(s -> new LinkItem(
                        s.titleInAnyLocale(locale),
                        req.link(CatalogUrls.home(s.slug(), locale)),
                        s.slug().equals(req.site().slug()) ? "page" : null))
                .toList();
        return new Chrome(
                locale,
                head,
                req.link(req.homeHref(locale)),
                crumbs,
                siteLinks,
                Optional.of(new LocaleLink(locale.other(), req.link(localeSwitchHref))),
                Optional.of(req.prefix(locale) + "/search"),
                req.platform(),
                brand);
    }

    /** The sections readers are led to: shown in the page's locale, with something to read. */
    private static List<Section> visible(PageRequest req, List<Section> sections) {
        return sections.stream().filter(req::leadsTo).toList();
    }
}
