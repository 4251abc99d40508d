package kz.komek.admin;

/**
 * A signed-in admin page's model (a record with an {@link AdminFrame} component): what its template asks the frame
 * for, said once here. Texts and links in the page's language, and the form token.
 */
public interface FramedPage {
    AdminFrame frame();

    default String t(AdminText text) {
        return frame().t(text);
    }

    /** {@code path} in the page's language. */
    default String href(String path) {
        return frame().href(path);
    }

    /** The session's CSRF token for the page's forms (empty for a request made with an API token). */
    default String csrf() {
        return frame().csrf().orElse("");
    }

    default String lang() {
        return frame().locale().code();
    }
}
