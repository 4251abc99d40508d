package kz.komek.deflection;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.util.Map;
import kz.komek.testing.TestApp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code POST /api/v1/answers/suggest} and its outcomes, through HTTP on the real app and database. */
class DeflectionApiTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static TestApp app;

    @BeforeAll
    static void start() {
        app = TestApp.withBundle("/fixtures/search.bundle.json");
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    private static HttpResponse<String> suggest(String body) {
        return app.post("/api/v1/answers/suggest", "application/json", body);
    }

    private static JsonNode json(HttpResponse<String> r) throws Exception {
        return JSON.readTree(r.body());
    }

    private static String body(Map<String, Object> fields) throws Exception {
        return JSON.writeValueAsString(fields);
    }

    @Test
    void aChatMessageGetsTheQuestionThatAnswersItWithItsNumbersMasked() throws Exception {
        var r = suggest(body(Map.of(
                "message",
                "Здравствуйте! Потеряла карту 4400 4301 2345 6789, как её заблокировать? Мой номер +7 701 234 56 78."
                        + " Заранее спасибо",
                "site",
                "client",
                "locale",
                "ru",
                "platform",
                "mobile")));
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Cache-Control")).hasValue("no-store");
        JsonNode n = json(r);
        assertThat(n.get("id").asText()).matches("[A-Za-z0-9_-]{22}");
        assertThat(n.get("message").asText()).contains("[карта]", "[телефон]").doesNotContain("4400", "6789", "701");
        assertThat(n.get("locale").asText()).isEqualTo("ru");
        assertThat(n.get("platform").asText()).isEqualTo("mobile");
        assertThat(n.get("decision").asText()).isIn("answer", "suggest");
        JsonNode best = n.get("answers").get(0);
        assertThat(best.get("id").asLong()).isEqualTo(102);
        assertThat(best.get("title").asText()).isEqualTo("Как заблокировать карту?");
        assertThat(best.get("url").asText()).isEqualTo("/client/ru/cards/general/q102");
        assertThat(best.get("excerpt").asText()).startsWith("Если карта потеряна или украдена");
        assertThat(best.get("confidence").asDouble()).isBetween(Decision.SUGGEST_FROM, 1.0);
        assertThat(n.get("confidence").asDouble())
                .isEqualTo(best.get("confidence").asDouble());
        assertThat(n.get("answers").size()).isBetween(1, 3);
        for (JsonNode a : n.get("answers")) {
            assertThat(a.get("confidence").asDouble())
                    .isBetween(Decision.OFFER_FROM, best.get("confidence").asDouble());
        }
        assertThat(n.get("outcome_url").asText())
                .isEqualTo("/api/v1/answers/suggest/" + n.get("id").asText() + "/outcome");

        // nothing of the numbers reached the database, in any column
        var stored = app.app()
                .jdbi()
                .withHandle(h -> h.createQuery("select d::text from deflection d where id = :id")
                        .bind("id", n.get("id").asText())
                        .mapTo(String.class)
                        .one());
        assertThat(stored).contains("[карта]").doesNotContain("4400", "4301", "2345", "6789", "234 56 78");
    }

    @Test
    void aKazakhMessageWithoutALocaleIsAnsweredInKazakh() throws Exception {
        JsonNode n = json(suggest(body(Map.of(
                "message", "Сәлеметсіз бе! Шетелге ақша аударғым келеді, қалай жасаймын? Рақмет", "site", "client"))));
        assertThat(n.get("locale").asText()).isEqualTo("kz");
        assertThat(n.get("answers").get(0).get("id").asLong()).isEqualTo(201);
        assertThat(n.get("answers").get(0).get("url").asText()).startsWith("/client/kz/");
    }

    @Test
    void aGreetingAloneOrAnUnrelatedMessageGoesToAHuman() throws Exception {
        JsonNode hello = json(suggest(body(Map.of("message", "Здравствуйте, спасибо!"))));
        assertThat(hello.get("decision").asText()).isEqualTo("none");
        assertThat(hello.get("answers")).isEmpty();
        assertThat(hello.get("confidence").asDouble()).isZero();
        JsonNode other = json(suggest(body(Map.of("message", "позовите оператора, хочу пожаловаться на курьера"))));
        assertThat(other.get("decision").asText()).isIn("none", "suggest");
    }

    @Test
    void outcomesAreCountedOnceEachAndOnlyForSuggestedQuestions() throws Exception {
        JsonNode n = json(suggest(body(Map.of("message", "как пополнить карту через банкомат", "platform", "app"))));
        String id = n.get("id").asText();
        long best = n.get("answers").get(0).get("id").asLong();
        String url = "/api/v1/answers/suggest/" + id + "/outcome";

        var opened = app.post(url, "application/json", "{\"outcome\": \"opened\", \"question\": " + best + "}");
        assertThat(opened.statusCode()).isEqualTo(200);
        assertThat(json(opened).get("opened").asLong()).isEqualTo(best);
        assertThat(json(opened).get("chat").asBoolean()).isFalse();
        // a retry changes nothing
        assertThat(app.post(url, "application/json", "{\"outcome\": \"opened\", \"question\": " + best + "}")
                        .statusCode())
                .isEqualTo(200);
        assertThat(app.post(url, "application/json", "{\"outcome\": \"useful\", \"question\": " + best + "}")
                        .statusCode())
                .isEqualTo(200);
        var chat = app.post(url, "application/json", "{\"outcome\": \"chat\"}");
        assertThat(json(chat).get("chat").asBoolean()).isTrue();
        assertThat(json(chat).get("useful").asLong()).isEqualTo(best);

        var day = app.app()
                .jdbi()
                .withHandle(h -> h.createQuery("""
                                select messages, opened, useful, chat from deflection_day d
                                where (day, site, locale, platform, channel, decision)
                                    = (select day, site, locale, platform, channel, decision from deflection
                                       where id = :id)
                                """).bind("id", id).mapToMap().one());
        assertThat(day.get("messages")).isEqualTo(1L);
        assertThat(day.get("opened")).isEqualTo(1L);
        assertThat(day.get("useful")).isEqualTo(1L);
        assertThat(day.get("chat")).isEqualTo(1L);

        assertThat(app.post(url, "application/json", "{\"outcome\": \"opened\", \"question\": 999999}")
                        .statusCode())
                .isEqualTo(400);
        assertThat(app.post(url, "application/json", "{\"outcome\": \"opened\"}")
                        .statusCode())
                .isEqualTo(400);
        assertThat(app.post(url, "application/json", "{\"outcome\": \"left\"}").statusCode())
                .isEqualTo(400);
        assertThat(app.post(url, "application/json", "{\"outcome\": \"opened\", \"question\": \"102\"}")
                        .statusCode())
                .isEqualTo(400);
        assertThat(app.post(
                                "/api/v1/answers/suggest/AAAAAAAAAAAAAAAAAAAAAA/outcome",
                                "application/json",
                                "{\"outcome\": \"chat\"}")
                        .statusCode())
                .isEqualTo(404);
        assertThat(app.post("/api/v1/answers/suggest/short/outcome", "application/json", "{\"outcome\": \"chat\"}")
                        .statusCode())
                .isEqualTo(404);
    }

    @Test
    void badRequestsAreRefusedWithAMessageAndStoreNothing() throws Exception {
        long before = count();
        for (String bad : new String[] {
            "",
            "not json",
            "[]",
            "{}",
            "{\"message\": \"   \"}",
            "{\"message\": 5}",
            "{\"message\": \"как пополнить\", \"locale\": \"en\"}",
            "{\"message\": \"как пополнить\", \"platform\": \"tv\"}",
            "{\"message\": \"как пополнить\", \"site\": 3}",
            "{\"message\": \"a\", \"message\": \"b\"}",
            "{\"message\": \"" + "а".repeat(Ask.MAX_MESSAGE + 1) + "\"}",
        }) {
            var r = suggest(bad);
            assertThat(r.statusCode())
                    .as(bad.length() > 60 ? bad.substring(0, 60) : bad)
                    .isEqualTo(400);
            assertThat(json(r).get("error").asText()).isNotBlank();
        }
        var unknown = suggest("{\"message\": \"как пополнить\", \"site\": \"nosuch\"}");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(count()).isEqualTo(before);
    }

    @Test
    void messagesFromOneAddressAreLimitedOnEveryNode() throws Exception {
        try (var limited = TestApp.withBundle(
                        "/fixtures/search.bundle.json",
                        c -> c.withFeedback(c.feedback().withMessagesPerMinute(2)));
                var other = limited.anotherNode(c -> c)) {
            String b = body(Map.of("message", "как пополнить карту"));
            assertThat(limited.post("/api/v1/answers/suggest", "application/json", b)
                            .statusCode())
                    .isEqualTo(200);
            assertThat(other.post("/api/v1/answers/suggest", "application/json", b)
                            .statusCode())
                    .isEqualTo(200);
            var third = limited.post("/api/v1/answers/suggest", "application/json", b);
            assertThat(third.statusCode()).isEqualTo(429);
            assertThat(third.headers().firstValue("Retry-After")).isPresent();
            assertThat(other.post("/api/v1/answers/suggest", "application/json", b)
                            .statusCode())
                    .isEqualTo(429);
        }
    }

    private static long count() {
        return app.app()
                .jdbi()
                .withHandle(h -> h.createQuery("select count(*) from deflection")
                        .mapTo(Long.class)
                        .one());
    }
}
