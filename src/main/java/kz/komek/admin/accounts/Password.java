package kz.komek.admin.accounts;

/**
 * A new password as an operator sets it: at least {@value #MIN_LENGTH} characters (length is what makes a password
 * hard to guess; no other rules), at most {@value #MAX_LENGTH} (hashing time grows with the length). Never printed.
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
    }

    @Override
    public String toString() {
        return "Password[***]";
    }
}
