package kz.komek.admin.sections;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import kz.komek.admin.Role;
import kz.komek.admin.accounts.Password;
import kz.komek.admin.accounts.UserName;
import kz.komek.testing.TestApp;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The sections pages as an editor's browser uses them: signed in with a session, forms with their CSRF token. */
class SectionPagesTest {
    private static final String SESSION = "komek_admin";
    private static final String LOGIN = "komek_login";

    private TestApp app;

    @BeforeEach
    void start() {
        app = TestApp.withBundle("/fixtures/mini.bundle.json");
        app.app().accounts().addUser(new UserName("bolat"), Role.PUBLISHER, new Password("correct horse battery"));
        app.app().accounts().addUser(new UserName("vera"), Role.VIEWER, new Password("correct horse battery"));
    }

    @AfterEach
    void stop() {
        app.close();
    }

    @Test
    void theTreeAndASectionRenderInBothLanguagesWithLabelledForms() {
        String cookie = signIn("bolat");
        var list = get("/admin/sections?lang=kz", cookie);
        assertThat(list.statusCode()).isEqualTo(200);
        Document doc = Jsoup.parse(list.body());
        assertThat(doc.select("h1").text()).isEqualTo("Бөлімдер мен сұрақтар");
        assertThat(doc.select("nav.admin-menu a[aria-current=page]").attr("href"))
                .startsWith("/admin/sections");
        assertThat(doc.select("table.sections-tree td a").eachText()).contains("bonus/save/general", "pay/qr");
        assertThat(doc.select("form[action=/admin/sections] input[name=_csrf]")).hasSize(1);
        for (var input : doc.select("input:not([type=hidden]), select")) {
            assertThat(doc.select("label[for=" + input.id() + "]"))
                    .as(input.toString())
                    .hasSize(1);
        }
        String href = doc.select("a:contains(bonus/save/general)").attr("href");
        assertThat(href).endsWith("?lang=kz");

        Document section = Jsoup.parse(get(href, cookie).body());
        assertThat(section.select("h1").text()).contains("Жалпы сұрақтар");
        assertThat(section.select("tr[data-question]").eachAttr("data-question"))
                .as("pinned first, then by position; drafts and scheduled ones too")
                .containsExactly("451", "456", "462", "553", "999");
        assertThat(section.select("a[href^=/admin/questions/456]")).isNotEmpty();
        assertThat(section.select("a[href^=/admin/questions/new?site=client&section=bonus/save/general]"))
                .hasSize(1);
        assertThat(section.select("form[action$=/questions/456/crosslist] select option")
                        .eachAttr("value"))
                .contains("client:shop/comment");
        for (var input : section.select("input:not([type=hidden]), select")) {
            assertThat(section.select("label[for=" + input.id() + "]"))
                    .as(input.toString())
                    .hasSize(1);
        }

        // a viewer reads, without the forms
        Document asViewer = Jsoup.parse(get(href, signIn("vera")).body());
        assertThat(asViewer.select("tr[data-question]")).hasSize(5);
        assertThat(asViewer.select("form[action$=/move]")).isEmpty();
        // deleting is for publishers: its confirmation page too
        String delete = href.replace("?lang=kz", "/delete");
        assertThat(get(delete, signIn("vera")).statusCode()).isEqualTo(403);
        assertThat(get(delete, cookie).statusCode()).isEqualTo(200);
    }

    @Test
    void aFormPostWithoutTheCsrfTokenIsRefused() {
        String cookie = signIn("bolat");
        var r = post("/admin/sections", Map.of("site", "client", "path", "bonus/new", "ru", "Новое"), cookie);
        assertThat(r.statusCode()).isEqualTo(403);
        assertThat(Jsoup.parse(get("/admin/sections", cookie).body())
                        .select("td a")
                        .eachText())
                .doesNotContain("bonus/new");
    }

    @Test
    void aQuestionNumberBelowOneIsABadRequestNotAServerError() {
        String cookie = signIn("bolat");
        String csrf = csrf(cookie);
        String general = "/admin/sections/" + sectionId(cookie, "bonus/save/general");
        for (String id : new String[] {"0", "-1"}) {
            assertThat(post(general + "/questions/" + id + "/pin", form(csrf, "pinned", "true"), cookie)
                            .statusCode())
                    .as("question " + id)
                    .isEqualTo(400);
        }
    }

    @Test
    void formsChangeTheStructureAndComeBackWithAConfirmationOrTheReason() {
        String cookie = signIn("bolat");
        String csrf = csrf(cookie);

        var created = post(
                "/admin/sections",
                form(csrf, "site", "client", "path", "bonus/new", "ru", "Новое", "kz", "Жаңа", "lang", "ru"),
                cookie);
        assertThat(created.statusCode()).isEqualTo(303);
        String location = created.headers().firstValue("Location").orElseThrow();
        assertThat(location).contains("done=created").contains("lang=ru");
        Document page = Jsoup.parse(get(location, cookie).body());
        assertThat(page.select("[role=status]").text()).isEqualTo("Раздел создан.");
        String base = location.substring(0, location.indexOf('?'));

        var moved = post(base + "/move", form(csrf, "path", "shop/new"), cookie);
        assertThat(moved.statusCode()).isEqualTo(303);
        assertThat(app.get("/client/ru/shop/new").statusCode())
                .as("an empty section page")
                .isIn(200, 404);
        var refused = post(base + "/move", form(csrf, "path", "bonus/spend", "lang", "kz"), cookie);
        assertThat(refused.statusCode()).isEqualTo(409);
        Document again = Jsoup.parse(refused.body());
        assertThat(again.select("[role=alert]").text())
                .startsWith("Орындалмады:")
                .endsWith("client/bonus/spend бөлімі бар.");
        assertThat(again.select("#move-path").val()).as("what was typed stays").isEqualTo("bonus/spend");

        // questions: pin one, move one up; the public page follows
        String general = "/admin/sections/" + sectionId(cookie, "bonus/save/general");
        assertThat(post(general + "/questions/999/pin", form(csrf, "pinned", "true"), cookie)
                        .statusCode())
                .isEqualTo(303);
        assertThat(post(general + "/questions/462/shift", form(csrf, "by", "-1"), cookie)
                        .statusCode())
                .isEqualTo(303);
        Document after = Jsoup.parse(get(general, cookie).body());
        assertThat(after.select("tr[data-question]").eachAttr("data-question"))
                .containsExactly("451", "999", "462", "456", "553");
        assertThat(Jsoup.parse(app.get("/client/ru/bonus/save/general").body())
                        .select("ol.question-list > li > a")
                        .eachAttr("href"))
                .containsExactly(
                        "/client/ru/bonus/save/general/q451",
                        "/client/ru/bonus/save/general/q462",
                        "/client/ru/bonus/save/general/q456");

        // cross-list from the page: a draft copy in the other section
        assertThat(post(general + "/questions/456/crosslist", form(csrf, "target", "client:shop/comment"), cookie)
                        .statusCode())
                .isEqualTo(303);
        Document comment = Jsoup.parse(get("/admin/sections/" + sectionId(cookie, "shop/comment"), cookie)
                .body());
        assertThat(comment.select("tr[data-question]").eachAttr("data-question"))
                .contains("17563");

        // delete: refused with the count while it holds questions, done after confirming when empty
        Document confirm = Jsoup.parse(get(general + "/delete", cookie).body());
        assertThat(confirm.select("[role=alert]").text()).contains("5");
        assertThat(confirm.select("form[action$=/delete]")).isEmpty();
        Document empty = Jsoup.parse(get(base + "/delete", cookie).body());
        assertThat(empty.select("li").eachText()).anyMatch(t -> t.startsWith("client/shop/new"));
        var deleted = post(base + "/delete", form(csrf), cookie);
        assertThat(deleted.statusCode()).isEqualTo(303);
        assertThat(deleted.headers().firstValue("Location").orElseThrow()).contains("done=deleted");
        assertThat(get(base, cookie).statusCode()).isEqualTo(404);
    }

    // --- a browser, by hand ---

    private String signIn(String name) {
        var form = app.get("/admin/login");
        String login = cookie(form, LOGIN);
        String csrf = Jsoup.parse(form.body()).selectFirst("input[name=_csrf]").val();
        var fields = new LinkedHashMap<String, String>();
        fields.put("_csrf", csrf);
        fields.put("next", "/admin");
        fields.put("name", name);
        fields.put("password", "correct horse battery");
        var r = send(post("/admin/login", fields, LOGIN + "=" + login, true));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(303);
        return cookie(r, SESSION);
    }

    private String csrf(String cookie) {
        return Jsoup.parse(get("/admin/sections", cookie).body())
                .selectFirst("form[action=/admin/logout] input[name=_csrf]")
                .val();
    }

    private long sectionId(String cookie, String path) {
        Document doc = Jsoup.parse(get("/admin/sections", cookie).body());
        String href = doc.select("td a").stream()
                .filter(a -> a.text().equals(path))
                .findFirst()
                .orElseThrow()
                .attr("href");
        return Long.parseLong(href.substring("/admin/sections/".length(), href.indexOf('?')));
    }

    private static Map<String, String> form(String csrf, String... pairs) {
        var m = new LinkedHashMap<String, String>();
        m.put("_csrf", csrf);
        for (int i = 0; i < pairs.length; i += 2) {
            m.put(pairs[i], pairs[i + 1]);
        }
        return m;
    }

    private HttpResponse<String> get(String path, String cookie) {
        return app.get(path, "Cookie", SESSION + "=" + cookie);
    }

    private HttpResponse<String> post(String path, Map<String, String> fields, String cookie) {
        return send(post(path, fields, SESSION + "=" + cookie, false));
    }

    private HttpRequest post(String path, Map<String, String> fields, String cookieHeader, boolean unused) {
        String body = fields.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return HttpRequest.newBuilder(URI.create(app.url(path)))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Cookie", cookieHeader)
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
    }

    private HttpResponse<String> send(HttpRequest r) {
        return app.send(r);
    }

    private static String cookie(HttpResponse<?> r, String name) {
        return r.headers().allValues("Set-Cookie").stream()
                .filter(h -> h.startsWith(name + "="))
                .map(h -> h.substring(name.length() + 1, h.indexOf(';') < 0 ? h.length() : h.indexOf(';')))
                .filter(v -> !v.isEmpty())
                .findFirst()
                .orElseThrow(() -> new AssertionError("no cookie " + name + " in " + r.headers()));
    }
}
