package kz.komek.backup;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.ZipFile;
import kz.komek.Config;
import kz.komek.admin.AdminScene;
import kz.komek.admin.Role;
import kz.komek.admin.accounts.Password;
import kz.komek.admin.accounts.UserName;
import kz.komek.bundle.BundleJson;
import kz.komek.testing.AdminHttp;
import kz.komek.testing.TestApp;
import kz.komek.testing.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A help center after a day of editors' and readers' work, backed up while it serves and restored into a new
 * database: the same rows in every table, the same export, the same pages, and a restored site that takes new
 * writes.
 */
class BackupRestoreTest {
    /** Tables the day fills: if one of them were empty, the test would not show that a backup keeps it. */
    private static final List<String> FILLED = List.of(
            "help_center",
            "site",
            "site_title",
            "section",
            "section_title",
            "section_move",
            "question",
            "question_text",
            "question_move",
            "question_head",
            "question_revision",
            "material",
            "material_text",
            "material_head",
            "material_revision",
            "vote",
            "question_view",
            "app_user",
            "api_token",
            "admin_session",
            "login_failure",
            "pending_import",
            "audit_log",
            "search_miss_day",
            "search_day",
            "vote_day",
            "search_outcome",
            "reader_salt",
            "lexicon_verdict");

    /** A reader's browser: views are counted for people, not for scripts. */
    private static final String BROWSER =
            "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/140.0 Safari/537.36";

    @TempDir
    Path dir;

    @Test
    void aRestoredSiteIsTheSiteThatWasBackedUp() throws Exception {
        Path file = dir.resolve("site.zip");
        Config.DbUrl from;
        Map<String, String> pages = new LinkedHashMap<>();
        AdminHttp.Session editor;
        try (var scene = AdminScene.build()) {
            TestApp source = scene.app();
            from = source.db();
            editor = scene.session();
            readersCome(source);
            draftADocument(scene);
            for (String path : pagesToCompare(source)) {
                pages.put(path, page(source, path));
            }
            source.app().flushViews();
            source.app().flushSearches(); // else the app's close writes them after the backup

            var backup = Databases.cli(from, "backup", file.toString());
            assertThat(backup.code()).as(backup.err()).isZero();
            assertThat(backup.out()).startsWith("backed up ").contains(file.toString());
        }
        assertThat(Files.getPosixFilePermissions(file))
                .as("it holds password and token hashes")
                .isEqualTo(PosixFilePermissions.fromString("rw-------"));
        var contents = Databases.contents(from);
        assertThat(contents.keySet()).containsAll(FILLED);
        assertThat(FILLED).allSatisfy(t -> assertThat(contents.get(t)).as(t).isNotEmpty());
        try (var zip = new ZipFile(file.toFile())) {
            assertThat(zip.stream().map(e -> e.getName()))
                    .as("a file per table and the manifest")
                    .hasSize(contents.size() + 1)
                    .contains("manifest.json", "tables/vote.copy", "tables/audit_log.copy");
        }

        Config.DbUrl to = TestDatabase.fresh();
        var restore = Databases.cli(to, "restore", file.toString());
        assertThat(restore.code()).as(restore.err()).isZero();
        assertThat(restore.out()).startsWith("restored ").contains("schema now at version");

        assertThat(Databases.contents(to)).isEqualTo(contents);
        assertThat(Databases.sequences(to)).isEqualTo(Databases.sequences(from));
        String people = "select name, role, password_hash, disabled from app_user order by name";
        assertThat(Databases.rows(to, people))
                .isEqualTo(Databases.rows(from, people))
                .hasSizeGreaterThanOrEqualTo(2);
        String tokens = "select u.name, t.label, encode(t.hash, 'hex'), t.revoked is null from api_token t"
                + " join app_user u on u.id = t.user_id order by t.id";
        assertThat(Databases.rows(to, tokens))
                .isEqualTo(Databases.rows(from, tokens))
                .isNotEmpty();
        String votes = "select id, votes_up, votes_down, usefulness from question order by id";
        assertThat(Databases.rows(to, votes)).isEqualTo(Databases.rows(from, votes));

        Path exportedFrom = dir.resolve("from.json");
        Path exportedTo = dir.resolve("to.json");
        assertThat(Databases.cli(from, "export", exportedFrom.toString()).code())
                .isZero();
        assertThat(Databases.cli(to, "export", exportedTo.toString()).code()).isZero();
        assertThat(Files.readAllBytes(exportedTo)).isEqualTo(Files.readAllBytes(exportedFrom));

        try (var restored = TestApp.empty(c -> c.withDb(Optional.of(to)))) {
            pages.forEach(
                    (path, html) -> assertThat(page(restored, path)).as(path).isEqualTo(html));
            // the editor's browser is still signed in: sessions are in the backup
            var admin = new AdminHttp(restored).withSession("/admin", editor);
            assertThat(admin.statusCode()).isEqualTo(200);

            // new rows take new ids: every sequence went past the restored ones
            var accounts = restored.app().accounts();
            accounts.addUser(new UserName("zhanna"), Role.EDITOR, new Password(AdminHttp.PASSWORD));
            accounts.createToken(new UserName("zhanna"), "after the restore");
            var failed = new AdminHttp(restored).signIn("zhanna", "not the password", "/admin");
            assertThat(failed.statusCode()).isNotEqualTo(303);
            restored.app().bundles().importBundle(new BundleJson().read("""
                    {"format": "komek-bundle/1", "locales": ["ru", "kz"], "default_locale": "ru",
                     "sections": [{"site": "client", "path": "restored", "position": 9, "title": {"ru": "Новое"}}],
                     "questions": [{"id": 70001, "site": "client", "section": "restored", "position": 1,
                       "locales": {"ru": {"title": "Новый вопрос?", "content": "<p>Да.</p>"}}}]}
                    """), List.of());
            var vote =
                    restored.post("/api/v1/questions/70001/votes?locale=ru", "application/json", "{\"useful\": true}");
            assertThat(vote.statusCode()).as(vote.body()).isEqualTo(200);
            assertThat(Databases.count(to, "app_user")).isEqualTo(Databases.count(from, "app_user") + 1);
            assertThat(Databases.count(to, "audit_log")).isGreaterThan(Databases.count(from, "audit_log"));
        }
    }

    /** Readers vote, read, search for what is not there, and open a result; someone guesses a password. */
    private static void readersCome(TestApp app) throws Exception {
        for (String visitor : List.of("a", "b", "c")) {
            var r = app.send(java.net.http.HttpRequest.newBuilder(
                            java.net.URI.create(app.url("/api/v1/questions/462/votes?locale=ru")))
                    .header("Content-Type", "application/json")
                    .header("Cookie", "komek_visitor=" + (visitor + "0123456789abcdefghijk").substring(0, 22))
                    .POST(java.net.http.HttpRequest.BodyPublishers.ofString(
                            visitor.equals("c")
                                    ? "{\"useful\": false, \"reason\": \"unclear\", \"comment\": \"Непонятно, где\"}"
                                    : "{\"useful\": true}"))
                    .build());
            assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        }
        String miss = "/client/ru/search?q=" + URLEncoder.encode("чебурашка апельсин", StandardCharsets.UTF_8);
        assertThat(app.get(miss).statusCode()).isEqualTo(200);
        var opened = app.get(
                "/client/ru/search?q=" + URLEncoder.encode("бонусы", StandardCharsets.UTF_8) + "&open=462&lang=ru");
        assertThat(opened.statusCode()).as(opened.body()).isEqualTo(303);
        new AdminHttp(app).signIn(AdminScene.ADMIN, "a wrong password", "/admin");
        // misses are written in the background
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (Databases.count(app.db(), "search_miss_day") == 0 && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
    }

    /** A page as a reader's browser gets it, with the app's own address (its port) put as one address. */
    private static String page(TestApp app, String path) {
        var r = app.get(path, "User-Agent", BROWSER);
        assertThat(r.statusCode()).as(path).isEqualTo(200);
        return r.body().replace(app.url(""), "http://komek.test");
    }

    /** An editor saves a draft of a document: a material's head and revision. */
    private static void draftADocument(AdminScene scene) {
        var f = new LinkedHashMap<String, String>();
        f.put("_csrf", scene.session().csrf());
        f.put("lang", "ru");
        f.put("place", "partner/pos/docs");
        f.put("position", "5");
        f.put("ru.present", "on");
        f.put("ru.title", "Тарифы");
        f.put("ru.url", "https://example.kz/docs/tariffs.pdf");
        f.put("ru.format", "pdf");
        f.put("ru.size", "120000");
        f.put("action", "save");
        var saved = scene.http().postForm("/admin/materials/new", f, scene.session());
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(303);
    }

    /** A question's page, its section's, a site's home and a page of videos. */
    private static List<String> pagesToCompare(TestApp app) throws Exception {
        var question = new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(app.get("/api/v1/questions/462?site=client&locale=ru").body());
        String url = question.get("url").asText();
        return List.of(url, url.substring(0, url.lastIndexOf('/')), "/client/ru/", "/partner/ru/pos/video");
    }
}
