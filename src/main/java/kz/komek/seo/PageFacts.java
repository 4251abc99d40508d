package kz.komek.seo;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import kz.komek.i18n.Locale;

/**
 * What the catalog knows about a page that search engines care about; {@link HeadBuilder} turns it into tags.
 *
 * @param url absolute URL of this page
 * @param canonical absolute URL of the page to index for this content; differs from {@code url} for a
 *     cross-listed copy
 * @param versions absolute URLs of this page in every locale where it is public and indexable, this one included
 *     when it is
 * @param origin the public origin ({@code https://host}), for the publisher in structured data
 * @param crumbs the way from the site home to this page, absolute; empty on the home page
 * @param article the question's dates and headline; only on question pages
 */
public record PageFacts(
        Kind kind,
        Locale locale,
        String title,
        String description,
        Robots robots,
        String url,
        String canonical,
        Map<Locale, String> versions,
        String siteName,
        String origin,
        List<Crumb> crumbs,
        Optional<Article> article) {

    public enum Kind {
        HOME,
        SECTION,
        QUESTION
    }

    public PageFacts {
        Head.requireAbsolute(url);
        Head.requireAbsolute(canonical);
        // an EnumMap keeps locales in one order (ru, kz), so tags come out the same on every page
        versions = versions.isEmpty() ? Map.of() : Collections.unmodifiableMap(new EnumMap<>(versions));
        versions.values().forEach(Head::requireAbsolute);
        crumbs = List.copyOf(crumbs);
        if ((kind == Kind.QUESTION) != article.isPresent()) {
            throw new IllegalArgumentException("question pages, and only they, describe an article");
        }
    }

    /** One step of the breadcrumbs, with an absolute URL. */
    public record Crumb(String name, String url) {
        public Crumb {
            Head.requireAbsolute(url);
        }
    }

    /**
     * @param modified the "updated" date shown on the page
     * @param published when the text was published, in the help center's zone
     */
    public record Article(String headline, Optional<LocalDate> modified, Optional<OffsetDateTime> published) {}
}
