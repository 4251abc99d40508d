package kz.komek.catalog;

import java.util.List;
import java.util.Optional;

/**
 * What the shared layout ({@code layout/page.jte}) needs around every page.
 *
 * @param homeHref where the logo leads
 * @param searchAction the search page of the current site; empty where no site is known (error pages)
 * @param noindex search engines should not index this page (search results, error pages)
 */
public record Chrome(
        Locale locale,
        String title,
        String description,
        String homeHref,
        List<Breadcrumb> breadcrumbs,
        List<LinkItem> sites,
        Optional<LocaleLink> localeSwitch,
        Optional<String> searchAction,
        boolean noindex) {

    public Chrome {
        breadcrumbs = List.copyOf(breadcrumbs);
        sites = List.copyOf(sites);
    }

    /** Error pages know neither site nor page: no breadcrumbs, switches or search. */
    public static Chrome minimal(Locale locale, String title) {
        return new Chrome(locale, title, title, "/", List.of(), List.of(), Optional.empty(), Optional.empty(), true);
    }

    public Chrome asNoindex() {
        return new Chrome(locale, title, description, homeHref, breadcrumbs, sites, localeSwitch, searchAction, true);
    }

    public String lang() {
        return locale.htmlLang();
    }

    public String t(UiText text) {
        return text.in(locale);
    }
}
