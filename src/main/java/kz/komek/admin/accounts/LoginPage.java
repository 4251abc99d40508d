package kz.komek.admin.accounts;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import kz.komek.admin.AdminChrome;
import kz.komek.admin.AdminText;
import kz.komek.catalog.Chrome;
import kz.komek.i18n.Locale;

/**
 * Model of {@code admin/login.jte}.
 *
 * @param csrf the value of the sign-in cookie, which the form sends back
 * @param next where to go after signing in (an admin path)
 * @param name the name typed before a failed attempt, so only the password is typed again
 * @param error why the last attempt failed, in the page's language
 */
public record LoginPage(Locale locale, String csrf, String next, String name, Optional<String> error) {
    public Chrome chrome() {
        String href = "/admin/login?lang=" + locale.other().code()
                + (next.equals(NextPath.HOME.value())
                        ? ""
                        : "&next=" + URLEncoder.encode(next, StandardCharsets.UTF_8));
        return AdminChrome.of(locale, t(AdminText.LOGIN_TITLE), href);
    }

    public String t(AdminText text) {
        return text.in(locale);
    }

    /** After a failed attempt the name is there already: the cursor goes to the password. */
    public boolean focusPassword() {
        return !name.isEmpty();
    }
}
