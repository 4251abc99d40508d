package kz.komek.progress;

import java.io.Console;
import java.io.PrintWriter;
import java.time.Duration;

/**
 * How far long work got, told to whoever waits for it: a count of items done, out of a total when known, in named
 * phases (an import is "checking", then "importing"). The work reports as often as it likes, from its one thread;
 * each kind of progress decides how often to show it.
 */
public interface Progress extends AutoCloseable {
    /** How often a plain line is said: often enough to see work move in a log, rarely enough not to flood it. */
    Duration EVERY = Duration.ofSeconds(5);

    /** Progress nobody watches. */
    Progress NONE = new Progress() {
        @Override
        public void phase(String name, long total, String unit) {}

        @Override
        public void at(long done) {}

        @Override
        public void close() {}
    };

    /**
     * Begins a phase of {@code total} items ({@code -1} when not known) counted in {@code unit} ("questions", "MB");
     * the previous one, if any, is over. An empty name is the work itself (an export has one phase).
     */
    void phase(String name, long total, String unit);

    /** {@code done} items of the current phase are done. */
    void at(long done);

    /** The work ended, done or failed: a bar is finished, the last line said. */
    @Override
    void close();

    /**
     * Progress of {@code task} ("import") for an operator: a bar on standard
     * error at a terminal, else (pipes, CI, logs) a plain line on {@code err} every {@link #EVERY}, so that standard
     * output stays the command's report.
     */
    static Progress forOperator(String task, PrintWriter err) {
        if (atTerminal()) {
            return new TerminalBar(task);
        }
        return ProgressLines.of(task, err::println);
    }

    /**
     * Whether a person watches: a console that is a terminal, not a dumb one. From JDK 22 {@link System#console()}
     * is there even when the streams are redirected, and {@code Console.isTerminal()} (not in 17, hence found by
     * name) says whether it is one.
     */
    private static boolean atTerminal() {
        Console console = System.console();
        if (console == null || "dumb".equals(System.getenv("TERM"))) {
            return false;
        }
        try {
            return (Boolean) Console.class.getMethod("isTerminal").invoke(console);
        } catch (NoSuchMethodException e) {
            return true; // JDK 17 to 21: a console is a terminal
        } catch (ReflectiveOperationException e) {
            return false;
        }
    }
}
