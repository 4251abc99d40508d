package kz.komek.admin.accounts;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.regex.Pattern;

/**
 * 256 random bits as 43 base64url characters: session ids, CSRF tokens and the body of API tokens. Secrets this
 * long need no slow hash: their SHA-256 is stored, so the database alone signs nobody in.
 */
record Secret(String value) {
    static final Pattern FORM = Pattern.compile("[A-Za-z0-9_-]{43}");

    Secret {
        if (value == null || !FORM.matcher(value).matches()) {
            throw new IllegalArgumentException("not a komek secret");
        }
    }

    static Secret random(SecureRandom random) {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return new Secret(Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
    }

    /** Whether {@code s} has a secret's form, checked before any lookup. */
    static boolean looksLike(String s) {
        return s != null && FORM.matcher(s).matches();
    }

    static byte[] sha256(String s) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }

    /** Compares in time independent of where the two differ. */
    static boolean same(String a, String b) {
        return a != null
                && b != null
                && MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }

    byte[] hash() {
        return sha256(value);
    }

    @Override
    public String toString() {
        return "Secret[***]";
    }
}
