package kz.komek.admin;

import java.util.List;
import java.util.Optional;
import kz.komek.brand.Brand;
import kz.komek.catalog.Chrome;
import kz.komek.catalog.LocaleLink;
import kz.komek.content.Platform;
import kz.komek.i18n.Locale;
import kz.komek.seo.Head;

/** The shared layout's frame around an admin page: never indexed, the logo leads to {@code /admin}, no search. */
public final class AdminChrome {
    private AdminChrome() {}

    /** @param otherLanguageHref the same page in the other locale ({@code …?lang=kz}) */
    public static Chrome of(Locale locale, String title, String otherLanguageHref) {
        return new Chrome(
                locale,
                Head.noindex(title, title),
                "/admin",
                List.of(),
                List.of(),
                Optional.of(new LocaleLink(locale.other(), otherLanguageHref)),
                Optional.empty(),
                Platform.DESKTOP,
                Brand.DEFAULT);
    }
}
