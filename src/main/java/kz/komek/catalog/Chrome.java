package kz.komek.catalog;

import java.util.List;
import java.util.Optional;
import kz.komek.i18n.Locale;
import kz.komek.seo.Head;

/**
 * What the shared layout ({@code layout/page.jte}) needs around every page.
 *
 * @param head title, description and what the page tells search engines (robots, canonical, hreflang, …)
 * @param homeHref where the logo leads
 * @param sites the site switch, the current site marked; empty (no switch) where there is only one
 * @param searchAction the search page of the current site; empty where no site is known (error pages)
 */
public record Chrome(
        Locale locale,
        Head head,
        String homeHref,
        List<Breadcrumb> breadcrumbs,
        List<LinkItem> sites,
        Optional<LocaleLink> localeSwitch,
        Optional<String> searchAction) {

    public Chrome {
        breadcrumbs = List.copyOf(breadcrumbs);
        // a switch needs another site to go to
        sites = sites.size() > 1 ? List.copyOf(sites) : List.of();
    }

    /** Error pages know neither site nor page: no breadcrumbs, switches or search; never indexed. */
    public static Chrome minimal(Locale locale, String title) {
        return new Chrome(
                locale, Head.noindex(title, title), "/", List.of(), List.of(), Optional.empty(), Optional.empty());
    }

    public String lang() {
        return locale.htmlLang();
    }

    public String t(UiText text) {
        return text.in(locale);
    }
}
