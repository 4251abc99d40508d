package kz.komek.http;

/** Unknown site, locale, section or question: a 404 page or a JSON error, never a 500. */
public final class NotFoundException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public NotFoundException(String message) {
        super(message, null, false, false);
    }
}
