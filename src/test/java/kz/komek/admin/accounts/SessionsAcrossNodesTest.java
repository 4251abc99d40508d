package kz.komek.admin.accounts;

import static kz.komek.testing.AdminHttp.PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Optional;
import kz.komek.admin.Role;
import kz.komek.testing.AdminHttp;
import kz.komek.testing.TestApp;
import kz.komek.testing.TestDatabase;
import org.junit.jupiter.api.Test;

/** Sessions live in PostgreSQL: two nodes on one database share them; and HTTPS behind a trusted proxy. */
class SessionsAcrossNodesTest {
    @Test
    void aSessionStartedOnOneNodeWorksAndEndsOnAnother() {
        var db = Optional.of(TestDatabase.fresh());
        try (var one = TestApp.empty(c -> c.withDb(db));
                var two = TestApp.empty(c -> c.withDb(db))) {
            one.app().accounts().addUser(new UserName("nurlan"), Role.EDITOR, new Password(PASSWORD));
            var session = new AdminHttp(one).session("nurlan", PASSWORD);
            var otherNode = new AdminHttp(two);
            assertThat(otherNode.withSession("/api/v1/admin/me", session).body())
                    .contains("\"name\":\"nurlan\"")
                    .contains("\"via\":\"session\"");

            var out = otherNode.postForm(
                    "/admin/logout",
                    Map.of("_csrf", session.csrf()),
                    Optional.of(AdminCookies.SESSION + "=" + session.cookie()));
            assertThat(out.statusCode()).isEqualTo(303);
            assertThat(new AdminHttp(one)
                            .withSession("/api/v1/admin/me", session)
                            .statusCode())
                    .isEqualTo(401);
        }
    }

    @Test
    void behindATrustedProxyTheSessionCookieIsSecureWhenTheBrowserUsesHttps() {
        try (var app = TestApp.empty(c -> c.withFeedback(c.feedback().withTrustProxy(true)))) {
            app.app().accounts().addUser(new UserName("dana"), Role.VIEWER, new Password(PASSWORD));
            var http = new AdminHttp(app);
            var https = http.signIn("dana", PASSWORD, "/admin", "X-Forwarded-Proto", "https");
            assertThat(https.statusCode()).isEqualTo(303);
            assertThat(AdminHttp.setCookies(https, AdminCookies.SESSION))
                    .hasSize(2)
                    .allSatisfy(c -> assertThat(c).contains("; Secure"));
            var plain = http.signIn("dana", PASSWORD, "/admin", "X-Forwarded-Proto", "http");
            assertThat(AdminHttp.setCookies(plain, AdminCookies.SESSION))
                    .hasSize(2)
                    .allSatisfy(c -> assertThat(c).doesNotContain("Secure"));
        }
    }
}
