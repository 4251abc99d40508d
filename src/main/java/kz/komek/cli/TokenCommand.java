package kz.komek.cli;

import java.util.Optional;
import java.util.concurrent.Callable;
import kz.komek.admin.accounts.ApiToken;
import kz.komek.admin.audit.AuditLog;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
        name = "token",
        mixinStandardHelpOptions = true,
        description = "API tokens (Authorization: Bearer TOKEN): create, list, revoke.",
        subcommands = {TokenCommand.Create.class, TokenCommand.List.class, TokenCommand.Revoke.class})
final class TokenCommand implements Callable<Integer> {
    @Mixin
    Console console;

    @Override
    public Integer call() {
        return console.usage();
    }

    @Command(
            name = "create",
            mixinStandardHelpOptions = true,
            description = "Create a token for a user and print it; komek keeps only its hash, so copy it now.")
    static final class Create implements Callable<Integer> {
        @Mixin
        AccountsRun run;

        @Option(names = "--user", required = true, description = "Whose token: it acts with their role.")
        String user;

        @Option(names = "--name", defaultValue = "", description = "A label: what the token is for (e.g. ci).")
        String label;

        @Override
        public Integer call() {
            return run.act(() -> UserCommand.name(user, "--user"), (accounts, name) -> {
                var token = accounts.createToken(name, label, AuditLog.Signer.console());
                // the token alone on standard output, for TOKEN=$(komek token create …); the rest on stderr
                run.out().println(token.value());
                run.out().flush();
                run.err()
                        .println("token " + token.id() + " for " + token.user()
                                + (token.label().isEmpty() ? "" : " (" + token.label() + ")")
                                + ": shown once; komek keeps only its hash");
            });
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List tokens (never their values).")
    static final class List implements Callable<Integer> {
        @Mixin
        AccountsRun run;

        @Option(names = "--user", description = "Only this user's tokens.")
        String user;

        @Override
        public Integer call() {
            var out = run.out();
            return run.act(() -> Optional.ofNullable(user).map(u -> UserCommand.name(u, "--user")), (accounts, of) -> {
                out.printf(
                        "%-6s %-20s %-20s %-26s %-26s %s%n", "id", "user", "label", "created", "last used", "status");
                for (ApiToken t : accounts.tokens(of)) {
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
            });
        }
    }

    @Command(
            name = "revoke",
            mixinStandardHelpOptions = true,
            description = "Revoke a token: it stops working at once.")
    static final class Revoke implements Callable<Integer> {
        @Mixin
        AccountsRun run;

        @Option(names = "--id", required = true, description = "The token's id (see: token list).")
        long id;

        @Override
        public Integer call() {
            return run.act(accounts -> {
                accounts.revokeToken(id, AuditLog.Signer.console());
                run.out().println("revoked token " + id);
            });
        }
    }
}
