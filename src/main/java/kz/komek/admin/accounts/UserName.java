package kz.komek.admin.accounts;

import java.util.Locale;
import java.util.regex.Pattern;
import kz.komek.i18n.Excerpt;

/**
 * A sign-in name: 1 to 64 ASCII letters, digits, dots, underscores and hyphens. Names differ by more than case:
 * {@code Aigerim} and {@code aigerim} are the same user (see {@link #key()}).
 */
public record UserName(String value) {
    private static final Pattern VALID = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    public UserName {
        if (value == null || !VALID.matcher(value).matches()) {
            throw new IllegalArgumentException("a user name is 1 to 64 Latin letters, digits, '.', '_' or '-', was \""
                    + Excerpt.of(value, 70) + "\"");
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
