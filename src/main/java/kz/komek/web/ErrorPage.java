package kz.komek.web;

import kz.komek.brand.Brand;
import kz.komek.catalog.Chrome;
import kz.komek.content.Platform;
import kz.komek.i18n.Locale;

/** Model of {@code error.jte}: the 404/400/500 page, in the locale the URL asked for when it named one. */
public record ErrorPage(int status, String title, String message, Locale locale, Platform platform, Brand brand) {
    public Chrome chrome() {
        return Chrome.minimal(locale, title, platform, brand);
    }
}
