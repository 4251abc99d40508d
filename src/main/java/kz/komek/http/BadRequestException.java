package kz.komek.http;

/** Input a client can fix: a 400 with the message. */
public final class BadRequestException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public BadRequestException(String message) {
        super(message, null, false, false);
    }
}
