package kz.komek.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.dialect.Dialects;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import kz.komek.testing.TestApp;
import org.junit.jupiter.api.Test;

/**
 * The hand-written OpenAPI document and the routes agree both ways: every {@code /api/v1} route the app serves is
 * documented (asked of the running app, so a new route fails here until it is), and every documented operation is
 * served and answers as documented. Public operations are called with their documented examples on the demo content
 * and their responses checked against the documented schemas; admin ones must ask for credentials.
 */
class OpenApiDocumentTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "options", "trace");
    /** Where the schema registry finds the document, so that its {@code #/components/…} references resolve. */
    private static final String BASE = "https://komek.invalid/api/v1/openapi.json";

    private final String text = TestApp.resource("/openapi.json");
    private final JsonNode doc = parse(text);
    private final SchemaRegistry schemas =
            SchemaRegistry.withDefaultDialect(Dialects.getOpenApi31(), b -> b.schemas(Map.of(BASE, text)));

    private static JsonNode parse(String text) {
        try {
            return JSON.readTree(text);
        } catch (Exception e) {
            throw new AssertionError("openapi.json is not JSON", e);
        }
    }

    /** One documented operation: {@code get /api/v1/questions/{id}}. */
    private record Operation(String method, String path, JsonNode node, List<JsonNode> parameters) {
        @Override
        public String toString() {
            return method + " " + path;
        }

        /** Public operations say {@code security: []}; the others inherit the document's bearer. */
        boolean open() {
            return node.has("security") && node.get("security").isEmpty();
        }
    }

    private List<Operation> operations() {
        var ops = new ArrayList<Operation>();
        doc.get("paths")
                .properties()
                .forEach(path -> path.getValue().properties().forEach(op -> {
                    if (METHODS.contains(op.getKey())) {
                        var parameters = new ArrayList<JsonNode>();
                        path.getValue().path("parameters").forEach(p -> parameters.add(resolve(p)));
                        op.getValue().path("parameters").forEach(p -> parameters.add(resolve(p)));
                        ops.add(new Operation(op.getKey(), path.getKey(), op.getValue(), parameters));
                    }
                }));
        return ops;
    }

    private JsonNode resolve(JsonNode n) {
        return n.has("$ref") ? resolve(doc.at(n.get("$ref").asText().substring(1))) : n;
    }

    @Test
    void isOpenApi31WithABearerSchemeAndAnErrorSchema() {
        assertThat(doc.get("openapi").asText()).startsWith("3.1.");
        assertThat(doc.at("/components/securitySchemes/bearer/type").asText()).isEqualTo("http");
        assertThat(doc.at("/components/securitySchemes/bearer/scheme").asText()).isEqualTo("bearer");
        assertThat(doc.at("/security/0").has("bearer")).isTrue();
        assertThat(doc.at("/components/schemas/Error/required").toString()).isEqualTo("[\"error\"]");
        assertThat(doc.at("/components/schemas/Status/enum").toString())
                .isEqualTo("[\"draft\",\"published\",\"scheduled\",\"deleted\"]");
    }

    /** Readers need no credentials, editors always do: no public operation under /admin, no admin one outside. */
    @Test
    void publicOperationsNeedNoTokenAndAdminOnesDo() {
        for (Operation op : operations()) {
            boolean admin = op.path().startsWith("/api/v1/admin");
            assertThat(op.open()).as(op + " is public").isEqualTo(!admin);
            assertThat(op.node().has("operationId"))
                    .as(op + " has an operationId")
                    .isTrue();
        }
    }

    /** Served ⇒ documented: every {@code /api/v1} route of the running app, whatever its method. */
    @Test
    void everyServedApiRouteIsDocumented() {
        Set<String> documented = operations().stream().map(Operation::toString).collect(Collectors.toSet());
        try (var app = TestApp.empty()) {
            Set<String> served = apiRoutes(app);
            assertThat(served)
                    .as("the routes, as the running app has them")
                    .contains(
                            "get /api/v1/questions/{id}",
                            "get /api/v1/sections/{path}",
                            "put /api/v1/admin/questions/{id}")
                    .hasSizeGreaterThan(35);
            assertThat(documented).containsAll(served);
            // and the other way, route by route: nothing documented that no route serves (HTTP calls follow below)
            Set<String> all = app.app().routes().stream()
                    .map(OpenApiDocumentTest::openApiSyntax)
                    .collect(Collectors.toSet());
            assertThat(all).containsAll(documented);
        }
    }

    /**
     * The app's {@code /api/v1} routes as OpenAPI names them ({@code get /api/v1/sections/{path}}); HEAD is left out
     * where a GET on the same path serves it (Routes.get registers both).
     */
    private static Set<String> apiRoutes(TestApp app) {
        Set<String> routes = app.app().routes().stream()
                .map(OpenApiDocumentTest::openApiSyntax)
                .filter(r -> r.substring(r.indexOf(' ') + 1).startsWith("/api/v1/"))
                .collect(Collectors.toCollection(TreeSet::new));
        routes.removeIf(r -> r.startsWith("head ") && routes.contains("get " + r.substring(5)));
        return routes;
    }

    /** {@code GET /api/v1/sections/<path>} (Javalin) as {@code get /api/v1/sections/{path}} (OpenAPI). */
    private static String openApiSyntax(String route) {
        int space = route.indexOf(' ');
        String path = route.substring(space + 1).replace('<', '{').replace('>', '}');
        return route.substring(0, space).toLowerCase(Locale.ROOT) + " " + path;
    }

    /**
     * Documented ⇒ served: every operation answers on the running app, and not with "no such route". Admin operations
     * ask for credentials; public ones are called with their documented examples on the demo content, answer with a
     * status their documentation lists, and a JSON body that its schema accepts.
     */
    @Test
    void everyDocumentedOperationAnswersAsDocumented() throws Exception {
        List<Operation> ops = operations();
        assertThat(ops.stream().filter(Operation::open).map(Operation::toString))
                .as("what integrators rely on (interfaces.md), at least")
                .contains(
                        "get /api/v1/questions/{id}",
                        "post /api/v1/questions/{id}/votes",
                        "get /api/v1/sites",
                        "get /api/v1/sections",
                        "get /api/v1/sections/{path}",
                        "get /api/v1/search",
                        "get /api/v1/suggest",
                        "get /health");
        assertThat(ops.stream().map(Operation::toString))
                .contains(
                        "get /api/v1/admin/questions/{id}",
                        "put /api/v1/admin/questions/{id}",
                        "post /api/v1/admin/questions/{id}/publish",
                        "get /api/v1/admin/questions/{id}/revisions",
                        "post /api/v1/admin/questions/{id}/revisions/{rev}/restore");
        try (var app = TestApp.withDemo()) {
            for (Operation op : ops) {
                var r = app.send(request(app, op));
                String body = r.body();
                // what Javalin and Errors answer when no route matches
                assertThat(body)
                        .as(op + ": a route serves it")
                        .doesNotStartWith("{\"error\":\"Endpoint ")
                        .doesNotStartWith("{\"error\":\"There is no page at");
                if (!op.open()) {
                    assertThat(r.statusCode()).as(op + " without a token").isEqualTo(401);
                    continue;
                }
                assertAsDocumented(op, r);
                assertThat(r.statusCode())
                        .as(op + " with its examples: " + body)
                        .isLessThan(300);
            }
            var served = app.get("/api/v1/openapi.json");
            assertThat(served.statusCode()).isEqualTo(200);
            assertThat(JSON.readTree(served.body())).isEqualTo(doc);
        }
    }

    /**
     * The response is one the operation documents: its status is listed, the headers documented as required are
     * there, and a JSON body passes that status's schema.
     */
    private void assertAsDocumented(Operation op, HttpResponse<String> r) throws Exception {
        String status = Integer.toString(r.statusCode());
        JsonNode response = resolve(op.node().path("responses").path(status));
        assertThat(response.isMissingNode())
                .as(op + " answered " + status + ", which its documentation does not list: " + r.body())
                .isFalse();
        response.path("headers").properties().forEach(h -> {
            if (resolve(h.getValue()).path("required").asBoolean()) {
                assertThat(r.headers().firstValue(h.getKey()))
                        .as(op + " " + status + " header " + h.getKey())
                        .isPresent();
            }
        });
        JsonNode content = response.at("/content/application~1json");
        if (!content.isMissingNode()) {
            assertThat(r.headers().firstValue("Content-Type").orElse(""))
                    .as(op + " " + status + " content type")
                    .startsWith("application/json");
            assertValid(op + " " + status, content.get("schema"), JSON.readTree(r.body()));
        }
    }

    /**
     * The public operations' documented errors happen as documented: each status, with its body and headers. Votes
     * are limited to four a minute: the four votes below that reach the vote handler (refused ones count too) use
     * them up, the fifth is a 429.
     */
    @Test
    void publicErrorsAreAsDocumented() throws Exception {
        Map<String, Operation> ops = operations().stream().collect(Collectors.toMap(Operation::toString, o -> o));
        var votes = ops.get("post /api/v1/questions/{id}/votes");
        try (var app = TestApp.withDemo(c -> c.withFeedback(c.feedback().withVotesPerMinute(4)))) {
            Map<String, Integer> gets = new LinkedHashMap<>();
            gets.put("get /api/v1/questions/{id} /api/v1/questions/abc", 400);
            gets.put("get /api/v1/questions/{id} /api/v1/questions/1580?locale=en", 400);
            gets.put("get /api/v1/questions/{id} /api/v1/questions/1580?platform=tv", 400);
            gets.put("get /api/v1/questions/{id} /api/v1/questions/999999", 404);
            gets.put("get /api/v1/questions/{id} /api/v1/questions/1580?site=business", 404);
            gets.put("get /api/v1/questions/{id} /api/v1/questions/1580?locale=ru", 404);
            gets.put("get /api/v1/sections /api/v1/sections?site=business", 404);
            gets.put("get /api/v1/sections /api/v1/sections?locale=en", 400);
            gets.put("get /api/v1/sections/{path} /api/v1/sections/bonus/spend", 404);
            gets.put("get /api/v1/sections/{path} /api/v1/sections/bonus%2Fsave?locale=kz", 200);
            gets.put("get /api/v1/search /api/v1/search", 400);
            gets.put("get /api/v1/search /api/v1/search?q=a&limit=51", 400);
            gets.put("get /api/v1/search /api/v1/search?q=a&site=business", 404);
            gets.put("get /api/v1/search /api/v1/search?q=%2Cjyec", 200);
            gets.put("get /api/v1/search /api/v1/search?q=%D0%B1%D0%BE%D0%BD%D1%83%D0%B7%D1%8B", 200);
            gets.put("get /api/v1/suggest /api/v1/suggest?q=", 400);
            gets.put("get /api/v1/sections /api/v1/sections", 200);
            gets.put("get /api/v1/questions/{id} /api/v1/questions/q456", 200);
            for (var g : gets.entrySet()) {
                String[] parts = g.getKey().split(" ");
                var op = ops.get(parts[0] + " " + parts[1]);
                var r = app.get(parts[2]);
                assertThat(r.statusCode()).as(g.getKey() + ": " + r.body()).isEqualTo(g.getValue());
                assertAsDocumented(op, r);
            }
            String url = app.url("/api/v1/questions/1580/votes");
            Map<String, HttpRequest.Builder> posts = new LinkedHashMap<>();
            posts.put("400 not json", vote(url, "yes"));
            posts.put("400 reason with useful", vote(url, "{\"useful\": true, \"reason\": \"unclear\"}"));
            posts.put("403 cross-site", vote(url, "{\"useful\": true}").header("Sec-Fetch-Site", "cross-site"));
            posts.put(
                    "415 charset",
                    vote(url, "{\"useful\": true}").setHeader("Content-Type", "application/json; charset=bogus"));
            // (413 is CatalogApiTest's: sending a body past the limit races the server closing the connection)
            posts.put("404 unknown", vote(app.url("/api/v1/questions/999999/votes"), "{\"useful\": true}"));
            posts.put("200 first", vote(url, "{\"useful\": false, \"reason\": \"outdated\"}"));
            posts.put("429 past the limit", vote(url, "{\"useful\": true}"));
            for (var p : posts.entrySet()) {
                var r = app.send(p.getValue().build());
                assertThat(r.statusCode())
                        .as(p.getKey() + ": " + r.body())
                        .isEqualTo(Integer.parseInt(p.getKey().substring(0, 3)));
                assertAsDocumented(votes, r);
                if (r.statusCode() == 200) {
                    assertThat(r.headers().allValues("Set-Cookie"))
                            .anySatisfy(c -> assertThat(c).startsWith("komek_visitor="))
                            .anySatisfy(c -> assertThat(c).startsWith("komek_votes="));
                }
            }
        }
    }

    private static HttpRequest.Builder vote(String url, String body) {
        return HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
    }

    /** The id of an offer the suggest API just made, as a client would have it from the response. */
    private static String liveOffer(TestApp app) {
        try {
            var r = app.post("/api/v1/answers/suggest", "application/json", "{\"message\": \"бонус\"}");
            assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
            return JSON.readTree(r.body()).get("id").asText();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /**
     * The operation as a client following its documentation would call it: path and query parameters with their
     * examples, the first example of its body. Admin operations are sent as they are (they stop at the sign-in).
     */
    private HttpRequest request(TestApp app, Operation op) {
        String path = op.path();
        var query = new LinkedHashMap<String, String>();
        for (JsonNode p : op.parameters()) {
            String name = p.get("name").asText();
            String in = p.get("in").asText();
            JsonNode example = p.has("example") ? p.get("example") : p.at("/schema/example");
            if (in.equals("path")) {
                String value = example.isMissingNode()
                        ? switch (name) {
                            case "rev" -> "1";
                            case "name" -> "someone";
                            default -> "456";
                        }
                        : example.asText();
                if (op.path().startsWith("/api/v1/answers/suggest/") && name.equals("id")) {
                    value = liveOffer(app); // an offer's id exists once a suggestion made it
                }
                path = path.replace("{" + name + "}", value);
            } else if (in.equals("query") && !example.isMissingNode() && op.open()) {
                query.put(name, example.asText());
            }
        }
        path = path.replaceAll("\\{[^}]+}", "456"); // a path parameter the document forgot to declare
        String q = query.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        var body = HttpRequest.BodyPublishers.noBody();
        var builder = HttpRequest.newBuilder(URI.create(app.url(path + (q.isEmpty() ? "" : "?" + q))));
        JsonNode media = op.node().at("/requestBody/content/application~1json");
        if (op.open() && !media.isMissingNode()) {
            JsonNode example = media.has("example")
                    ? media.get("example")
                    : media.path("examples").elements().next().get("value");
            body = HttpRequest.BodyPublishers.ofString(example.toString());
            builder.header("Content-Type", "application/json");
        }
        return builder.method(op.method().toUpperCase(Locale.ROOT), body).build();
    }

    /** Every example in the document (request and response bodies, parameters) is one its schema accepts. */
    @Test
    void everyExampleMatchesItsSchema() {
        int checked = 0;
        for (Operation op : operations()) {
            for (JsonNode p : op.parameters()) {
                if (p.has("example") && p.has("schema")) {
                    assertValid(op + " parameter " + p.get("name").asText(), p.get("schema"), p.get("example"));
                    checked++;
                }
            }
            List<Map.Entry<String, JsonNode>> media = new ArrayList<>();
            op.node()
                    .at("/requestBody/content")
                    .properties()
                    .forEach(e -> media.add(Map.entry("request", e.getValue())));
            op.node()
                    .path("responses")
                    .properties()
                    .forEach(r -> resolve(r.getValue())
                            .path("content")
                            .properties()
                            .forEach(e -> media.add(Map.entry(r.getKey(), e.getValue()))));
            for (var m : media) {
                JsonNode schema = m.getValue().get("schema");
                if (schema == null || !m.getKey().matches("request|[0-9]+")) {
                    continue;
                }
                if (m.getValue().has("example")) {
                    assertValid(
                            op + " " + m.getKey() + " example",
                            schema,
                            m.getValue().get("example"));
                    checked++;
                }
                for (var e : m.getValue().path("examples").properties()) {
                    assertValid(
                            op + " " + m.getKey() + " example " + e.getKey(),
                            schema,
                            e.getValue().get("value"));
                    checked++;
                }
            }
        }
        assertThat(checked).isGreaterThan(40);
    }

    /** The checks above check something: a schema refuses what breaks it, through references too. */
    @Test
    void theSchemasRefuseWhatTheyDoNotDescribe() throws Exception {
        JsonNode question = doc.at("/paths/~1api~1v1~1questions~1{id}/get/responses/200/content/application~1json");
        var good = (com.fasterxml.jackson.databind.node.ObjectNode)
                question.get("example").deepCopy();
        assertThat(errors(question.get("schema"), good)).isEmpty();
        assertThat(errors(question.get("schema"), good.deepCopy().put("locale", "en")))
                .isNotEmpty();
        var noTitle = good.deepCopy();
        noTitle.remove("title");
        assertThat(errors(question.get("schema"), noTitle)).isNotEmpty();
        JsonNode sections = doc.at("/paths/~1api~1v1~1sections~1{path}/get/responses/200/content/application~1json");
        assertThat(errors(sections.get("schema"), JSON.readTree("{\"path\": \"bonus\", \"questions\": 3}")))
                .isNotEmpty();
    }

    private List<com.networknt.schema.Error> errors(JsonNode schemaNode, JsonNode value) {
        Schema schema = schemaNode.has("$ref") && schemaNode.size() == 1
                ? schemas.getSchema(
                        SchemaLocation.of(BASE + schemaNode.get("$ref").asText()))
                : schemas.getSchema(SchemaLocation.of(BASE), schemaNode);
        return schema.validate(value);
    }

    private void assertValid(String what, JsonNode schemaNode, JsonNode value) {
        assertThat(errors(schemaNode, value)).as(what + ": " + value).isEmpty();
    }

    @Test
    void everyReferenceResolves() {
        List<String> refs = new ArrayList<>();
        collect(doc, refs);
        assertThat(refs).isNotEmpty();
        for (String ref : refs) {
            assertThat(ref).startsWith("#/");
            assertThat(doc.at(ref.substring(1)).isMissingNode()).as(ref).isFalse();
        }
    }

    private static void collect(JsonNode n, List<String> refs) {
        if (n.isObject()) {
            n.properties().forEach(e -> {
                if (e.getKey().equals("$ref")) {
                    refs.add(e.getValue().asText());
                } else {
                    collect(e.getValue(), refs);
                }
            });
        } else if (n.isArray()) {
            n.forEach(c -> collect(c, refs));
        }
    }
}
