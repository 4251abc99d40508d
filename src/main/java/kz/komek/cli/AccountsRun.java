package kz.komek.cli;

import java.io.PrintWriter;
import java.util.function.Consumer;
import kz.komek.admin.accounts.AccountException;
import kz.komek.admin.accounts.Accounts;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * The way through of every account command ({@code user …}, {@code token …}), mixed into each with the database
 * options: check what the operator typed, open the database, act on the accounts. A bad input (the database is
 * then not opened) or a refused change exits with {@link Cli#BAD_INPUT}, saying why after the command's name.
 */
@Command // picocli takes only annotated classes as mixins
final class AccountsRun {
    @Spec(Spec.Target.MIXEE)
    CommandSpec spec;

    @Mixin
    DbOptions db;

    PrintWriter out() {
        return spec.commandLine().getOut();
    }

    PrintWriter err() {
        return spec.commandLine().getErr();
    }

    /** What the operator typed, checked; an {@link IllegalArgumentException} says what is wrong with it. */
    interface Input<T> {
        T read();
    }

    interface Action<T> {
        void on(Accounts accounts, T input);
    }

    <T> int act(Input<T> input, Action<T> action) {
        Console console = new Console(spec);
        T checked;
        try {
            checked = input.read();
        } catch (IllegalArgumentException e) {
            return console.refused(e.getMessage());
        }
        try (var database = db.open()) {
            action.on(new Accounts(database.jdbi()), checked);
            return 0;
        } catch (AccountException e) {
            return console.refused(e.getMessage());
        }
    }

    /** An action without input of its own (a list). */
    int act(Consumer<Accounts> action) {
        return act(() -> null, (accounts, none) -> action.accept(accounts));
    }
}
