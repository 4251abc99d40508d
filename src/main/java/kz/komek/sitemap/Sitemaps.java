package kz.komek.sitemap;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import kz.komek.catalog.CatalogStore;
import kz.komek.catalog.CatalogUrls;
import kz.komek.catalog.ContentState;
import kz.komek.catalog.MaterialText;
import kz.komek.catalog.Section;
import kz.komek.catalog.SectionKind;
import kz.komek.catalog.SectionTree;
import kz.komek.catalog.Site;
import kz.komek.catalog.VideoSource;
import kz.komek.i18n.Locale;
import kz.komek.seo.VideoFacts;

/**
 * The sitemap index and one sitemap per site and locale ({@code client-kz-1.xml}), split into files of at most
 * {@code maxUrls} URLs. Each lists the site home, the section pages that exist in the locale and the question
 * pages that are published, indexable and canonical, with {@code lastmod} from the questions' "updated" dates. A
 * videos or documents section is listed only while it shows a public material in the locale (else its page is
 * empty), a videos section with a Google video entry per video.
 *
 * <p>The URL lists (paths, without the origin) are cached per {@link ContentState}: a content write (any
 * process) or a scheduled publication coming due gives a new state, so a stale list is never served and needs no
 * invalidation. The XML is written per request, since the origin may come from the request's Host header.
 */
public final class Sitemaps {
    /** The sitemaps.org limit per file. */
    public static final int MAX_URLS = 50_000;

    private static final String NS = "http://www.sitemaps.org/schemas/sitemap/0.9";
    private static final String VIDEO_NS = "http://www.google.com/schemas/sitemap-video/1.1";
    /** Google's limits for a video entry. */
    private static final int VIDEO_TITLE = 100;

    private static final int VIDEO_DESCRIPTION = 2048;
    private static final long VIDEO_SECONDS = 28_800;

    private final CatalogStore catalog;
    private final SitemapStore store;
    private final Clock clock;
    private final int maxUrls;
    private final Cache<ContentState, Plan> plans =
            Caffeine.newBuilder().maximumSize(2).build();

    public Sitemaps(CatalogStore catalog, SitemapStore store, Clock clock, int maxUrls) {
        if (maxUrls < 1 || maxUrls > MAX_URLS) {
            throw new IllegalArgumentException("URLs per sitemap must be 1.." + MAX_URLS + ", was " + maxUrls);
        }
        this.catalog = catalog;
        this.store = store;
        this.clock = clock;
        this.maxUrls = maxUrls;
    }

    /** A page to list: its path from the origin ({@code /client/kz/bonus}), its last change and its videos. */
    record Url(String path, Optional<LocalDate> lastmod, List<Video> videos) {
        Url(String path, Optional<LocalDate> lastmod) {
            this(path, lastmod, List.of());
        }
    }

    /**
     * A video entry (Google's video sitemap extension).
     *
     * @param thumbnail absolute, or a path of ours ({@code /static/…}) the origin goes before
     * @param seconds the length, when known and within Google's limit
     * @param published with the help center's offset
     */
    record Video(
            String thumbnail,
            String title,
            String description,
            Optional<String> contentLoc,
            Optional<String> playerLoc,
            Optional<Long> seconds,
            Optional<String> published) {}

    /** One sitemap file. */
    record Part(String name, List<Url> urls) {
        Optional<LocalDate> lastmod() {
            return urls.stream().map(Url::lastmod).flatMap(Optional::stream).max(LocalDate::compareTo);
        }
    }

    /** Every file, in index order, by name. */
    record Plan(Map<String, Part> parts) {}

    /** {@code /sitemap.xml}. */
    public String index(String origin) {
        var xml = new StringBuilder(256);
        xml.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<sitemapindex xmlns=\"")
                .append(NS)
                .append("\">\n");
        for (Part part : plan().parts().values()) {
            xml.append("  <sitemap><loc>")
                    .append(escape(origin + "/sitemaps/" + part.name()))
                    .append("</loc>");
            part.lastmod().ifPresent(d -> xml.append("<lastmod>").append(d).append("</lastmod>"));
            xml.append("</sitemap>\n");
        }
        return xml.append("</sitemapindex>\n").toString();
    }

    /** {@code /sitemaps/{name}}, when the index lists that name. */
    public Optional<String> sitemap(String origin, String name) {
        return Optional.ofNullable(plan().parts().get(name)).map(part -> {
            String base = escape(origin);
            var xml = new StringBuilder(128 + part.urls().size() * 96);
            xml.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"")
                    .append(NS)
                    .append('"');
            // the video namespace only where there are videos: other sitemaps stay as they were
            if (part.urls().stream().anyMatch(u -> !u.videos().isEmpty())) {
                xml.append(" xmlns:video=\"").append(VIDEO_NS).append('"');
            }
            xml.append(">\n");
            for (Url url : part.urls()) {
                // paths are slugs and digits (see SectionPath): nothing in them needs escaping
                xml.append("  <url><loc>").append(base).append(url.path()).append("</loc>");
                url.lastmod().ifPresent(d -> xml.append("<lastmod>").append(d).append("</lastmod>"));
                url.videos().forEach(v -> video(xml, base, v));
                xml.append("</url>\n");
            }
            return xml.append("</urlset>\n").toString();
        });
    }

    /** One {@code <video:video>}, its elements in the order Google's schema gives them. */
    private static void video(StringBuilder xml, String base, Video v) {
        xml.append("\n    <video:video>");
        element(xml, "thumbnail_loc", v.thumbnail().startsWith("/") ? base + v.thumbnail() : escape(v.thumbnail()));
        element(xml, "title", escape(v.title()));
        element(xml, "description", escape(v.description()));
        v.contentLoc().ifPresent(u -> element(xml, "content_loc", escape(u)));
        v.playerLoc().ifPresent(u -> element(xml, "player_loc", escape(u)));
        v.seconds().ifPresent(s -> element(xml, "duration", Long.toString(s)));
        v.published().ifPresent(p -> element(xml, "publication_date", p));
        xml.append("</video:video>\n  ");
    }

    private static void element(StringBuilder xml, String name, String escaped) {
        xml.append("<video:")
                .append(name)
                .append('>')
                .append(escaped)
                .append("</video:")
                .append(name)
                .append('>');
    }

    private Plan plan() {
        LocalDateTime now = LocalDateTime.now(clock);
        // the state is read before the lists: a plan is never older than its key (at worst newer, until the next
        // request sees the new version)
        return plans.get(catalog.contentState(now), state -> build(now));
    }

    private Plan build(LocalDateTime now) {
        var parts = new LinkedHashMap<String, Part>();
        for (Site site : catalog.sites()) {
            SectionTree tree = catalog.tree(site.slug());
            for (Locale locale : Locale.values()) {
                List<Url> urls = urls(site.slug(), locale, tree, now);
                for (int from = 0, n = 1; from < urls.size(); from += maxUrls, n++) {
                    String name = site.slug() + "-" + locale.code() + "-" + n + ".xml";
                    parts.put(name, new Part(name, urls.subList(from, Math.min(urls.size(), from + maxUrls))));
                }
            }
        }
        return new Plan(parts);
    }

    /** The site home, then each section page followed by its question pages, in menu order. */
    private List<Url> urls(String site, Locale locale, SectionTree tree, LocalDateTime now) {
        var updated = store.lastUpdatedBySection(site, locale, now);
        var materialSections = store.materialSections(site, locale, now);
        var videos = new HashMap<Long, List<Video>>();
        for (var v : store.videos(site, locale, now)) {
            video(v).ifPresent(entry -> videos.computeIfAbsent(v.sectionId(), k -> new ArrayList<>())
                    .add(entry));
        }
        var questions = new HashMap<Long, List<Url>>();
        for (var q : store.questions(site, locale, now)) {
            questions
                    .computeIfAbsent(q.sectionId(), k -> new ArrayList<>())
                    .add(new Url(CatalogUrls.question(site, locale, q.sectionPath(), q.id()), q.updated()));
        }
        var urls = new ArrayList<Url>();
        urls.add(new Url(
                CatalogUrls.home(site, locale),
                latest(updated.values().stream().flatMap(Optional::stream).toList())));
        for (Section section : tree.all()) {
            if (section.kind() != SectionKind.QUESTIONS) {
                // a videos or documents section has a page worth listing only while it shows something
                if (tree.shownWithAncestors(section, locale) && materialSections.containsKey(section.id())) {
                    urls.add(new Url(
                            CatalogUrls.section(site, locale, section.path().value()),
                            materialSections.get(section.id()),
                            videos.getOrDefault(section.id(), List.of())));
                }
                continue;
            }
            if (tree.shownWithAncestors(section, locale)) {
                // a section page lists its subtree's questions (a theme shows its first subtheme's list)
                var subtree = tree.all().stream()
                        .filter(s -> s.id() == section.id() || section.path().isAncestorOf(s.path()))
                        .map(s -> updated.get(s.id()))
                        .filter(d -> d != null)
                        .toList();
                // a section with nothing to read in this locale is no page to offer (readers are not led to it)
                if (!subtree.isEmpty()) {
                    urls.add(new Url(
                            CatalogUrls.section(site, locale, section.path().value()),
                            latest(subtree.stream().flatMap(Optional::stream).toList())));
                }
            }
            // a question's page exists wherever its text is public, even under a section hidden in this locale
            urls.addAll(questions.getOrDefault(section.id(), List.of()));
        }
        return urls;
    }

    /** A video's entry; a link no page can play (none is stored) is left out. */
    private Optional<Video> video(SitemapStore.VideoUrl v) {
        MaterialText t = v.text();
        return VideoSource.of(t.url())
                .map(source -> new Video(
                        source.thumbnailUrl().orElse(VideoFacts.POSTER),
                        cut(t.title(), VIDEO_TITLE),
                        cut(t.description().filter(d -> !d.isBlank()).orElse(t.title()), VIDEO_DESCRIPTION),
                        source.fileUrl(),
                        source.playerUrl(),
                        t.length()
                                .map(d -> Math.max(1, Math.round(d.toMillis() / 1000.0)))
                                .filter(s -> s <= VIDEO_SECONDS),
                        t.published()
                                .map(p -> DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(p.atZone(clock.getZone())))
                                .or(() -> t.updated().map(LocalDate::toString))));
    }

    private static String cut(String s, int max) {
        String line = s.strip().replaceAll("\\s+", " ");
        return line.length() <= max ? line : line.substring(0, max - 1) + "…";
    }

    private static Optional<LocalDate> latest(List<LocalDate> dates) {
        return dates.stream().max(LocalDate::compareTo);
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;")
                .replace("<", "&lt;")
                .replace(">", "&gt;")
                .replace("\"", "&quot;")
                .replace("'", "&apos;");
    }
}
