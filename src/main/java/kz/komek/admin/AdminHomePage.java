package kz.komek.admin;

import java.util.Optional;
import kz.komek.catalog.Chrome;
import kz.komek.catalog.Locale;

/**
 * Model of {@code admin/home.jte}: the signed-in landing page.
 *
 * @param csrf the session's CSRF token for the sign-out form; empty for a request with an API token
 */
public record AdminHomePage(Locale locale, Principal principal, Optional<String> csrf) {
    public Chrome chrome() {
        return AdminChrome.of(
                locale,
                t(AdminText.ADMIN_TITLE),
                "/admin?lang=" + locale.other().code());
    }

    public String t(AdminText text) {
        return text.in(locale);
    }

    public String signedInAs() {
        return AdminText.SIGNED_IN_AS.format(locale, principal.name());
    }

    public String role() {
        return AdminText.role(principal.role(), locale);
    }

    public boolean viaToken() {
        return principal.via() == Principal.Via.TOKEN;
    }
}
