package kz.komek.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import kz.komek.admin.Role;
import kz.komek.admin.accounts.Password;
import kz.komek.admin.accounts.User;
import kz.komek.admin.accounts.UserName;
import kz.komek.admin.audit.AuditLog;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

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

    @Mixin
    Console console;

    @Override
    public Integer call() {
        return console.usage();
    }

    /** The user named by {@code --name} (or {@code --user}: {@code option}); a bad one is refused naming the option. */
    static UserName name(String raw) {
        return name(raw, "--name");
    }

    static UserName name(String raw, String option) {
        try {
            return new UserName(raw == null ? "" : raw.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(option + ": " + e.getMessage(), e);
        }
    }

    @Command(
            name = "add",
            mixinStandardHelpOptions = true,
            description = "Add a user; the password is the first line of standard input "
                    + "(or typed twice at a terminal), at least " + Password.MIN_LENGTH + " characters.")
    static final class Add implements Callable<Integer> {
        @ParentCommand
        UserCommand parent;

        @Mixin
        AccountsRun run;

        @Option(names = "--name", required = true, description = "Sign-in name: Latin letters, digits, . _ -")
        String name;

        @Option(names = "--role", required = true, description = "viewer, editor, publisher or admin")
        String role;

        @Override
        public Integer call() {
            record Input(UserName name, Role role, Password password) {}
            return run.act(
                    () -> new Input(
                            name(name),
                            role(role),
                            new Password(readPassword(parent.cli, name, "user add --name " + name + " --role " + role))
                                    .notNameOf(name(name))),
                    (accounts, in) -> {
                        User user = accounts.addUser(in.name(), in.role(), in.password(), AuditLog.Signer.console());
                        run.out()
                                .println("added user " + user.name() + " ("
                                        + user.role().code() + ")");
                    });
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
        @Mixin
        AccountsRun run;

        @Override
        public Integer call() {
            var out = run.out();
            return run.act(accounts -> {
                out.printf("%-6s %-24s %-10s %-26s %s%n", "id", "name", "role", "created", "status");
                for (User u : accounts.users()) {
                    out.printf(
                            "%-6d %-24s %-10s %-26s %s%n",
                            u.id(),
                            u.name(),
                            u.role().code(),
                            u.created().withNano(0),
                            u.disabled() ? "disabled" : "active");
                }
                out.flush();
            });
        }
    }

    /** {@code disable} and {@code enable}: one command in two directions. */
    abstract static class Switch implements Callable<Integer> {
        @Mixin
        AccountsRun run;

        @Option(names = "--name", required = true)
        String name;

        private final boolean disable;

        Switch(boolean disable) {
            this.disable = disable;
        }

        @Override
        public Integer call() {
            return run.act(() -> name(name), (accounts, user) -> {
                User u = disable
                        ? accounts.disable(user, AuditLog.Signer.console())
                        : accounts.enable(user, AuditLog.Signer.console());
                run.out().println((disable ? "disabled " : "enabled ") + u.name());
            });
        }
    }

    @Command(
            name = "disable",
            mixinStandardHelpOptions = true,
            description = "Disable a user: their sessions end at once and their API tokens stop working.")
    static final class Disable extends Switch {
        Disable() {
            super(true);
        }
    }

    @Command(name = "enable", mixinStandardHelpOptions = true, description = "Enable a disabled user again.")
    static final class Enable extends Switch {
        Enable() {
            super(false);
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

        @Mixin
        AccountsRun run;

        @Option(names = "--name", required = true)
        String name;

        @Override
        public Integer call() {
            record Input(UserName name, Password password) {}
            return run.act(
                    () -> new Input(
                            name(name),
                            new Password(readPassword(parent.cli, name, "user password --name " + name))
                                    .notNameOf(name(name))),
                    (accounts, in) -> {
                        User u = accounts.setPassword(in.name(), in.password(), AuditLog.Signer.console());
                        run.out().println("password of " + u.name() + " set; their sessions ended");
                    });
        }
    }

    @Command(
            name = "role",
            mixinStandardHelpOptions = true,
            description = "Give a user another role; it holds from their next request.")
    static final class SetRole implements Callable<Integer> {
        @Mixin
        AccountsRun run;

        @Option(names = "--name", required = true)
        String name;

        @Option(names = "--role", required = true, description = "viewer, editor, publisher or admin")
        String role;

        @Override
        public Integer call() {
            record Input(UserName name, Role role) {}
            return run.act(() -> new Input(name(name), role(role)), (accounts, in) -> {
                User u = accounts.setRole(in.name(), in.role(), AuditLog.Signer.console());
                run.out().println(u.name() + " is now " + u.role().code());
            });
        }
    }
}
