package kz.komek.admin.sections;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import kz.komek.admin.Actor;
import kz.komek.admin.Principal;
import kz.komek.admin.Role;
import kz.komek.admin.accounts.UserName;
import kz.komek.testing.AdminHttp;
import kz.komek.testing.TestApp;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The sections API over real HTTP against the running app: roles, structure changes and what readers see. */
class SectionsApiTest {
    private static final String API = "/api/v1/admin/sections";

    private final ObjectMapper mapper = new ObjectMapper();
    private TestApp app;
    private String viewer;
    private String editor;
    private String publisher;

    @BeforeEach
    void start() {
        app = TestApp.withBundle("/fixtures/mini.bundle.json");
        viewer = token("viewer", Role.VIEWER);
        editor = token("aigerim", Role.EDITOR);
        publisher = token("bolat", Role.PUBLISHER);
    }

    @AfterEach
    void stop() {
        app.close();
    }

    @Test
    void aNulInASectionTitleIs400NamingTheField() throws Exception {
        var created = send("POST", API, publisher, """
                {"site": "client", "path": "bonus/zz", "titles": {"ru": "Раз\\u0000дел", "kz": "Бөлім"}}
                """);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(400);
        JsonNode refused = mapper.readTree(created.body());
        assertThat(refused.get("field").asText()).isEqualTo("titles.ru");
        assertThat(refused.get("error").asText())
                .isEqualTo("section, field titles.ru: contains a NUL character (U+0000)");

        long id = json(send("GET", API, viewer, ""), 200)
                .get("sites")
                .get(0)
                .get("sections")
                .get(0)
                .get("id")
                .asLong();
        var retitled = send("PATCH", API + "/" + id, publisher, "{\"titles\": {\"kz\": \"Бөлім\\u0000\"}}");
        assertThat(retitled.statusCode()).isEqualTo(400);
        assertThat(mapper.readTree(retitled.body()).get("field").asText()).isEqualTo("titles.kz");
    }

    @Test
    void anonymousGets401AViewerReadsAndStructureChangesNeedThePublisherRole() throws Exception {
        assertThat(send("GET", API, Optional.empty(), "").statusCode()).isEqualTo(401);
        assertThat(send("POST", API, Optional.empty(), "{}").statusCode()).isEqualTo(401);

        JsonNode tree = json(send("GET", API, viewer, ""), 200);
        JsonNode client = tree.get("sites").get(0);
        assertThat(client.get("site").asText()).isEqualTo("client");
        assertThat(client.get("sections").findValuesAsText("path"))
                .startsWith("bonus", "bonus/save", "bonus/save/general", "bonus/save/partners", "bonus/spend");
        JsonNode general = section(tree, "client", "bonus/save/general");
        assertThat(general.at("/questions/live").asInt()).isEqualTo(5);
        assertThat(general.at("/titles/ru").asText()).isEqualTo("Общие вопросы");

        String body = """
                {"site": "client", "path": "bonus/new", "titles": {"ru": "Новое"}}""";
        for (String who : List.of(viewer, editor)) {
            var refused = send("POST", API, who, body);
            assertThat(refused.statusCode()).isEqualTo(403);
            assertThat(json(refused, 403).get("error").asText()).contains("publisher");
        }
        long id = general.get("id").asLong();
        assertThat(send("DELETE", API + "/" + id, editor, "").statusCode()).isEqualTo(403);
        assertThat(send("POST", API + "/" + id + "/move", editor, "{\"path\": \"bonus/x\"}")
                        .statusCode())
                .isEqualTo(403);
        assertThat(send("PATCH", API + "/" + id, viewer, "{\"titles\": {\"ru\": \"x\"}}")
                        .statusCode())
                .isEqualTo(403);
        assertThat(send("POST", "/api/v1/admin/questions/456/place", viewer, "{\"pinned\": true}")
                        .statusCode())
                .isEqualTo(403);
    }

    @Test
    void badInputIsA400NamingTheField() throws Exception {
        assertThat(error(send("POST", API, publisher, "{\"site\": \"client\", \"titles\": {\"ru\": \"x\"}}"), 400))
                .contains("field path");
        assertThat(error(
                        send("POST", API, publisher, "{\"site\": \"client\", \"path\": \"Bad Path\", \"titles\": {}}"),
                        400))
                .contains("field path");
        assertThat(error(
                        send(
                                "POST",
                                API,
                                publisher,
                                "{\"site\": \"client\", \"path\": \"bonus/x\", \"titles\": {\"en\": \"x\"}}"),
                        400))
                .contains("titles.en");
        assertThat(error(
                        send(
                                "POST",
                                API,
                                publisher,
                                "{\"site\": \"client\", \"path\": \"nope/x\", \"titles\": {\"ru\": \"x\"}}"),
                        400))
                .contains("field path")
                .contains("nope");
        assertThat(error(send("POST", API + "/order", publisher, "{\"site\": \"client\", \"ids\": [1]}"), 400))
                .contains("field ids");
        assertThat(error(send("POST", "/api/v1/admin/questions/456/place", editor, "{\"pinned\": \"yes\"}"), 400))
                .contains("field pinned");
        assertThat(error(send("POST", "/api/v1/admin/questions/456/place", editor, "{\"section\": \"nope\"}"), 400))
                .contains("field section");
        assertThat(send("GET", API + "/abc", viewer, "").statusCode()).isEqualTo(400);
        assertThat(send("GET", API + "/99999", viewer, "").statusCode()).isEqualTo(404);
    }

    @Test
    void aNewSectionAppearsForReadersItsTitlesChangeAndAnEmptyOneCanBeDeleted() throws Exception {
        var created = send("POST", API, publisher, """
                {"site": "client", "path": "bonus/new", "titles": {"ru": "Новое", "kz": "Жаңа"}}""");
        JsonNode n = json(created, 201);
        assertThat(n.get("path").asText()).isEqualTo("bonus/new");
        assertThat(n.get("parent").asText()).isEqualTo("bonus");
        assertThat(n.get("position").asInt()).as("last of its siblings").isEqualTo(4);
        long id = n.get("id").asLong();
        assertThat(send("POST", API, publisher, """
                        {"site": "client", "path": "bonus/new", "titles": {"ru": "Ещё"}}""").statusCode()).isEqualTo(409);

        // a question drafted into it keeps it from being deleted
        var draft = send("PUT", "/api/v1/admin/questions/7000", editor, """
                {"site": "client", "section": "bonus/new",
                 "locales": {"ru": {"title": "Новый вопрос", "content": "<p>Ответ.</p>"}}}""");
        assertThat(draft.statusCode()).isEqualTo(200);
        assertThat(json(send("GET", API + "/" + id, viewer, ""), 200)
                        .get("question_list")
                        .findValuesAsText("id"))
                .containsExactly("7000");
        assertThat(send("POST", "/api/v1/admin/questions/7000/publish", publisher, "")
                        .statusCode())
                .isEqualTo(200);
        assertThat(Jsoup.parse(app.get("/client/ru/bonus/new").body())
                        .select("h1")
                        .text())
                .isEqualTo("Новое");

        var patched = send("PATCH", API + "/" + id, publisher, "{\"titles\": {\"ru\": \"Новинки\", \"kz\": null}}");
        assertThat(json(patched, 200).get("titles").toString()).isEqualTo("{\"ru\":\"Новинки\"}");
        assertThat(Jsoup.parse(app.get("/client/ru/bonus/new").body())
                        .select("h1")
                        .text())
                .isEqualTo("Новинки");
        assertThat(error(send("PATCH", API + "/" + id, publisher, "{\"titles\": {\"ru\": \"\"}}"), 400))
                .contains("at least one");
        // a NUL character is the sender's mistake, not a server failure; the title stays
        assertThat(error(send("PATCH", API + "/" + id, publisher, "{\"titles\": {\"ru\": \"Но\\u0000винки\"}}"), 400))
                .contains("NUL");
        assertThat(Jsoup.parse(app.get("/client/ru/bonus/new").body())
                        .select("h1")
                        .text())
                .isEqualTo("Новинки");

        String refused = error(send("DELETE", API + "/" + id, publisher, ""), 409);
        assertThat(refused).contains("1 live question");
        String parent = error(send("DELETE", API + "/" + sectionId("client", "bonus"), publisher, ""), 409);
        assertThat(parent).contains("live question").doesNotContain(" 0 live");

        assertThat(send("DELETE", "/api/v1/admin/questions/7000", publisher, "").statusCode())
                .isEqualTo(200);
        assertThat(send("DELETE", API + "/" + id, publisher, "").statusCode()).isEqualTo(204);
        assertThat(send("GET", API + "/" + id, viewer, "").statusCode()).isEqualTo(404);
        assertThat(app.get("/client/ru/bonus/new").statusCode()).isEqualTo(404);
        var audit = json(send("GET", "/api/v1/admin/audit?object_type=section", publisher, ""), 200);
        assertThat(audit.get("entries").findValuesAsText("action"))
                .contains("section.create", "section.retitle", "section.delete");
    }

    @Test
    void movingASectionMovesItsSubtreeAndOldUrlsRedirect() throws Exception {
        // 456 published through the admin (its head), 462 with a pending draft, 9000 a draft only
        JsonNode pinned = json(send("POST", "/api/v1/admin/questions/456/place", publisher, "{\"pinned\": true}"), 200);
        assertThat(pinned.get("status").asText()).isEqualTo("published");
        JsonNode q462 = json(send("GET", "/api/v1/admin/questions/462", viewer, ""), 200);
        ((com.fasterxml.jackson.databind.node.ObjectNode) q462).put("note", "a draft");
        ((com.fasterxml.jackson.databind.node.ObjectNode) q462.at("/locales/ru")).put("title", "Черновик 462");
        assertThat(send("PUT", "/api/v1/admin/questions/462", editor, q462.toString())
                        .statusCode())
                .isEqualTo(200);
        assertThat(send("PUT", "/api/v1/admin/questions/9000", editor, """
                        {"site": "client", "section": "bonus/save/partners",
                         "locales": {"ru": {"title": "Только черновик", "content": "<p>x</p>"}}}""").statusCode())
                .isEqualTo(200);

        long save = sectionId("client", "bonus/save");
        assertThat(error(send("POST", API + "/" + save + "/move", publisher, "{\"path\": \"bonus/save/x\"}"), 400))
                .contains("under the section itself");
        assertThat(error(send("POST", API + "/" + save + "/move", publisher, "{\"path\": \"shop/comment/x\"}"), 400))
                .contains("field path");
        assertThat(error(send("POST", API + "/" + save + "/move", publisher, "{\"path\": \"nope/save\"}"), 400))
                .contains("nope does not exist");
        assertThat(error(send("POST", API + "/" + save + "/move", publisher, "{\"path\": \"bonus/spend\"}"), 409))
                .contains("already exists");

        JsonNode moved = json(send("POST", API + "/" + save + "/move", publisher, "{\"path\": \"shop/keep\"}"), 200);
        assertThat(moved.get("path").asText()).isEqualTo("shop/keep");
        assertThat(moved.get("parent").asText()).isEqualTo("shop");
        assertThat(sectionId("client", "shop/keep/general")).isPositive();

        // readers: the new pages, and 301 from the old ones
        assertThat(app.get("/client/ru/shop/keep/general").statusCode()).isEqualTo(200);
        assertRedirect("/client/ru/bonus/save/general", "/client/ru/shop/keep/general");
        assertRedirect("/client/ru/bonus/save", "/client/ru/shop/keep");
        assertRedirect("/client/ru/bonus/save/general/q456", "/client/ru/shop/keep/general/q456");
        assertRedirect("/client/kz/bonus/save/partners/q700", "/client/kz/shop/keep/partners/q700");
        String sitemap = app.get("/sitemaps/client-ru-1.xml").body();
        assertThat(sitemap).contains("/client/ru/shop/keep/general/q456").doesNotContain("/bonus/save");
        app.app().syncSearch();
        JsonNode hits = json(
                app.get("/api/v1/search?q=" + URLEncoder.encode("бонусы у партнёров", StandardCharsets.UTF_8)
                        + "&site=client&locale=ru"),
                200);
        assertThat(hits.get("results").findValuesAsText("url")).contains("/client/ru/shop/keep/partners/q700");
        assertThat(hits.get("results").findValuesAsText("url")).noneMatch(u -> u.contains("/bonus/save"));

        // editors: revisions name the new path; the live text is still exactly the published revision
        JsonNode a456 = json(send("GET", "/api/v1/admin/questions/456", viewer, ""), 200);
        assertThat(a456.get("section").asText()).isEqualTo("shop/keep/general");
        assertThat(a456.get("status").asText()).isEqualTo("published");
        assertThat(a456.get("published_revision").asInt())
                .isEqualTo(a456.get("revision").asInt());
        JsonNode history = json(send("GET", "/api/v1/admin/questions/456/revisions", viewer, ""), 200);
        assertThat(history.at("/revisions/0/note").asText()).isEqualTo("section moved: bonus/save → shop/keep");
        assertThat(history.at("/revisions/0/author/name").asText()).isEqualTo("bolat");
        JsonNode a462 = json(send("GET", "/api/v1/admin/questions/462", viewer, ""), 200);
        assertThat(a462.get("status").asText()).as("the draft is still pending").isEqualTo("draft");
        assertThat(a462.get("section").asText()).isEqualTo("shop/keep/general");
        assertThat(a462.at("/locales/ru/title").asText()).isEqualTo("Черновик 462");
        assertThat(json(send("GET", "/api/v1/admin/questions/9000", viewer, ""), 200)
                        .get("section")
                        .asText())
                .isEqualTo("shop/keep/partners");
        // publishing the pending draft works and does not need komek to adopt anything
        JsonNode published = json(send("POST", "/api/v1/admin/questions/462/publish", publisher, ""), 200);
        assertThat(published.get("status").asText()).isEqualTo("published");
        assertThat(json(send("GET", "/api/v1/admin/questions/462/revisions", viewer, ""), 200)
                        .get("revisions")
                        .findValuesAsText("note"))
                .noneMatch(note -> note.contains("changed outside the admin"));
        assertThat(app.get("/client/ru/shop/keep/general/q462").body()).contains("Черновик 462");

        // and back: the old place is its own again
        assertThat(send("POST", API + "/" + save + "/move", publisher, "{\"path\": \"bonus/save\"}")
                        .statusCode())
                .isEqualTo(200);
        assertThat(app.get("/client/ru/bonus/save/general/q456").statusCode()).isEqualTo(200);
        assertRedirect("/client/ru/shop/keep/general/q456", "/client/ru/bonus/save/general/q456");
    }

    @Test
    void reorderedSectionsAndPinnedQuestionsShowInThePublicPages() throws Exception {
        List<String> before = texts(app.get("/client/ru/bonus/save").body(), "nav.menu a");
        assertThat(before).containsSubsequence("Накопление", "Списание");
        long save = sectionId("client", "bonus/save");
        long spend = sectionId("client", "bonus/spend");
        long kzonly = sectionId("client", "bonus/kzonly");
        JsonNode ordered = json(
                send(
                        "POST",
                        API + "/order",
                        publisher,
                        "{\"site\": \"client\", \"parent\": \"bonus\", \"ids\": [" + spend + ", " + kzonly + ", " + save
                                + "]}"),
                200);
        assertThat(ordered.get("sections").findValuesAsText("path"))
                .containsExactly("bonus/spend", "bonus/kzonly", "bonus/save");
        assertThat(texts(app.get("/client/ru/bonus/save").body(), "nav.menu a"))
                .containsSubsequence("Списание", "Накопление");

        // pinned first: 462 joins 451, and comes before it by position
        String list = "ol.question-list > li";
        assertThat(texts(app.get("/client/ru/bonus/save/general").body(), list).get(0))
                .isEqualTo("Сколько бонусов можно накопить?");
        JsonNode byEditor = json(send("POST", "/api/v1/admin/questions/462/place", editor, "{\"pinned\": true}"), 200);
        assertThat(byEditor.get("status").asText())
                .as("an editor's placement is a draft")
                .isEqualTo("draft");
        assertThat(texts(app.get("/client/ru/bonus/save/general").body(), list).get(0))
                .isEqualTo("Сколько бонусов можно накопить?");
        JsonNode onADraft =
                json(send("POST", "/api/v1/admin/questions/462/place", publisher, "{\"position\": 1}"), 200);
        assertThat(onADraft.get("status").asText())
                .as("a pending draft is not published by a placement, even a publisher's")
                .isEqualTo("draft");
        assertThat(onADraft.get("pinned").asBoolean()).isTrue();
        assertThat(texts(app.get("/client/ru/bonus/save/general").body(), list).get(0))
                .isEqualTo("Сколько бонусов можно накопить?");
        assertThat(send("POST", "/api/v1/admin/questions/462/publish", publisher, "")
                        .statusCode())
                .isEqualTo(200);
        assertThat(texts(app.get("/client/ru/bonus/save/general").body(), list).get(0))
                .isEqualTo("Я купил товар в Магазине. Начислят ли мне бонусы?");
        // a publisher's placement is public at once when nothing was pending: 456 pinned, first by position
        JsonNode byPublisher = json(
                send("POST", "/api/v1/admin/questions/456/place", publisher, "{\"pinned\": true, \"position\": 0}"),
                200);
        assertThat(byPublisher.get("status").asText()).isEqualTo("published");
        assertThat(texts(app.get("/client/ru/bonus/save/general").body(), list).get(0))
                .isEqualTo("Где узнать, сколько бонусов накоплено?");
    }

    @Test
    void aCrossListedCopyIsADraftWhosePageNamesTheOriginalAsCanonical() throws Exception {
        var r = send(
                "POST",
                "/api/v1/admin/questions/600/crosslist",
                editor,
                "{\"site\": \"client\", \"section\": \"shop/comment\"}");
        JsonNode made = json(r, 201);
        long copy = made.get("id").asLong();
        assertThat(copy).as("one more than the greatest id").isEqualTo(17563);
        JsonNode draft = json(send("GET", "/api/v1/admin/questions/" + copy, viewer, ""), 200);
        assertThat(draft.get("status").asText()).isEqualTo("draft");
        assertThat(draft.get("canonical").asText()).isEqualTo("/bonus/spend/q600");
        assertThat(draft.at("/locales/ru/title").asText()).isEqualTo("Как потратить бонусы?");
        assertThat(app.get("/client/ru/shop/comment/q" + copy).statusCode()).isEqualTo(404);

        assertThat(send("POST", "/api/v1/admin/questions/" + copy + "/publish", publisher, "")
                        .statusCode())
                .isEqualTo(200);
        Document page = Jsoup.parse(app.get("/client/ru/shop/comment/q" + copy).body());
        assertThat(page.select("link[rel=canonical]").attr("href")).endsWith("/client/ru/bonus/spend/q600");

        // a copy of a copy names the same original
        long again = json(
                        send(
                                "POST",
                                "/api/v1/admin/questions/17562/crosslist",
                                editor,
                                "{\"site\": \"client\", \"section\": \"bonus/save/general\"}"),
                        201)
                .get("id")
                .asLong();
        assertThat(json(send("GET", "/api/v1/admin/questions/" + again, viewer, ""), 200)
                        .get("canonical")
                        .asText())
                .isEqualTo("/shop/comment/q17561");
        assertThat(error(
                        send(
                                "POST",
                                "/api/v1/admin/questions/600/crosslist",
                                editor,
                                "{\"site\": \"client\", \"section\": \"bonus/spend\"}"),
                        409))
                .contains("already listed");
    }

    @Test
    void concurrentCrossListingsGetDistinctIds() throws Exception {
        var accounts = app.app().accounts();
        var user = accounts.user(new UserName("aigerim")).orElseThrow();
        var by = Actor.of(new Principal(user.id(), user.name().value(), user.role(), Principal.Via.TOKEN));
        var editorApi = app.app().placement();
        var pool = Executors.newFixedThreadPool(6);
        try {
            var tasks = new ArrayList<Callable<Long>>();
            for (int i = 0; i < 6; i++) {
                tasks.add(() -> editorApi.crossList(600, "client", "shop/comment", by));
            }
            var ids = new HashSet<Long>();
            for (Future<Long> f : pool.invokeAll(tasks)) {
                ids.add(f.get());
            }
            assertThat(ids).hasSize(6).allMatch(id -> id > 17562);
        } finally {
            pool.shutdown();
        }
    }

    // --- helpers ---

    @Test
    void anEmptySectionMovedTwiceStillAnswersAtItsFirstAddress() throws Exception {
        long id = json(send("POST", API, publisher, """
                {"site": "client", "path": "shop/empty", "titles": {"ru": "Пусто", "kz": "Бос"}}"""), 201).get("id").asLong();
        json(send("POST", API, publisher, """
                {"site": "client", "path": "shop/empty/inner", "titles": {"ru": "Внутри"}}"""), 201);
        json(send("POST", API + "/" + id + "/move", publisher, "{\"path\": \"shop/vacant\"}"), 200);
        json(send("POST", API + "/" + id + "/move", publisher, "{\"path\": \"bonus/vacant\"}"), 200);
        // no question was ever listed there: the old pages still lead to the latest place, subsections too
        assertRedirect("/client/ru/shop/empty", "/client/ru/bonus/vacant");
        assertRedirect("/client/kz/shop/vacant", "/client/kz/bonus/vacant");
        assertRedirect("/client/ru/shop/empty/inner", "/client/ru/bonus/vacant/inner");
        assertThat(app.get("/client/ru/bonus/vacant").statusCode()).isEqualTo(200);
        // an old path that is a section again is that section
        json(send("POST", API, publisher, """
                {"site": "client", "path": "shop/empty", "titles": {"ru": "Снова"}}"""), 201);
        assertThat(app.get("/client/ru/shop/empty").statusCode()).isEqualTo(200);
        assertRedirect("/client/ru/shop/vacant", "/client/ru/bonus/vacant");
    }

    private void assertRedirect(String from, String to) {
        var r = app.get(from);
        assertThat(r.statusCode()).as(from).isEqualTo(301);
        assertThat(r.headers().firstValue("Location").orElse("")).as(from).endsWith(to);
    }

    private long sectionId(String site, String path) throws Exception {
        return section(json(send("GET", API, viewer, ""), 200), site, path)
                .get("id")
                .asLong();
    }

    private static JsonNode section(JsonNode tree, String site, String path) {
        for (JsonNode s : tree.get("sites")) {
            if (s.get("site").asText().equals(site)) {
                for (JsonNode n : s.get("sections")) {
                    if (n.get("path").asText().equals(path)) {
                        return n;
                    }
                }
            }
        }
        throw new AssertionError("no section " + site + "/" + path + " in " + tree);
    }

    private static List<String> texts(String html, String css) {
        return Jsoup.parse(html).select(css).eachText();
    }

    private String token(String name, Role role) {
        return new AdminHttp(app).token(name, role);
    }

    private HttpResponse<String> send(String method, String path, String token, String body) {
        return send(method, path, Optional.of(token), body);
    }

    private HttpResponse<String> send(String method, String path, Optional<String> token, String body) {
        return new AdminHttp(app).json(method, path, token, body);
    }

    private JsonNode json(HttpResponse<String> r, int status) throws Exception {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
        return mapper.readTree(r.body());
    }

    private String error(HttpResponse<String> r, int status) throws Exception {
        return json(r, status).get("error").asText();
    }
}
