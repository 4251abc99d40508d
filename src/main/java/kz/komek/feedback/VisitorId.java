package kz.komek.feedback;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Pattern;

/** A reader as the visitor cookie names them: 128 random bits, base64url. It says nothing about who they are. */
record VisitorId(String value) {
    private static final Pattern FORMAT = Pattern.compile("[A-Za-z0-9_-]{22}");

    VisitorId {
        if (!FORMAT.matcher(value).matches()) {
            throw new IllegalArgumentException("not a visitor id");
        }
    }

    static VisitorId random(SecureRandom random) {
        byte[] bytes = new byte[16];
        random.nextBytes(bytes);
        return new VisitorId(Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
    }

    /** A cookie value a client sent; anything else than an id komek issued is ignored (a new one is issued). */
    static Optional<VisitorId> parse(String cookie) {
        return cookie != null && FORMAT.matcher(cookie).matches()
                ? Optional.of(new VisitorId(cookie))
                : Optional.empty();
    }

    @Override
    public String toString() {
        return "VisitorId[…]"; // keep ids out of logs
    }
}
