package kz.komek.admin.analytics;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import kz.komek.admin.AdminFrame;
import kz.komek.admin.AdminKit;
import kz.komek.admin.AdminText;
import kz.komek.admin.Principal;
import kz.komek.admin.Role;
import kz.komek.http.NotFoundException;
import kz.komek.i18n.Locale;

/**
 * {@code GET /admin/analytics?site=&locale=&days=}: every figure of a site, language and period, charts drawn on the
 * server beside their tables; {@code GET /admin/analytics/{figure}.csv} with the same parameters: one table as CSV.
 * Viewers and up.
 */
public final class AnalyticsPages {
    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("dd.MM.yyyy");

    private final AdminKit kit;
    private final AnalyticsStore store;
    private final Clock clock;

    AnalyticsPages(AdminKit kit, AnalyticsStore store, Clock clock) {
        this.kit = kit;
        this.store = store;
        this.clock = clock;
    }

    public void page(Context ctx) {
        Principal p = kit.access().require(ctx, Role.VIEWER);
        AdminFrame frame = AdminFrame.of(ctx, kit.access(), p, "analytics", AdminText.ANALYTICS_TITLE);
        Locale ui = frame.locale();
        List<String> sites = store.sites();
        Period period = period(ctx, sites, ui);
        var tables = new EnumMap<Figure, Table>(Figure.class);
        for (Figure f : Figure.values()) {
            tables.put(f, store.read(f, period));
        }
        var sections = new ArrayList<AnalyticsPage.Section>();
        for (Figure f : Figure.values()) {
            sections.add(section(f, tables, period, frame));
        }
        var siteOptions = sites.stream()
                .map(s -> new AnalyticsPage.Option(s, s, s.equals(period.site())))
                .toList();
        var locales = List.of(
                new AnalyticsPage.Option("ru", AnalyticsText.RU.in(ui), period.locale() == Locale.RU),
                new AnalyticsPage.Option("kz", AnalyticsText.KZ.in(ui), period.locale() == Locale.KZ));
        var periods = Period.DAYS.stream()
                .map(d -> new AnalyticsPage.Option(
                        Integer.toString(d), AnalyticsText.DAYS.format(ui, d), d == period.days()))
                .toList();
        String range = AnalyticsText.RANGE.format(ui, SHOWN.format(period.from()), SHOWN.format(period.to()));
        kit.render(
                ctx,
                HttpStatus.OK,
                "admin/analytics.jte",
                new AnalyticsPage(frame, siteOptions, locales, periods, range, sections));
    }

    /** {@code /admin/analytics/votes.csv?site=&locale=&days=}. */
    public void csv(Context ctx) {
        kit.access().require(ctx, Role.VIEWER);
        String file = ctx.pathParam("file");
        Figure figure = Optional.of(file)
                .filter(f -> f.endsWith(".csv"))
                .flatMap(f -> Figure.parse(f.substring(0, f.length() - 4)))
                .orElseThrow(() -> new NotFoundException("no analytics table " + file));
        Period period = period(ctx, store.sites(), Locale.DEFAULT);
        String name = "komek-" + figure.key() + "-" + period.site() + "-"
                + period.locale().code() + "-" + period.days() + "d.csv";
        ctx.header("Content-Disposition", "attachment; filename=\"" + name.replaceAll("[^A-Za-z0-9._-]", "_") + "\"");
        ctx.header("Cache-Control", "no-store");
        ctx.contentType("text/csv; charset=utf-8");
        ctx.result(Csv.of(store.read(figure, period)));
    }

    private Period period(Context ctx, List<String> sites, Locale defaultLocale) {
        return Period.parse(
                Optional.ofNullable(ctx.queryParam("site")),
                Optional.ofNullable(ctx.queryParam("locale")),
                Optional.ofNullable(ctx.queryParam("days")),
                sites,
                defaultLocale,
                LocalDate.now(clock));
    }

    private AnalyticsPage.Section section(Figure f, Map<Figure, Table> tables, Period period, AdminFrame frame) {
        Locale ui = frame.locale();
        Table t = tables.get(f);
        String heading = AnalyticsText.heading(f).in(ui);
        var notes = new ArrayList<String>();
        var charts = new ArrayList<Chart>();
        List<String> days = f.columns().get(0).equals("day")
                ? t.rows().stream().map(r -> (String) r.get(0)).toList()
                : List.of();
        switch (f) {
            case VIEWS -> {
                notes.add(AnalyticsText.VIEWS_NOTE.in(ui));
                charts.add(Chart.stacked(
                        "chart-views", heading, days, List.of(series(t, "views", AnalyticsText.COL_VIEWS, ui))));
            }
            case VOTES -> {
                notes.add(AnalyticsText.VOTES_NOTE.in(ui));
                charts.add(Chart.stacked(
                        "chart-votes",
                        heading,
                        days,
                        List.of(
                                series(t, "useful", AnalyticsText.COL_USEFUL, ui),
                                series(t, "not_useful", AnalyticsText.COL_NOT_USEFUL, ui))));
                charts.add(Chart.percentLine(
                        "chart-usefulness",
                        AnalyticsText.TREND.in(ui),
                        days,
                        t.rows().stream()
                                .map(r -> share(t.cell(r, "useful_percent")))
                                .toList()));
            }
            case REASONS ->
                charts.add(Chart.stacked(
                        "chart-reasons",
                        heading,
                        days,
                        List.of(
                                series(t, "no_answer", AnalyticsText.COL_NO_ANSWER, ui),
                                series(t, "unclear", AnalyticsText.COL_UNCLEAR, ui),
                                series(t, "outdated", AnalyticsText.COL_OUTDATED, ui),
                                series(t, "other", AnalyticsText.COL_OTHER, ui))));
            case TOP, BOTTOM -> notes.add(AnalyticsText.WILSON.format(ui, AnalyticsStore.MIN_VOTES));
            case ZERO_RESULTS -> notes.add(AnalyticsText.ZERO_RESULTS_NOTE.in(ui));
            case UNOPENED -> notes.add(AnalyticsText.UNOPENED_NOTE.in(ui));
            case DEFLECTION -> {
                notes.add(AnalyticsText.DEFLECTION_NOTE.in(ui));
                long messages = t.rows().stream()
                        .mapToLong(r -> t.number(r, "messages"))
                        .sum();
                long chat =
                        t.rows().stream().mapToLong(r -> t.number(r, "chat")).sum();
                BigDecimal rate = AnalyticsStore.percent(messages - Math.min(chat, messages), messages);
                notes.add(AnalyticsText.DEFLECTION_TOTAL.format(ui, messages, chat, rate == null ? "—" : rate));
                charts.add(Chart.percentLine(
                        "chart-deflection",
                        AnalyticsText.COL_DEFLECTION_PERCENT.in(ui),
                        days,
                        t.rows().stream()
                                .map(r -> share(t.cell(r, "deflection_percent")))
                                .toList()));
            }
            case NEVER_VIEWED -> notes.add(AnalyticsText.NEVER_VIEWED_NOTE.in(ui));
            default -> {}
        }
        return new AnalyticsPage.Section(
                f.key(),
                heading,
                notes,
                charts,
                grid(t, period, frame),
                frame.href("/admin/analytics/" + f.key() + ".csv?" + period.query()),
                AnalyticsText.CSV_OF.format(ui, heading));
    }

    private static Chart.Series series(Table t, String column, AnalyticsText label, Locale ui) {
        return new Chart.Series(
                label.in(ui), t.rows().stream().map(r -> t.number(r, column)).toList());
    }

    private static Optional<Double> share(Object cell) {
        return cell instanceof BigDecimal d ? Optional.of(d.doubleValue()) : Optional.empty();
    }

    private static AnalyticsPage.Grid grid(Table t, Period period, AdminFrame frame) {
        Locale ui = frame.locale();
        List<String> columns = t.figure().columns();
        var headings = new ArrayList<AnalyticsPage.Heading>();
        for (String c : columns) {
            headings.add(new AnalyticsPage.Heading(AnalyticsText.column(c).in(ui), numeric(c)));
        }
        boolean editor = frame.principal().may(Role.EDITOR);
        var rows = new ArrayList<List<AnalyticsPage.Cell>>();
        for (List<Object> row : t.rows()) {
            var cells = new ArrayList<AnalyticsPage.Cell>();
            for (int i = 0; i < columns.size(); i++) {
                String c = columns.get(i);
                String text = Table.text(row.get(i));
                Optional<String> href = Optional.empty();
                Optional<String> label = Optional.empty();
                if (c.equals("question")) {
                    href = Optional.of(frame.href("/admin/questions/" + text));
                } else if (c.equals("query") && t.figure() == Figure.ZERO_RESULTS && editor) {
                    // an editor starts the missing question from what readers typed
                    href = Optional.of(frame.href("/admin/questions/new?locale="
                            + period.locale().code() + "&title=" + URLEncoder.encode(text, StandardCharsets.UTF_8)));
                    label = Optional.of(text + " — " + AnalyticsText.NEW_QUESTION.in(ui));
                }
                cells.add(new AnalyticsPage.Cell(text, numeric(c), href, label));
            }
            rows.add(cells);
        }
        return new AnalyticsPage.Grid(headings, rows);
    }

    private static boolean numeric(String column) {
        return !List.of("day", "at", "title", "reason", "comment", "query", "message", "suggested")
                .contains(column);
    }
}
