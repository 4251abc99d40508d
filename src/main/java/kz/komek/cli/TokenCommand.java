package kz.komek.cli;

import java.util.Optional;
import java.util.concurrent.Callable;
import kz.komek.admin.accounts.AccountException;
import kz.komek.admin.accounts.Accounts;
import kz.komek.admin.accounts.ApiToken;
import kz.komek.admin.accounts.UserName;
import kz.komek.admin.audit.AuditLog;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
        name = "token",
        mixinStandardHelpOptions = true,
        description = "API tokens (Authorization: Bearer TOKEN): create, list, revoke.",
        subcommands = {TokenCommand.Create.class, TokenCommand.List.class, TokenCommand.Revoke.class})
final class TokenCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return Cli.USAGE;
    }

    @Command(
            name = "create",
            mixinStandardHelpOptions = true,
            description = "Create a token for a user and print it; komek keeps only its hash, so copy it now.")
    static final class Create implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        DbOptions db;

        @Option(names = "--user", required = true, description = "Whose token: it acts with their role.")
        String user;

        @Option(names = "--name", defaultValue = "", description = "A label: what the token is for (e.g. ci).")
        String label;

        @Override
        public Integer call() {
            var err = spec.commandLine().getErr();
            UserName name;
            try {
                name = UserCommand.name(user);
            } catch (IllegalArgumentException e) {
                err.println("komek token create: " + e.getMessage());
                return Cli.BAD_INPUT;
            }
            try (var database = UserCommand.open(db)) {
                var token = new Accounts(database.jdbi()).createToken(name, label, AuditLog.Signer.console());
                // the token alone on standard output, for TOKEN=$(komek token create …); the rest on stderr
                spec.commandLine().getOut().println(token.value());
                spec.commandLine().getOut().flush();
                err.println("token " + token.id() + " for " + token.user()
                        + (token.label().isEmpty() ? "" : " (" + token.label() + ")")
                        + ": shown once; komek keeps only its hash");
                return 0;
            } catch (AccountException e) {
                err.println("komek token create: " + e.getMessage());
                return Cli.BAD_INPUT;
            }
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List tokens (never their values).")
    static final class List implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        DbOptions db;

        @Option(names = "--user", description = "Only this user's tokens.")
        String user;

        @Override
        public Integer call() {
            var out = spec.commandLine().getOut();
            Optional<UserName> of;
            try {
                of = Optional.ofNullable(user).map(UserCommand::name);
            } catch (IllegalArgumentException e) {
                spec.commandLine().getErr().println("komek token list: " + e.getMessage());
                return Cli.BAD_INPUT;
            }
            try (var database = UserCommand.open(db)) {
                out.printf(
                        "%-6s %-20s %-20s %-26s %-26s %s%n", "id", "user", "label", "created", "last used", "status");
                for (ApiToken t : new Accounts(database.jdbi()).tokens(of)) {
                    out.printf(
                            "%-6d %-20s %-20s %-26s %-26s %s%n",
                            t.id(),
                            t.user(),
                            t.label().isEmpty() ? "-" : t.label(),
                            t.created().withNano(0),
                            t.lastUsed().map(x -> x.withNano(0).toString()).orElse("never"),
                            t.revoked().map(x -> "revoked " + x.withNano(0)).orElse("active"));
                }
                out.flush();
                return 0;
            }
        }
    }

    @Command(
            name = "revoke",
            mixinStandardHelpOptions = true,
            description = "Revoke a token: it stops working at once.")
    static final class Revoke implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        DbOptions db;

        @Option(names = "--id", required = true, description = "The token's id (see: token list).")
        long id;

        @Override
        public Integer call() {
            try (var database = UserCommand.open(db)) {
                new Accounts(database.jdbi()).revokeToken(id, AuditLog.Signer.console());
                spec.commandLine().getOut().println("revoked token " + id);
                return 0;
            } catch (AccountException e) {
                spec.commandLine().getErr().println("komek token revoke: " + e.getMessage());
                return Cli.BAD_INPUT;
            }
        }
    }
}
