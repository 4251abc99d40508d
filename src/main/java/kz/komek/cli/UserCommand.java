package kz.komek.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import kz.komek.admin.Role;
import kz.komek.admin.accounts.AccountException;
import kz.komek.admin.accounts.Accounts;
import kz.komek.admin.accounts.Password;
import kz.komek.admin.accounts.User;
import kz.komek.admin.accounts.UserName;
import kz.komek.admin.audit.AuditLog;
import kz.komek.storage.Database;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(
        name = "user",
        mixinStandardHelpOptions = true,
        description = "Editors' accounts: add, list, disable, enable, password, role.",
        subcommands = {
            UserCommand.Add.class,
            UserCommand.List.class,
            UserCommand.Disable.class,
            UserCommand.Enable.class,
            UserCommand.SetPassword.class,
            UserCommand.SetRole.class
        })
final class UserCommand implements Callable<Integer> {
    @ParentCommand
    Cli cli;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return Cli.USAGE;
    }

    static Database open(DbOptions db) {
        return Database.open(db.config(0, Optional.empty(), false, 1, 0), 2);
    }

    static UserName name(String raw) {
        return new UserName(raw == null ? "" : raw.strip());
    }

    @Command(
            name = "add",
            mixinStandardHelpOptions = true,
            description = "Add a user; the password is the first line of standard input "
                    + "(or typed twice at a terminal), at least " + Password.MIN_LENGTH + " characters.")
    static final class Add implements Callable<Integer> {
        @ParentCommand
        UserCommand parent;

        @Spec
        CommandSpec spec;

        @Mixin
        DbOptions db;

        @Option(names = "--name", required = true, description = "Sign-in name: Latin letters, digits, . _ -")
        String name;

        @Option(names = "--role", required = true, description = "viewer, editor, publisher or admin")
        String role;

        @Override
        public Integer call() {
            var err = spec.commandLine().getErr();
            UserName userName;
            Role r;
            Password password;
            try {
                userName = name(name);
                r = role(role);
                password = new Password(readPassword(parent.cli, name, "user add --name " + name + " --role " + role));
            } catch (IllegalArgumentException e) {
                err.println("komek user add: " + e.getMessage());
                return Cli.BAD_INPUT;
            }
            try (var database = open(db)) {
                User user = new Accounts(database.jdbi()).addUser(userName, r, password, AuditLog.Signer.console());
                spec.commandLine()
                        .getOut()
                        .println(
                                "added user " + user.name() + " (" + user.role().code() + ")");
                return 0;
            } catch (AccountException e) {
                err.println("komek user add: " + e.getMessage());
                return Cli.BAD_INPUT;
            }
        }
    }

    static Role role(String raw) {
        return Role.parse(raw.strip().toLowerCase(java.util.Locale.ROOT))
                .orElseThrow(() -> new IllegalArgumentException("--role must be one of "
                        + Arrays.stream(Role.values()).map(Role::code).collect(Collectors.joining(", "))
                        + ", was \"" + raw + "\""));
    }

    /**
     * At a terminal (nothing piped in), asked twice without echo; otherwise the first line of standard input, as
     * {@code printf '%s\n' "$PW" | komek user add …} sends it. The line end is not part of the password.
     */
    static String readPassword(Cli cli, String name, String example) {
        var console = System.console();
        if (cli.in() == System.in && console != null) {
            char[] first =
                    console.readPassword("Password for %s (at least %d characters): ", name, Password.MIN_LENGTH);
            char[] again = console.readPassword("The same password again: ");
            if (first == null || again == null || !Arrays.equals(first, again)) {
                throw new IllegalArgumentException("the two passwords differ");
            }
            return new String(first);
        }
        try {
            var reader = new BufferedReader(new InputStreamReader(cli.in(), StandardCharsets.UTF_8));
            String line = reader.readLine();
            if (line == null || line.isEmpty()) {
                throw new IllegalArgumentException(
                        "no password on standard input: send it as the first line, e.g. printf '%s\\n' \"$PW\" | "
                                + "komek " + example);
            }
            return line;
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read the password from standard input: " + e.getMessage());
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List the users.")
    static final class List implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        DbOptions db;

        @Override
        public Integer call() {
            var out = spec.commandLine().getOut();
            try (var database = open(db)) {
                var users = new Accounts(database.jdbi()).users();
                out.printf("%-6s %-24s %-10s %-26s %s%n", "id", "name", "role", "created", "status");
                for (User u : users) {
                    out.printf(
                            "%-6d %-24s %-10s %-26s %s%n",
                            u.id(),
                            u.name(),
                            u.role().code(),
                            u.created().withNano(0),
                            u.disabled() ? "disabled" : "active");
                }
                out.flush();
                return 0;
            }
        }
    }

    @Command(
            name = "disable",
            mixinStandardHelpOptions = true,
            description = "Disable a user: their sessions end at once and their API tokens stop working.")
    static final class Disable implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        DbOptions db;

        @Option(names = "--name", required = true)
        String name;

        @Override
        public Integer call() {
            return setDisabled(spec, db, name, true);
        }
    }

    @Command(name = "enable", mixinStandardHelpOptions = true, description = "Enable a disabled user again.")
    static final class Enable implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        DbOptions db;

        @Option(names = "--name", required = true)
        String name;

        @Override
        public Integer call() {
            return setDisabled(spec, db, name, false);
        }
    }

    @Command(
            name = "password",
            mixinStandardHelpOptions = true,
            description = "Set a user's password (first line of standard input, or typed twice at a terminal; at least "
                    + Password.MIN_LENGTH + " characters); their sessions end, their tokens stay.")
    static final class SetPassword implements Callable<Integer> {
        @ParentCommand
        UserCommand parent;

        @Spec
        CommandSpec spec;

        @Mixin
        DbOptions db;

        @Option(names = "--name", required = true)
        String name;

        @Override
        public Integer call() {
            var err = spec.commandLine().getErr();
            UserName userName;
            Password password;
            try {
                userName = name(name);
                password = new Password(readPassword(parent.cli, name, "user password --name " + name));
            } catch (IllegalArgumentException e) {
                err.println("komek user password: " + e.getMessage());
                return Cli.BAD_INPUT;
            }
            try (var database = open(db)) {
                User u = new Accounts(database.jdbi()).setPassword(userName, password, AuditLog.Signer.console());
                spec.commandLine().getOut().println("password of " + u.name() + " set; their sessions ended");
                return 0;
            } catch (AccountException e) {
                err.println("komek user password: " + e.getMessage());
                return Cli.BAD_INPUT;
            }
        }
    }

    @Command(
            name = "role",
            mixinStandardHelpOptions = true,
            description = "Give a user another role; it holds from their next request.")
    static final class SetRole implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        DbOptions db;

        @Option(names = "--name", required = true)
        String name;

        @Option(names = "--role", required = true, description = "viewer, editor, publisher or admin")
        String role;

        @Override
        public Integer call() {
            var err = spec.commandLine().getErr();
            UserName userName;
            Role r;
            try {
                userName = name(name);
                r = role(role);
            } catch (IllegalArgumentException e) {
                err.println("komek user role: " + e.getMessage());
                return Cli.BAD_INPUT;
            }
            try (var database = open(db)) {
                User u = new Accounts(database.jdbi()).setRole(userName, r, AuditLog.Signer.console());
                spec.commandLine()
                        .getOut()
                        .println(u.name() + " is now " + u.role().code());
                return 0;
            } catch (AccountException e) {
                err.println("komek user role: " + e.getMessage());
                return Cli.BAD_INPUT;
            }
        }
    }

    private static int setDisabled(CommandSpec spec, DbOptions db, String rawName, boolean disabled) {
        String command = "komek user " + (disabled ? "disable" : "enable") + ": ";
        UserName userName;
        try {
            userName = name(rawName);
        } catch (IllegalArgumentException e) {
            spec.commandLine().getErr().println(command + e.getMessage());
            return Cli.BAD_INPUT;
        }
        try (var database = open(db)) {
            var accounts = new Accounts(database.jdbi());
            User u = disabled
                    ? accounts.disable(userName, AuditLog.Signer.console())
                    : accounts.enable(userName, AuditLog.Signer.console());
            spec.commandLine().getOut().println((disabled ? "disabled " : "enabled ") + u.name());
            return 0;
        } catch (AccountException e) {
            spec.commandLine().getErr().println(command + e.getMessage());
            return Cli.BAD_INPUT;
        }
    }
}
