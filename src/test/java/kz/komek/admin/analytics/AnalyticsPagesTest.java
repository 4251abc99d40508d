package kz.komek.admin.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import kz.komek.admin.accounts.AdminCookies;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The analytics page, its CSV files and the API say the same: every table of the page equals its CSV file (but for
 * the apostrophe that keeps a formula from running) and the API's rows. Who may read them, what a bad parameter
 * gets, and the zero-result search that starts a new question.
 */
class AnalyticsPagesTest {
    private static AnalyticsScene scene;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PERIOD = "site=client&locale=ru&days=30";

    @BeforeAll
    static void readersCome() {
        scene = AnalyticsScene.build();
    }

    @AfterAll
    static void close() {
        if (scene != null) {
            scene.close();
        }
    }

    private static Document page(String query) {
        var r = scene.http.withSession("/admin/analytics?" + query, scene.viewer);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return Jsoup.parse(r.body(), scene.app.url("/admin/analytics"));
    }

    private static List<List<String>> htmlRows(Document doc, String figure) {
        var rows = new ArrayList<List<String>>();
        Element table = doc.selectFirst("table.analytics-table[data-figure=" + figure + "]");
        if (table == null) {
            assertThat(doc.selectFirst("section[data-figure=" + figure + "] .analytics-empty"))
                    .as("an empty figure says so")
                    .isNotNull();
            return rows;
        }
        for (Element tr : table.select("tbody tr")) {
            rows.add(tr.select("td").stream().map(Element::text).toList());
        }
        return rows;
    }

    /** Parses RFC 4180 CSV: quoted cells may hold commas, quotes (doubled) and line breaks. */
    static List<List<String>> parseCsv(String csv) {
        var rows = new ArrayList<List<String>>();
        var row = new ArrayList<String>();
        var cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < csv.length(); i++) {
            char c = csv.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < csv.length() && csv.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cell.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                row.add(cell.toString());
                cell.setLength(0);
            } else if (c == '\r' && i + 1 < csv.length() && csv.charAt(i + 1) == '\n') {
                row.add(cell.toString());
                cell.setLength(0);
                rows.add(row);
                row = new ArrayList<>();
                i++;
            } else {
                cell.append(c);
            }
        }
        assertThat(cell).as("the file ends with CRLF").isEmpty();
        return rows;
    }

    private static List<List<String>> csv(String figure) {
        var r = scene.http.withSession("/admin/analytics/" + figure + ".csv?" + PERIOD, scene.viewer);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("text/csv"));
        assertThat(r.headers().firstValue("Content-Disposition"))
                .contains("attachment; filename=\"komek-" + figure + "-client-ru-30d.csv\"");
        return parseCsv(r.body());
    }

    @Test
    void everyTableOfThePageIsItsCsvFileAndTheApisRows() throws Exception {
        Document doc = page(PERIOD);
        for (Figure f : Figure.values()) {
            List<List<String>> html = htmlRows(doc, f.key());
            List<List<String>> file = csv(f.key());
            assertThat(file.get(0)).as(f.key() + " header").isEqualTo(f.columns());
            List<List<String>> data = file.subList(1, file.size());
            assertThat(data.stream().map(AnalyticsPagesTest::unguarded).toList())
                    .as(f.key() + ": CSV = HTML")
                    .isEqualTo(html);
            JsonNode api = JSON.readTree(scene.api(f.key(), PERIOD).body()).get("rows");
            var fromApi = new ArrayList<List<String>>();
            for (JsonNode row : api) {
                var cells = new ArrayList<String>();
                for (String c : f.columns()) {
                    JsonNode v = row.get(c);
                    cells.add(
                            v.isNull()
                                    ? ""
                                    : v.isBigDecimal() || v.isDouble()
                                            ? v.decimalValue().toPlainString()
                                            : v.asText());
                }
                fromApi.add(cells);
            }
            assertThat(fromApi.size()).as(f.key() + ": API = CSV").isEqualTo(data.size());
            for (int i = 0; i < data.size(); i++) {
                for (int j = 0; j < f.columns().size(); j++) {
                    String a = fromApi.get(i).get(j);
                    String b = unguarded(data.get(i)).get(j);
                    if (!a.equals(b)) {
                        // numbers: 0.80 in the file is 0.8 in JSON
                        assertThat(new java.math.BigDecimal(a)).as(f.key()).isEqualByComparingTo(b);
                    }
                }
            }
        }
        assertThat(htmlRows(doc, "views")).hasSize(30);
        assertThat(htmlRows(doc, "comments")).isNotEmpty();
    }

    /** A CSV row without the apostrophes the file puts before what would be a formula. */
    private static List<String> unguarded(List<String> row) {
        return row.stream()
                .map(c ->
                        c.length() > 1 && c.charAt(0) == '\'' && "=+-@".indexOf(c.charAt(1)) >= 0 ? c.substring(1) : c)
                .toList();
    }

    @Test
    void aCellThatLooksLikeAFormulaIsGuardedInTheFile() {
        var comments = csv("comments");
        assertThat(comments.stream().map(r -> r.get(4))).contains("'=HYPERLINK(\"http://x\")");
        assertThat(csv("zero-results").stream().map(r -> r.get(0))).contains("'=1+2");
        assertThat(csv("chats").stream().map(r -> r.get(1))).contains("'-1 бонус, почему?");
        assertThat(Csv.cell("@SUM(A1)")).isEqualTo("'@SUM(A1)");
        assertThat(Csv.cell("+7 701")).isEqualTo("'+7 701");
        assertThat(Csv.cell("a,\"b\"")).isEqualTo("\"a,\"\"b\"\"\"");
        assertThat(Csv.cell("12")).isEqualTo("12");
    }

    @Test
    void chartsAreSvgDrawnOnTheServerEachWithItsTable() {
        Document doc = page(PERIOD);
        assertThat(doc.select("script[src*=chart], script:containsData(chart)")).isEmpty();
        for (String id :
                List.of("chart-views", "chart-votes", "chart-usefulness", "chart-reasons", "chart-deflection")) {
            Element svg = doc.selectFirst("svg:has(title#" + id + "-title)");
            assertThat(svg).as(id).isNotNull();
            assertThat(svg.attr("role")).isEqualTo("img");
            assertThat(svg.attr("aria-labelledby")).isEqualTo(id + "-title " + id + "-desc");
            assertThat(svg.closest("section").select("table.analytics-table"))
                    .as(id)
                    .hasSize(1);
        }
        // a bar per day with views, named by its day and count
        assertThat(doc.select("svg:has(title#chart-views-title) rect title").eachText())
                .containsExactly(scene.today.minusDays(8) + ": Просмотры 5", scene.today + ": Просмотры 3");
        assertThat(doc.select("section[data-figure=top] .admin-note").text()).contains("Уилсона", "5 оценок");
    }

    @Test
    void theFormKeepsWhatWasChosen() {
        Document doc = page("site=partner&locale=kz&days=7&lang=kz");
        assertThat(doc.select("select[name=site] option[selected]").val()).isEqualTo("partner");
        assertThat(doc.select("select[name=locale] option[selected]").val()).isEqualTo("kz");
        assertThat(doc.select("select[name=days] option[selected]").val()).isEqualTo("7");
        assertThat(doc.select("h1").text()).isEqualTo("Аналитика");
        assertThat(doc.select("section[data-figure=views] .analytics-csv a").attr("href"))
                .isEqualTo("/admin/analytics/views.csv?site=partner&locale=kz&days=7&lang=kz");
        assertThat(doc.select("nav.admin-menu a[aria-current=page]").attr("href"))
                .startsWith("/admin/analytics");
    }

    @Test
    void aZeroResultSearchStartsAQuestionWithItsWords() {
        var editorPage = scene.http.withSession("/admin/analytics?" + PERIOD, scene.editor);
        Document doc = Jsoup.parse(editorPage.body(), scene.app.url("/"));
        Element link = doc.selectFirst("table[data-figure=zero-results] a:contains(чебурашка апельсин)");
        assertThat(link).isNotNull();
        assertThat(link.attr("aria-label")).startsWith("чебурашка апельсин");
        var form = scene.http.withSession(link.attr("href"), scene.editor);
        assertThat(form.statusCode()).isEqualTo(200);
        Document editor = Jsoup.parse(form.body());
        assertThat(editor.select("[name=ru.title]").val()).isEqualTo("чебурашка апельсин");
        assertThat(editor.select("[name=kz.title]").val()).isEmpty();
        // escaped, never markup
        var hostile = scene.http.withSession(
                "/admin/questions/new?locale=kz&title=" + AnalyticsScene.enc("<script>alert(1)</script>"),
                scene.editor);
        assertThat(hostile.body()).doesNotContain("<script>alert(1)</script>");
        assertThat(Jsoup.parse(hostile.body()).select("[name=kz.title]").val()).isEqualTo("<script>alert(1)</script>");
        // a viewer cannot start a question: no link
        assertThat(page(PERIOD).select("table[data-figure=zero-results] a")).isEmpty();
    }

    @Test
    void badParametersAre400() throws Exception {
        for (String q : List.of(
                "site=client&locale=ru&days=8",
                "site=client&locale=en&days=7",
                "site=nowhere&locale=ru&days=7",
                "site=client&days=seven")) {
            var r = scene.api("votes", q);
            assertThat(r.statusCode()).as(q).isEqualTo(400);
            assertThat(JSON.readTree(r.body()).get("error").asText()).as(q).isNotBlank();
            assertThat(scene.http
                            .withSession("/admin/analytics?" + q, scene.viewer)
                            .statusCode())
                    .as(q)
                    .isEqualTo(400);
            assertThat(scene.http
                            .withSession("/admin/analytics/votes.csv?" + q, scene.viewer)
                            .statusCode())
                    .as(q)
                    .isEqualTo(400);
        }
        var unknown = scene.api("nothing", PERIOD);
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(JSON.readTree(unknown.body()).get("error").asText()).contains("views");
        assertThat(scene.http
                        .withSession("/admin/analytics/votes.json", scene.viewer)
                        .statusCode())
                .isEqualTo(404);
        // defaults: the first site, Russian, 30 days
        var defaults = JSON.readTree(scene.api("views", "").body());
        assertThat(defaults.get("site").asText()).isEqualTo("client");
        assertThat(defaults.get("locale").asText()).isEqualTo("ru");
        assertThat(defaults.get("days").asInt()).isEqualTo(30);
    }

    @Test
    void aHelpCenterWithoutSitesShowsEmptyFigures() {
        try (var empty = kz.komek.testing.TestApp.empty()) {
            var http = new kz.komek.testing.AdminHttp(empty);
            String token = http.token("nobody", kz.komek.admin.Role.VIEWER);
            var session = http.session("nobody", kz.komek.testing.AdminHttp.PASSWORD);
            var page = http.withSession("/admin/analytics", session);
            assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
            assertThat(Jsoup.parse(page.body()).select(".analytics-empty")).isNotEmpty();
            assertThat(http.withToken("/api/v1/admin/analytics/top", token).statusCode())
                    .isEqualTo(200);
            assertThat(http.withToken("/api/v1/admin/analytics/top?site=client", token)
                            .statusCode())
                    .isEqualTo(400);
        }
    }

    @Test
    void viewersReadAnalyticsAndNobodyElse() {
        assertThat(scene.http
                        .withToken("/api/v1/admin/analytics/views", scene.viewerToken)
                        .statusCode())
                .isEqualTo(200);
        assertThat(scene.http.get("/api/v1/admin/analytics/views").statusCode()).isEqualTo(401);
        assertThat(scene.http
                        .withToken("/api/v1/admin/analytics/views", "not-a-token")
                        .statusCode())
                .isEqualTo(401);
        for (String path : List.of("/admin/analytics", "/admin/analytics/views.csv")) {
            var anonymous = scene.http.get(path);
            assertThat(anonymous.statusCode()).as(path).isIn(302, 303);
            assertThat(anonymous.headers().firstValue("Location"))
                    .as(path)
                    .hasValueSatisfying(l -> assertThat(l).startsWith("/admin/login"));
            assertThat(scene.http
                            .get(path, "Cookie", AdminCookies.SESSION + "=forged")
                            .statusCode())
                    .as(path)
                    .isIn(302, 303);
        }
        var menu = Jsoup.parse(scene.http.withSession("/admin", scene.viewer).body());
        assertThat(menu.select("nav.admin-menu a[href^=/admin/analytics]").text())
                .isEqualTo("Аналитика");
    }
}
