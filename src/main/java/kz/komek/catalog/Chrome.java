package kz.komek.catalog;

import java.util.List;
import java.util.Optional;
import kz.komek.brand.Brand;
import kz.komek.content.Platform;
import kz.komek.i18n.Locale;
import kz.komek.seo.Head;

/**
 * What the shared layout ({@code layout/page.jte}) needs around every page.
 *
 * @param head title, description and what the page tells search engines (robots, canonical, hreflang, …)
 * @param homeHref where the logo leads
 * @param sites the site switch, the current site marked; empty (no switch) where there is only one
 * @param searchAction where the header's search form goes: the search page of the current site; empty where no site
 *     is known (error pages) and on the search page itself, whose own form is then the only one
 * @param platform where the page is read: the app's webview gets the content without the website's chrome, and
 *     its links and forms keep {@code platform=app}
 * @param brand the name and logo the header shows, from the operator's branding
 */
public record Chrome(
        Locale locale,
        Head head,
        String homeHref,
        List<Breadcrumb> breadcrumbs,
        List<LinkItem> sites,
        Optional<LocaleLink> localeSwitch,
        Optional<String> searchAction,
        Platform platform,
        Brand brand) {

    /** The query that keeps a page in the app's layout. */
    public static final String APP_QUERY = "platform=app";

    public Chrome {
        breadcrumbs = List.copyOf(breadcrumbs);
        // a switch needs another site to go to
        sites = sites.size() > 1 ? List.copyOf(sites) : List.of();
    }

    /** Error pages know neither site nor page: no breadcrumbs, switches or search; never indexed. */
    public static Chrome minimal(Locale locale, String title) {
        return minimal(locale, title, Platform.DESKTOP, Brand.DEFAULT);
    }

    /** An error page where the platform and the brand are known. */
    public static Chrome minimal(Locale locale, String title, Platform platform, Brand brand) {
        return new Chrome(
                locale,
                Head.noindex(title, title),
                "/",
                List.of(),
                List.of(),
                Optional.empty(),
                Optional.empty(),
                platform,
                brand);
    }

    /** This frame without the header's search form: for a page with a search form of its own. */
    public Chrome withoutHeaderSearch() {
        return new Chrome(locale, head, homeHref, breadcrumbs, sites, localeSwitch, Optional.empty(), platform, brand);
    }

    /** The app's webview: content only, no website header, switches or footer. */
    public boolean app() {
        return platform == Platform.APP;
    }

    /** {@code href} as this page links it: in the app, with {@code platform=app} (see {@link #sticky}). */
    public String link(String href) {
        return sticky(href, platform);
    }

    /**
     * {@code href} with {@code platform=app} when the page is the app's, before any fragment; other platforms are
     * told by the User-Agent alone, so their links stay clean (one cached copy per platform and page).
     */
    public static String sticky(String href, Platform platform) {
        if (platform != Platform.APP || href.contains(APP_QUERY)) {
            return href;
        }
        int hash = href.indexOf('#');
        String path = hash < 0 ? href : href.substring(0, hash);
        String fragment = hash < 0 ? "" : href.substring(hash);
        return path + (path.indexOf('?') < 0 ? "?" : "&") + APP_QUERY + fragment;
    }

    public String lang() {
        return locale.htmlLang();
    }

    public String brandName() {
        return brand.name(locale);
    }

    /** The logo link's label: the brand's name and what it is. */
    public String brandLabel() {
        return UiText.BRAND.format(locale, brandName());
    }

    /** The footer's line, with the brand's name. */
    public String footer() {
        return UiText.FOOTER.format(locale, brandName());
    }

    /** The page one level up, as the app's pages offer it instead of the website's breadcrumbs. */
    public Optional<Breadcrumb> back() {
        for (int i = breadcrumbs.size() - 1; i >= 0; i--) {
            if (!breadcrumbs.get(i).current()) {
                return Optional.of(breadcrumbs.get(i));
            }
        }
        return Optional.empty();
    }

    public String t(UiText text) {
        return text.in(locale);
    }
}
