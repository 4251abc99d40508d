package kz.komek.admin.transfer;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import kz.komek.admin.Role;
import kz.komek.admin.accounts.AdminCookies;
import kz.komek.admin.accounts.Password;
import kz.komek.admin.accounts.UserName;
import kz.komek.testing.AdminHttp;
import kz.komek.testing.Fixtures;
import kz.komek.testing.RawHttp;
import kz.komek.testing.TestApp;
import org.jdbi.v3.core.Handle;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@code /admin/transfer}: upload (multipart) → dry-run report → apply, as a signed-in browser does it. */
class TransferPagesTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final TestApp app = TestApp.withBundle("/fixtures/mini.bundle.json");
    private final AdminHttp http = new AdminHttp(app);

    @AfterEach
    void close() {
        app.close();
    }

    private AdminHttp.Session signIn(String name, Role role) {
        app.app().accounts().addUser(new UserName(name), role, new Password(AdminHttp.PASSWORD));
        return http.session(name, AdminHttp.PASSWORD);
    }

    /** A multipart/form-data post as a browser sends the upload form. */
    private HttpResponse<String> upload(AdminHttp.Session s, Map<String, String> fields, String fileName, byte[] file) {
        String boundary = "----komek" + System.nanoTime();
        var body = new ByteArrayOutputStream();
        fields.forEach((k, v) -> body.writeBytes(
                ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + k + "\"\r\n\r\n" + v + "\r\n")
                        .getBytes(StandardCharsets.UTF_8)));
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                        + "\"\r\nContent-Type: application/json\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8));
        body.writeBytes(file);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return app.send(HttpRequest.newBuilder(URI.create(app.url("/admin/transfer")))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .header("Cookie", AdminCookies.SESSION + "=" + s.cookie())
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
                .build());
    }

    private HttpResponse<String> apply(AdminHttp.Session s, String pending) {
        var fields = new LinkedHashMap<String, String>();
        fields.put("_csrf", s.csrf());
        fields.put("pending", pending);
        return http.postForm("/admin/transfer/apply", fields, Optional.of(AdminCookies.SESSION + "=" + s.cookie()));
    }

    private static byte[] bundle(boolean bad) throws Exception {
        return JSON.writeValueAsBytes(Fixtures.changedBundle(bad));
    }

    @Test
    void uploadShowsTheDryRunThenApplyImportsAndShowsTheResult() throws Exception {
        var s = signIn("bolat", Role.PUBLISHER);
        String before = app.title(456, "kz");

        var report = upload(s, Map.of("_csrf", s.csrf(), "site", ""), "changes.json", bundle(false));

        assertThat(report.statusCode()).as(report.body()).isEqualTo(200);
        Document page = Jsoup.parse(report.body());
        assertThat(page.select(".transfer-report tbody tr").eachText())
                .contains("Сайты 0 0 2", "Разделы 0 0 11", "Вопросы 1 1 11");
        assertThat(page.select(".transfer-changed a[data-question]").eachAttr("data-question"))
                .containsExactly("456", "5001");
        assertThat(page.selectFirst(".transfer-file").text()).isEqualTo("changes.json");
        assertThat(app.title(456, "kz")).isEqualTo(before); // a dry run
        String pending =
                page.selectFirst("form.transfer-apply input[name=pending]").val();
        assertThat(pending).hasSize(43);

        var applied = apply(s, pending);

        assertThat(applied.statusCode()).as(applied.body()).isEqualTo(303);
        String location = applied.headers().firstValue("Location").orElseThrow();
        assertThat(location).matches("/admin/transfer/imports/\\d+\\?lang=ru");
        assertThat(app.title(456, "kz")).isEqualTo("Жаңа тақырып");
        var result = http.withSession(location, s);
        assertThat(result.statusCode()).isEqualTo(200);
        assertThat(Jsoup.parse(result.body())
                        .select(".transfer-report tbody tr")
                        .eachText())
                .contains("Вопросы 1 1 11");
        // applied once: the pending upload is gone
        assertThat(apply(s, pending).statusCode()).isEqualTo(404);
    }

    @Test
    void theFormKeepsVotesByDefaultAndTheReportListsTheCountsAnImportWouldChange() throws Exception {
        var s = signIn("bolat", Role.PUBLISHER);
        Document form = Jsoup.parse(http.withSession("/admin/transfer", s).body());
        assertThat(form.select("select[name=votes] option").eachAttr("value"))
                .containsExactly("keep", "replace", "add");
        assertThat(form.selectFirst("select[name=votes] option[selected]").val())
                .isEqualTo("keep");
        app.app().jdbi().useHandle(h -> h.execute("update question set votes_up = 5, votes_down = 2 where id = 456"));
        byte[] fixture = TestApp.resource("/fixtures/mini.bundle.json").getBytes(StandardCharsets.UTF_8);

        Document kept = Jsoup.parse(
                upload(s, Map.of("_csrf", s.csrf()), "mini.json", fixture).body());

        assertThat(kept.selectFirst(".transfer-votes-policy").attr("data-votes"))
                .isEqualTo("keep");
        assertThat(kept.select(".transfer-votes-none")).hasSize(1);

        var report = upload(s, Map.of("_csrf", s.csrf(), "votes", "replace"), "mini.json", fixture);

        assertThat(report.statusCode()).as(report.body()).isEqualTo(200);
        Document page = Jsoup.parse(report.body());
        assertThat(page.select(".transfer-votes li").eachText())
                .containsExactly("456: полезно: 5, не помогло: 2; доля полезных 89 % → доля полезных 89 %");
        assertThat(page.selectFirst("select[name=votes] option[selected]").val())
                .isEqualTo("replace");
        String pending =
                page.selectFirst("form.transfer-apply input[name=pending]").val();

        var applied = apply(s, pending);

        assertThat(applied.statusCode()).as(applied.body()).isEqualTo(303);
        assertThat(app.app().bundles().question(456).orElseThrow().votes()).isEmpty();
        Document result = Jsoup.parse(
                http.withSession(applied.headers().firstValue("Location").orElseThrow(), s)
                        .body());
        assertThat(result.selectFirst(".transfer-votes-policy").attr("data-votes"))
                .isEqualTo("replace");
        assertThat(result.selectFirst(".transfer-votes-count").text()).endsWith(" 1");
    }

    @Test
    void anUnknownVotePolicyIsRefusedOnThePage() throws Exception {
        var s = signIn("bolat", Role.PUBLISHER);

        var r = upload(s, Map.of("_csrf", s.csrf(), "votes", "merge"), "changes.json", bundle(false));

        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(Jsoup.parse(r.body()).selectFirst(".form-error").text())
                .contains("votes: expected replace, keep or add");
        assertThat(app.app().bundles().question(5001)).isEmpty();
    }

    @Test
    void onlyTheUploaderMayApplyTheirUpload() throws Exception {
        var bolat = signIn("bolat", Role.PUBLISHER);
        var other = signIn("saule", Role.ADMIN);
        var report = upload(bolat, Map.of("_csrf", bolat.csrf()), "changes.json", bundle(false));
        String pending = Jsoup.parse(report.body())
                .selectFirst("form.transfer-apply input[name=pending]")
                .val();

        var r = apply(other, pending);

        assertThat(r.statusCode()).isEqualTo(404);
        assertThat(app.app().bundles().question(5001)).isEmpty();
        assertThat(apply(bolat, pending).statusCode()).isEqualTo(303);
        assertThat(app.app().bundles().question(5001)).isPresent();
    }

    @Test
    void aBadFileShowsItsErrorAndNothingToApply() throws Exception {
        var s = signIn("bolat", Role.PUBLISHER);

        var r = upload(s, Map.of("_csrf", s.csrf()), "bad.json", bundle(true));

        assertThat(r.statusCode()).isEqualTo(400);
        Document page = Jsoup.parse(r.body());
        assertThat(page.selectFirst(".form-error").text())
                .contains("question 5002")
                .contains("updated");
        assertThat(page.select("form.transfer-apply")).isEmpty();
        long pending = app.app()
                .jdbi()
                .withHandle(h -> h.createQuery("select count(*) from pending_import")
                        .mapTo(Long.class)
                        .one());
        assertThat(pending).isZero();
    }

    /**
     * An upload form's multipart body around 3 MiB of file, sent by hand (chunked or not), the CSRF token in the
     * form (read by the gate, which parses the body) or in its header (then the upload's handler parses it).
     */
    private RawHttp.Response oversizedUpload(AdminHttp.Session s, boolean chunked, boolean csrfInHeader)
            throws Exception {
        String boundary = "----komek" + System.nanoTime();
        String csrf = csrfInHeader
                ? ""
                : "--" + boundary + "\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n" + s.csrf() + "\r\n";
        byte[] prefix = (csrf + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"site\"\r\n\r\n\r\n--"
                        + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"big.json\"\r\n"
                        + "Content-Type: application/json\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8);
        byte[] suffix = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        String[] headers = {
            "Content-Type: multipart/form-data; boundary=" + boundary,
            "Cookie: " + AdminCookies.SESSION + "=" + s.cookie(),
            csrfInHeader ? "X-CSRF-Token: " + s.csrf() : "X-Requested-With: test"
        };
        long file = 3 * 1024 * 1024; // three times --max-body
        return chunked
                ? RawHttp.chunked(app.url(""), "/admin/transfer", headers, prefix, file, suffix)
                : RawHttp.withLength(app.url(""), "/admin/transfer", headers, prefix, file, suffix);
    }

    @Test
    void anOversizedChunkedUploadIs413WithAPageSayingWhy() throws Exception {
        var s = signIn("bolat", Role.PUBLISHER);

        var r = oversizedUpload(s, true, false);
        var viaHeader = oversizedUpload(s, true, true);

        assertThat(r.status()).as(r.head() + "\n" + r.body()).isEqualTo(413);
        assertThat(r.header("Content-Type")).startsWith("text/html");
        assertThat(Jsoup.parse(r.body()).select("h1").text()).isEqualTo("Слишком большой запрос");
        assertThat(Jsoup.parse(r.body()).text()).contains("Запрос больше 1048576 байт");
        assertThat(viaHeader.status()).as(viaHeader.head()).isEqualTo(413);
        assertThat(Jsoup.parse(viaHeader.body()).text()).contains("Запрос больше 1048576 байт");
        // the server goes on serving
        assertThat(http.withSession("/admin/transfer", s).statusCode()).isEqualTo(200);
        long pending = app.app()
                .jdbi()
                .withHandle(h -> h.createQuery("select count(*) from pending_import")
                        .mapTo(Long.class)
                        .one());
        assertThat(pending).isZero();
    }

    @Test
    void anOversizedUploadWithItsLengthIs413WithAPageSayingWhy() throws Exception {
        var s = signIn("bolat", Role.PUBLISHER);

        var r = oversizedUpload(s, false, false);

        assertThat(r.status()).as(r.head() + "\n" + r.body()).isEqualTo(413);
        assertThat(r.header("Content-Type")).startsWith("text/html");
        assertThat(Jsoup.parse(r.body()).select("h1").text()).isEqualTo("Слишком большой запрос");
        assertThat(Jsoup.parse(r.body()).text()).contains("Запрос больше 1048576 байт");
    }

    @Test
    void anUploadWithoutTheCsrfTokenIsRefused() throws Exception {
        var s = signIn("bolat", Role.PUBLISHER);

        var r = upload(s, Map.of(), "changes.json", bundle(false));

        assertThat(r.statusCode()).isEqualTo(403);
        long pending = app.app()
                .jdbi()
                .withHandle(h -> h.createQuery("select count(*) from pending_import")
                        .mapTo(Long.class)
                        .one());
        assertThat(pending).isZero();
    }

    @Test
    void theTransferPageIsForPublishersAndOffersTheExport() {
        var editor = signIn("erlan", Role.EDITOR);
        assertThat(http.withSession("/admin/transfer", editor).statusCode()).isEqualTo(403);
        var publisher = signIn("bolat", Role.PUBLISHER);
        var page = http.withSession("/admin/transfer", publisher);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(Jsoup.parse(page.body()).select("a[href=/api/v1/admin/export]"))
                .hasSize(1);
        var export = http.get("/api/v1/admin/export", "Cookie", AdminCookies.SESSION + "=" + publisher.cookie());
        assertThat(export.statusCode()).isEqualTo(200);
        assertThat(export.headers().firstValue("Content-Disposition").orElseThrow())
                .startsWith("attachment;");
    }

    /**
     * A check or import longer than the request waits (here: held behind another import's lock) leads to a page that
     * shows how far it got and reloads itself, then shows what it gave, as a quick one does at once.
     */
    @Test
    void aLongCheckAndApplyShowTheirProgressThenTheirResult() throws Exception {
        var s = signIn("bolat", Role.PUBLISHER);
        String pending;
        try (Handle other = app.app().jdbi().open()) {
            other.begin();
            other.execute("lock table help_center in exclusive mode");

            var r = upload(s, Map.of("_csrf", s.csrf(), "site", ""), "changes.json", bundle(false));

            assertThat(r.statusCode()).as(r.body()).isEqualTo(303);
            String job = r.headers().firstValue("Location").orElseThrow();
            assertThat(job).matches("/admin/transfer/jobs/[A-Za-z0-9_-]{22}\\?lang=ru");
            var running = http.withSession(job, s);
            assertThat(running.statusCode()).isEqualTo(200);
            // followed in place by its script, every 2 s; never reloaded whole (WCAG 2.2.1)
            assertThat(running.headers().firstValue("Refresh")).isEmpty();
            Document page = Jsoup.parse(running.body());
            assertThat(page.select("meta[http-equiv=refresh]")).isEmpty();
            assertThat(page.selectFirst(".transfer-progress").attr("data-refresh"))
                    .isEqualTo("2");
            assertThat(page.select("script[src=/static/admin-transfer.js]")).hasSize(1);
            assertThat(page.selectFirst(".transfer-progress").attr("data-phase"))
                    .isEqualTo("checking");
            assertThat(page.selectFirst(".transfer-progress-line").text()).startsWith("Проверка файла:");
            assertThat(page.select(".transfer-report")).isEmpty();
            // another publisher does not see it
            var other2 = signIn("dana", Role.PUBLISHER);
            assertThat(http.withSession(job, other2).statusCode()).isEqualTo(404);
            other.rollback();

            Document done = Jsoup.parse(awaitEnd(job, s).body());
            assertThat(done.select(".transfer-report tbody tr").eachText()).contains("Вопросы 1 1 11");
            pending =
                    done.selectFirst("form.transfer-apply input[name=pending]").val();
        }
        assertThat(app.title(456, "kz")).isNotEqualTo("Жаңа тақырып"); // checked, not applied

        try (Handle other = app.app().jdbi().open()) {
            other.begin();
            other.execute("lock table help_center in exclusive mode");
            var applying = apply(s, pending);
            assertThat(applying.statusCode()).isEqualTo(303);
            String job = applying.headers().firstValue("Location").orElseThrow();
            assertThat(job).startsWith("/admin/transfer/jobs/");
            assertThat(Jsoup.parse(http.withSession(job, s).body()).select(".transfer-progress"))
                    .hasSize(1);
            other.rollback();

            var result = awaitEnd(job, s);
            assertThat(result.statusCode()).isEqualTo(303);
            assertThat(result.headers().firstValue("Location").orElseThrow())
                    .matches("/admin/transfer/imports/\\d+\\?lang=ru");
        }
        assertThat(app.title(456, "kz")).isEqualTo("Жаңа тақырып");
    }

    /** The job page once it no longer shows progress (at most 30 s). */
    private HttpResponse<String> awaitEnd(String job, AdminHttp.Session s) throws InterruptedException {
        long until = System.nanoTime() + java.time.Duration.ofSeconds(30).toNanos();
        while (true) {
            var r = http.withSession(job, s);
            if (r.statusCode() != 200
                    || Jsoup.parse(r.body()).select(".transfer-progress").isEmpty()) {
                return r;
            }
            assertThat(System.nanoTime()).as("the job ends").isLessThan(until);
            Thread.sleep(100);
        }
    }
}
