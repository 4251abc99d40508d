package kz.komek.catalog;

import io.javalin.http.Context;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import kz.komek.content.Platform;
import kz.komek.http.BadRequestException;
import kz.komek.http.NotFoundException;
import kz.komek.i18n.Locale;

/**
 * The public JSON API over the catalog ({@code /api/v1}). Field names of a question follow the seed's payload,
 * so tools written against the original help center read komek too.
 */
public final class CatalogApi {
    /** The seed shows "updated" as dd.MM.yyyy; the API keeps that shape. */
    static final DateTimeFormatter UPDATED = DateTimeFormatter.ofPattern("dd.MM.yyyy");

    private final CatalogStore store;
    private final ReaderSignals readers;
    private final ReaderKit kit;

    public CatalogApi(CatalogStore store, ReaderSignals readers, ReaderKit kit) {
        this.store = store;
        this.readers = readers;
        this.kit = kit;
    }

    private LocalDateTime now() {
        return kit.now();
    }

    /** {@code GET /api/v1/questions/{id}?site=&locale=}: one public question with every seed field. */
    public void question(Context ctx) {
        long id = questionId(ctx.pathParam("id"));
        Optional<String> site = Optional.ofNullable(ctx.queryParam("site")).filter(s -> !s.isBlank());
        Optional<Locale> wanted = optionalLocale(ctx);
        var now = now();
        Question q = store.question(id)
                .filter(x -> site.map(s -> s.equals(x.site())).orElse(true))
                .orElseThrow(() -> new NotFoundException(
                        "no question " + id + site.map(s -> " in site " + s).orElse("")));
        Locale locale =
                wanted.orElseGet(() -> q.text(Locale.DEFAULT).isPresent() ? Locale.DEFAULT : Locale.DEFAULT.other());
        QuestionText t = q.text(locale)
                .filter(x -> x.visibleAt(now))
                .orElseThrow(() -> new NotFoundException("question " + id + " is not published in locale " + locale));
        var body = new LinkedHashMap<String, Object>();
        body.put("id", q.id());
        body.put("title", t.title());
        Platform platform = kit.platform(ctx);
        // a native app shows its own chat: the hand-off form is for the pages and the webview (decision 0045)
        body.put("content", kit.answers().render(t.content(), platform, locale));
        body.put("platform", platform.code());
        body.put("updatedDate", t.updated().map(UPDATED::format).orElse(null));
        body.put("usefulness", q.usefulnessRatio().map(CatalogApi::twoDecimals).orElse(null));
        body.put("pinned", q.pinned());
        boolean voted = readers.voted(CatalogPages.visitor(ctx), id);
        if (voted) {
            ctx.header("Cache-Control", "private, no-cache"); // "voted" is this reader's own
        }
        body.put("voted", voted);
        body.put("meta_tag_title", t.metaTitle().orElse(null));
        body.put("meta_tag_description", t.metaDescription().orElse(null));
        body.put("meta_tag_h1", t.metaH1().orElse(null));
        body.put("no_index", t.noIndex());
        body.put("no_follow", t.noFollow());
        body.put(
                "publication_date",
                t.published().map(QuestionText.PUBLISHED_FORMAT::format).orElse(null));
        body.put("canonical", q.canonical());
        body.put("site", q.site());
        body.put("locale", locale.code());
        body.put("section", q.section().value());
        body.put("url", CatalogUrls.question(q.site(), locale, q.section().value(), q.id()));
        body.put(
                "locales",
                q.texts().entrySet().stream()
                        .filter(e -> e.getValue().visibleAt(now))
                        .map(e -> e.getKey().code())
                        .sorted()
                        .toList());
        if (q.votesUp().isPresent()) {
            var votes = new LinkedHashMap<String, Long>(); // up before down, always
            votes.put("up", q.votesUp().get());
            votes.put("down", q.votesDown().orElse(0L));
            body.put("votes", votes);
        }
        if (q.incomplete()) {
            body.put("incomplete", true);
        }
        ctx.json(body);
    }

    /** {@code GET /api/v1/sites}: the sites with their titles. */
    public void sites(Context ctx) {
        var list = new ArrayList<Map<String, Object>>();
        for (Site s : store.sites()) {
            var m = new LinkedHashMap<String, Object>();
            m.put("slug", s.slug());
            m.put("title", titles(s.titles()));
            list.add(m);
        }
        ctx.json(Map.of("sites", list));
    }

    /** {@code GET /api/v1/sections?site=&locale=}: a site's section tree, as a flat list in menu order. */
    public void sections(Context ctx) {
        String site = site(ctx);
        Optional<Locale> locale = optionalLocale(ctx);
        var counts = locale.map(l -> store.questionCounts(site, l, now())).orElse(Map.of());
        var list = new ArrayList<Map<String, Object>>();
        for (Section s : store.tree(site).all()) {
            if (locale.isPresent() && !s.titles().isEmpty() && !s.publishedIn(locale.get())) {
                continue;
            }
            var m = section(s, locale);
            locale.ifPresent(l -> m.put("questions", counts.getOrDefault(s.id(), 0)));
            list.add(m);
        }
        ctx.json(Map.of("site", site, "sections", list));
    }

    /** {@code GET /api/v1/sections/{path}?site=&locale=}: a section, its children and its public questions. */
    public void section(Context ctx) {
        String site = site(ctx);
        Locale locale = optionalLocale(ctx).orElse(Locale.DEFAULT);
        var path = SectionPath.parse(ctx.pathParam("path"))
                .orElseThrow(() -> new NotFoundException("no section " + ctx.pathParam("path")));
        var tree = store.tree(site);
        Section s = tree.find(path)
                .filter(x -> x.titles().isEmpty() || x.publishedIn(locale))
                .orElseThrow(
                        () -> new NotFoundException("no section " + path + " in site " + site + " (" + locale + ")"));
        var body = section(s, Optional.of(locale));
        body.put(
                "children",
                tree.childrenOf(s).stream()
                        .filter(c -> c.titles().isEmpty() || c.publishedIn(locale))
                        .map(c -> section(c, Optional.of(locale)))
                        .toList());
        List<Map<String, Object>> questions = new ArrayList<>();
        for (QuestionSummary q : store.questionsIn(s.id(), locale, now())) {
            var m = new LinkedHashMap<String, Object>();
            m.put("id", q.id());
            m.put("title", q.title());
            m.put("pinned", q.pinned());
            m.put("url", CatalogUrls.question(site, locale, q.section().value(), q.id()));
            questions.add(m);
        }
        body.put("questions", questions);
        ctx.json(body);
    }

    private static Map<String, Object> section(Section s, Optional<Locale> locale) {
        var m = new LinkedHashMap<String, Object>();
        m.put("path", s.path().value());
        m.put("parent", s.path().parent().map(SectionPath::value).orElse(null));
        m.put("depth", s.depth());
        m.put("position", s.position());
        if (locale.isPresent()) {
            m.put("title", s.titleOrSlug(locale.get()));
            m.put("url", CatalogUrls.section(s.site(), locale.get(), s.path().value()));
        } else {
            m.put("title", titles(s.titles()));
        }
        return m;
    }

    private static Map<String, String> titles(Map<Locale, String> titles) {
        var m = new LinkedHashMap<String, String>();
        for (Locale l : Locale.values()) {
            if (titles.containsKey(l)) {
                m.put(l.code(), titles.get(l));
            }
        }
        return m;
    }

    private String site(Context ctx) {
        String site = ctx.queryParam("site");
        if (site == null || site.isBlank()) {
            site = store.sites().stream().map(Site::slug).findFirst().orElse("client");
        }
        String slug = site;
        return store.site(slug).map(Site::slug).orElseThrow(() -> new NotFoundException("no site " + slug));
    }

    /** {@code ?locale=}: empty when not given, a 400 when unknown. */
    public static Optional<Locale> optionalLocale(Context ctx) {
        String code = ctx.queryParam("locale");
        if (code == null || code.isBlank()) {
            return Optional.empty();
        }
        return Optional.of(Locale.parse(code)
                .orElseThrow(() -> new BadRequestException("unknown locale \"" + code + "\": use ru or kz")));
    }

    /** A question id from the path ({@code 456} or {@code q456}); a 400 when it is not a positive number. */
    public static long questionId(String raw) {
        try {
            long id = Long.parseLong(raw.startsWith("q") ? raw.substring(1) : raw);
            if (id > 0) {
                return id;
            }
        } catch (NumberFormatException e) {
            // fall through
        }
        throw new BadRequestException("question id must be a positive integer, was \"" + abbreviate(raw) + "\"");
    }

    /** Usefulness as the seed writes it (0.89): a weighed ratio has more digits than anyone can use. */
    public static double twoDecimals(double ratio) {
        return Math.round(ratio * 100) / 100.0;
    }

    private static String abbreviate(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "…" : s;
    }
}
