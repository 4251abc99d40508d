package kz.komek.http;

/**
 * The request needs credentials it does not have (or has bad ones): a 401 with {@code WWW-Authenticate}. Admin pages
 * send a browser to the sign-in page instead; this is for the API and for a bad token anywhere.
 */
public final class UnauthorizedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String challenge;

    /** @param challenge the {@code WWW-Authenticate} value, e.g. {@code Bearer} */
    public UnauthorizedException(String message, String challenge) {
        super(message, null, false, false);
        this.challenge = challenge;
    }

    public String challenge() {
        return challenge;
    }
}
