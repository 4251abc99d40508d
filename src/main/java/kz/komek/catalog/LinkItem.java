package kz.komek.catalog;

/**
 * A link in a menu, tab row or switch.
 *
 * @param ariaCurrent {@code "page"} for the page itself, {@code "true"} for a selected item that is not this URL,
 *     {@code null} otherwise (jte then leaves the attribute out)
 */
public record LinkItem(String label, String href, String ariaCurrent) {
    public static LinkItem of(String label, String href) {
        return new LinkItem(label, href, null);
    }

    public boolean current() {
        return ariaCurrent != null;
    }
}
