package kz.komek.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import kz.komek.testing.TestApp;
import org.junit.jupiter.api.Test;

/** The hand-written OpenAPI document describes every admin route, and only those, and holds together. */
class OpenApiDocumentTest {
    private final JsonNode doc = parse();

    private static JsonNode parse() {
        try {
            return new ObjectMapper().readTree(TestApp.resource("/openapi.json"));
        } catch (Exception e) {
            throw new AssertionError("openapi.json is not JSON", e);
        }
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

    @Test
    void everyDocumentedOperationIsServedBehindSignInAndTheDocumentToo() throws Exception {
        Set<String> documented = new HashSet<>();
        doc.get("paths")
                .properties()
                .forEach(path -> path.getValue().properties().forEach(op -> {
                    if (!op.getKey().equals("parameters")) {
                        documented.add(op.getKey() + " " + path.getKey());
                    }
                }));
        // what scripts rely on (interfaces.md), at least
        assertThat(documented)
                .contains(
                        "get /api/v1/admin/questions/{id}",
                        "put /api/v1/admin/questions/{id}",
                        "post /api/v1/admin/questions/{id}/publish",
                        "get /api/v1/admin/questions/{id}/revisions",
                        "post /api/v1/admin/questions/{id}/revisions/{rev}/restore");
        try (var app = TestApp.empty()) {
            for (String op : documented) {
                String method = op.substring(0, op.indexOf(' ')).toUpperCase(Locale.ROOT);
                String path = op.substring(op.indexOf(' ') + 1)
                        .replace("{id}", "456")
                        .replace("{rev}", "1")
                        .replace("{name}", "someone")
                        .replace("{figure}", "views");
                var r = app.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(app.url(path)))
                        .method(method, java.net.http.HttpRequest.BodyPublishers.noBody())
                        .build());
                // a route that does not exist would be 404; every one needs credentials
                assertThat(r.statusCode()).as(op).isEqualTo(401);
            }
            var served = app.get("/api/v1/openapi.json");
            assertThat(served.statusCode()).isEqualTo(200);
            assertThat(new ObjectMapper().readTree(served.body())).isEqualTo(doc);
        }
    }

    /** The other direction: every admin API route in the table of contents is in the document. */
    @Test
    void everyServedAdminApiRouteIsDocumented() throws Exception {
        Set<String> documented = new HashSet<>();
        doc.get("paths")
                .properties()
                .forEach(path ->
                        path.getValue().properties().forEach(op -> documented.add(op.getKey() + " " + path.getKey())));
        String routes = Files.readString(Path.of("src/main/java/kz/komek/web/Routes.java"));
        var route = Pattern.compile("(?:get\\(r, |r\\.(post|put|patch|delete)\\()\"(/api/v1/admin/[^\"]*)\"")
                .matcher(routes);
        List<String> served = new ArrayList<>();
        while (route.find()) {
            served.add((route.group(1) == null ? "get" : route.group(1)) + " " + route.group(2));
        }
        assertThat(served).hasSizeGreaterThan(20);
        assertThat(documented).containsAll(served);
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
