package kz.komek.storage;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.HandleCallback;
import org.jdbi.v3.core.transaction.DelegatingTransactionHandler;
import org.jdbi.v3.core.transaction.TransactionHandler;
import org.jdbi.v3.core.transaction.TransactionIsolationLevel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells listeners of every outermost transaction this process runs through JDBI ({@code inTransaction},
 * {@code useTransaction}; komek begins none by hand) once it has ended, on the committing thread and with its
 * handle (still open, so a listener reads with the same connection instead of waiting for another from a busy
 * pool). Pages are served from memory by content state: this is how a write answered by this node is seen by this
 * node before the writer's response returns, without asking the database on every read. Other processes' writes
 * arrive by notification ({@link ContentChanges}).
 */
final class CommitHook extends DelegatingTransactionHandler {
    private static final Logger log = LoggerFactory.getLogger(CommitHook.class);

    private final List<Consumer<Handle>> listeners;

    CommitHook(TransactionHandler delegate) {
        this(delegate, new CopyOnWriteArrayList<>());
    }

    private CommitHook(TransactionHandler delegate, List<Consumer<Handle>> listeners) {
        super(delegate);
        this.listeners = listeners;
    }

    void add(Consumer<Handle> listener) {
        listeners.add(listener);
    }

    /** Each handle gets its own bound handler (JDBI keeps per-handle state there); the listeners are shared. */
    @Override
    public TransactionHandler specialize(Handle handle) throws java.sql.SQLException {
        return new CommitHook(getDelegate().specialize(handle), listeners);
    }

    @Override
    public <R, X extends Exception> R inTransaction(Handle handle, HandleCallback<R, X> callback) throws X {
        boolean outermost = !isInTransaction(handle);
        R result = super.inTransaction(handle, callback);
        if (outermost) {
            told(handle);
        }
        return result;
    }

    @Override
    public <R, X extends Exception> R inTransaction(
            Handle handle, TransactionIsolationLevel level, HandleCallback<R, X> callback) throws X {
        boolean outermost = !isInTransaction(handle);
        R result = super.inTransaction(handle, level, callback);
        if (outermost) {
            told(handle);
        }
        return result;
    }

    /** After the commit: a listener's failure must not make a committed write look failed to its caller. */
    private void told(Handle handle) {
        if (handle.isInTransaction()) {
            return; // a nested commit (a savepoint's); the outer one tells
        }
        for (var listener : listeners) {
            try {
                listener.accept(handle);
            } catch (RuntimeException e) {
                log.warn("a commit listener failed: {}", e.toString());
            }
        }
    }
}
