package kz.komek.search;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import kz.komek.bundle.BundleJson;
import kz.komek.testing.TestApp;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Videos and documents are found by their titles and descriptions, in both languages, and say what they are. */
class MaterialSearchTest {
    private static TestApp app;
    private final ObjectMapper mapper = new ObjectMapper();

    @BeforeAll
    static void start() {
        app = TestApp.withBundle("/fixtures/materials.bundle.json");
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    private JsonNode search(String q, String locale) throws Exception {
        var r = app.get(
                "/api/v1/search?site=partner&locale=" + locale + "&q=" + URLEncoder.encode(q, StandardCharsets.UTF_8));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return mapper.readTree(r.body()).get("results");
    }

    private JsonNode first(String q, String locale) throws Exception {
        JsonNode results = search(q, locale);
        assertThat(results.size()).as(q).isPositive();
        return results.get(0);
    }

    private static List<String> ids(JsonNode results) {
        var out = new ArrayList<String>();
        results.forEach(h -> out.add(h.get("kind").asText() + " " + h.get("id").asLong()));
        return out;
    }

    @Test
    void aVideoIsFoundByAWordOfItsTitleOrDescriptionInBothLanguages() throws Exception {
        JsonNode byTitle = first("Smart POS", "ru");
        assertThat(byTitle.get("kind").asText()).isEqualTo("video");
        assertThat(byTitle.get("id").asLong()).isEqualTo(9001);
        assertThat(byTitle.get("url").asText()).isEqualTo("/partner/ru/pos/video#m9001");
        assertThat(byTitle.get("section_title").asText()).isEqualTo("Видеоинструкции");

        JsonNode byDescription = first("настройка терминала", "ru");
        assertThat(byDescription.get("id").asLong()).isEqualTo(9001);
        assertThat(byDescription.get("snippet").asText()).contains("настройка");

        JsonNode kazakh = first("баптау", "kz");
        assertThat(kazakh.get("kind").asText()).isEqualTo("video");
        assertThat(kazakh.get("url").asText()).isEqualTo("/partner/kz/pos/video#m9001");
        assertThat(kazakh.get("title").asText()).isEqualTo("Smart POS-ты қалай қосамын");
    }

    @Test
    void aDocumentIsFoundAndQuestionsSayTheyAreQuestions() throws Exception {
        JsonNode ru = first("эквайринга", "ru");
        assertThat(ru.get("kind").asText()).isEqualTo("document");
        assertThat(ru.get("id").asLong()).isEqualTo(9101);
        assertThat(ru.get("url").asText()).isEqualTo("/partner/ru/pos/docs#m9101");
        JsonNode kz = first("Шарт талаптары", "kz");
        assertThat(kz.get("kind").asText()).isEqualTo("document");
        assertThat(kz.get("id").asLong()).isEqualTo(9101);

        JsonNode question = first("подключить терминал", "ru");
        assertThat(question.get("kind").asText()).isEqualTo("question");
        assertThat(question.get("id").asLong()).isEqualTo(7001);
        assertThat(question.get("url").asText()).isEqualTo("/partner/ru/pos/faq/q7001");
        // suggestions say it too
        var suggest = mapper.readTree(
                app.get("/api/v1/suggest?site=partner&locale=ru&q=Smart").body());
        assertThat(suggest.get("suggestions").get(0).get("kind").asText()).isEqualTo("video");
    }

    @Test
    void aScheduledVideoIsNotFoundBeforeItsTime() throws Exception {
        assertThat(ids(search("Обзор нового терминала", "ru"))).doesNotContain("video 9003");
    }

    @Test
    void theResultsPageBadgesVideosAndDocumentsAndLinksToTheirPlace() {
        Element hit = app.page("/partner/ru/search?q=" + URLEncoder.encode("эквайринга", StandardCharsets.UTF_8))
                .selectFirst("ol.search-results li");
        assertThat(hit.selectFirst(".search-result-title").attr("href")).isEqualTo("/partner/ru/pos/docs#m9101");
        assertThat(hit.selectFirst(".badge-kind").text()).isEqualTo("Документ");
        Element kz = app.page("/partner/kz/search?q=" + URLEncoder.encode("баптау", StandardCharsets.UTF_8))
                .selectFirst("ol.search-results li");
        assertThat(kz.selectFirst(".badge-kind").text()).isEqualTo("Бейне");
        Element question = app.page(
                        "/partner/ru/search?q=" + URLEncoder.encode("подключить терминал", StandardCharsets.UTF_8))
                .selectFirst("ol.search-results li");
        assertThat(question.select(".badge-kind")).isEmpty();
        assertThat(question.selectFirst(".search-result-title").attr("href")).contains("open=7001");
    }

    @Test
    void anEditedMaterialIsSearchedAsEdited() throws Exception {
        ObjectNode b = (ObjectNode) mapper.readTree(TestApp.resource("/fixtures/materials.bundle.json"));
        for (JsonNode m : b.get("materials")) {
            if (m.get("id").asLong() == 9102) {
                ((ObjectNode) m.at("/locales/ru")).put("title", "Анкета партнёра-самозанятого");
            }
        }
        app.app().bundles().importBundle(new BundleJson().read(mapper.writeValueAsString(b)), List.of());
        app.app().syncSearch();
        assertThat(ids(search("самозанятого", "ru"))).contains("document 9102");
        assertThat(ids(search("Заявление на подключение", "ru"))).doesNotContain("document 9102");
    }
}
