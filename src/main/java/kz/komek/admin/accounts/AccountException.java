package kz.komek.admin.accounts;

/** An account action that cannot be done as asked (a taken name, an unknown user or token); the message says why. */
public final class AccountException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public AccountException(String message) {
        super(message, null, false, false);
    }
}
