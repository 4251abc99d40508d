package kz.komek.cli;

import java.io.InputStream;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code java -jar komek.jar <command>}: the operator's interface. Exit codes are documented in the README. */
@Command(
        name = "komek",
        mixinStandardHelpOptions = true,
        versionProvider = Cli.Version.class,
        description = "A self-hosted help center for Kazakh- and Russian-speaking users.",
        subcommands = {
            ServeCommand.class,
            ImportCommand.class,
            ExportCommand.class,
            LintCommand.class,
            SearchEvalCommand.class,
            GenerateCommand.class,
            UserCommand.class,
            TokenCommand.class,
            BackupCommand.class,
            RestoreCommand.class
        })
public final class Cli {
    /** Bad input (a bundle or payload that cannot be imported, an unreadable file). */
    public static final int BAD_INPUT = 1;
    /** Wrong usage (unknown flag, missing argument); picocli's own code. */
    public static final int USAGE = 2;
    /** The database could not be reached, started or migrated. */
    public static final int STORAGE = 3;

    public static int run(String... args) {
        return run(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args);
    }

    /** Standard input: where {@code user add} reads the password. */
    private final InputStream in;

    private Cli(InputStream in) {
        this.in = in;
    }

    InputStream in() {
        return in;
    }

    public static int run(PrintWriter out, PrintWriter err, String... args) {
        return run(System.in, out, err, args);
    }

    public static int run(InputStream in, PrintWriter out, PrintWriter err, String... args) {
        var cl = new CommandLine(new Cli(in));
        cl.setOut(out);
        cl.setErr(err);
        cl.setExecutionExceptionHandler((e, cmd, parsed) -> {
            cmd.getErr().println("komek: " + e.getMessage());
            return e instanceof kz.komek.storage.Database.StorageException ? STORAGE : BAD_INPUT;
        });
        if (args.length == 0) {
            cl.usage(out);
            return USAGE;
        }
        return cl.execute(args);
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = Cli.class.getPackage().getImplementationVersion();
            return new String[] {"komek " + (v == null ? "dev" : v)};
        }
    }
}
