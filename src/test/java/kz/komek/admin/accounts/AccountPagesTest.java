package kz.komek.admin.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import kz.komek.admin.Principal;
import kz.komek.admin.Role;
import kz.komek.admin.audit.AuditLog;
import kz.komek.testing.AdminHttp;
import kz.komek.testing.TestApp;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Users, one's own password, the account API and their audit rows, over HTTP on a real database. */
class AccountPagesTest {
    private final TestApp app = TestApp.empty();
    private final AdminHttp http = new AdminHttp(app);

    @AfterEach
    void close() {
        app.close();
    }

    private void user(String name, Role role) {
        app.app().accounts().addUser(new UserName(name), role, new Password(AdminHttp.PASSWORD));
    }

    private String token(String name) {
        return app.app().accounts().createToken(new UserName(name), "test").value();
    }

    private HttpResponse<String> postJson(String path, String token, String body) {
        var b = HttpRequest.newBuilder(URI.create(app.url(path)))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return app.send(b.build());
    }

    private HttpResponse<String> form(String path, AdminHttp.Session s, Map<String, String> fields) {
        var all = new LinkedHashMap<String, String>();
        all.put("_csrf", s.csrf());
        all.putAll(fields);
        return http.postForm(path, all, Optional.of(AdminCookies.SESSION + "=" + s.cookie()));
    }

    private List<String> actions(String objectId) {
        return app.app()
                .jdbi()
                .withHandle(h -> h.createQuery(
                                "select action || ' by ' || actor_name from audit_log where object_id = :id order by id")
                        .bind("id", objectId)
                        .mapTo(String.class)
                        .list());
    }

    private boolean live(AdminHttp.Session s) {
        return http.withSession("/admin", s).statusCode() == 200;
    }

    @Test
    void theAccountApiNeedsCredentialsAndTheAdminRole() {
        user("dana", Role.PUBLISHER);
        String publisher = token("dana");
        for (String path :
                List.of("/api/v1/admin/users", "/api/v1/admin/users/dana/role", "/api/v1/admin/users/dana/password")) {
            assertThat(postJson(path, null, "{}").statusCode()).as(path).isEqualTo(401);
            assertThat(postJson(path, publisher, "{\"role\":\"admin\",\"password\":\"x\"}")
                            .statusCode())
                    .as(path)
                    .isEqualTo(403);
        }
        assertThat(postJson("/api/v1/admin/me/password", null, "{}").statusCode())
                .isEqualTo(401);
    }

    @Test
    void theAccountApiRefusesACommonPasswordOrTheUsersNameSayingWhy() {
        user("aigerim", Role.ADMIN);
        String admin = token("aigerim");
        for (String common : List.of("qwerty12345", "PASSWORD123", "1qaz2wsx3edc")) {
            var refused = postJson(
                    "/api/v1/admin/users",
                    admin,
                    "{\"name\":\"nurlan\",\"role\":\"viewer\",\"password\":\"" + common + "\"}");
            assertThat(refused.statusCode()).as(common).isEqualTo(400);
            assertThat(refused.body()).contains("password").contains("is on a list of common passwords");
        }
        var named = postJson(
                "/api/v1/admin/users", admin, "{\"name\":\"nurlan\",\"role\":\"viewer\",\"password\":\"NURLAN\"}");
        assertThat(named.statusCode()).isEqualTo(400);
        var longName = postJson(
                "/api/v1/admin/users",
                admin,
                "{\"name\":\"nurlan.bekov\",\"role\":\"viewer\",\"password\":\"Nurlan.Bekov\"}");
        assertThat(longName.statusCode()).isEqualTo(400);
        assertThat(longName.body()).contains("the password is the user name");
        var created = postJson(
                "/api/v1/admin/users",
                admin,
                "{\"name\":\"nurlan\",\"role\":\"viewer\",\"password\":\"Жаз-2024 таудағы үй\"}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        var reset = postJson("/api/v1/admin/users/nurlan/password", admin, "{\"password\":\"qwerty123456\"}");
        assertThat(reset.statusCode()).isEqualTo(400);
        assertThat(reset.body()).contains("is on a list of common passwords");
        var own = postJson(
                "/api/v1/admin/me/password",
                admin,
                "{\"current\":\"" + AdminHttp.PASSWORD + "\",\"password\":\"1q2w3e4r5t6y\"}");
        assertThat(own.statusCode()).isEqualTo(400);
        assertThat(own.body()).contains("is on a list of common passwords");
    }

    @Test
    void theUsersPageRefusesACommonPasswordInTheEditorsLanguage() {
        user("aigerim", Role.ADMIN);
        var s = http.session("aigerim", AdminHttp.PASSWORD);
        var r = form(
                "/admin/users",
                s,
                Map.of("name", "nurlan", "role", "viewer", "password", "qwerty12345", "password2", "qwerty12345"));
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.body()).contains("Этот пароль есть в списке распространённых паролей");
        assertThat(app.app().accounts().user(new UserName("nurlan"))).isEmpty();
    }

    @Test
    void accountChangesThroughTheApiAreAuditedWithTheirActor() {
        user("aigerim", Role.ADMIN);
        String admin = token("aigerim");

        var created = postJson(
                "/api/v1/admin/users",
                admin,
                "{\"name\":\"nurlan\",\"role\":\"viewer\",\"password\":\"a long password 1\"}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(postJson(
                                "/api/v1/admin/users",
                                admin,
                                "{\"name\":\"Nurlan\",\"role\":\"viewer\",\"password\":\"a long password 1\"}")
                        .statusCode())
                .isEqualTo(409);
        assertThat(postJson(
                                "/api/v1/admin/users",
                                admin,
                                "{\"name\":\"x\",\"role\":\"boss\",\"password\":\"a long password 1\"}")
                        .body())
                .contains("role");
        assertThat(postJson("/api/v1/admin/users/nurlan/role", admin, "{\"role\":\"editor\"}")
                        .statusCode())
                .isEqualTo(200);
        assertThat(postJson("/api/v1/admin/users/aigerim/role", admin, "{\"role\":\"viewer\"}")
                        .statusCode())
                .isEqualTo(400);
        assertThat(postJson("/api/v1/admin/users/nurlan/password", admin, "{\"password\":\"short\"}")
                        .body())
                .contains("password");
        assertThat(postJson("/api/v1/admin/users/nurlan/password", admin, "{\"password\":\"another password 2\"}")
                        .statusCode())
                .isEqualTo(200);
        assertThat(postJson("/api/v1/admin/users/ghost/password", admin, "{\"password\":\"another password 2\"}")
                        .statusCode())
                .isEqualTo(404);
        assertThat(postJson("/api/v1/admin/users/nurlan/disable", admin, "").statusCode())
                .isEqualTo(200);
        assertThat(postJson("/api/v1/admin/users/nurlan/enable", admin, "").statusCode())
                .isEqualTo(200);

        assertThat(actions("nurlan"))
                .containsExactly(
                        "user.create by aigerim",
                        "user.role by aigerim",
                        "user.password by aigerim",
                        "user.disable by aigerim",
                        "user.enable by aigerim");
        var role = app
                .app()
                .auditLog()
                .list(
                        AuditLog.Filter.all().withObject("user", "nurlan"),
                        new Principal(1, "aigerim", Role.ADMIN, Principal.Via.TOKEN))
                .stream()
                .filter(e -> e.action().equals("user.role"))
                .findFirst()
                .orElseThrow();
        assertThat(role.before().orElseThrow().get("role").asText()).isEqualTo("viewer");
        assertThat(role.after().orElseThrow().get("role").asText()).isEqualTo("editor");
        // the new password works, the old one not
        assertThat(http.signIn("nurlan", "another password 2", "/admin").statusCode())
                .isEqualTo(303);
        assertThat(http.signIn("nurlan", "a long password 1", "/admin").statusCode())
                .isEqualTo(401);
    }

    @Test
    void tokensSignInAndSignOutAreAudited() {
        user("aigerim", Role.ADMIN);
        var by = new AuditLog.Signer(Optional.of(1L), "aigerim", Optional.empty());
        var created = app.app().accounts().createToken(new UserName("aigerim"), "ci", by);
        app.app().accounts().revokeToken(created.id(), by);
        var s = http.session("aigerim", AdminHttp.PASSWORD);
        assertThat(form("/admin/logout", s, Map.of()).statusCode()).isEqualTo(303);
        // a failed attempt is not audited (login_failure counts it)
        assertThat(http.signIn("aigerim", "wrong password!", "/admin").statusCode())
                .isEqualTo(401);

        assertThat(actions(Long.toString(created.id())))
                .containsExactly("token.create by aigerim", "token.revoke by aigerim");
        assertThat(actions("aigerim"))
                .containsExactly("user.create by komek", "session.sign_in by aigerim", "session.sign_out by aigerim");
        String tokenAudit = app.app()
                .jdbi()
                .withHandle(h -> h.createQuery("select after::text from audit_log where action = 'token.create'")
                        .mapTo(String.class)
                        .one());
        assertThat(tokenAudit).contains("ci").doesNotContain(created.value());
    }

    @Test
    void changingOnesPasswordEndsTheOtherSessionsOnly() {
        user("dana", Role.VIEWER);
        var here = http.session("dana", AdminHttp.PASSWORD);
        var elsewhere = http.session("dana", AdminHttp.PASSWORD);

        var wrong = form(
                "/admin/account",
                here,
                Map.of("current", "not my password", "password", "a new password 3", "password2", "a new password 3"));
        assertThat(wrong.statusCode()).isEqualTo(400);
        assertThat(live(elsewhere)).isTrue();
        var differ = form(
                "/admin/account",
                here,
                Map.of("current", AdminHttp.PASSWORD, "password", "a new password 3", "password2", "a new password 4"));
        assertThat(differ.statusCode()).isEqualTo(400);
        assertThat(Jsoup.parse(differ.body()).selectFirst(".form-error").text()).isEqualTo("Пароли не совпадают.");

        var changed = form(
                "/admin/account",
                here,
                Map.of("current", AdminHttp.PASSWORD, "password", "a new password 3", "password2", "a new password 3"));

        assertThat(changed.statusCode()).isEqualTo(303);
        assertThat(live(here)).isTrue();
        assertThat(live(elsewhere)).isFalse();
        assertThat(actions("dana")).contains("user.password by dana");
        assertThat(http.signIn("dana", "a new password 3", "/admin").statusCode())
                .isEqualTo(303);
    }

    @Test
    void formsAboutAUserWhoDoesNotExistAnswer404() {
        user("aigerim", Role.ADMIN);
        var s = http.session("aigerim", AdminHttp.PASSWORD);
        for (String action : List.of("disable", "enable", "role")) {
            assertThat(form("/admin/users/ghost/" + action, s, Map.of("role", "viewer"))
                            .statusCode())
                    .as(action)
                    .isEqualTo(404);
        }
    }

    @Test
    void anAdminsPasswordResetAndDisablingEndEverySession() {
        user("aigerim", Role.ADMIN);
        user("dana", Role.VIEWER);
        String admin = token("aigerim");
        var dana = http.session("dana", AdminHttp.PASSWORD);
        postJson("/api/v1/admin/users/dana/password", admin, "{\"password\":\"reset password 5\"}");
        assertThat(live(dana)).isFalse();
        var again = http.session("dana", "reset password 5");
        var s = http.session("aigerim", AdminHttp.PASSWORD);
        assertThat(form("/admin/users/dana/disable", s, Map.of()).statusCode()).isEqualTo(303);
        assertThat(live(again)).isFalse();
    }

    @Test
    void anAdminSetsAForgottenPasswordOnTheUsersPage() {
        user("aigerim", Role.ADMIN);
        user("dana", Role.EDITOR);
        var dana = http.session("dana", AdminHttp.PASSWORD);
        var s = http.session("aigerim", AdminHttp.PASSWORD);
        var page = Jsoup.parse(http.withSession("/admin/users", s).body());
        assertThat(page.select("tr[data-user=dana] form[action*='/admin/users/dana/password'] input[type=password]"))
                .hasSize(2);
        assertThat(page.select("tr[data-user=aigerim] form[action*='/password']"))
                .isEmpty();

        // refused, and nothing changed: typed twice differently, too short, one's own, a non-admin, no CSRF token
        var differ = form(
                "/admin/users/dana/password",
                s,
                Map.of("password", "reset password 5", "password2", "reset password 6"));
        assertThat(differ.statusCode()).isEqualTo(400);
        assertThat(Jsoup.parse(differ.body()).selectFirst(".form-error").text()).startsWith("dana: ");
        assertThat(form("/admin/users/dana/password", s, Map.of("password", "short", "password2", "short"))
                        .statusCode())
                .isEqualTo(400);
        var own = form(
                "/admin/users/aigerim/password",
                s,
                Map.of("password", "reset password 5", "password2", "reset password 5"));
        assertThat(own.statusCode()).isEqualTo(400);
        assertThat(Jsoup.parse(own.body()).selectFirst(".form-error").text()).contains("Мой пароль");
        assertThat(form(
                                "/admin/users/dana/password",
                                dana,
                                Map.of("password", "reset password 5", "password2", "reset password 5"))
                        .statusCode())
                .isEqualTo(403);
        assertThat(http.postForm(
                                "/admin/users/dana/password",
                                Map.of("password", "reset password 5", "password2", "reset password 5"),
                                Optional.of(AdminCookies.SESSION + "=" + s.cookie()))
                        .statusCode())
                .isEqualTo(403);
        assertThat(form(
                                "/admin/users/ghost/password",
                                s,
                                Map.of("password", "reset password 5", "password2", "reset password 5"))
                        .statusCode())
                .isEqualTo(404);
        assertThat(live(dana)).isTrue();
        assertThat(actions("dana")).noneMatch(a -> a.startsWith("user.password"));

        var reset = form(
                "/admin/users/dana/password",
                s,
                Map.of("password", "reset password 5", "password2", "reset password 5"));
        assertThat(reset.statusCode()).as(reset.body()).isEqualTo(303);
        assertThat(reset.headers().firstValue("Location"))
                .hasValueSatisfying(l -> assertThat(l).startsWith("/admin/users?done"));
        assertThat(live(dana)).isFalse();
        assertThat(http.signIn("dana", AdminHttp.PASSWORD, "/admin").statusCode())
                .isNotEqualTo(303);
        assertThat(live(http.session("dana", "reset password 5"))).isTrue();
        assertThat(actions("dana")).contains("user.password by aigerim");
    }

    @Test
    void theUsersPageListsAddsAndChangesUsersForAdminsOnly() {
        user("aigerim", Role.ADMIN);
        user("dana", Role.EDITOR);
        var dana = http.session("dana", AdminHttp.PASSWORD);
        assertThat(http.withSession("/admin/users", dana).statusCode()).isEqualTo(403);
        var s = http.session("aigerim", AdminHttp.PASSWORD);

        var page = Jsoup.parse(http.withSession("/admin/users", s).body());
        assertThat(page.select("tr[data-user]").eachAttr("data-user")).containsExactly("aigerim", "dana");
        assertThat(page.selectFirst("tr[data-user=aigerim]").text()).contains("это вы");
        assertThat(page.selectFirst("tr[data-user=dana]").text())
                .isNotEqualTo("—")
                .contains("редактор");

        var added = form(
                "/admin/users",
                s,
                Map.of(
                        "name",
                        "bolat",
                        "role",
                        "publisher",
                        "password",
                        "a long password 1",
                        "password2",
                        "a long password 1"));
        assertThat(added.statusCode()).as(added.body()).isEqualTo(303);
        var taken = form(
                "/admin/users",
                s,
                Map.of(
                        "name",
                        "Bolat",
                        "role",
                        "viewer",
                        "password",
                        "a long password 1",
                        "password2",
                        "a long password 1"));
        assertThat(taken.statusCode()).isEqualTo(400);
        assertThat(Jsoup.parse(taken.body()).selectFirst(".form-error").text())
                .isEqualTo("Пользователь «Bolat» уже есть.");
        // refusals are said in the page's language
        var shortKz = form(
                "/admin/users?lang=kz",
                s,
                Map.of("name", "erlan", "role", "viewer", "password", "short", "password2", "short"));
        assertThat(shortKz.statusCode()).isEqualTo(400);
        assertThat(Jsoup.parse(shortKz.body()).selectFirst(".form-error").text())
                .isEqualTo("Құпиясөз 10-ден 1024 таңбаға дейін болуы керек, ал онда 5.");
        var badName = form(
                "/admin/users",
                s,
                Map.of(
                        "name",
                        "Ерлан",
                        "role",
                        "viewer",
                        "password",
                        "a long password 1",
                        "password2",
                        "a long password 1"));
        assertThat(Jsoup.parse(badName.body()).selectFirst(".form-error").text())
                .startsWith("Имя пользователя: от 1 до 64");
        assertThat(form("/admin/users/dana/role", s, Map.of("role", "viewer")).statusCode())
                .isEqualTo(303);
        // without the session's CSRF token: refused, nothing changed
        var forged = http.postForm(
                "/admin/users/dana/role",
                Map.of("role", "admin"),
                Optional.of(AdminCookies.SESSION + "=" + s.cookie()));
        assertThat(forged.statusCode()).isEqualTo(403);

        page = Jsoup.parse(http.withSession("/admin/users?done", s).body());
        assertThat(page.selectFirst(".form-done")).isNotNull();
        assertThat(page.select("tr[data-user]").eachAttr("data-user")).containsExactly("aigerim", "bolat", "dana");
        assertThat(page.selectFirst("tr[data-user=dana] select[name=role] option[selected]")
                        .val())
                .isEqualTo("viewer");
        // dana signed in once: her last sign-in is shown
        assertThat(page.selectFirst("tr[data-user=dana]").select("td").get(3).text())
                .matches("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}");
        assertThat(page.selectFirst("tr[data-user=bolat]").select("td").get(3).text())
                .isEqualTo("—");
    }

    @Test
    void adminsMakeAndRevokeApiTokensOnTheUsersPageAndThroughTheApi() {
        user("aigerim", Role.ADMIN);
        user("dana", Role.EDITOR);
        var s = http.session("aigerim", AdminHttp.PASSWORD);

        // made on the page: its value is shown once, and it works at once
        var made = form("/admin/users/tokens", s, Map.of("user", "dana", "label", "import script"));
        assertThat(made.statusCode()).isEqualTo(200);
        var page = Jsoup.parse(made.body());
        String value = page.selectFirst("#new-token").text();
        assertThat(value).startsWith(Accounts.TOKEN_PREFIX);
        assertThat(http.withToken("/api/v1/admin/me", value).body()).contains("\"dana\"");
        String id = page.selectFirst("tr[data-token]").attr("data-token");
        assertThat(page.selectFirst("tr[data-token]").text()).contains("dana", "import script");
        // listed again later without its value
        var again = http.withSession("/admin/users", s).body();
        assertThat(again).doesNotContain(value);
        assertThat(actions(id)).containsExactly("token.create by aigerim");

        // revoked on the page: refused from then on
        assertThat(form("/admin/users/tokens/" + id + "/revoke", s, Map.of()).statusCode())
                .isEqualTo(303);
        assertThat(http.withToken("/api/v1/admin/me", value).statusCode()).isEqualTo(401);
        assertThat(actions(id)).containsExactly("token.create by aigerim", "token.revoke by aigerim");
        assertThat(form("/admin/users/tokens/424242/revoke", s, Map.of()).statusCode())
                .isEqualTo(404);
        // a token for nobody, or without the session's CSRF token, makes nothing
        assertThat(form("/admin/users/tokens", s, Map.of("user", "nobody", "label", "x"))
                        .statusCode())
                .isEqualTo(400);
        var noCsrf = http.postForm(
                "/admin/users/tokens",
                Map.of("user", "dana", "label", "x"),
                Optional.of(AdminCookies.SESSION + "=" + s.cookie()));
        assertThat(noCsrf.statusCode()).isEqualTo(403);
        assertThat(app.app().accounts().tokens(Optional.empty())).hasSize(1);

        // the same through the API, for admins only
        String admin = token("aigerim");
        String editor = token("dana");
        assertThat(postJson("/api/v1/admin/tokens", editor, "{\"user\": \"dana\"}")
                        .statusCode())
                .isEqualTo(403);
        assertThat(postJson("/api/v1/admin/tokens", null, "{\"user\": \"dana\"}")
                        .statusCode())
                .isEqualTo(401);
        var created = postJson("/api/v1/admin/tokens", admin, "{\"user\": \"dana\", \"label\": \"ci\"}");
        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(created.body()).contains("\"token\":\"" + Accounts.TOKEN_PREFIX);
        var listed = http.withToken("/api/v1/admin/tokens?user=dana", admin);
        assertThat(listed.statusCode()).isEqualTo(200);
        assertThat(listed.body()).contains("\"label\":\"ci\"").doesNotContain("\"token\"");
        long apiId = app.app().accounts().tokens(Optional.of(new UserName("dana"))).stream()
                .filter(t -> t.label().equals("ci"))
                .findFirst()
                .orElseThrow()
                .id();
        var delete = app.send(HttpRequest.newBuilder(URI.create(app.url("/api/v1/admin/tokens/" + apiId)))
                .header("Authorization", "Bearer " + admin)
                .DELETE()
                .build());
        assertThat(delete.statusCode()).isEqualTo(204);
        var unknown = app.send(HttpRequest.newBuilder(URI.create(app.url("/api/v1/admin/tokens/424242")))
                .header("Authorization", "Bearer " + admin)
                .DELETE()
                .build());
        assertThat(unknown.statusCode()).isEqualTo(404);
    }
}
