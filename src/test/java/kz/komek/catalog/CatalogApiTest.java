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
        app = TestApp.withDemo();
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
    void oversizedBodiesAreRefused() {
        var r = app.post(
                "/api/v1/questions/462/votes",
                "application/json",
                "{\"useful\": true, \"pad\": \"" + "x".repeat(2 << 20) + "\"}");
        assertThat(r.statusCode()).isEqualTo(413);
    }

    @Test
    void healthAndMetricsAnswer() throws Exception {
        assertThat(json("/health", 200).get("status").asText()).isEqualTo("UP");
        var metrics = app.get("/metrics");
        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.body()).contains("jvm_memory_used_bytes");
    }
}
