package kz.komek.http;

/** The request is well formed but the object's state refuses it (publishing a deleted question): a 409. */
public class ConflictException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ConflictException(String message) {
        super(message, null, false, false);
    }
}
