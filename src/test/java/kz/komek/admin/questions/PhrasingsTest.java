package kz.komek.admin.questions;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Optional;
import kz.komek.admin.Role;
import kz.komek.admin.accounts.Password;
import kz.komek.admin.accounts.UserName;
import kz.komek.testing.AdminHttp;
import kz.komek.testing.TestApp;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Editors' phrasings of a question through the running app: given in the API and the editor's form, kept in
 * revisions, searched once published (and not before), never shown to readers.
 */
class PhrasingsTest {
    private static final String Q = "/api/v1/admin/questions/5000";
    private static final String PAGE = "/client/ru/bonus/spend/q5000";
    /** Words of the phrasing only: neither the title, the answer nor any other question of the bundle has them. */
    private static final String ASKED = "откатить транзакцию";

    private final ObjectMapper mapper = new ObjectMapper();
    private TestApp app;
    private AdminHttp http;
    private String editor;
    private String publisher;

    @BeforeEach
    void start() {
        app = TestApp.withBundle("/fixtures/mini.bundle.json");
        http = new AdminHttp(app);
        editor = http.token("aigerim", Role.EDITOR);
        publisher = http.token("bolat", Role.PUBLISHER);
    }

    @AfterEach
    void stop() {
        app.close();
    }

    private HttpResponse<String> send(String method, String path, String token, String body) {
        return http.json(method, path, Optional.of(token), body);
    }

    private JsonNode json(HttpResponse<String> r) throws Exception {
        return mapper.readTree(r.body());
    }

    /** Whether the reader's search (after the index caught up) finds question {@code id}. */
    private boolean found(String query, long id) throws Exception {
        app.app().syncSearch();
        var r = app.get("/api/v1/search?site=client&locale=ru&q=" + URLEncoder.encode(query, StandardCharsets.UTF_8));
        assertThat(r.statusCode()).isEqualTo(200);
        return json(r).get("results").findValues("id").stream().anyMatch(n -> n.asLong() == id);
    }

    private static String draft(String phrasings) {
        return """
                {"site": "client", "section": "bonus/spend",
                 "locales": {"ru": {"title": "Как отменить перевод?", "content": "<p>Позвоните в банк.</p>"}}%s}
                """.formatted(phrasings);
    }

    @Test
    void aPhrasingFromTheApiFindsTheQuestionOnlyOncePublishedAndRevisionsKeepIt() throws Exception {
        var put = send("PUT", Q, editor, draft(", \"phrasings\": {\"ru\": [\"" + ASKED + "\", \"вернуть деньги\"]}"));
        assertThat(put.statusCode()).as(put.body()).isEqualTo(200);
        assertThat(json(put).at("/phrasings/ru").toString()).isEqualTo("[\"" + ASKED + "\",\"вернуть деньги\"]");
        assertThat(json(send("GET", Q, editor, "")).at("/phrasings/ru/0").asText())
                .isEqualTo(ASKED);
        // a draft: readers' search does not know it yet
        assertThat(found(ASKED, 5000)).isFalse();

        assertThat(send("POST", Q + "/publish", publisher, "").statusCode()).isEqualTo(200);
        assertThat(found(ASKED, 5000)).isTrue();
        assertThat(found("отменить перевод", 5000))
                .as("the title still finds it")
                .isTrue();
        // search only: neither the page nor the reader's API shows them
        assertThat(app.get(PAGE).body()).contains("Как отменить перевод?").doesNotContain("откатить");
        assertThat(app.get("/api/v1/questions/5000?locale=ru").body())
                .doesNotContain("откатить")
                .doesNotContain("phrasings");

        // the audit row of the save says how many phrasings the revision has
        var audit = json(send("GET", "/api/v1/admin/audit?object_type=question&object_id=5000", publisher, ""));
        assertThat(audit.toString()).contains("\"phrasings\":{\"ru\":2}");

        // a revision without them, published: the phrasing no longer finds the question
        var without = send("PUT", Q, editor, draft(""));
        assertThat(without.statusCode()).isEqualTo(200);
        assertThat(json(without).has("phrasings")).isFalse();
        assertThat(send("POST", Q + "/publish", publisher, "").statusCode()).isEqualTo(200);
        assertThat(found(ASKED, 5000)).isFalse();
        var diff = json(send("GET", Q + "/diff?from=1&to=" + json(without).get("revision"), editor, ""));
        assertThat(diff.get("changes").findValuesAsText("field")).contains("phrasings");

        // restoring the first revision brings them back, and publishing it makes them searchable again
        var restored = send("POST", Q + "/revisions/1/restore", editor, "");
        assertThat(restored.statusCode()).as(restored.body()).isEqualTo(200);
        assertThat(json(restored).at("/phrasings/ru/0").asText()).isEqualTo(ASKED);
        assertThat(found(ASKED, 5000)).as("a restored draft is not public").isFalse();
        assertThat(send("POST", Q + "/publish", publisher, "").statusCode()).isEqualTo(200);
        assertThat(found(ASKED, 5000)).isTrue();
    }

    @Test
    void badPhrasingsAreRefusedNamingTheFieldAndNothingIsSaved() throws Exception {
        var twice = send("PUT", Q, editor, draft(", \"phrasings\": {\"ru\": [\"откатить\", \"Откатить\"]}"));
        assertThat(twice.statusCode()).isEqualTo(400);
        assertThat(json(twice).get("field").asText()).isEqualTo("phrasings.ru[1]");
        assertThat(json(twice).get("error").asText())
                .isEqualTo("question 5000, field phrasings.ru[1]: \"Откатить\" is given twice");

        var noText = send("PUT", Q, editor, draft(", \"phrasings\": {\"kz\": [\"аударымды қайтару\"]}"));
        assertThat(noText.statusCode()).isEqualTo(400);
        assertThat(json(noText).get("error").asText()).contains("field phrasings.kz: the question has no kz text");

        var html = send("PUT", Q, editor, draft(", \"phrasings\": {\"ru\": [\"<script>x()</script>\"]}"));
        assertThat(html.statusCode()).isEqualTo(400);
        assertThat(json(html).get("error").asText()).contains("plain text only, not HTML");

        var long201 = send("PUT", Q, editor, draft(", \"phrasings\": {\"ru\": [\"" + "я".repeat(201) + "\"]}"));
        assertThat(long201.statusCode()).isEqualTo(400);
        assertThat(json(long201).get("error").asText()).endsWith("longer than 200 characters");

        assertThat(send("GET", Q, editor, "").statusCode()).isEqualTo(404);
    }

    @Test
    void theEditorsFormTakesOnePhrasingALineAndSaysWhatIsWrongWithOne() {
        app.app().accounts().addUser(new UserName("dana"), Role.PUBLISHER, new Password(AdminHttp.PASSWORD));
        var s = http.session("dana", AdminHttp.PASSWORD);
        var form = new LinkedHashMap<String, String>();
        form.put("_csrf", s.csrf());
        form.put("place", "client/bonus/spend");
        form.put("position", "5");
        form.put("ru.present", "on");
        form.put("ru.title", "Как отменить перевод?");
        form.put("ru.content", "<p>Позвоните в банк.</p>");
        form.put("ru.phrasings", "вернуть деньги\n\n  Вернуть ДЕНЬГИ  \n");
        form.put("action", "publish");

        // refused: the page again, as typed, pointing at the textarea; nothing written
        var refused = http.postForm("/admin/questions/new", form, s);
        assertThat(refused.statusCode()).isEqualTo(400);
        var page = Jsoup.parse(refused.body());
        assertThat(page.selectFirst("#q-error").text())
                .contains("Другие формулировки вопроса (по-русски), №2: «Вернуть ДЕНЬГИ» уже есть выше");
        assertThat(page.selectFirst("#q-ru-phrasings").attr("aria-invalid")).isEqualTo("true");
        assertThat(page.selectFirst("#q-ru-phrasings").wholeText()).isEqualTo("вернуть деньги\n\n  Вернуть ДЕНЬГИ  \n");
        assertThat(page.selectFirst("label[for=q-ru-phrasings]").text()).isEqualTo("Другие формулировки вопроса");
        int heads = app.app()
                .jdbi()
                .withHandle(h -> h.createQuery("select count(*) from question_head")
                        .mapTo(Integer.class)
                        .one());
        assertThat(heads).isZero();

        form.put("ru.phrasings", "вернуть деньги\n\n  " + ASKED + "  \n");
        var published = http.postForm("/admin/questions/new", form, s);
        assertThat(published.statusCode()).as(published.body()).isEqualTo(200);
        var editorPage = Jsoup.parse(published.body());
        long id = Long.parseLong(
                editorPage.selectFirst("#question-form").attr("data-preview").replaceAll("\\D", ""));
        assertThat(editorPage.selectFirst("#q-ru-phrasings").wholeText()).isEqualTo("вернуть деньги\n" + ASKED);
        app.app().syncSearch();
        var results =
                app.get("/api/v1/search?site=client&locale=ru&q=" + URLEncoder.encode(ASKED, StandardCharsets.UTF_8));
        assertThat(results.body()).contains("\"id\":" + id);
        assertThat(app.get("/client/ru/bonus/spend/q" + id).body()).doesNotContain("откатить");

        // the page's own form sent back unchanged makes no revision
        var opened = Jsoup.parse(http.withSession("/admin/questions/" + id, s).body());
        var again = AdminHttp.questionForm(opened);
        again.put("_csrf", s.csrf());
        var saved =
                Jsoup.parse(http.postForm("/admin/questions/" + id, again, s).body());
        assertThat(saved.selectFirst("#q-ru-phrasings").wholeText()).isEqualTo("вернуть деньги\n" + ASKED);
        assertThat(saved.selectFirst("input[name=revision]").val())
                .isEqualTo(editorPage.selectFirst("input[name=revision]").val());
    }
}
