package kz.komek.catalog;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Set;
import kz.komek.content.Platform;
import kz.komek.i18n.Locale;

/**
 * What every page of a site in a locale starts from, read once per request, and the links between its pages.
 *
 * @param sites every site, for the site switch
 * @param now the local time publication dates are compared with
 * @param origin where absolute URLs start: {@code https://host}
 * @param platform where the page is read; the app's pages keep saying so in their links (see {@link #link})
 * @param filled the sections with something to read in this locale ({@link CatalogMemory#filled}); readers are not
 *     led to the others
 */
record PageRequest(
        Site site,
        Locale locale,
        List<Site> sites,
        SectionTree tree,
        LocalDateTime now,
        String origin,
        Platform platform,
        Set<Long> filled) {
    /**
     * {@code href} as a link on this page: in the app's webview it carries {@code ?platform=app}, so a webview whose
     * User-Agent does not name the app stays in the app's pages. The hrefs above stay clean: canonical and alternate
     * URLs are built from them.
     */
    String link(String href) {
        return Chrome.sticky(href, platform);
    }

    String prefix(Locale l) {
        return CatalogUrls.prefix(site.slug(), l);
    }

    String homeHref(Locale l) {
        return CatalogUrls.home(site.slug(), l);
    }

    String href(Locale l, Section s) {
        return CatalogUrls.section(site.slug(), l, s.path().value());
    }

    String questionHref(Locale l, long id, SectionPath section) {
        return CatalogUrls.question(site.slug(), l, section.value(), id);
    }

    /** Readers are led to the section: it is shown in this locale and has something to read. */
    boolean leadsTo(Section s) {
        return s.shownIn(locale) && filled.contains(s.id());
    }

    String siteTitle() {
        return site.titleInAnyLocale(locale);
    }
}
