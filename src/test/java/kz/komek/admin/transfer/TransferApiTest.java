package kz.komek.admin.transfer;

import static kz.komek.testing.Fixtures.changedBundle;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import kz.komek.admin.Role;
import kz.komek.admin.accounts.Password;
import kz.komek.admin.accounts.UserName;
import kz.komek.admin.audit.AuditLog;
import kz.komek.testing.AdminHttp;
import kz.komek.testing.RawHttp;
import kz.komek.testing.TestApp;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@code POST /api/v1/admin/import} and {@code GET /api/v1/admin/export} over HTTP, on a real database. */
class TransferApiTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final TestApp app = TestApp.withBundle("/fixtures/mini.bundle.json");

    @AfterEach
    void close() {
        app.close();
    }

    private String token(String name, Role role) {
        app.app().accounts().addUser(new UserName(name), role, new Password(AdminHttp.PASSWORD));
        return app.app().accounts().createToken(new UserName(name), "test").value();
    }

    private HttpResponse<String> importAs(String token, String query, String body) {
        var b = HttpRequest.newBuilder(URI.create(app.url("/api/v1/admin/import" + query)))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return app.send(b.build());
    }

    private long count(String table) {
        return app.app()
                .jdbi()
                .withHandle(h -> h.createQuery("select count(*) from " + table)
                        .mapTo(Long.class)
                        .one());
    }

    @Test
    void anonymousIs401AndRolesBelowPublisherAre403() {
        assertThat(importAs(null, "?dry_run=true", "{}").statusCode()).isEqualTo(401);
        assertThat(app.get("/api/v1/admin/export").statusCode()).isEqualTo(401);
        String editor = token("erlan", Role.EDITOR);
        assertThat(importAs(editor, "?dry_run=true", "{}").statusCode()).isEqualTo(403);
        assertThat(app.get("/api/v1/admin/export", "Authorization", "Bearer " + editor)
                        .statusCode())
                .isEqualTo(403);
    }

    @Test
    void aBadLastQuestionIs400NamingItAndNothingIsWritten() throws Exception {
        String publisher = token("bolat", Role.PUBLISHER);
        long questions = count("question");
        long sections = count("section");
        long audit = count("audit_log");
        String title = app.title(456, "kz");

        var r = importAs(publisher, "?dry_run=false", JSON.writeValueAsString(changedBundle(true)));

        assertThat(r.statusCode()).as(r.body()).isEqualTo(400);
        assertThat(JSON.readTree(r.body()).get("error").asText())
                .contains("question 5002")
                .contains("updated");
        assertThat(count("question")).isEqualTo(questions);
        assertThat(count("section")).isEqualTo(sections);
        assertThat(count("audit_log")).isEqualTo(audit);
        assertThat(app.title(456, "kz")).isEqualTo(title);
        assertThat(app.app().bundles().question(5001)).isEmpty();
    }

    @Test
    void aDryRunReportsAndWritesNothing() throws Exception {
        String publisher = token("bolat", Role.PUBLISHER);
        long questions = count("question");
        long audit = count("audit_log");

        var r = importAs(publisher, "?dry_run=true", JSON.writeValueAsString(changedBundle(false)));

        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        JsonNode report = JSON.readTree(r.body());
        assertThat(report.get("dry_run").asBoolean()).isTrue();
        assertThat(report.at("/questions/created").asInt()).isEqualTo(1);
        // only 456's Kazakh title changed; the other eleven are already so
        assertThat(report.at("/questions/updated").asInt()).isEqualTo(1);
        assertThat(report.at("/questions/unchanged").asInt()).isEqualTo(11);
        assertThat(report.get("changed_questions").toString()).isEqualTo("[456,5001]");
        assertThat(report.get("audit_id").isNull()).isTrue();
        assertThat(count("question")).isEqualTo(questions);
        assertThat(count("audit_log")).isEqualTo(audit);
        assertThat(app.title(456, "kz")).isNotEqualTo("Жаңа тақырып");
    }

    @Test
    void anImportAppliesEverythingAndAppendsItsAuditRow() throws Exception {
        String publisher = token("bolat", Role.PUBLISHER);

        var r = importAs(publisher, "?dry_run=false", JSON.writeValueAsString(changedBundle(false)));

        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(app.title(456, "kz")).isEqualTo("Жаңа тақырып");
        assertThat(app.app().bundles().question(5001)).isPresent();
        var rows = app.app().jdbi().withHandle(h -> app.app().auditLog().list(h, AuditLog.Filter.all()));
        AuditLog.Entry row = rows.stream()
                .filter(e -> e.action().equals("bundle.import"))
                .findFirst()
                .orElseThrow();
        assertThat(row.actorName()).isEqualTo("bolat");
        assertThat(row.objectType()).isEqualTo("bundle");
        assertThat(row.objectId()).hasSize(64);
        assertThat(row.after().orElseThrow().get("questions_created").asInt()).isEqualTo(1);
        assertThat(row.after().orElseThrow().get("questions_updated").asInt()).isEqualTo(1);
        assertThat(row.after().orElseThrow().get("questions_unchanged").asInt()).isEqualTo(11);
        assertThat(JSON.readTree(r.body()).get("audit_id").asLong()).isEqualTo(row.id());
    }

    @Test
    void anExportDownloadsAndImportsAgainWithNothingNew() throws Exception {
        String admin = token("aigerim", Role.ADMIN);

        var export = app.get("/api/v1/admin/export", "Authorization", "Bearer " + admin);

        assertThat(export.statusCode()).isEqualTo(200);
        assertThat(export.headers().firstValue("Content-Disposition").orElseThrow())
                .matches("attachment; filename=\"komek-\\d{4}-\\d{2}-\\d{2}\\.bundle\\.json\"");
        assertThat(JSON.readTree(export.body()).get("format").asText()).isEqualTo("komek-bundle/1");
        var again = importAs(admin, "?dry_run=true", export.body());
        assertThat(again.statusCode()).as(again.body()).isEqualTo(200);
        JsonNode report = JSON.readTree(again.body());
        assertThat(List.of(
                        report.at("/sites/created").asInt(),
                        report.at("/sections/created").asInt(),
                        report.at("/questions/created").asInt(),
                        report.at("/sites/updated").asInt(),
                        report.at("/sections/updated").asInt(),
                        report.at("/questions/updated").asInt()))
                .containsOnly(0);
        assertThat(report.at("/questions/unchanged").asInt()).isEqualTo(12);
        assertThat(report.get("changed_questions")).isEmpty();
    }

    @Test
    void anOversizedChunkedImportIs413InJson() throws Exception {
        String publisher = token("bolat", Role.PUBLISHER);
        long audit = count("audit_log");

        var r = RawHttp.chunked(
                app.url(""),
                "/api/v1/admin/import?dry_run=false",
                new String[] {"Authorization: Bearer " + publisher, "Content-Type: application/json"},
                "{\"format\":\"komek-bundle/1\",\"padding\":\"".getBytes(StandardCharsets.UTF_8),
                3 * 1024 * 1024,
                "\"}".getBytes(StandardCharsets.UTF_8));

        assertThat(r.status()).as(r.head() + "\n" + r.body()).isEqualTo(413);
        assertThat(r.header("Content-Type")).startsWith("application/json");
        assertThat(JSON.readTree(r.body()).get("error").asText()).contains("larger than 1048576 bytes");
        assertThat(count("audit_log")).isEqualTo(audit);
    }

    @Test
    void anOversizedImportWithItsLengthIs413InJson() throws Exception {
        String publisher = token("bolat", Role.PUBLISHER);

        var r = RawHttp.withLength(
                app.url(""),
                "/api/v1/admin/import?dry_run=true",
                new String[] {"Authorization: Bearer " + publisher, "Content-Type: application/json"},
                "{\"padding\":\"".getBytes(StandardCharsets.UTF_8),
                3 * 1024 * 1024,
                "\"}".getBytes(StandardCharsets.UTF_8));

        assertThat(r.status()).as(r.head() + "\n" + r.body()).isEqualTo(413);
        assertThat(JSON.readTree(r.body()).get("error").asText()).contains("larger than 1048576 bytes");
    }

    @Test
    void badRequestsAreNamed() throws Exception {
        String publisher = token("bolat", Role.PUBLISHER);
        assertThat(importAs(publisher, "?dry_run=maybe", "{}").body()).contains("dry_run");
        var empty = importAs(publisher, "?dry_run=true", "");
        assertThat(empty.statusCode()).isEqualTo(400);
        assertThat(empty.body()).contains("body");
        // Headers announcing 2 MB, then nothing: refused on the length alone, before reading (sending the whole
        // body would race the server closing the connection after its early answer; see CatalogApiTest)
        var url = URI.create(app.url("/api/v1/admin/import?dry_run=true"));
        try (var socket = new java.net.Socket(url.getHost(), url.getPort())) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream()
                    .write(("POST /api/v1/admin/import?dry_run=true HTTP/1.1\r\nHost: localhost\r\n"
                                    + "Authorization: Bearer " + publisher + "\r\nContent-Type: application/json\r\n"
                                    + "Content-Length: 2000000\r\n\r\n")
                            .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            var in = new java.io.BufferedReader(
                    new java.io.InputStreamReader(socket.getInputStream(), java.nio.charset.StandardCharsets.UTF_8));
            assertThat(in.readLine()).startsWith("HTTP/1.1 413");
            var answer = new StringBuilder();
            for (String line = in.readLine();
                    line != null && !answer.toString().contains("larger");
                    line = in.readLine()) {
                answer.append(line).append('\n');
            }
            assertThat(answer.toString()).contains("larger");
        }
    }

    /** A reader's vote through the public API, as a new visitor (no cookie). */
    private void vote(long id, boolean useful) {
        var r = app.send(HttpRequest.newBuilder(URI.create(app.url("/api/v1/questions/" + id + "/votes")))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"useful\": " + useful + "}"))
                .build());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    }

    private JsonNode votes(long id) throws Exception {
        return JSON.readTree(app.get("/api/v1/questions/" + id + "?locale=ru").body());
    }

    @Test
    void anImportKeepsReadersVotesUnlessAskedToReplaceThem() throws Exception {
        String publisher = token("bolat", Role.PUBLISHER);
        vote(456, true);
        vote(456, true);
        vote(456, false);
        String fixture = TestApp.resource("/fixtures/mini.bundle.json");

        var kept = importAs(publisher, "?dry_run=false", fixture);

        assertThat(kept.statusCode()).as(kept.body()).isEqualTo(200);
        JsonNode report = JSON.readTree(kept.body());
        assertThat(report.get("votes").asText()).isEqualTo("keep");
        assertThat(report.get("vote_changes")).isEmpty();
        assertThat(report.at("/questions/unchanged").asInt()).isEqualTo(12);
        assertThat(votes(456).get("votes").toString()).isEqualTo("{\"up\":2,\"down\":1}");

        var preview = importAs(publisher, "?dry_run=true&votes=replace", fixture);

        assertThat(preview.statusCode()).as(preview.body()).isEqualTo(200);
        assertThat(JSON.readTree(preview.body()).get("vote_changes").toString())
                .isEqualTo("[{\"id\":456,\"before\":{\"up\":2,\"down\":1,\"usefulness\":0.89},"
                        + "\"after\":{\"up\":null,\"down\":null,\"usefulness\":0.89}}]");
        assertThat(votes(456).get("votes").toString()).isEqualTo("{\"up\":2,\"down\":1}");

        var replaced = importAs(publisher, "?dry_run=false&votes=replace", fixture);

        assertThat(JSON.readTree(replaced.body()).get("vote_changes").size()).isEqualTo(1);
        assertThat(votes(456).has("votes")).isFalse();
        var row = app.app().jdbi().withHandle(h -> app.app().auditLog().list(h, AuditLog.Filter.all())).stream()
                .filter(e -> e.action().equals("bundle.import"))
                .findFirst()
                .orElseThrow();
        assertThat(row.after().orElseThrow().get("votes").asText()).isEqualTo("replace");
        assertThat(row.after().orElseThrow().get("votes_changed").asInt()).isEqualTo(1);
    }

    @Test
    void anUnknownVotePolicyIs400AndNothingIsWritten() throws Exception {
        String publisher = token("bolat", Role.PUBLISHER);
        long audit = count("audit_log");

        var r = importAs(publisher, "?dry_run=false&votes=merge", JSON.writeValueAsString(changedBundle(false)));

        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(r.body()).get("error").asText())
                .isEqualTo("votes: expected replace, keep or add, was \"merge\"");
        assertThat(app.app().bundles().question(5001)).isEmpty();
        assertThat(count("audit_log")).isEqualTo(audit);
    }

    @Test
    void aPagePayloadTooLargeForTheHeapIsRefusedAs413BeforeAnythingIsWritten() throws Exception {
        // a page payload is read whole (a bundle is streamed, whatever its size)
        byte[] body = TestApp.resource("/demo/kz-bonus-save-general.payload.txt")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8);
        // the seam Transfers fills with this JVM's heap, here with room for a fifth of what reading takes
        var transfer = new Transfer(
                app.app().jdbi(),
                app.app().bundles(),
                app.app().auditLog(),
                size -> new kz.komek.bundle.HeapBudget(size, 64L << 20));
        long questions = count("question");

        assertThatThrownBy(() -> transfer.parse(body, ""))
                .isInstanceOf(kz.komek.bundle.HeapBudget.TooLarge.class)
                .hasMessageStartingWith("body: is ")
                .hasMessageContaining("-Xmx");
        assertThat(count("question")).isEqualTo(questions);
        // a bundle is not held to the heap: the same tight budget reads it
        assertThat(transfer.parse(JSON.writeValueAsBytes(changedBundle(false)), "")
                        .input()
                        .size())
                .isPositive();
    }

    @Test
    void aNuxtPagePayloadIsReadAsTheCliReadsIt() throws Exception {
        String publisher = token("bolat", Role.PUBLISHER);

        var r = importAs(
                publisher, "?dry_run=true&site=client", TestApp.resource("/demo/kz-bonus-save-general.payload.txt"));

        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        JsonNode report = JSON.readTree(r.body());
        assertThat(report.at("/questions/created").asInt()
                        + report.at("/questions/updated").asInt())
                .isEqualTo(11);
        assertThat(report.get("notes").size()).isPositive();
        assertThat(importAs(
                                publisher,
                                "?dry_run=true&site=BAD",
                                TestApp.resource("/demo/kz-bonus-save-general.payload.txt"))
                        .statusCode())
                .isEqualTo(400);
    }
}
