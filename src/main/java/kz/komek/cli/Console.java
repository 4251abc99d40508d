package kz.komek.cli;

import java.io.PrintWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * A command's side of the terminal, mixed into each command: its output and error streams, and the two endings
 * every command shares (a refusal said after the command's name, a group called without a subcommand).
 */
@Command // picocli takes only annotated classes as mixins; this one adds no option of its own
final class Console {
    @Spec(Spec.Target.MIXEE)
    CommandSpec spec;

    Console() {} // as a mixin: picocli sets the spec

    Console(CommandSpec spec) {
        this.spec = spec;
    }

    PrintWriter out() {
        return spec.commandLine().getOut();
    }

    PrintWriter err() {
        return spec.commandLine().getErr();
    }

    /** "komek user add: why" on standard error; exits with {@link Cli#BAD_INPUT}. */
    int refused(String why) {
        err().println(spec.qualifiedName() + ": " + why);
        return Cli.BAD_INPUT;
    }

    /** A group of subcommands called alone: its usage on standard error, exit {@link Cli#USAGE}. */
    int usage() {
        spec.commandLine().usage(err());
        return Cli.USAGE;
    }
}
