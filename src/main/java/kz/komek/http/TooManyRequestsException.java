package kz.komek.http;

/** A client asked too often: a 429 with {@code Retry-After}. */
public final class TooManyRequestsException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final long retryAfterSeconds;

    public TooManyRequestsException(String message, long retryAfterSeconds) {
        super(message, null, false, false);
        if (retryAfterSeconds < 1) {
            throw new IllegalArgumentException("Retry-After must be at least 1 second, was " + retryAfterSeconds);
        }
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
