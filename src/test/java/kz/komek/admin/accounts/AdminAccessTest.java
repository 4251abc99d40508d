package kz.komek.admin.accounts;

import static kz.komek.testing.AdminHttp.PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import kz.komek.admin.Role;
import kz.komek.testing.AdminHttp;
import kz.komek.testing.TestApp;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Who may enter the admin, over real HTTP against a real database: tokens, sessions, roles, CSRF. */
class AdminAccessTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final AtomicInteger NAMES = new AtomicInteger();

    private static TestApp app;
    private static AdminHttp http;

    @BeforeAll
    static void start() {
        app = TestApp.empty();
        http = new AdminHttp(app);
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    @BeforeEach
    void noFailedSignInsYet() {
        // every request here comes from 127.0.0.1: one test's failures must not throttle the next
        app.app().jdbi().useHandle(h -> h.execute("delete from login_failure"));
    }

    private static Accounts accounts() {
        return app.app().accounts();
    }

    /** A new user of this role (names are unique per test run). */
    private static UserName user(Role role) {
        var name = new UserName(role.code() + "-" + NAMES.incrementAndGet());
        accounts().addUser(name, role, new Password(PASSWORD));
        return name;
    }

    private static String token(UserName name) {
        return accounts().createToken(name, "test").value();
    }

    private static JsonNode json(java.net.http.HttpResponse<String> r) throws Exception {
        return JSON.readTree(r.body());
    }

    @Test
    void theApiWithoutCredentialsIs401WithABearerChallenge() throws Exception {
        var r = http.get("/api/v1/admin/me");
        assertThat(r.statusCode()).isEqualTo(401);
        assertThat(r.headers().firstValue("WWW-Authenticate")).contains("Bearer");
        assertThat(r.headers().firstValue("Cache-Control")).contains("no-store");
        assertThat(json(r).get("error").asText()).contains("Bearer");
    }

    @Test
    void aTokenActsAsItsUser() throws Exception {
        var name = user(Role.VIEWER);
        var r = http.withToken("/api/v1/admin/me", token(name));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        var me = json(r);
        assertThat(me.get("name").asText()).isEqualTo(name.value());
        assertThat(me.get("role").asText()).isEqualTo("viewer");
        assertThat(me.get("via").asText()).isEqualTo("token");
    }

    @Test
    void tokensThatDoNotWorkAre401() throws Exception {
        for (String authorization :
                new String[] {"Bearer nonsense", "Bearer komek_" + "A".repeat(43), "Bearer ", "Basic YWRtaW46YWRtaW4="
                }) {
            var r = http.get("/api/v1/admin/me", "Authorization", authorization);
            assertThat(r.statusCode()).as(authorization).isEqualTo(401);
            assertThat(r.headers().firstValue("WWW-Authenticate")).contains("Bearer error=\"invalid_token\"");
            assertThat(json(r).get("error").asText()).contains("not valid");
        }
    }

    @Test
    void aRevokedTokenIs401() {
        var name = user(Role.EDITOR);
        var token = accounts().createToken(name, "ci");
        assertThat(http.withToken("/api/v1/admin/me", token.value()).statusCode())
                .isEqualTo(200);
        accounts().revokeToken(token.id());
        assertThat(http.withToken("/api/v1/admin/me", token.value()).statusCode())
                .isEqualTo(401);
    }

    /** Enabling a user again gives them their sign-in back, not the tokens they had: those may have leaked. */
    @Test
    void reEnablingAUserDoesNotReviveTheirOldTokens() {
        var name = user(Role.EDITOR);
        String token = token(name);
        accounts().disable(name);
        accounts().enable(name);
        assertThat(http.withToken("/api/v1/admin/me", token).statusCode()).isEqualTo(401);
        assertThat(http.withToken("/api/v1/admin/me", token(name)).statusCode()).isEqualTo(200);
        assertThat(http.signIn(name.value(), PASSWORD, "/admin").statusCode()).isEqualTo(303);
    }

    @Test
    void aDisabledUserIsRefusedWithTokenAndSessionAlike() {
        var name = user(Role.EDITOR);
        String token = token(name);
        var session = http.session(name.value(), PASSWORD);

        accounts().disable(name);
        assertThat(http.withToken("/api/v1/admin/me", token).statusCode()).isEqualTo(401);
        assertThat(http.withSession("/api/v1/admin/me", session).statusCode()).isEqualTo(401);
        assertThat(http.withSession("/admin", session).statusCode()).isEqualTo(303);
        var again = http.signIn(name.value(), PASSWORD, "/admin");
        assertThat(again.statusCode()).isEqualTo(401);
        assertThat(AdminHttp.cookie(again, AdminCookies.SESSION)).isEmpty();

        accounts().enable(name);
        // disabling revoked the token and ended the session for good
        assertThat(http.withToken("/api/v1/admin/me", token).statusCode()).isEqualTo(401);
        assertThat(http.withSession("/api/v1/admin/me", session).statusCode()).isEqualTo(401);
    }

    @Test
    void onlyAdminsListUsers() throws Exception {
        var viewer = user(Role.VIEWER);
        var publisher = user(Role.PUBLISHER);
        var admin = user(Role.ADMIN);

        var refused = http.withToken("/api/v1/admin/users", token(viewer));
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(json(refused).get("error").asText()).contains("admin").contains("viewer");
        assertThat(http.withToken("/api/v1/admin/users", token(publisher)).statusCode())
                .isEqualTo(403);

        var r = http.withToken("/api/v1/admin/users", token(admin));
        assertThat(r.statusCode()).isEqualTo(200);
        var names = new java.util.ArrayList<String>();
        json(r).get("users").forEach(u -> names.add(u.get("name").asText()));
        assertThat(names).contains(viewer.value(), publisher.value(), admin.value());
        assertThat(r.body()).doesNotContain("argon2");
    }

    @Test
    void anonymousPagesLeadToTheSignInPageAndBack() {
        var r = http.get("/admin/questions/5?tab=kz");
        assertThat(r.statusCode()).isEqualTo(303);
        String location = r.headers().firstValue("Location").orElseThrow();
        assertThat(location).startsWith("/admin/login?next=");
        String next = URLDecoder.decode(location.substring(location.indexOf('=') + 1), StandardCharsets.UTF_8);
        assertThat(next).isEqualTo("/admin/questions/5?tab=kz");
        assertThat(http.get("/admin").headers().firstValue("Location")).contains("/admin/login");

        var form = http.loginForm(location.substring("/admin/login".length()));
        assertThat(form.next()).isEqualTo("/admin/questions/5?tab=kz");
        var name = user(Role.VIEWER);
        var signedIn = http.signIn(name.value(), PASSWORD, form.next());
        assertThat(signedIn.statusCode()).isEqualTo(303);
        assertThat(signedIn.headers().firstValue("Location")).contains("/admin/questions/5?tab=kz");
    }

    @Test
    void signingInSetsStrictHttpOnlyCookiesForTheAdminPathsOnly() {
        var form = http.loginForm("");
        assertThat(AdminHttp.setCookies(form.response(), AdminCookies.LOGIN))
                .singleElement()
                .satisfies(c -> assertThat(c)
                        .contains("Path=/admin/login")
                        .contains("HttpOnly")
                        .containsIgnoringCase("SameSite=Strict"));
        assertThat(form.csrf()).isEqualTo(form.loginCookie());

        var r = http.signIn(user(Role.EDITOR).value(), PASSWORD, "/admin");
        assertThat(r.statusCode()).isEqualTo(303);
        var cookies = AdminHttp.setCookies(r, AdminCookies.SESSION);
        assertThat(cookies).hasSize(2);
        assertThat(cookies).anySatisfy(c -> assertThat(c).contains("Path=/admin;"));
        assertThat(cookies).anySatisfy(c -> assertThat(c).contains("Path=/api/v1/admin;"));
        assertThat(cookies)
                .allSatisfy(c -> assertThat(c)
                        .contains("HttpOnly")
                        .containsIgnoringCase("SameSite=Strict")
                        .doesNotContainIgnoringCase("Secure")
                        .contains("Max-Age=604800"));
        // the sign-in cookie has done its work
        assertThat(AdminHttp.setCookies(r, AdminCookies.LOGIN)).singleElement().satisfies(AdminHttp::removes);
        // over HTTPS claimed by a proxy nobody said to trust: not believed
        var viaProxy = http.signIn(user(Role.EDITOR).value(), PASSWORD, "/admin", "X-Forwarded-Proto", "https");
        assertThat(AdminHttp.setCookies(viaProxy, AdminCookies.SESSION))
                .allSatisfy(c -> assertThat(c).doesNotContainIgnoringCase("Secure"));
    }

    @Test
    void theLandingPageShowsTheUserTheRoleAndASignOutButton() {
        var name = user(Role.PUBLISHER);
        var session = http.session(name.value(), PASSWORD);
        var page = Jsoup.parse(http.withSession("/admin", session).body());
        assertThat(page.selectFirst("html").attr("lang")).isEqualTo("ru-RU");
        assertThat(page.selectFirst(".admin-who").text()).contains(name.value());
        assertThat(page.selectFirst(".admin-role").text()).isEqualTo("публикатор");
        var signOut = page.selectFirst("form[method=post][action=/admin/logout]");
        assertThat(signOut.selectFirst("input[name=_csrf]").val())
                .isEqualTo(session.csrf())
                .hasSize(43);
        assertThat(signOut.selectFirst("button").text()).isEqualTo("Выйти");

        var kz = Jsoup.parse(http.withSession("/admin?lang=kz", session).body());
        assertThat(kz.selectFirst("html").attr("lang")).isEqualTo("kk-KZ");
        assertThat(kz.selectFirst(".admin-role").text()).isEqualTo("жариялаушы");
        assertThat(kz.selectFirst("form[action=/admin/logout] button").text()).isEqualTo("Шығу");
    }

    @Test
    void aTokenMayReadTheLandingPageButHasNoSessionToEnd() {
        var r = http.withToken("/admin", token(user(Role.VIEWER)));
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(Jsoup.parse(r.body()).select("form[action=/admin/logout]")).isEmpty();
    }

    @Test
    void aWrongPasswordAndAnUnknownNameLookTheSame() {
        var name = user(Role.EDITOR);
        var wrong = http.signIn(name.value(), "not the password", "/admin");
        var unknown = http.signIn("nobody-" + NAMES.incrementAndGet(), PASSWORD, "/admin");
        for (var r : java.util.List.of(wrong, unknown)) {
            assertThat(r.statusCode()).isEqualTo(401);
            assertThat(AdminHttp.cookie(r, AdminCookies.SESSION)).isEmpty();
            var page = Jsoup.parse(r.body());
            assertThat(page.selectFirst("[role=alert]").text()).isEqualTo("Неверное имя пользователя или пароль.");
            assertThat(page.selectFirst("#login-password").val()).isEmpty();
        }
        assertThat(Jsoup.parse(wrong.body()).selectFirst("#login-name").val()).isEqualTo(name.value());
    }

    @Test
    void theSignInFormMustComeFromTheSignInPage() {
        var name = user(Role.EDITOR).value();
        var form = http.loginForm("");
        var fields = Map.of("_csrf", form.csrf(), "name", name, "password", PASSWORD, "next", "/admin");

        var noCookie = http.postForm("/admin/login", fields, Optional.empty());
        var otherCookie = http.postForm("/admin/login", fields, Optional.of(AdminCookies.LOGIN + "=" + "B".repeat(43)));
        var crossSite = http.postForm(
                "/admin/login",
                fields,
                Optional.of(AdminCookies.LOGIN + "=" + form.loginCookie()),
                "Sec-Fetch-Site",
                "cross-site");
        for (var r : java.util.List.of(noCookie, otherCookie, crossSite)) {
            assertThat(r.statusCode()).isEqualTo(403);
            assertThat(AdminHttp.cookie(r, AdminCookies.SESSION)).isEmpty();
            assertThat(Jsoup.parse(r.body()).selectFirst("[role=alert]").text()).contains("Форма входа устарела");
            // a fresh form to try again with
            assertThat(AdminHttp.cookie(r, AdminCookies.LOGIN)).isPresent();
        }
        var ok = http.postForm(
                "/admin/login",
                fields,
                Optional.of(AdminCookies.LOGIN + "=" + form.loginCookie()),
                "Sec-Fetch-Site",
                "same-origin");
        assertThat(ok.statusCode()).isEqualTo(303);
    }

    @Test
    void signInLeadsOnlyToAdminPagesOfThisSite() {
        var name = user(Role.EDITOR).value();
        for (String next : new String[] {
            "//evil.example/admin",
            "https://evil.example/admin",
            "/\\evil.example",
            "/admin/\\evil.example",
            "/admin//evil.example",
            "/client/ru/",
            "/admin/../client/ru/",
            "javascript:alert(1)",
            "/admin/login?next=//evil.example",
            "/admin\r\nSet-Cookie: x=y"
        }) {
            var r = http.signIn(name, PASSWORD, next);
            assertThat(r.statusCode()).as(next).isEqualTo(303);
            assertThat(r.headers().firstValue("Location")).as(next).contains("/admin");
        }
        assertThat(http.signIn(name, PASSWORD, "/admin/questions?site=client")
                        .headers()
                        .firstValue("Location"))
                .contains("/admin/questions?site=client");
        // the form itself never carries a foreign next
        assertThat(http.loginForm("?next=https%3A%2F%2Fevil.example").next()).isEqualTo("/admin");
    }

    @Test
    void aSignedInBrowserSkipsTheForm() {
        var session = http.session(user(Role.VIEWER).value(), PASSWORD);
        var r = http.get("/admin/login?next=%2Fadmin%2Fx", "Cookie", AdminCookies.SESSION + "=" + session.cookie());
        assertThat(r.statusCode()).isEqualTo(303);
        assertThat(r.headers().firstValue("Location")).contains("/admin/x");
    }

    @Test
    void aSignedInBrowsersPostsNeedTheCsrfToken() throws Exception {
        var admin = user(Role.ADMIN);
        var victim = user(Role.VIEWER);
        var session = http.session(admin.value(), PASSWORD);
        String cookie = AdminCookies.SESSION + "=" + session.cookie();

        // a page form without the token, or with another: a 403 page in the UI's language, the session lives on
        var missing = http.postForm("/admin/logout", Map.of(), Optional.of(cookie));
        var wrong = http.postForm("/admin/logout", Map.of("_csrf", "C".repeat(43)), Optional.of(cookie));
        for (var r : java.util.List.of(missing, wrong)) {
            assertThat(r.statusCode()).isEqualTo(403);
            assertThat(r.headers().firstValue("Content-Type"))
                    .hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
            assertThat(Jsoup.parse(r.body()).text()).contains("Форма устарела или отправлена не со страницы komek");
        }
        assertThat(http.withSession("/admin", session).statusCode()).isEqualTo(200);

        // the API with the session cookie: the token in X-CSRF-Token
        String disable = "/api/v1/admin/users/" + victim.value() + "/disable";
        var apiMissing = http.post(disable, "Cookie", cookie);
        assertThat(apiMissing.statusCode()).isEqualTo(403);
        assertThat(json(apiMissing).get("error").asText()).contains("CSRF");
        assertThat(accounts().user(victim).orElseThrow().disabled()).isFalse();
        var apiWrong = http.post(disable, "Cookie", cookie, "X-CSRF-Token", "D".repeat(43));
        assertThat(apiWrong.statusCode()).isEqualTo(403);

        // the right token, but sent from another site (a stolen token, or a page that learned it): refused too
        var foreign =
                http.post(disable, "Cookie", cookie, "X-CSRF-Token", session.csrf(), "Origin", "https://evil.example");
        assertThat(foreign.statusCode()).isEqualTo(403);
        var crossSite =
                http.post(disable, "Cookie", cookie, "X-CSRF-Token", session.csrf(), "Sec-Fetch-Site", "cross-site");
        assertThat(crossSite.statusCode()).isEqualTo(403);
        assertThat(accounts().user(victim).orElseThrow().disabled()).isFalse();

        var done = http.post(
                disable,
                "Cookie",
                cookie,
                "X-CSRF-Token",
                session.csrf(),
                "Origin",
                app.url(""),
                "Sec-Fetch-Site",
                "same-origin");
        assertThat(done.statusCode()).as(done.body()).isEqualTo(200);
        assertThat(json(done).get("disabled").asBoolean()).isTrue();
    }

    /** Behind a proxy that rewrites Host, the browser's Origin is the public address: --base-url's. */
    @Test
    void anOriginOfTheBaseUrlIsThisSiteBehindAProxyThatRewritesHost() {
        try (var behind = TestApp.empty(c -> c.withBaseUrl(java.util.Optional.of("https://help.example.kz")))) {
            var theirs = new AdminHttp(behind);
            behind.app().accounts().addUser(new UserName("proxied"), Role.ADMIN, new Password(PASSWORD));
            var session = theirs.session("proxied", PASSWORD);
            String cookie = AdminCookies.SESSION + "=" + session.cookie();
            var ok = theirs.post(
                    "/admin/logout",
                    "Cookie",
                    cookie,
                    "X-CSRF-Token",
                    session.csrf(),
                    "Origin",
                    "https://help.example.kz");
            assertThat(ok.statusCode()).isEqualTo(303);
            var session2 = theirs.session("proxied", PASSWORD);
            var refused = theirs.post(
                    "/admin/logout",
                    "Cookie",
                    AdminCookies.SESSION + "=" + session2.cookie(),
                    "X-CSRF-Token",
                    session2.csrf(),
                    "Origin",
                    "https://evil.example");
            assertThat(refused.statusCode()).isEqualTo(403);
        }
    }

    @Test
    void requestsWithATokenNeedNoCsrfToken() throws Exception {
        var admin = user(Role.ADMIN);
        var other = user(Role.EDITOR);
        var r = http.post(
                "/api/v1/admin/users/" + other.value() + "/disable", "Authorization", "Bearer " + token(admin));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(accounts().user(other).orElseThrow().disabled()).isTrue();
        // and an editor's token may not
        var editorsTry = http.post(
                "/api/v1/admin/users/" + other.value() + "/enable",
                "Authorization",
                "Bearer " + token(user(Role.EDITOR)));
        assertThat(editorsTry.statusCode()).isEqualTo(403);
        assertThat(accounts().user(other).orElseThrow().disabled()).isTrue();
    }

    @Test
    void signingOutEndsTheSession() {
        var session = http.session(user(Role.EDITOR).value(), PASSWORD);
        var r = http.postForm(
                "/admin/logout",
                Map.of("_csrf", session.csrf()),
                Optional.of(AdminCookies.SESSION + "=" + session.cookie()));
        assertThat(r.statusCode()).isEqualTo(303);
        assertThat(r.headers().firstValue("Location")).contains("/admin/login");
        assertThat(AdminHttp.setCookies(r, AdminCookies.SESSION)).hasSize(2).allSatisfy(AdminHttp::removes);
        assertThat(http.withSession("/admin", session).statusCode()).isEqualTo(303);
        assertThat(http.withSession("/api/v1/admin/me", session).statusCode()).isEqualTo(401);
        long left = app.app()
                .jdbi()
                .withHandle(h -> h.createQuery("select count(*) from admin_session where id_hash = :h")
                        .bind("h", Secret.sha256(session.cookie()))
                        .mapTo(Long.class)
                        .one());
        assertThat(left).isZero();
    }

    @Test
    void sessionsEndAfterEightIdleHoursOrSevenDays() {
        var idle = http.session(user(Role.EDITOR).value(), PASSWORD);
        var old = http.session(user(Role.EDITOR).value(), PASSWORD);
        var busy = http.session(user(Role.EDITOR).value(), PASSWORD);
        age(idle, "last_seen = now() - interval '8 hours 1 minute'");
        age(old, "created = now() - interval '7 days 1 minute', expires = now() - interval '1 minute'");
        age(busy, "last_seen = now() - interval '7 hours 59 minutes'");

        assertThat(http.withSession("/api/v1/admin/me", idle).statusCode()).isEqualTo(401);
        assertThat(http.withSession("/api/v1/admin/me", old).statusCode()).isEqualTo(401);
        assertThat(http.withSession("/admin", old).statusCode()).isEqualTo(303);
        assertThat(http.withSession("/api/v1/admin/me", busy).statusCode()).isEqualTo(200);
        // using it moved its idle deadline
        boolean seen = app.app()
                .jdbi()
                .withHandle(h -> h.createQuery(
                                "select last_seen > now() - interval '1 minute' from admin_session where id_hash = :h")
                        .bind("h", Secret.sha256(busy.cookie()))
                        .mapTo(Boolean.class)
                        .one());
        assertThat(seen).isTrue();
    }

    private static void age(AdminHttp.Session s, String set) {
        app.app()
                .jdbi()
                .useHandle(h -> h.createUpdate("update admin_session set " + set + " where id_hash = :h")
                        .bind("h", Secret.sha256(s.cookie()))
                        .execute());
    }

    @Test
    void repeatedFailuresForANameAreThrottled() {
        var name = user(Role.EDITOR).value();
        for (int i = 0; i < LoginThrottle.PER_NAME_AND_ADDRESS; i++) {
            assertThat(http.signIn(name, "wrong password " + i, "/admin").statusCode())
                    .isEqualTo(401);
        }
        // now even the right password is not checked
        var r = http.signIn(name, PASSWORD, "/admin");
        assertThat(r.statusCode()).isEqualTo(429);
        long retryAfter = Long.parseLong(r.headers().firstValue("Retry-After").orElseThrow());
        assertThat(retryAfter).isBetween(1L, LoginThrottle.WINDOW.toSeconds());
        assertThat(Jsoup.parse(r.body()).selectFirst("[role=alert]").text()).contains("Слишком много");
        assertThat(AdminHttp.cookie(r, AdminCookies.SESSION)).isEmpty();
        // the same name in other case is the same name
        assertThat(http.signIn(name.toUpperCase(java.util.Locale.ROOT), PASSWORD, "/admin")
                        .statusCode())
                .isEqualTo(429);
        // another user from the same address is not held up
        assertThat(http.signIn(user(Role.EDITOR).value(), PASSWORD, "/admin").statusCode())
                .isEqualTo(303);
    }

    @Test
    void repeatedFailuresFromAnAddressAreThrottled() {
        for (int i = 0; i < LoginThrottle.PER_ADDRESS; i++) {
            assertThat(http.signIn("guess-" + i, PASSWORD, "/admin").statusCode())
                    .isEqualTo(401);
        }
        var r = http.signIn(user(Role.EDITOR).value(), PASSWORD, "/admin");
        assertThat(r.statusCode()).isEqualTo(429);
        assertThat(r.headers().firstValue("Retry-After")).isPresent();
    }

    @Test
    void theSignInPageSpeaksRussianOrKazakh() {
        var ru = Jsoup.parse(http.loginForm("").response().body());
        assertThat(ru.selectFirst("html").attr("lang")).isEqualTo("ru-RU");
        assertThat(ru.selectFirst("label[for=login-password]").text()).isEqualTo("Пароль");
        // every field has its label, and the password manager knows which is which
        assertThat(ru.selectFirst("#login-name").attr("autocomplete")).isEqualTo("username");
        assertThat(ru.selectFirst("label[for=login-name]")).isNotNull();
        assertThat(ru.selectFirst("#login-password").attr("autocomplete")).isEqualTo("current-password");
        assertThat(ru.selectFirst("form button[type=submit]").text()).isEqualTo("Войти");
        assertThat(ru.selectFirst("meta[name=robots]").attr("content")).contains("noindex");

        var kz = Jsoup.parse(http.loginForm("?lang=kz").response().body());
        assertThat(kz.selectFirst("html").attr("lang")).isEqualTo("kk-KZ");
        assertThat(kz.selectFirst("label[for=login-password]").text()).isEqualTo("Құпиясөз");
        assertThat(kz.selectFirst("input[name=lang]").val()).isEqualTo("kz");

        var byBrowser = Jsoup.parse(http.loginForm("", "Accept-Language", "kk-KZ,kk;q=0.9,ru;q=0.8")
                .response()
                .body());
        assertThat(byBrowser.selectFirst("label[for=login-password]").text()).isEqualTo("Құпиясөз");
        var russianFirst = Jsoup.parse(http.loginForm("", "Accept-Language", "ru-RU,kk;q=0.5")
                .response()
                .body());
        assertThat(russianFirst.selectFirst("label[for=login-password]").text()).isEqualTo("Пароль");
    }
}
