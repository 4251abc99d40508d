package kz.komek.backup;

/**
 * A backup or restore refused for a reason the operator can fix: a file that is not a whole komek backup, a target
 * that is not empty, a schema this komek does not know. The message says what is wrong; nothing was changed.
 */
public final class BackupException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public BackupException(String message) {
        super(message);
    }

    BackupException(String message, Throwable cause) {
        super(message, cause);
    }
}
