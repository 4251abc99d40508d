package kz.komek.admin.accounts;

/**
 * A new password as an operator sets it: at least {@value #MIN_LENGTH} characters (length is what makes a password
 * hard to guess; no rules about kinds of characters), at most {@value #MAX_LENGTH} (hashing time grows with the
 * length), and not one of the common passwords a guesser tries first ({@link CommonPasswords}); not the user's own
 * name either ({@link #notNameOf}). Never printed.
 */
public record Password(String value) {
    public static final int MIN_LENGTH = 10;
    public static final int MAX_LENGTH = 1024;

    public Password {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("the password is empty");
        }
        int length = value.codePointCount(0, value.length());
        if (length < MIN_LENGTH) {
            throw new IllegalArgumentException(
                    "the password is " + length + " characters long; it needs at least " + MIN_LENGTH);
        }
        if (length > MAX_LENGTH) {
            throw new IllegalArgumentException(
                    "the password is " + length + " characters long; at most " + MAX_LENGTH + " are taken");
        }
        if (common(value)) {
            throw new IllegalArgumentException(
                    "the password is on a list of common passwords, which are guessed first; choose another");
        }
    }

    /** Whether the text is on the list of common passwords (ignoring case), which a guesser tries first. */
    public static boolean common(String value) {
        return CommonPasswords.contains(value);
    }

    /** This password, unless it is the user's own name (ignoring case), which is the first thing tried. */
    public Password notNameOf(UserName name) {
        if (value.equalsIgnoreCase(name.value())) {
            throw new IllegalArgumentException("the password is the user name; choose another");
        }
        return this;
    }

    @Override
    public String toString() {
        return "Password[***]";
    }
}
