package kz.komek.seo;

import java.util.List;
import java.util.Optional;

/**
 * What a page tells search engines and link previews, rendered into {@code <head>} by {@code seo/head.jte}.
 *
 * @param canonical absolute URL of the page that should be indexed for this content (another page for a
 *     cross-listed copy)
 * @param alternates the page in each language ({@code hreflang}, absolute URLs), {@code x-default} last
 * @param jsonLd structured data, each block JSON already escaped for a {@code <script>} element
 */
public record Head(
        String title,
        String description,
        Robots robots,
        Optional<String> canonical,
        List<Alternate> alternates,
        Optional<OpenGraph> openGraph,
        List<String> jsonLd) {

    public Head {
        if (title == null || title.isBlank()) {
            throw new IllegalArgumentException("a page needs a title");
        }
        canonical.ifPresent(Head::requireAbsolute);
        alternates = List.copyOf(alternates);
        jsonLd = List.copyOf(jsonLd);
    }

    /** Pages search engines should leave out (search results, errors): title, description and {@code noindex}. */
    public static Head noindex(String title, String description) {
        return new Head(title, description, Robots.NOINDEX, Optional.empty(), List.of(), Optional.empty(), List.of());
    }

    /** The same head with more structured data blocks (each already escaped for a {@code <script>} element). */
    public Head withJsonLd(List<String> more) {
        if (more.isEmpty()) {
            return this;
        }
        var all = new java.util.ArrayList<>(jsonLd);
        all.addAll(more);
        return new Head(title, description, robots, canonical, alternates, openGraph, all);
    }

    /** One {@code <link rel="alternate" hreflang>}. */
    public record Alternate(String hreflang, String href) {
        public Alternate {
            requireAbsolute(href);
        }
    }

    /** Open Graph tags for link previews; {@code locale} in Open Graph's form ({@code kk_KZ}). */
    public record OpenGraph(
            String type,
            String title,
            String description,
            String url,
            String locale,
            List<String> alternateLocales,
            String siteName) {
        public OpenGraph {
            requireAbsolute(url);
            alternateLocales = List.copyOf(alternateLocales);
        }
    }

    static String requireAbsolute(String url) {
        if (!url.startsWith("https://") && !url.startsWith("http://")) {
            throw new IllegalArgumentException("not an absolute http(s) URL: " + url);
        }
        return url;
    }
}
