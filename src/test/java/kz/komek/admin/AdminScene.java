package kz.komek.admin;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import kz.komek.admin.accounts.Password;
import kz.komek.admin.accounts.UserName;
import kz.komek.i18n.Locale;
import kz.komek.testing.AdminHttp;
import kz.komek.testing.Fixtures;
import kz.komek.testing.TestApp;
import org.jdbi.v3.core.Handle;
import org.jsoup.Jsoup;

/**
 * A help center after a day of editors' work, for the tests that read every admin page: question 456 edited
 * (SEO fields, a title in each locale), published, restored and changed by an import; a question scheduled; a
 * section's questions moved, pinned and cross-listed; sections created, renamed, moved, ordered and deleted; a
 * colleague added with a token; a word pair confirmed; a bundle with unknown fields, unsafe markup, changed votes
 * and an untitled section checked and imported. Everything through the admin's own forms, over HTTP, as the admin
 * {@link #ADMIN}.
 *
 * <p>{@link #pages()} is the one list of the admin's pages (GET, HTML) with the ids of that data filled in; the
 * tests that visit them check it against the routes served ({@link #routes()}).
 */
public final class AdminScene implements AutoCloseable {
    public static final String ADMIN = "aigerim";
    public static final String PASSWORD = AdminHttp.PASSWORD;

    /** The question the day revolves around (mini.bundle.json's first). */
    public static final long QUESTION = 456;

    /** A page of the admin: what the tests call it, the route it is served by, and its address here. */
    public record Page(String name, String route, String path) {}

    /**
     * Admin routes (GET) that are not admin pages, with why: the tests that visit every page skip them, and fail
     * if one of these is no longer served.
     */
    public static final Map<String, String> NOT_PAGES = Map.of(
            "/admin/", "redirects to /admin",
            "/admin/questions/{id}/preview", "the reader's page of a draft, shown in the editor's preview frames",
            "/admin/analytics/{file}", "a table of the analytics page as a CSV file");

    private final TestApp app;
    private final AdminHttp http;
    private final AdminHttp.Session session;
    private final long section;
    private final long crossListed;
    private final long importId;
    /** A video of the materials fixture. */
    static final long MATERIAL = 9001;

    private final Map<Locale, String> reports;

    private AdminScene(TestApp app) {
        this.app = app;
        this.http = new AdminHttp(app);
        app.app().accounts().addUser(new UserName(ADMIN), Role.ADMIN, new Password(PASSWORD));
        this.session = http.session(ADMIN, PASSWORD);
        try {
            this.section = sectionId("bonus/save/general");
            editQuestion();
            this.crossListed = arrangeSection();
            editSections();
            manageUsers();
            confirmWords();
            // videos and documents beside the questions, for the materials' pages
            app.app()
                    .bundles()
                    .importBundle(
                            new kz.komek.bundle.BundleJson().read(TestApp.resource("/fixtures/materials.bundle.json")),
                            List.of());
            var imported = importBundle();
            this.reports = imported.reports();
            this.importId = imported.id();
            // the next edit files the text the import changed as a revision of its own, and asks to compare first
            var stale = http.submit(
                    session, "/admin/questions/" + QUESTION, "#question-form", Map.of("ru.title", "Сколько бонусов?"));
            assertThat(Jsoup.parse(stale.body()).select("#q-error")).isNotEmpty();
            save(QUESTION, Map.of("ru.title", "Где узнать, сколько бонусов накоплено сейчас?"));
        } catch (RuntimeException | Error e) {
            app.close();
            throw e;
        } catch (Exception e) {
            app.close();
            throw new IllegalStateException(e);
        }
    }

    public static AdminScene build() {
        return new AdminScene(TestApp.withBundle("/fixtures/mini.bundle.json"));
    }

    public TestApp app() {
        return app;
    }

    public AdminHttp http() {
        return http;
    }

    public AdminHttp.Session session() {
        return session;
    }

    /**
     * The dry run's report of the bundle the scene imported, in {@code locale}: the answer to the upload, not a page
     * of its own.
     */
    public String importReport(Locale locale) {
        return reports.get(locale);
    }

    /** Question {@link #QUESTION}'s latest revision. */
    public int latestRevision() {
        return Jsoup.parse(http.withSession("/admin/questions/" + QUESTION + "/revisions", session)
                        .body())
                .select("tr[data-revision]")
                .stream()
                .mapToInt(r -> Integer.parseInt(r.attr("data-revision")))
                .max()
                .orElseThrow();
    }

    /** Every admin page, in the menu's order; the sign-in page last (visited signed out). */
    public List<Page> pages() {
        String q = "/admin/questions/" + QUESTION;
        String s = "/admin/sections/" + section;
        return List.of(
                new Page("home", "/admin", "/admin"),
                new Page("find", "/admin/questions", "/admin/questions?q=" + enc("бонус")),
                new Page("new-question", "/admin/questions/new", "/admin/questions/new"),
                new Page("editor", "/admin/questions/{id}", q),
                new Page("revisions", "/admin/questions/{id}/revisions", q + "/revisions"),
                // revision 1 is the imported text, 4 has the SEO fields, phrasings and a date to publish at
                new Page("diff", "/admin/questions/{id}/diff", q + "/diff?from=1&to=4"),
                new Page("delete", "/admin/questions/{id}/delete", q + "/delete"),
                new Page("cross-listed", "/admin/questions/{id}", "/admin/questions/" + crossListed),
                new Page("materials", "/admin/materials", "/admin/materials"),
                new Page("new-material", "/admin/materials/new", "/admin/materials/new"),
                new Page("material", "/admin/materials/{id}", "/admin/materials/" + MATERIAL),
                new Page(
                        "material-revisions",
                        "/admin/materials/{id}/revisions",
                        "/admin/materials/" + MATERIAL + "/revisions"),
                new Page("sections", "/admin/sections", "/admin/sections"),
                new Page("section", "/admin/sections/{id}", s),
                new Page("section-delete", "/admin/sections/{id}/delete", s + "/delete"),
                new Page("transfer", "/admin/transfer", "/admin/transfer"),
                new Page("import", "/admin/transfer/imports/{id}", "/admin/transfer/imports/" + importId),
                new Page("words", "/admin/words", "/admin/words"),
                new Page("audit", "/admin/audit", "/admin/audit"),
                new Page("analytics", "/admin/analytics", "/admin/analytics"),
                new Page("users", "/admin/users", "/admin/users"),
                new Page("account", "/admin/account", "/admin/account"),
                new Page("login", "/admin/login", "/admin/login"));
    }

    /** The route of a job's page, which exists only while a check runs: see {@link #holdJob()}. */
    public static final String JOB_ROUTE = "/admin/transfer/jobs/{id}";

    /**
     * Every admin route answering GET, as {@code web/Routes.java} registers them (as the OpenAPI test reads its API
     * routes).
     */
    public static List<String> routes() throws java.io.IOException {
        String routes = Files.readString(Path.of("src/main/java/kz/komek/web/Routes.java"));
        var m = Pattern.compile("(?:get\\(r, |r\\.get\\()\"(/admin[^\"]*)\"").matcher(routes);
        var out = new ArrayList<String>();
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }

    /**
     * A check of an upload held behind another import's lock, so that its job page shows how far it got; closing it
     * lets the check end.
     */
    public final class HeldJob implements AutoCloseable {
        private final Handle lock;
        private final String path;

        private HeldJob(Handle lock, String path) {
            this.lock = lock;
            this.path = path;
        }

        /** The job page's address (with {@code ?lang=}). */
        public String path() {
            return path;
        }

        /** Lets the check end; closing again does nothing. */
        @Override
        public void close() {
            if (!lock.isClosed()) {
                lock.rollback();
                lock.close();
            }
        }
    }

    public HeldJob holdJob() throws Exception {
        Handle lock = app.app().jdbi().open();
        try {
            lock.begin();
            lock.execute("lock table help_center in exclusive mode");
            var r = upload(new ObjectMapper().writeValueAsBytes(Fixtures.changedBundle(false)));
            assertThat(r.statusCode()).as(r.body()).isEqualTo(303);
            return new HeldJob(lock, r.headers().firstValue("Location").orElseThrow());
        } catch (Exception | Error e) {
            lock.close();
            throw e;
        }
    }

    @Override
    public void close() {
        app.close();
    }

    // --- the day's work ---

    /**
     * Question 456: its SEO fields and titles changed and saved with a note, published, scheduled again, its first
     * revision restored; question 462 scheduled for later.
     */
    private void editQuestion() {
        var fields = new LinkedHashMap<String, String>();
        fields.put("ru.meta_title", "Бонусы: где смотреть");
        fields.put("ru.meta_description", "Сколько бонусов накоплено");
        fields.put("ru.no_index", "on");
        fields.put("kz.no_follow", "on");
        fields.put("kz.title", "Жиналған бонус санын қайдан көремін?");
        fields.put("ru.phrasings", "сколько у меня бонусов\nбаланс бонусов");
        fields.put("note", "SEO для поиска");
        save(QUESTION, fields);
        ok(http.submit(session, "/admin/questions/" + QUESTION, "#question-form", Map.of("action", "publish")));
        save(QUESTION, Map.of("ru.meta_h1", "Бонусы"));
        ok(http.submit(
                session,
                "/admin/questions/" + QUESTION,
                "#question-form",
                Map.of("action", "schedule", "at", "2099-06-01T09:00")));
        ok(http.submit(
                session,
                "/admin/questions/" + QUESTION + "/revisions",
                "form[action*='/revisions/1/restore']",
                Map.of()));
        ok(http.submit(
                session,
                "/admin/questions/462",
                "#question-form",
                Map.of("action", "schedule", "at", "2099-01-01T09:00")));
    }

    /** Saves the editor's form of question {@code id} as a draft, with {@code changes} over what it holds. */
    private void save(long id, Map<String, String> changes) {
        ok(http.submit(session, "/admin/questions/" + id, "#question-form", changes));
    }

    /** A write the page reports done: shown at once (200) or by way of a redirect (303), refused by nothing. */
    private static void ok(HttpResponse<String> r) {
        assertThat(r.statusCode()).as(r.uri() + ": " + r.body()).isIn(200, 303);
        assertThat(Jsoup.parse(r.body()).select(".form-error, .sections-error, [role=alert]"))
                .as(r.uri() + ": " + r.body())
                .isEmpty();
    }

    /** In bonus/save/general: a question moved down, one pinned, one cross-listed; returns the copy's id. */
    private long arrangeSection() {
        String s = "/admin/sections/" + section;
        expect(
                303,
                http.submit(session, s, "form[action*='/questions/462/shift']:has(input[name=by][value=1])", Map.of()));
        expect(303, http.submit(session, s, "form[action*='/questions/451/pin']", Map.of()));
        expect(
                303,
                http.submit(
                        session,
                        s,
                        "form[action*='/questions/553/crosslist']",
                        Map.of("target", "client:bonus/spend")));
        return Jsoup.parse(http.withSession("/admin/audit?action=question.cross_list", session)
                        .body())
                .select("tr[data-id] a[href^=/admin/questions/]")
                .stream()
                .map(a -> Long.parseLong(a.attr("href").replaceAll("\\D*(\\d+).*", "$1")))
                .filter(id -> id != 553)
                .findFirst()
                .orElseThrow();
    }

    /** A section created, renamed, moved down among its siblings and deleted; another moved with its question. */
    private void editSections() {
        expect(
                303,
                http.submit(
                        session,
                        "/admin/sections",
                        "form[action='/admin/sections']",
                        Map.of("site", "client", "path", "bonus/extra", "ru", "Ещё", "kz", "Тағы")));
        long extra = sectionId("bonus/extra");
        expect(
                303,
                http.submit(
                        session,
                        "/admin/sections/" + extra,
                        "form[action*='/titles']",
                        Map.of("ru", "Дополнительно", "kz", "Қосымша")));
        long spend = sectionId("bonus/spend");
        expect(303, http.submit(session, "/admin/sections/" + spend, "form[action*='/shift']", Map.of()));
        expect(303, http.submit(session, "/admin/sections/" + extra + "/delete", "form[action*='/delete']", Map.of()));
        long delivery = sectionId("shop/delivery");
        expect(
                303,
                http.submit(
                        session,
                        "/admin/sections/" + delivery,
                        "form[action*='/move']",
                        Map.of("path", "shop/shipping")));
    }

    /** A colleague: added, promoted, their password set, a token made for them and revoked, disabled, enabled. */
    private void manageUsers() {
        var user = new LinkedHashMap<String, String>();
        user.put("name", "bolat");
        user.put("role", "editor");
        user.put("password", "first password 1");
        user.put("password2", "first password 1");
        expect(303, http.submit(session, "/admin/users", "section[aria-labelledby=add-user] form", user));
        expect(
                303,
                http.submit(
                        session,
                        "/admin/users",
                        "tr[data-user=bolat] form[action*='/role']",
                        Map.of("role", "publisher")));
        expect(
                303,
                http.submit(
                        session,
                        "/admin/users",
                        "tr[data-user=bolat] form[action*='/password']",
                        Map.of("password", "a new password 42", "password2", "a new password 42")));
        var made = http.submit(
                session,
                "/admin/users",
                "form[action^='/admin/users/tokens']",
                Map.of("user", "bolat", "label", "ночной импорт"));
        assertThat(made.statusCode()).as(made.body()).isIn(200, 303);
        http.submit(session, "/admin/users", "tr[data-token] form[action*='/revoke']", Map.of());
        expect(303, http.submit(session, "/admin/users", "tr[data-user=bolat] form[action*='/disable']", Map.of()));
        expect(303, http.submit(session, "/admin/users", "tr[data-user=bolat] form[action*='/enable']", Map.of()));
    }

    /** A word pair confirmed; a reader's words that led to question 451 (one reader: not used yet). */
    private void confirmWords() {
        expect(303, http.submit(session, "/admin/words", "form.words-add", Map.of("ru", "бонус", "kz", "бонус")));
        var opened = app.get("/client/kz/search?q=" + enc("бонус жинау") + "&open=451&lang=kz");
        assertThat(opened.statusCode()).as(opened.body()).isEqualTo(303);
        app.app().readerWords().count();
    }

    private record Imported(Map<Locale, String> reports, long id) {}

    /**
     * A bundle that makes every kind of import note: unknown fields at each level, markup the sanitizer removes, a
     * section without a title, question 456 (which has a draft) changed; its readers' counts replaced.
     */
    private Imported importBundle() throws Exception {
        ObjectNode b = Fixtures.changedBundle(false);
        b.put("x_origin", "crm");
        ((ObjectNode) b.get("sites").get(0)).put("x_color", "green");
        ArrayNode sections = (ArrayNode) b.get("sections");
        ((ObjectNode) sections.get(0)).put("x_icon", "gift");
        sections.addObject().put("site", "client").put("path", "bonus/untitled").put("position", 9);
        for (var q : b.get("questions")) {
            var o = (ObjectNode) q;
            if (o.get("id").asLong() == QUESTION) {
                o.putObject("votes").put("up", 76).put("down", 25);
                o.put("x_source", "crm");
                ((ObjectNode) o.at("/locales/ru")).put("x_reviewed", true);
            }
            if (o.get("id").asLong() == 5001) {
                ((ObjectNode) o.at("/locales/ru"))
                        .put("content", "<p onclick=\"steal()\">Ответ</p><script>steal()</script>");
            }
        }
        byte[] file = new ObjectMapper().writeValueAsBytes(b);
        var reports = new java.util.EnumMap<Locale, String>(Locale.class);
        String pending = "";
        for (Locale locale : Locale.values()) {
            var checked = http.upload(
                    session,
                    "/admin/transfer?lang=" + locale.code(),
                    Map.of("_csrf", session.csrf(), "site", "", "votes", "replace"),
                    "day.json",
                    file);
            assertThat(checked.statusCode()).as(checked.body()).isEqualTo(200);
            reports.put(locale, checked.body());
            pending = Jsoup.parse(checked.body())
                    .selectFirst("form.transfer-apply input[name=pending]")
                    .val();
        }
        var fields = new LinkedHashMap<String, String>();
        fields.put("_csrf", session.csrf());
        fields.put("pending", pending);
        var applied = http.postForm("/admin/transfer/apply", fields, session);
        expect(303, applied);
        String result = applied.headers().firstValue("Location").orElseThrow();
        return new Imported(reports, Long.parseLong(result.replaceAll("\\D*(\\d+).*", "$1")));
    }

    private HttpResponse<String> upload(byte[] file) {
        return http.upload(
                session, "/admin/transfer", Map.of("_csrf", session.csrf(), "site", ""), "changes.json", file);
    }

    // --- helpers ---

    private long sectionId(String path) {
        var a =
                Jsoup.parse(http.withSession("/admin/sections", session).body())
                        .select("a[href^=/admin/sections/]")
                        .stream()
                        .filter(l -> l.text().equals(path))
                        .findFirst()
                        .orElseThrow(() -> new AssertionError("no section " + path + " on /admin/sections"));
        return Long.parseLong(a.attr("href").replaceAll("\\D*(\\d+).*", "$1"));
    }

    private static void expect(int status, HttpResponse<String> r) {
        assertThat(r.statusCode()).as(r.uri() + ": " + r.body()).isEqualTo(status);
    }

    private static String enc(String s) {
        return java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8);
    }
}
