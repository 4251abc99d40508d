package kz.komek.web;

/** The caller is known but their role does not allow the action: a 403 with the message. */
public final class ForbiddenException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ForbiddenException(String message) {
        super(message, null, false, false);
    }
}
