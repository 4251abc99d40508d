package kz.komek.admin.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NextPathTest {
    @Test
    void adminPathsOfThisSiteAreKept() {
        for (String ok :
                new String[] {"/admin", "/admin/questions/5", "/admin?lang=kz", "/admin/q?site=client&x=%2F"}) {
            assertThat(NextPath.parse(ok).value()).as(ok).isEqualTo(ok);
        }
    }

    /** A Location header is ASCII: a search for Kazakh or Russian words comes back percent-encoded, not mangled. */
    @Test
    void otherLettersArePercentEncoded() {
        assertThat(NextPath.parse("/admin/questions?q=бонус").value())
                .isEqualTo("/admin/questions?q=%D0%B1%D0%BE%D0%BD%D1%83%D1%81");
    }

    @Test
    void anythingElseLeadsToTheAdminHome() {
        for (String bad : new String[] {
            null,
            "",
            "admin",
            "//evil.example",
            "///evil.example",
            "/\\evil.example",
            "\\\\evil.example",
            "https://evil.example/admin",
            "http:/admin",
            "/admin@evil.example",
            "/administrator",
            "/admin/../client",
            "/admin/%2e%2e/client",
            "/admin/login",
            "/admin#x",
            "/admin\t/x",
            "/admin/x y",
            "/" + "a".repeat(3000)
        }) {
            assertThat(NextPath.parse(bad)).as(String.valueOf(bad)).isEqualTo(NextPath.HOME);
        }
    }
}
