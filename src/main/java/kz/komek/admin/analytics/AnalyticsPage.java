package kz.komek.admin.analytics;

import java.util.List;
import java.util.Optional;
import kz.komek.admin.AdminFrame;
import kz.komek.admin.FramedPage;

/**
 * Model of {@code admin/analytics.jte}: the choice of site, language and period, then one section per figure with its
 * charts, its table and its CSV link.
 *
 * @param range the period's first and last day in words
 */
public record AnalyticsPage(
        AdminFrame frame,
        List<Option> sites,
        List<Option> locales,
        List<Option> periods,
        String range,
        List<Section> sections)
        implements FramedPage {

    /** The page's own texts by key, in its language (the texts live in the package's AnalyticsText). */
    public String label(String key) {
        AnalyticsText t = switch (key) {
            case "intro" -> AnalyticsText.INTRO;
            case "site" -> AnalyticsText.SITE;
            case "locale" -> AnalyticsText.LANGUAGE;
            case "days" -> AnalyticsText.PERIOD;
            case "choose" -> AnalyticsText.CHOOSE;
            case "chart-note" -> AnalyticsText.CHART_NOTE;
            case "table" -> AnalyticsText.TABLE;
            case "empty" -> AnalyticsText.EMPTY;
            default -> throw new IllegalArgumentException("no analytics text " + key);
        };
        return t.in(frame.locale());
    }

    /** A choice of the form's lists. */
    public record Option(String value, String label, boolean selected) {}

    /**
     * One figure.
     *
     * @param id the figure's key, the section's anchor
     * @param notes what the figure counts, in a sentence or two
     * @param charts drawn from the table's figures; empty for a list
     */
    public record Section(
            String id,
            String heading,
            List<String> notes,
            List<Chart> charts,
            Grid table,
            String csvHref,
            String csvLabel) {
        public String headingId() {
            return "analytics-" + id;
        }

        public boolean hasCharts() {
            return !charts.isEmpty();
        }
    }

    /** A table as shown: headings, then rows of cells. */
    public record Grid(List<Heading> headings, List<List<Cell>> rows) {}

    public record Heading(String text, boolean numeric) {}

    /**
     * A cell's text as in the CSV file; {@code href} makes it a link, whose {@code linkLabel} says where it leads
     * (it starts with the text).
     */
    public record Cell(String text, boolean numeric, Optional<String> href, Optional<String> linkLabel) {}
}
