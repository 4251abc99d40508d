package kz.komek.http;

/**
 * A request body over the server's limit ({@code --max-body}): a 413. Thrown before the body is read when its length
 * is announced, or once reading passes the limit when it is not (a chunked upload): never read whole into memory.
 */
public final class BodyTooLargeException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final long limit;

    public BodyTooLargeException(long limit) {
        super(
                "The request body is larger than " + limit + " bytes, the most this server takes (--max-body);"
                        + " nothing was changed.",
                null,
                false,
                false);
        this.limit = limit;
    }

    public long limit() {
        return limit;
    }
}
