package kz.komek.admin.analytics;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A chart drawn on the server as SVG ({@code admin/analytics/chart.jte}): bars stacked per day, or a line of shares,
 * laid out here in the SVG's own units so the template only writes elements. It scales with the page (a viewBox,
 * no fixed width); the figures themselves are in the table beside it.
 *
 * @param title what the chart shows, its accessible name
 */
public record Chart(
        String id,
        String title,
        List<Bar> bars,
        List<Path> lines,
        List<Dot> dots,
        List<Tick> yTicks,
        List<Tick> xTicks,
        List<Legend> legend) {
    static final int WIDTH = 640;
    static final int HEIGHT = 220;
    static final int LEFT = 44;
    static final int RIGHT = 8;
    static final int TOP = 8;
    static final int BOTTOM = 28;

    /** The colours of series, in order: each at least 3:1 against white (WCAG 1.4.11). */
    static final List<String> COLOURS = List.of("#1f5fa8", "#b4441b", "#6b3fa0", "#3f6b12");

    public record Bar(String x, String y, String width, String height, String colour, String label) {}

    public record Path(String points, String colour) {}

    public record Dot(String x, String y, String colour, String label) {}

    public record Tick(String x, String y, String label) {}

    public record Legend(String colour, String label) {}

    /** A named series of values, one a day. */
    record Series(String label, List<Long> values) {}

    public int width() {
        return WIDTH;
    }

    public int height() {
        return HEIGHT;
    }

    /** The left edge of the plot and where the baseline is. */
    public String axisX() {
        return n(LEFT);
    }

    public String axisY() {
        return n(HEIGHT - BOTTOM);
    }

    public String axisRight() {
        return n(WIDTH - RIGHT);
    }

    private static double plotWidth() {
        return WIDTH - LEFT - RIGHT;
    }

    private static double plotHeight() {
        return HEIGHT - TOP - BOTTOM;
    }

    /** Bars of {@code series} stacked per day. */
    static Chart stacked(String id, String title, List<String> days, List<Series> series) {
        long max = 0;
        for (int d = 0; d < days.size(); d++) {
            long sum = 0;
            for (Series s : series) {
                sum += s.values().get(d);
            }
            max = Math.max(max, sum);
        }
        long top = niceTop(max);
        double slot = plotWidth() / Math.max(1, days.size());
        double barWidth = Math.max(1, slot * 0.75);
        var bars = new ArrayList<Bar>();
        for (int d = 0; d < days.size(); d++) {
            double base = HEIGHT - BOTTOM;
            for (int i = 0; i < series.size(); i++) {
                long v = series.get(i).values().get(d);
                if (v == 0) {
                    continue;
                }
                double h = v * plotHeight() / top;
                base -= h;
                bars.add(new Bar(
                        n(LEFT + d * slot + (slot - barWidth) / 2),
                        n(base),
                        n(barWidth),
                        n(h),
                        COLOURS.get(i % COLOURS.size()),
                        days.get(d) + ": " + series.get(i).label() + " " + v));
            }
        }
        var legend = new ArrayList<Legend>();
        for (int i = 0; i < series.size(); i++) {
            legend.add(new Legend(COLOURS.get(i % COLOURS.size()), series.get(i).label()));
        }
        return new Chart(
                id,
                title,
                bars,
                List.of(),
                List.of(),
                yTicks(top, ""),
                xTicks(days),
                series.size() > 1 ? legend : List.of());
    }

    /** A line of shares in percent (0–100) per day; a day without a share breaks the line. */
    static Chart percentLine(String id, String title, List<String> days, List<Optional<Double>> shares) {
        double slot = plotWidth() / Math.max(1, days.size());
        var lines = new ArrayList<Path>();
        var dots = new ArrayList<Dot>();
        var points = new StringBuilder();
        String colour = COLOURS.get(0);
        for (int d = 0; d < days.size(); d++) {
            Optional<Double> share = shares.get(d);
            if (share.isEmpty()) {
                if (points.length() > 0) {
                    lines.add(new Path(points.toString().strip(), colour));
                    points.setLength(0);
                }
                continue;
            }
            double x = LEFT + d * slot + slot / 2;
            double y = HEIGHT - BOTTOM - share.get() * plotHeight() / 100;
            points.append(n(x)).append(',').append(n(y)).append(' ');
            dots.add(new Dot(n(x), n(y), colour, days.get(d) + ": " + n(share.get()) + " %"));
        }
        if (points.length() > 0) {
            lines.add(new Path(points.toString().strip(), colour));
        }
        return new Chart(id, title, List.of(), lines, dots, yTicks(100, " %"), xTicks(days), List.of());
    }

    /** 1, 2 or 5 times a power of ten, at least {@code max} (and at least 1). */
    static long niceTop(long max) {
        long step = 1;
        while (true) {
            for (long f : new long[] {1, 2, 5}) {
                if (f * step >= max) {
                    return f * step;
                }
            }
            step *= 10;
        }
    }

    private static List<Tick> yTicks(long top, String unit) {
        var ticks = new ArrayList<Tick>();
        for (int i = 0; i <= 2; i++) {
            long v = top * i / 2;
            if (i == 1 && top * i % 2 != 0) {
                continue; // no half of an odd top: bars count whole things
            }
            ticks.add(new Tick(n(LEFT - 4), n(HEIGHT - BOTTOM - v * plotHeight() / top), v + unit));
        }
        return ticks;
    }

    /** The first and last day, and a few between: labels that fit a phone. */
    private static List<Tick> xTicks(List<String> days) {
        var ticks = new ArrayList<Tick>();
        if (days.isEmpty()) {
            return ticks;
        }
        double slot = plotWidth() / days.size();
        int every = Math.max(1, (days.size() + 3) / 4);
        for (int d = 0; d < days.size(); d += every) {
            ticks.add(new Tick(
                    n(LEFT + d * slot + slot / 2), n(HEIGHT - 6), days.get(d).substring(5)));
        }
        return ticks;
    }

    /** A coordinate with at most one decimal, the same in every locale. */
    static String n(double v) {
        String s = String.format(Locale.ROOT, "%.1f", v);
        return s.endsWith(".0") ? s.substring(0, s.length() - 2) : s;
    }
}
