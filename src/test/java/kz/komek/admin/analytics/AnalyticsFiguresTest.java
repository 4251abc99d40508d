package kz.komek.admin.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Each figure of the analytics API checked against the events {@link AnalyticsScene} made, over 7 and 30 days: what
 * happened 8 days ago is in the 30 days and not in the 7.
 */
class AnalyticsFiguresTest {
    private static AnalyticsScene scene;
    private static final ObjectMapper JSON = new ObjectMapper();

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

    private static JsonNode figure(String name, int days) throws Exception {
        var r = scene.api(name, "site=client&locale=ru&days=" + days);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        JsonNode body = JSON.readTree(r.body());
        assertThat(body.get("figure").asText()).isEqualTo(name);
        assertThat(body.get("days").asInt()).isEqualTo(days);
        assertThat(body.get("to").asText()).isEqualTo(scene.today.toString());
        assertThat(body.get("from").asText())
                .isEqualTo(scene.today.minusDays(days - 1).toString());
        return body.get("rows");
    }

    /** The rows of a figure as lines of the named columns, "a | b | c". */
    private static List<String> lines(String name, int days, String... columns) throws Exception {
        var out = new ArrayList<String>();
        for (JsonNode row : figure(name, days)) {
            var cells = new ArrayList<String>();
            for (String c : columns) {
                cells.add(row.get(c).isNull() ? "null" : row.get(c).asText());
            }
            out.add(String.join(" | ", cells));
        }
        return out;
    }

    /** The rows of a per-day figure that are not all zero, "day | …". */
    private static List<String> busyDays(String name, int days, String... columns) throws Exception {
        JsonNode rows = figure(name, days);
        assertThat(rows).as("a row for every day of the period").hasSize(days);
        var out = new ArrayList<String>();
        for (JsonNode row : rows) {
            var cells = new ArrayList<String>();
            boolean any = false;
            for (String c : columns) {
                JsonNode v = row.get(c);
                cells.add(v.isNull() ? "null" : v.asText());
                any |= v.isNumber() && v.asDouble() != 0;
            }
            if (any) {
                out.add(row.get("day").asText() + " | " + String.join(" | ", cells));
            }
        }
        return out;
    }

    private static String today() {
        return scene.today.toString();
    }

    private static String old() {
        return scene.today.minusDays(8).toString();
    }

    @Test
    void viewsPerDay() throws Exception {
        assertThat(busyDays("views", 7, "views")).containsExactly(today() + " | 3");
        assertThat(busyDays("views", 30, "views")).containsExactly(old() + " | 5", today() + " | 3");
    }

    @Test
    void votesCastPerDayWithTheShareOfUsefulOnes() throws Exception {
        // a changed vote counts again, the same vote sent twice once
        assertThat(busyDays("votes", 7, "useful", "not_useful", "useful_percent"))
                .containsExactly(today() + " | 20 | 8 | 71.4");
        assertThat(busyDays("votes", 30, "useful", "not_useful", "useful_percent"))
                .containsExactly(old() + " | 0 | 6 | 0.0", today() + " | 20 | 8 | 71.4");
        JsonNode quiet = figure("votes", 7).get(0);
        assertThat(quiet.get("useful_percent").isNull())
                .as("a day without votes has no share")
                .isTrue();
    }

    @Test
    void notUsefulReasonsPerDay() throws Exception {
        assertThat(busyDays("reasons", 7, "no_answer", "unclear", "outdated", "other"))
                .containsExactly(today() + " | 1 | 2 | 2 | 1");
        assertThat(busyDays("reasons", 30, "no_answer", "unclear", "outdated", "other"))
                .containsExactly(old() + " | 6 | 0 | 0 | 0", today() + " | 1 | 2 | 2 | 1");
    }

    @Test
    void commentsNewestFirst() throws Exception {
        assertThat(lines("comments", 7, "question", "reason", "comment"))
                .containsExactly(
                        "451 | other | =HYPERLINK(\"http://x\")",
                        "462 | unclear | Непонятно, а как же, партнёры",
                        "462 | unclear | Где именно смотреть?");
        assertThat(figure("comments", 7).get(1).get("title").asText())
                .isEqualTo("Я купил товар в Магазине. Начислят ли мне бонусы?");
    }

    @Test
    void topAndBottomByTheWilsonIntervalWithFiveVotesAtLeast() throws Exception {
        // q451 has 4 votes: not ranked; q456's 6 of 6 is surer than q600's 10 of 12, both above q462's 1 of 6
        assertThat(lines("top", 7, "question", "useful", "not_useful", "lower_bound_percent", "upper_bound_percent"))
                .containsExactly(
                        "456 | 6 | 0 | 61.0 | 100.0", "600 | 10 | 2 | 55.2 | 95.3", "462 | 1 | 5 | 3.0 | 56.4");
        assertThat(lines("bottom", 7, "question", "upper_bound_percent"))
                .containsExactly("462 | 56.4", "600 | 95.3", "456 | 100.0");
        assertThat(lines("bottom", 30, "question", "upper_bound_percent"))
                .containsExactly("700 | 39.0", "462 | 56.4", "600 | 95.3", "456 | 100.0");
        assertThat(lines("top", 30, "question")).containsExactly("456", "600", "462", "700");
    }

    @Test
    void zeroResultSearchesByNormalizedQuery() throws Exception {
        assertThat(lines("zero-results", 7, "query", "searches")).containsExactly("чебурашка апельсин | 3", "=1+2 | 1");
        assertThat(lines("zero-results", 30, "query", "searches"))
                .containsExactly("старый запрос | 4", "чебурашка апельсин | 3", "=1+2 | 1");
    }

    @Test
    void searchesThatLedToNoOpenedAnswer() throws Exception {
        assertThat(lines("unopened", 7, "query", "searches", "opened"))
                .containsExactly("бонус | 3 | 1", "доставка | 2 | 0");
        assertThat(lines("unopened", 30, "query", "searches", "opened"))
                .containsExactly("кредит | 5 | 0", "бонус | 3 | 1", "доставка | 2 | 0");
    }

    @Test
    void deflectionRatePerDay() throws Exception {
        assertThat(busyDays("deflection", 7, "messages", "chat", "deflection_percent"))
                .containsExactly(today() + " | 15 | 3 | 80.0");
        assertThat(busyDays("deflection", 30, "messages", "chat", "deflection_percent"))
                .containsExactly(old() + " | 4 | 4 | 0.0", today() + " | 15 | 3 | 80.0");
    }

    @Test
    void suggestionsThatWentOnToChatNewestFirst() throws Exception {
        assertThat(lines("chats", 7, "message", "suggested", "confidence"))
                .containsExactly(
                        "-1 бонус, почему? | #999999 | 0.8",
                        "Где мой кэшбэк? карта [card] | Где узнать, сколько бонусов накоплено?; Я купил товар в"
                                + " Магазине. Начислят ли мне бонусы? | 0.42");
        assertThat(lines("chats", 30, "message")).hasSize(3).last().isEqualTo("старое сообщение");
    }

    @Test
    void questionsNotViewedInThePeriod() throws Exception {
        // public Russian questions of the site, not a cross-listed copy, not one scheduled for later
        assertThat(lines("never-viewed", 7, "question")).containsExactly("451", "462", "600", "700", "950", "17561");
        assertThat(lines("never-viewed", 30, "question")).containsExactly("451", "600", "700", "950", "17561");
    }

    @Test
    void anotherLanguageOrSiteHasItsOwnFigures() throws Exception {
        var r = scene.api("deflection", "site=client&locale=kz&days=7");
        assertThat(JSON.readTree(r.body()).get("rows").get(6).get("messages").asLong())
                .isEqualTo(7);
        var partner = JSON.readTree(
                scene.api("votes", "site=partner&locale=ru&days=7").body());
        assertThat(partner.get("rows").get(6).get("useful").asLong()).isZero();
    }
}
