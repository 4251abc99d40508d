package kz.komek.search;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import kz.komek.bundle.BundleJson;
import kz.komek.testing.MiniLm;
import kz.komek.testing.TestApp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Search by meaning end to end (decision 0031): the real app over HTTP with {@code --embedding-model} set to a real
 * model (all-MiniLM-L6-v2, English only, so the questions are in English), beside the same app without it. The
 * paraphrase below shares no word with any question: only its meaning leads to the refund.
 */
class SemanticSearchTest {
    private static final String PARAPHRASE = "how do I get my money back";

    private static TestApp withModel;
    private static TestApp withoutModel;
    private final ObjectMapper mapper = new ObjectMapper();

    @BeforeAll
    static void start() {
        withModel = TestApp.withBundle(
                "/fixtures/semantic.bundle.json", c -> c.withEmbeddingModel(Optional.of(MiniLm.dir())));
        withoutModel = TestApp.withBundle("/fixtures/semantic.bundle.json");
    }

    @AfterAll
    static void stop() {
        withModel.close();
        withoutModel.close();
    }

    private List<String> ids(TestApp app, String q) throws Exception {
        var r = app.get("/api/v1/search?site=client&locale=ru&q=" + URLEncoder.encode(q, StandardCharsets.UTF_8));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        JsonNode json = mapper.readTree(r.body());
        return json.get("results").findValuesAsText("id");
    }

    @Test
    void aParaphraseFindsTheAnswerOnlyByMeaning() throws Exception {
        assertThat(ids(withoutModel, PARAPHRASE)).isEmpty();
        assertThat(ids(withModel, PARAPHRASE)).first().isEqualTo("201");
    }

    @Test
    void aQueryInTheAnswersWordsKeepsItsAnswerFirst() throws Exception {
        assertThat(ids(withoutModel, "close the account")).first().isEqualTo("202");
        assertThat(ids(withModel, "close the account")).first().isEqualTo("202");
    }

    @Test
    void suggestionsStayWordsOnly() throws Exception {
        var r = withModel.get(
                "/api/v1/suggest?site=client&locale=ru&q=" + URLEncoder.encode(PARAPHRASE, StandardCharsets.UTF_8));
        assertThat(mapper.readTree(r.body()).get("suggestions")).isEmpty();
    }

    /**
     * A cached result that took hits by meaning cannot know by its terms which edit brings a document nearer: an
     * edited question that now means a refund, in none of the query's words, must be found at once.
     */
    @Test
    void anEditThatBringsAQuestionNearIsFoundThoughTheResultWasCached() throws Exception {
        List<String> before = ids(withModel, PARAPHRASE);
        assertThat(before).doesNotContain("204");
        assertThat(ids(withModel, PARAPHRASE)).isEqualTo(before); // now cached
        String bundle = TestApp.resource("/fixtures/semantic.bundle.json")
                .replace("Delivery times for parcels", "Reimbursement for a cancelled order")
                .replace(
                        "Parcels arrive in two to five days, depending on the city.",
                        "The cost of an order cancelled before shipping is refunded to the card.");
        withModel.app().bundles().importBundle(new BundleJson().read(bundle), List.of());
        long started = System.currentTimeMillis();
        List<String> after = before;
        while (System.currentTimeMillis() - started < 3000 && !after.contains("204")) {
            Thread.sleep(20);
            after = ids(withModel, PARAPHRASE);
        }
        // The index polls every half second; 3 s only keeps a loaded machine from flaking.
        assertThat(after).as("found within 3 s of the edit").contains("201", "204");
    }
}
