package kz.komek.i18n;

/**
 * Text from outside (a URL, a form field, an imported answer) made safe to quote in a message that reaches a page,
 * a response or the log: control characters and non-characters become {@code ?}, and a hostile or careless input cannot make the
 * message huge.
 */
public final class Excerpt {
    private Excerpt() {}

    /** At most {@code max} characters of {@code s} (then "…"); never cuts a surrogate pair; "" for null. */
    public static String of(String s, int max) {
        if (s == null) {
            return "";
        }
        String visible = s.replaceAll("[\\p{Cntrl}\\uFFFE\\uFFFF]", "?");
        if (visible.length() <= max) {
            return visible;
        }
        int end = Character.isHighSurrogate(visible.charAt(max - 1)) ? max - 1 : max;
        return visible.substring(0, end) + "…";
    }
}
