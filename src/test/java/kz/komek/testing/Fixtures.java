package kz.komek.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Bundles built from the test fixtures, for tests that import changes. */
public final class Fixtures {
    private static final ObjectMapper JSON = new ObjectMapper();

    private Fixtures() {}

    /** The mini fixture, as a JSON tree to change. */
    public static ObjectNode miniBundle() throws Exception {
        return (ObjectNode) JSON.readTree(TestApp.resource("/fixtures/mini.bundle.json"));
    }

    /** The fixture with 456's Kazakh title changed, a new question 5001 and, last, question 5002 with a bad date. */
    public static ObjectNode changedBundle(boolean badLast) throws Exception {
        ObjectNode b = miniBundle();
        ArrayNode questions = (ArrayNode) b.get("questions");
        for (JsonNode q : questions) {
            if (q.get("id").asLong() == 456) {
                ((ObjectNode) q.at("/locales/kz")).put("title", "Жаңа тақырып");
            }
        }
        ObjectNode added = questions.addObject();
        added.put("id", 5001)
                .put("site", "client")
                .put("section", "bonus/save/general")
                .put("position", 20);
        added.putObject("locales").putObject("ru").put("title", "Новый вопрос").put("content", "<p>Ответ</p>");
        if (badLast) {
            ObjectNode bad = questions.addObject();
            bad.put("id", 5002)
                    .put("site", "client")
                    .put("section", "bonus/save/general")
                    .put("position", 21);
            bad.putObject("locales")
                    .putObject("ru")
                    .put("title", "Плохая дата")
                    .put("content", "<p>x</p>")
                    .put("updated", "02.06.2025");
        }
        return b;
    }
}
