package kz.komek.bundle;

/**
 * A bundle or payload that cannot be imported. The message names the record and field, so an operator can fix
 * the file: {@code question 456, locales.kz.updated: not an ISO date: "3.1.2021"}.
 */
public final class BundleException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public BundleException(String where, String problem) {
        super(where + ": " + problem);
    }

    public BundleException(String where, String problem, Throwable cause) {
        super(where + ": " + problem, cause);
    }
}
