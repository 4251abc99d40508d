package kz.komek.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import kz.komek.testing.TestApp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The public JSON API over real HTTP, on the demo content (the seed's questions). */
class CatalogApiTest {
    private static TestApp app;
    private final ObjectMapper mapper = new ObjectMapper();

    @BeforeAll
    static void start() {
        app = TestApp.withDemo(TestApp::withMetricsPort);
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    private JsonNode json(String path, int status) throws Exception {
        var r = app.get(path);
        assertThat(r.statusCode()).as(path + " → " + r.body()).isEqualTo(status);
        assertThat(r.headers().firstValue("Content-Type"))
                .hasValueSatisfying(c -> assertThat(c).contains("json"));
        return mapper.readTree(r.body());
    }

    @Test
    void aQuestionCarriesEverySeedField() throws Exception {
        JsonNode q = json("/api/v1/questions/462?site=client&locale=kz", 200);
        assertThat(q.get("id").asLong()).isEqualTo(462);
        assertThat(q.get("title").asText())
                .isEqualTo("Kaspi.kz-тегі Магазиннен тауар сатып алдым. Маған Kaspi Бонус есептеле ме?");
        assertThat(q.get("content").asText()).startsWith("<p>Науқан кезінде <a href=\"https://kaspi.kz/shop/\"");
        assertThat(q.get("updatedDate").asText()).isEqualTo("22.04.2025");
        assertThat(q.get("usefulness").asDouble()).isEqualTo(0.75);
        assertThat(q.get("publication_date").asText()).isEqualTo("2025-04-22T13:45:44.065581");
        assertThat(q.get("canonical").asText()).isEqualTo("/bonus/save/general/q462");
        assertThat(q.get("url").asText()).isEqualTo("/client/kz/bonus/save/general/q462");
        for (String field : new String[] {
            "pinned", "voted", "meta_tag_title", "meta_tag_description", "meta_tag_h1", "no_index", "no_follow"
        }) {
            assertThat(q.has(field)).as(field).isTrue();
        }
        assertThat(q.get("meta_tag_title").asText()).startsWith("Kaspi.kz-тегі Магазиннен");
        assertThat(q.get("voted").asBoolean()).isFalse();
    }

    /** The seed's eleven questions, imported on first start, read back over HTTP field by field. */
    @ParameterizedTest(name = "question {0}")
    @org.junit.jupiter.params.provider.CsvSource(
            delimiter = '|',
            nullValues = "-",
            value = {
                "456|03.01.2021|2021-01-03T02:25:26.712298|0.89|/bonus/save/general/q456|false|false|Жиналған бонус санын қайдан білемін?",
                "462|22.04.2025|2025-04-22T13:45:44.065581|0.75|/bonus/save/general/q462|false|false|Kaspi.kz-тегі Магазиннен тауар сатып алдым.",
                "17562|14.07.2025|2025-07-14T09:42:04.193008|-|/shop/comment/q17561|true|false|Kaspi.kz-тегі Магазинде пікір жазғанға",
                "476|30.11.2024|2024-11-30T07:01:00.167935|-|/bonus/save/general/q476|false|false|Кредит төлегенде/өтегенде бонус беріле ме?",
                "451|01.03.2025|2025-03-01T08:01:00.035668|-|/bonus/save/general/q451|false|false|",
                "553|03.01.2021|2021-01-03T02:41:57.897169|0.93|/bonus/save/general/q553|false|false|",
                "17560|14.07.2025|2025-07-14T09:45:08.995882|-|/shop/comment/q17559|false|true|",
                "518|12.09.2025|2025-09-12T10:48:08.916116|-|/bonus/save/general/q518|false|false|",
                "467|22.04.2025|2025-04-22T12:21:00.136835|-|/bonus/save/general/q467|false|false|",
                "514|01.03.2025|2025-03-01T08:01:00.044328|-|/bonus/save/general/q514|false|false|",
                "1580|14.03.2025|2025-03-14T13:34:46.588184|0.78|/bonus/save/general/q1580|false|false|Kaspi.kz-те менің бонусым көрінбей тұр."
            })
    void theSeedQuestionsAreServedFieldByField(
            long id,
            String updated,
            String published,
            Double usefulness,
            String canonical,
            boolean noIndex,
            boolean noFollow,
            String titleStart)
            throws Exception {
        JsonNode q = json("/api/v1/questions/" + id + "?site=client&locale=kz", 200);
        assertThat(q.get("updatedDate").asText()).isEqualTo(updated);
        assertThat(q.get("publication_date").asText()).isEqualTo(published);
        if (usefulness == null) {
            assertThat(q.get("usefulness").isNull())
                    .as("usefulness stored before the cut stays unset")
                    .isTrue();
        } else {
            assertThat(q.get("usefulness").asDouble()).isEqualTo(usefulness);
        }
        assertThat(q.get("canonical").asText()).isEqualTo(canonical);
        assertThat(q.get("no_index").asBoolean()).isEqualTo(noIndex);
        assertThat(q.get("no_follow").asBoolean()).isEqualTo(noFollow);
        assertThat(q.get("pinned").asBoolean()).isFalse();
        assertThat(q.get("title").asText()).isNotBlank().startsWith(titleStart == null ? "" : titleStart);
        assertThat(q.get("content").asText()).isNotBlank();
        assertThat(q.has("incomplete")).isEqualTo(id == 456);
    }

    @Test
    void aCrossListedCopyNamesItsCanonical() throws Exception {
        JsonNode q = json("/api/v1/questions/17562?locale=kz", 200);
        assertThat(q.get("canonical").asText()).isEqualTo("/shop/comment/q17561");
        assertThat(q.get("no_index").asBoolean()).isTrue();
    }

    @Test
    void sectionsListTheirQuestionsInOrder() throws Exception {
        JsonNode s = json("/api/v1/sections/bonus/save/general?site=client&locale=kz", 200);
        assertThat(s.get("title").asText()).isEqualTo("Жалпы сұрақтар");
        assertThat(s.get("questions")).hasSize(11);
        assertThat(s.get("questions").get(0).get("id").asLong()).isEqualTo(456);
        assertThat(s.get("questions").get(1).get("id").asLong()).isEqualTo(462);
        JsonNode tree = json("/api/v1/sections?site=client&locale=kz", 200);
        assertThat(tree.get("sections").findValuesAsText("path"))
                .containsExactly("bonus", "bonus/save", "bonus/save/general");
        JsonNode sites = json("/api/v1/sites", 200);
        assertThat(sites.get("sites").get(0).get("title").get("kz").asText()).isEqualTo("Клиенттерге");
    }

    @Test
    void aQuestionWithoutTheAskedLocaleIsNotFound() throws Exception {
        assertThat(json("/api/v1/questions/462?locale=ru", 404).get("error").asText())
                .contains("not published in locale ru");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "/api/v1/questions/999999",
                "/api/v1/questions/462?site=partner",
                "/api/v1/sections/nope?site=client",
                "/api/v1/sections?site=nope",
                "/api/v1/nothing"
            })
    void unknownThingsAre404WithAJsonError(String path) throws Exception {
        assertThat(json(path, 404).get("error").asText()).isNotBlank();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "/api/v1/questions/abc",
                "/api/v1/questions/-5",
                "/api/v1/questions/462?locale=en",
                "/api/v1/questions/99999999999999999999999"
            })
    void badInputIs400WithAJsonError(String path) throws Exception {
        assertThat(json(path, 400).get("error").asText()).isNotBlank();
    }

    @Test
    void oversizedBodiesAreRefused() throws Exception {
        // Headers announcing a 2 MB body, then nothing: the server must refuse on the length alone, before reading.
        // (Sending the whole body races the server closing the connection after its early answer.)
        var url = java.net.URI.create(app.url("/api/v1/questions/462/votes"));
        try (var socket = new java.net.Socket(url.getHost(), url.getPort())) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream()
                    .write(("POST /api/v1/questions/462/votes HTTP/1.1\r\nHost: localhost\r\n"
                                    + "Content-Type: application/json\r\nContent-Length: " + (2 << 20) + "\r\n\r\n")
                            .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            String status = new java.io.BufferedReader(new java.io.InputStreamReader(
                            socket.getInputStream(), java.nio.charset.StandardCharsets.US_ASCII))
                    .readLine();
            assertThat(status).startsWith("HTTP/1.1 413");
        }
    }

    @Test
    void healthAndMetricsAnswer() throws Exception {
        app.app().syncSearch();
        var health = json("/health", 200);
        assertThat(health.get("status").asText()).isEqualTo("UP");
        // what the index holds against what the database holds: equal once search has caught up
        assertThat(health.path("search").path("indexed_version").asLong())
                .isEqualTo(health.get("content_version").asLong());
        assertThat(health.path("search").path("current").asBoolean()).isTrue();
        assertThat(app.metrics()).contains("jvm_memory_used_bytes");
        // not on the main port without --metrics-token: it is no public page
        assertThat(app.get("/metrics").statusCode()).isEqualTo(404);
    }
}
