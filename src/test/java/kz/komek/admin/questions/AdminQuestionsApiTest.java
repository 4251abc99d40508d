package kz.komek.admin.questions;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import kz.komek.Config;
import kz.komek.admin.Role;
import kz.komek.testing.AdminHttp;
import kz.komek.testing.TestApp;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The admin question API over real HTTP, with komek's error mapping, against the running app's pages. */
class AdminQuestionsApiTest {
    // API tokens of real users, created for each test
    private String editor;
    private String publisher;
    private String admin;
    private String viewer;
    private static final String Q = "/api/v1/admin/questions/5000";
    private static final String PAGE = "/client/ru/bonus/spend/q5000";

    private final ObjectMapper mapper = new ObjectMapper();
    private TestApp app;

    @BeforeEach
    void start() {
        app = TestApp.withBundle("/fixtures/mini.bundle.json");
        editor = token("aigerim", Role.EDITOR);
        publisher = token("bolat", Role.PUBLISHER);
        admin = token("admin", Role.ADMIN);
        viewer = token("viewer", Role.VIEWER);
    }

    @AfterEach
    void stop() {
        app.close();
    }

    private HttpResponse<String> send(String method, String path, Optional<String> token, String body) {
        return new AdminHttp(app).json(method, path, token, body, "X-Request-Id", "test-1");
    }

    private HttpResponse<String> send(String method, String path, String principal, String body) {
        return send(method, path, Optional.of(principal), body);
    }

    private String token(String name, Role role) {
        return new AdminHttp(app).token(name, role);
    }

    private JsonNode json(HttpResponse<String> r) throws Exception {
        return mapper.readTree(r.body());
    }

    @Test
    void aNulInTheNoteOrALoneSurrogateInATitleIs400NamingTheFieldAndNothingIsSaved() throws Exception {
        var note = send("PUT", Q, editor, """
                {"site": "client", "section": "bonus/spend", "note": "first\\u0000draft",
                 "locales": {"ru": {"title": "Зебровые бонусы?", "content": "<p>Да.</p>"}}}
                """);
        assertThat(note.statusCode()).as(note.body()).isEqualTo(400);
        assertThat(json(note).get("field").asText()).isEqualTo("note");
        assertThat(json(note).get("error").asText())
                .isEqualTo("question 5000, field note: contains a NUL character (U+0000)");

        var title = send("PUT", Q, editor, """
                {"site": "client", "section": "bonus/spend",
                 "locales": {"ru": {"title": "Зебровые \\ud83d бонусы?", "content": "<p>Да.</p>"}}}
                """);
        assertThat(title.statusCode()).isEqualTo(400);
        assertThat(json(title).get("field").asText()).isEqualTo("locales.ru.title");
        assertThat(json(title).get("error").asText()).contains("lone UTF-16 surrogate (U+D83D)");

        assertThat(send("GET", Q, editor, "").statusCode()).isEqualTo(404);
    }

    @Test
    void anEditorDraftsAPublisherPublishesAndTheHistoryShowsBoth() throws Exception {
        var put = send("PUT", Q, editor, """
                {"site": "client", "section": "bonus/spend", "note": "first draft",
                 "locales": {"ru": {"title": "Зебровые бонусы?", "content": "<p>Да.<script>x()</script></p>"}}}
                """);
        assertThat(put.statusCode()).isEqualTo(200);
        JsonNode draft = json(put);
        assertThat(draft.get("status").asText()).isEqualTo("draft");
        assertThat(draft.get("revision").asInt()).isEqualTo(1);
        assertThat(draft.get("published_revision").isNull()).isTrue();
        assertThat(draft.get("canonical").asText()).isEqualTo("/bonus/spend/q5000");
        assertThat(draft.get("findings").findValuesAsText("kind")).contains("sanitized", "missing_translation");
        assertThat(draft.at("/locales/ru/content").asText()).isEqualTo("<p>Да.</p>");
        assertThat(app.get(PAGE).statusCode()).isEqualTo(404);

        // what GET gives can be sent back as it is
        JsonNode got = json(send("GET", Q, viewer, ""));
        assertThat(got.get("status").asText()).isEqualTo("draft");
        var again = send("PUT", Q, editor, got.toString());
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(json(again).get("revision").asInt()).isEqualTo(2);

        var refused = send("POST", Q + "/publish", editor, "");
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(json(refused).get("error").asText()).contains("publisher");

        var published = send("POST", Q + "/publish", publisher, "");
        assertThat(published.statusCode()).isEqualTo(200);
        assertThat(json(published).get("status").asText()).isEqualTo("published");
        assertThat(json(published).get("published_revision").asInt())
                .as("setting the publication date makes a revision of its own")
                .isEqualTo(3);
        assertThat(app.get(PAGE).statusCode()).isEqualTo(200);
        assertThat(send("POST", Q + "/publish", publisher, "").statusCode())
                .as("nothing new to publish")
                .isEqualTo(409);

        JsonNode history = json(send("GET", Q + "/revisions", viewer, ""));
        assertThat(history.get("revisions").findValuesAsText("revision")).containsExactly("3", "2", "1");
        assertThat(history.at("/revisions/0/live").asBoolean()).isTrue();
        assertThat(history.at("/revisions/0/author/name").asText()).isEqualTo("bolat");
        assertThat(history.at("/revisions/0/note").asText()).isEqualTo("publication date set");
        assertThat(history.at("/revisions/1/author/name").asText()).isEqualTo("aigerim");
        assertThat(history.at("/revisions/2/note").asText()).isEqualTo("first draft");

        var restored = send("POST", Q + "/revisions/1/restore", editor, "");
        assertThat(restored.statusCode()).isEqualTo(200);
        assertThat(json(restored).get("revision").asInt()).isEqualTo(4);
        assertThat(json(send("GET", Q + "/diff?from=2&to=4", editor, "")).get("changes"))
                .as("revisions 1 and 2 hold the same record")
                .isEmpty();
        JsonNode dated = json(send("GET", Q + "/diff?from=4&to=3", editor, ""));
        assertThat(dated.get("changes").findValuesAsText("field")).containsExactly("locales.ru.published");

        assertThat(send("POST", Q + "/unpublish", publisher, "").statusCode()).isEqualTo(200);
        assertThat(app.get(PAGE).statusCode()).isEqualTo(404);
        var deleted = send("DELETE", Q, publisher, "");
        assertThat(json(deleted).get("status").asText()).isEqualTo("deleted");
        assertThat(send("PUT", Q, editor, got.toString()).statusCode()).isEqualTo(409);

        JsonNode audit = json(send("GET", "/api/v1/admin/audit?object_type=question&object_id=5000", admin, ""));
        assertThat(audit.get("entries").findValuesAsText("action"))
                .containsExactly(
                        "question.delete",
                        "question.unpublish",
                        "question.restore",
                        "question.publish",
                        "question.save_draft",
                        "question.save_draft");
        assertThat(audit.at("/entries/0/actor/name").asText()).isEqualTo("bolat");
        assertThat(audit.at("/entries/0/request_id").asText()).isEqualTo("test-1");
        JsonNode own = json(send("GET", "/api/v1/admin/audit?limit=2", editor, ""));
        assertThat(own.get("entries").findValuesAsText("name")).containsOnly("aigerim");
        assertThat(own.get("next_before").isNumber()).isTrue();
    }

    @Test
    void publishingAtALaterTimeSchedules() throws Exception {
        send("PUT", Q, editor, """
                {"site": "client", "section": "bonus/spend", "locales": {"ru": {"title": "Позже"}}}
                """);
        String at = LocalDateTime.now(Config.DEFAULT_ZONE)
                .plusDays(1)
                .truncatedTo(ChronoUnit.SECONDS)
                .toString();

        var r = send("POST", Q + "/publish", publisher, "{\"at\": \"" + at + "\"}");

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(json(r).get("status").asText()).isEqualTo("scheduled");
        assertThat(json(r).at("/locales/ru/published").asText()).startsWith(at);
        assertThat(app.get(PAGE).statusCode()).isEqualTo(404);
        assertThat(app.get("/api/v1/questions/5000").statusCode()).isEqualTo(404);
    }

    @Test
    void clientErrorsNameWhatIsWrong() throws Exception {
        assertThat(send("GET", Q, Optional.empty(), "").statusCode()).isEqualTo(401);
        assertThat(send("PUT", Q, viewer, "{}").statusCode()).isEqualTo(403);
        assertThat(send("GET", Q, editor, "").statusCode()).isEqualTo(404);
        assertThat(send("GET", "/api/v1/admin/questions/abc", editor, "").statusCode())
                .isEqualTo(400);

        var blank = send("PUT", Q, editor, """
                {"site": "client", "section": "bonus/spend", "locales": {"ru": {"title": " "}}}
                """);
        assertThat(blank.statusCode()).isEqualTo(400);
        assertThat(json(blank).get("error").asText()).contains("question 5000, field locales.ru.title");

        var section = send("PUT", Q, editor, """
                {"site": "client", "section": "no/such", "locales": {"ru": {"title": "Вопрос"}}}
                """);
        assertThat(section.statusCode()).isEqualTo(400);
        assertThat(json(section).get("error").asText()).contains("field section");

        var broken = send("PUT", Q, editor, "{\"site\": ");
        assertThat(broken.statusCode()).isEqualTo(400);
        assertThat(json(broken).get("error").asText()).contains("not valid JSON");

        var otherId = send("PUT", Q, editor, """
                {"id": 17, "site": "client", "section": "bonus/spend", "locales": {"ru": {"title": "Вопрос"}}}
                """);
        assertThat(json(otherId).get("error").asText()).contains("field id");

        var badAt = send("POST", "/api/v1/admin/questions/456/publish", publisher, "{\"at\": \"tomorrow\"}");
        assertThat(badAt.statusCode()).isEqualTo(400);
        assertThat(json(badAt).get("error").asText()).contains("field at");

        assertThat(send("GET", "/api/v1/admin/audit?from=yesterday", admin, "").statusCode())
                .isEqualTo(400);
        assertThat(send("GET", "/api/v1/admin/questions/456/diff?from=1", admin, "")
                        .statusCode())
                .isEqualTo(400);
        assertThat(send("POST", "/api/v1/admin/questions/456/revisions/7/restore", editor, "")
                        .statusCode())
                .isEqualTo(404);
    }

    @Test
    void aPutWithIfMatchLandsOnlyOnTheRevisionItWasBasedOn() throws Exception {
        String record = """
                {"site": "client", "section": "bonus/spend",
                 "locales": {"ru": {"title": "Первый текст", "content": "<p>Да.</p>"}}}""";
        assertThat(send("PUT", Q, editor, record).statusCode()).isEqualTo(200);
        var get = send("GET", Q, viewer, "");
        assertThat(get.headers().firstValue("ETag")).hasValue("\"1\"");
        // someone else saves revision 2
        assertThat(send("PUT", Q, publisher, record.replace("Первый", "Второй")).statusCode())
                .isEqualTo(200);
        // a client still at revision 1 is refused, and nothing is written
        var stale = app.send(HttpRequest.newBuilder(URI.create(app.url(Q)))
                .header("Authorization", "Bearer " + editor)
                .header("If-Match", "\"1\"")
                .PUT(HttpRequest.BodyPublishers.ofString(record.replace("Первый", "Третий")))
                .build());
        assertThat(stale.statusCode()).isEqualTo(409);
        assertThat(json(stale).get("error").asText()).contains("revision 2 by bolat");
        assertThat(json(send("GET", Q, viewer, "")).get("revision").asInt()).isEqualTo(2);
        var fresh = app.send(HttpRequest.newBuilder(URI.create(app.url(Q)))
                .header("Authorization", "Bearer " + editor)
                .header("If-Match", "\"2\"")
                .PUT(HttpRequest.BodyPublishers.ofString(record.replace("Первый", "Третий")))
                .build());
        assertThat(fresh.statusCode()).isEqualTo(200);
        assertThat(json(fresh).get("revision").asInt()).isEqualTo(3);
        var bad = app.send(HttpRequest.newBuilder(URI.create(app.url(Q)))
                .header("Authorization", "Bearer " + editor)
                .header("If-Match", "*x")
                .PUT(HttpRequest.BodyPublishers.ofString(record))
                .build());
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(json(bad).get("error").asText()).contains("If-Match");
    }

    @Test
    void anImportBetweenAGetAndAPutIsAConflictToo() throws Exception {
        String q456 = "/api/v1/admin/questions/456";
        JsonNode record = json(send("GET", q456, viewer, ""));
        ((com.fasterxml.jackson.databind.node.ObjectNode) record.at("/locales/kz")).put("title", "Редактордың нұсқасы");
        assertThat(send("PUT", q456, editor, record.toString()).statusCode()).isEqualTo(200);
        String etag = send("GET", q456, viewer, "").headers().firstValue("ETag").orElseThrow();

        var bundles = app.app().bundles();
        var json = new kz.komek.bundle.BundleJson();
        String live = bundles.question(456).orElseThrow().locales().get("kz").title();
        bundles.importBundle(
                json.read(json.write(bundles.export()).replace(live, "Импорттан келген тақырып")), List.of());

        var stale = app.send(HttpRequest.newBuilder(URI.create(app.url(q456)))
                .header("Authorization", "Bearer " + editor)
                .header("If-Match", etag)
                .PUT(HttpRequest.BodyPublishers.ofString(record.toString()))
                .build());
        assertThat(stale.statusCode()).as(stale.body()).isEqualTo(409);
        assertThat(json(stale).get("error").asText()).contains("by komek");
        JsonNode now = json(send("GET", q456, viewer, ""));
        assertThat(now.at("/locales/kz/title").asText()).isEqualTo("Импорттан келген тақырып");
    }
}
