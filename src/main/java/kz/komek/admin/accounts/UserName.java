package kz.komek.admin.accounts;

import java.util.Locale;
import java.util.regex.Pattern;
import kz.komek.i18n.Excerpt;
import kz.komek.i18n.StorableText;

/**
 * A sign-in name: 1 to 64 ASCII letters, digits, dots, underscores and hyphens. Names differ by more than case:
 * {@code Aigerim} and {@code aigerim} are the same user (see {@link #key()}).
 */
public record UserName(String value) {
    private static final Pattern VALID = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    public UserName {
        if (value == null || !VALID.matcher(value).matches()) {
            // a control character shows as "?" in the excerpt: say which one it was
            throw new IllegalArgumentException("a user name is 1 to 64 Latin letters, digits, '.', '_' or '-', was \""
                    + Excerpt.of(value, 70) + "\""
                    + StorableText.problem(value).map(p -> ", which " + p).orElse(""));
        }
    }

    /** The name as compared and counted: lower case. */
    public String key() {
        return value.toLowerCase(Locale.ROOT);
    }

    @Override
    public String toString() {
        return value;
    }
}
