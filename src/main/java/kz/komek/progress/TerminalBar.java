package kz.komek.progress;

import java.text.DecimalFormat;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * Progress as a bar on standard error, for a person at a terminal: count, percentage, rate and time left, redrawn
 * in place (by the library's own thread, five times a second). One bar per phase; each stays on screen when done.
 */
final class TerminalBar implements Progress {
    private final String task;
    private ProgressBar bar;

    TerminalBar(String task) {
        this.task = task;
    }

    @Override
    public void phase(String name, long total, String unit) {
        close();
        bar = new ProgressBarBuilder()
                .setTaskName(name.isEmpty() ? task : task + ": " + name)
                .setInitialMax(total)
                .setStyle(ProgressBarStyle.ASCII)
                .setUnit(" " + unit, 1)
                .showSpeed(new DecimalFormat("#,##0"))
                .setUpdateIntervalMillis(200)
                .setConsumer(new ConsoleProgressBarConsumer(System.err))
                .build();
    }

    @Override
    public void at(long done) {
        if (bar != null) {
            bar.stepTo(done);
        }
    }

    @Override
    public void close() {
        if (bar != null) {
            bar.close();
            bar = null;
        }
    }
}
