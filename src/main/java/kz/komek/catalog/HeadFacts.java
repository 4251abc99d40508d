package kz.komek.catalog;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import kz.komek.brand.Brand;
import kz.komek.i18n.Locale;
import kz.komek.seo.Head;
import kz.komek.seo.HeadBuilder;
import kz.komek.seo.PageFacts;
import kz.komek.seo.Robots;
import kz.komek.seo.VideoFacts;

/**
 * What the catalog's pages tell search engines and link previews: titles and descriptions derived as the seed's
 * are, the canonical link, robots, the same page in other locales and breadcrumbs for structured data. The tags
 * themselves are {@link HeadBuilder}'s.
 */
final class HeadFacts {

    private final CatalogMemory store;
    private final ZoneId zone;
    private final HeadBuilder heads = new HeadBuilder();

    /** @param store where a canonical's question is now */
    private final Brand brand;

    HeadFacts(CatalogMemory store, ZoneId zone, Brand brand) {
        this.store = store;
        this.zone = zone;
        this.brand = brand;
    }

    /** The tagline titles and descriptions end with: the brand and the site's title in a phrase. */
    private String tagline(PageRequest req) {
        return UiText.TAGLINE.format(req.locale(), brand.name(req.locale()), req.siteTitle());
    }

    /** A site's home: the tagline, and the products it has in its description. */
    Head home(PageRequest req, List<String> productNames) {
        Locale locale = req.locale();
        String tagline = tagline(req);
        var versions = new EnumMap<Locale, String>(Locale.class);
        for (Locale l : Locale.values()) {
            versions.put(l, req.origin() + req.homeHref(l));
        }
        String description = productNames.isEmpty()
                ? tagline
                : UiText.HOME_DESCRIPTION.format(locale, String.join(", ", productNames), brand.name(locale));
        return ownCanonical(PageFacts.Kind.HOME, req, tagline, description, req.homeHref(locale), versions, List.of());
    }

    /**
     * A product, theme or subtheme page, named as its heading shows it (a subtheme with its theme).
     *
     * @param lineage the section and its ancestors, product first
     * @param heading the page's heading: the product's or the theme's title
     */
    Head section(PageRequest req, Section section, List<Section> lineage, String heading, List<VideoItem> videos) {
        Locale locale = req.locale();
        String name = lineage.size() == 3 ? section.titleOrSlug(locale) + " · " + heading : heading;
        String tagline = tagline(req);
        var versions = new EnumMap<Locale, String>(Locale.class);
        for (Locale l : Locale.values()) {
            if (req.tree().shownWithAncestors(section, l)) {
                versions.put(l, req.origin() + req.href(l, section));
            }
        }
        Head head = ownCanonical(
                PageFacts.Kind.SECTION,
                req,
                name + " ✔ " + tagline,
                UiText.SECTION_DESCRIPTION.format(locale, name) + " ✔ " + tagline,
                req.href(locale, section),
                versions,
                linkedCrumbs(req, lineage));
        String page = req.origin() + req.href(locale, section);
        return head.withJsonLd(videos.stream()
                .flatMap(v -> video(req, page, v).stream())
                .map(heads::videoObject)
                .toList());
    }

    /**
     * A video's facts for search engines (VideoObject): its upload date is its publication (else its "updated" day);
     * one without either is left out, as Google requires the date. The thumbnail is YouTube's for a YouTube video
     * (only search engines fetch it) and our own poster otherwise.
     */
    private Optional<VideoFacts> video(PageRequest req, String page, VideoItem v) {
        Optional<String> uploaded = v.published()
                .map(p -> java.time.format.DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(p.atZone(zone)))
                .or(() -> v.updated().map(Object::toString));
        return uploaded.map(date -> new VideoFacts(
                v.title(),
                v.description().orElse(v.title()),
                v.source().thumbnailUrl().orElse(req.origin() + VideoFacts.POSTER),
                date,
                v.duration(),
                v.source().fileUrl(),
                v.source().playerUrl(),
                page + "#" + v.anchor(),
                req.locale()));
    }

    /** Pages komek makes from the tree alone: indexed, canonical at their own address, no article. */
    private Head ownCanonical(
            PageFacts.Kind kind,
            PageRequest req,
            String title,
            String description,
            String href,
            Map<Locale, String> versions,
            List<PageFacts.Crumb> crumbs) {
        String url = req.origin() + href;
        return heads.build(new PageFacts(
                kind,
                req.locale(),
                title,
                description,
                Robots.ALL,
                url,
                url,
                versions,
                brand.name(req.locale()),
                req.origin(),
                crumbs,
                Optional.empty()));
    }

    /**
     * The editors' meta title and description when set, else derived as the seed's are: the question, then the
     * product, then the site's tagline. The canonical link comes from the stored canonical (see {@link
     * #canonicalPath}); hreflang lists the locales where the question is public and indexable.
     *
     * @param h1 the question's heading as the page shows it
     * @param lineage the question's section and its ancestors, product first
     */
    Head question(PageRequest req, Question question, QuestionText text, String h1, List<Section> lineage) {
        Locale locale = req.locale();
        String tagline = tagline(req);
        String product = lineage.get(0).titleInAnyLocale(locale);
        String url = req.origin() + req.questionHref(locale, question.id(), question.section());
        var versions = new EnumMap<Locale, String>(Locale.class);
        for (Locale l : Locale.values()) {
            question.text(l)
                    .filter(t -> t.visibleAt(req.now()) && !t.noIndex())
                    .ifPresent(t ->
                            versions.put(l, req.origin() + req.questionHref(l, question.id(), question.section())));
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
                req.origin() + req.prefix(locale) + canonicalPath(question),
                versions,
                brand.name(req.locale()),
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
        Optional<Long> named = CatalogUrls.questionAtEnd(question.canonical());
        if (named.isEmpty()) {
            return question.canonical();
        }
        long id = named.get();
        if (id == question.id()) {
            return question.ownPath();
        }
        return store.ownPath(question.site(), id).orElse(question.canonical());
    }

    /** Breadcrumbs for structured data: absolute, and only sections that have a page in this locale. */
    private static List<PageFacts.Crumb> linkedCrumbs(PageRequest req, List<Section> lineage) {
        Locale locale = req.locale();
        var crumbs = new ArrayList<PageFacts.Crumb>();
        crumbs.add(new PageFacts.Crumb(req.siteTitle(), req.origin() + req.homeHref(locale)));
        for (Section s : lineage) {
            if (!req.tree().shownWithAncestors(s, locale)) {
                break;
            }
            crumbs.add(new PageFacts.Crumb(s.titleOrSlug(locale), req.origin() + req.href(locale, s)));
        }
        return crumbs;
    }

    /** The heading the page shows: the editors' h1 when set, else the question's title. */
    static String heading(QuestionText text) {
        return nonBlank(text.metaH1()).orElse(text.title());
    }

    private static Optional<String> nonBlank(Optional<String> s) {
        return s.map(String::strip).filter(v -> !v.isEmpty());
    }
}
