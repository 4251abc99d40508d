package kz.komek.admin;

import java.util.List;
import java.util.Optional;
import kz.komek.catalog.Chrome;
import kz.komek.i18n.Locale;

/**
 * What every signed-in admin page has around its content ({@code admin/frame.jte}): the layout's chrome, the
 * admin menu (only what the principal's role may open), who is signed in and the sign-out form. Links keep the
 * UI's language with {@link #href(String)}.
 *
 * @param current the menu item of this page ("home", "sections", "materials", "transfer", "words", "analytics", "audit", "users")
 * @param csrf the session's CSRF token for forms; empty for a request made with an API token
 */
public record AdminFrame(Locale locale, Principal principal, Optional<String> csrf, String current, String title) {

    public record MenuItem(String key, String label, String href, String ariaCurrent) {}

    public static AdminFrame of(
            io.javalin.http.Context ctx, AdminAccess access, Principal principal, String current, AdminText title) {
        Locale locale = AdminLocale.of(ctx);
        return new AdminFrame(locale, principal, access.csrf(ctx), current, title.in(locale));
    }

    /** The layout's chrome; the language switch leads to the same page in the other language. */
    public Chrome chrome(String path) {
        return AdminChrome.of(locale, title, withLang(path, locale.other()));
    }

    public List<MenuItem> menu() {
        var items = new java.util.ArrayList<MenuItem>();
        items.add(item("home", AdminText.MENU_HOME, "/admin"));
        items.add(item("sections", AdminText.MENU_SECTIONS, "/admin/sections"));
        items.add(item("materials", AdminText.MENU_MATERIALS, "/admin/materials"));
        if (principal.may(Role.PUBLISHER)) {
            items.add(item("transfer", AdminText.MENU_TRANSFER, "/admin/transfer"));
        }
        items.add(item("words", AdminText.MENU_WORDS, "/admin/words"));
        items.add(item("analytics", AdminText.MENU_ANALYTICS, "/admin/analytics"));
        items.add(item("audit", AdminText.MENU_AUDIT, "/admin/audit"));
        if (principal.may(Role.ADMIN)) {
            items.add(item("users", AdminText.MENU_USERS, "/admin/users"));
        }
        return items;
    }

    private MenuItem item(String key, AdminText label, String path) {
        return new MenuItem(key, label.in(locale), href(path), key.equals(current) ? "page" : null);
    }

    public String t(AdminText text) {
        return text.in(locale);
    }

    public String signedInAs() {
        return AdminText.SIGNED_IN_AS.format(locale, principal.name()) + " " + AdminText.ROLE.in(locale) + ":";
    }

    public String role() {
        return AdminText.role(principal.role(), locale);
    }

    /** {@code path} in this page's language: {@code /admin/audit?lang=kz}. */
    public String href(String path) {
        return withLang(path, locale);
    }

    public static String withLang(String path, Locale locale) {
        int hash = path.indexOf('#');
        String fragment = hash < 0 ? "" : path.substring(hash);
        String base = hash < 0 ? path : path.substring(0, hash);
        return base + (base.contains("?") ? "&" : "?") + "lang=" + locale.code() + fragment;
    }
}
