package kz.komek.seo;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import kz.komek.i18n.Locale;

/** Turns {@link PageFacts} into the page's head: robots, canonical, hreflang, Open Graph, JSON-LD. Pure. */
public final class HeadBuilder {
    private final ObjectMapper mapper = new ObjectMapper();

    public Head build(PageFacts page) {
        String title = oneLine(page.title());
        String description = oneLine(page.description());
        var og = new Head.OpenGraph(
                page.kind() == PageFacts.Kind.QUESTION ? "article" : "website",
                title,
                description,
                page.canonical(),
                ogLocale(page.locale()),
                page.versions().keySet().stream()
                        .filter(l -> l != page.locale())
                        .map(HeadBuilder::ogLocale)
                        .toList(),
                page.siteName());
        var jsonLd = new ArrayList<String>();
        if (!page.crumbs().isEmpty()) {
            jsonLd.add(scriptSafe(json(breadcrumbList(page.crumbs()))));
        }
        page.article().ifPresent(a -> jsonLd.add(scriptSafe(json(article(page, a)))));
        return new Head(
                title,
                description,
                page.robots(),
                Optional.of(page.canonical()),
                alternates(page),
                Optional.of(og),
                jsonLd);
    }

    /**
     * hreflang only on a page that is itself indexed and canonical, and only when it exists in more than one
     * locale: search engines ignore (or are confused by) alternates that point at copies or noindex pages, and a
     * set of one says nothing. {@code x-default} is the Russian page, the help center's default locale.
     */
    static List<Head.Alternate> alternates(PageFacts page) {
        boolean selfCanonical = page.canonical().equals(page.url());
        var versions = page.versions();
        if (!page.robots().index() || !selfCanonical || versions.size() < 2 || !versions.containsKey(page.locale())) {
            return List.of();
        }
        var result = new ArrayList<Head.Alternate>();
        versions.forEach((locale, url) -> result.add(new Head.Alternate(locale.htmlLang(), url)));
        Optional.ofNullable(versions.get(Locale.DEFAULT))
                .ifPresent(u -> result.add(new Head.Alternate("x-default", u)));
        return result;
    }

    private static Map<String, Object> breadcrumbList(List<PageFacts.Crumb> crumbs) {
        var items = new ArrayList<Map<String, Object>>();
        for (int i = 0; i < crumbs.size(); i++) {
            var item = new LinkedHashMap<String, Object>();
            item.put("@type", "ListItem");
            item.put("position", i + 1);
            item.put("name", oneLine(crumbs.get(i).name()));
            item.put("item", crumbs.get(i).url());
            items.add(item);
        }
        var list = new LinkedHashMap<String, Object>();
        list.put("@context", "https://schema.org");
        list.put("@type", "BreadcrumbList");
        list.put("itemListElement", items);
        return list;
    }

    /**
     * An editor-written answer is an Article (see docs/decisions/0009): QAPage is for questions that users post
     * and answer, FAQPage rich results are limited to a few authoritative sites.
     */
    private static Map<String, Object> article(PageFacts page, PageFacts.Article a) {
        var publisher = new LinkedHashMap<String, Object>();
        publisher.put("@type", "Organization");
        publisher.put("name", page.siteName());
        publisher.put("url", page.origin() + "/");
        var article = new LinkedHashMap<String, Object>();
        article.put("@context", "https://schema.org");
        article.put("@type", "Article");
        article.put("headline", oneLine(a.headline()));
        article.put("description", oneLine(page.description()));
        article.put("inLanguage", page.locale().htmlLang());
        a.published().ifPresent(p -> article.put("datePublished", p.toString()));
        a.modified()
                .or(() -> a.published().map(p -> p.toLocalDate()))
                .ifPresent(d -> article.put("dateModified", d.toString()));
        article.put("mainEntityOfPage", page.canonical());
        article.put("author", publisher);
        article.put("publisher", publisher);
        return article;
    }

    /**
     * A video's structured data ({@code VideoObject}), JSON escaped for a {@code <script>} element: what Google needs
     * for a video result (name, description, thumbnail, upload date) and what it uses (duration, file or player).
     */
    public String videoObject(VideoFacts v) {
        var video = new LinkedHashMap<String, Object>();
        video.put("@context", "https://schema.org");
        video.put("@type", "VideoObject");
        video.put("name", oneLine(v.name()));
        video.put("description", oneLine(v.description()));
        video.put("thumbnailUrl", v.thumbnailUrl());
        video.put("uploadDate", v.uploadDate());
        v.duration().ifPresent(d -> video.put("duration", d.toString()));
        v.contentUrl().ifPresent(u -> video.put("contentUrl", u));
        v.embedUrl().ifPresent(u -> video.put("embedUrl", u));
        video.put("url", v.url());
        video.put("inLanguage", v.locale().htmlLang());
        return scriptSafe(json(video));
    }

    private String json(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * JSON inside {@code <script>}: a title holding {@code </script>} or {@code <!--} must not end or change the
     * element. These characters only occur inside JSON strings, where the {@code \}{@code u} escapes mean the same.
     */
    static String scriptSafe(String json) {
        var out = new StringBuilder(json.length() + 16);
        for (int i = 0; i < json.length(); i++) {
            char c = json.charAt(i);
            switch (c) {
                case '<' -> out.append("\\u003c");
                case '>' -> out.append("\\u003e");
                case '&' -> out.append("\\u0026");
                case '\u2028' -> out.append("\\u2028");
                case '\u2029' -> out.append("\\u2029");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /** Seed meta titles hold line breaks ("question\n✔ tagline"); tags and previews want one line. */
    static String oneLine(String s) {
        return s.strip().replaceAll("\\s+", " ");
    }

    static String ogLocale(Locale locale) {
        return locale.htmlLang().replace('-', '_');
    }
}
