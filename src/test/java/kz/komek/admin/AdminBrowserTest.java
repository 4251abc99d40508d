package kz.komek.admin;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import kz.komek.admin.accounts.Password;
import kz.komek.admin.accounts.UserName;
import kz.komek.testing.Browser;
import kz.komek.testing.Fixtures;
import kz.komek.testing.TestApp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;

/**
 * An admin's pages in Debian's Chromium, beside the editor's ({@code EditorBrowserTest}): add a colleague, change
 * their role, set their forgotten password and make them an API token on the users page; upload a bundle, read its
 * report and apply it; move a section and follow its old address; read all of it in the audit log; then the colleague
 * signs in with the new password and finds the admin-only pages closed.
 */
class AdminBrowserTest {
    private static final String ADMIN = "aigerim";
    private static final String PASSWORD = "correct horse battery";
    private static final String RESET = "a new password 42";

    private static TestApp app;
    private static Browser browser;

    @TempDir
    static Path dir;

    @BeforeAll
    static void start() {
        Browser.assumeInstalled();
        app = TestApp.withBundle("/fixtures/mini.bundle.json");
        app.app().accounts().addUser(new UserName(ADMIN), Role.ADMIN, new Password(PASSWORD));
        browser = Browser.start(app);
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.close();
        }
        if (app != null) {
            app.close();
        }
    }

    @Test
    void anAdminManagesPeopleImportsABundleAndMovesASection() throws Exception {
        signIn(ADMIN, PASSWORD);
        browser.waitFor(
                d -> browser.find(By.cssSelector(".admin-role")).getText().equals("администратор"));

        // a colleague: added as an editor, made a publisher
        browser.open("/admin/users");
        browser.type("user-name", "bolat");
        new Select(browser.byId("user-role")).selectByValue("editor");
        browser.type("user-password", "first password 1");
        browser.type("user-password2", "first password 1");
        browser.click(By.cssSelector("section[aria-labelledby=add-user] button[type=submit]"));
        browser.waitFor(
                d -> !d.findElements(By.cssSelector("tr[data-user=bolat]")).isEmpty());
        assertThat(row("bolat")).contains("редактор");
        new Select(browser.find(By.cssSelector("tr[data-user=bolat] select[name=role]"))).selectByValue("publisher");
        browser.clickAndLoad(By.cssSelector("tr[data-user=bolat] form[action*='/role'] button"));
        browser.waitFor(d -> !d.findElements(By.cssSelector(".form-done")).isEmpty());
        assertThat(new Select(browser.find(By.cssSelector("tr[data-user=bolat] select[name=role]")))
                        .getFirstSelectedOption()
                        .getAttribute("value"))
                .isEqualTo("publisher");

        // they forgot their password: the admin sets a new one (typed twice)
        browser.click(By.cssSelector("tr[data-user=bolat] details.user-reset > summary"));
        browser.type("reset-bolat", RESET);
        browser.type("reset2-bolat", RESET);
        browser.clickAndLoad(By.cssSelector("tr[data-user=bolat] details.user-reset button[type=submit]"));
        browser.waitFor(d -> !d.findElements(By.cssSelector(".form-done")).isEmpty());

        // an API token for their scripts, shown once, and it works
        new Select(browser.byId("token-user")).selectByValue("bolat");
        browser.type("token-label", "nightly import");
        browser.click(By.id("token-create"));
        String token = browser.waitFor(d -> browser.byId("new-token").getText());
        assertThat(token).hasSizeGreaterThan(30);
        browser.screenshot("users.png");
        var api = app.send(HttpRequest.newBuilder(URI.create(app.url("/api/v1/admin/questions/456")))
                .header("Authorization", "Bearer " + token)
                .build());
        assertThat(api.statusCode()).as(api.body()).isEqualTo(200);
        browser.open("/admin/users");
        assertThat(browser.mainText()).doesNotContain(token).contains("nightly import");

        // a bundle: uploaded, its report read, then applied
        Path file = dir.resolve("changes.json");
        Files.write(file, new ObjectMapper().writeValueAsBytes(Fixtures.changedBundle(false)));
        browser.open("/admin/transfer");
        browser.byId("transfer-file").sendKeys(file.toString());
        browser.click(By.cssSelector("form[enctype='multipart/form-data'] button[type=submit]"));
        browser.waitFor(d -> !d.findElements(By.cssSelector(".transfer-report")).isEmpty());
        assertThat(browser.find(By.id("report-title")).getText()).isEqualTo("Что изменит импорт");
        assertThat(browser.find(By.cssSelector(".transfer-file")).getText()).isEqualTo("changes.json");
        assertThat(app.get("/client/ru/bonus/save/general/q5001").statusCode())
                .as("nothing changes before Apply")
                .isEqualTo(404);
        browser.screenshot("transfer.png");
        browser.click(By.cssSelector(".transfer-apply button[type=submit]"));
        browser.waitFor(d -> browser.find(By.id("report-title")).getText().equals("Импорт применён"));
        browser.open("/client/ru/bonus/save/general/q5001");
        assertThat(browser.find(By.tagName("h1")).getText()).isEqualTo("Новый вопрос");

        // the section moves; its old addresses lead to the new ones
        browser.open("/admin/sections");
        browser.click(By.linkText("bonus/save/general"));
        browser.waitFor(d -> !d.findElements(By.id("move-path")).isEmpty());
        browser.type("move-path", "bonus/save/common");
        browser.click(By.cssSelector("section[aria-labelledby=move] button[type=submit]"));
        browser.waitFor(d -> browser.find(By.tagName("h1")).getText().contains("bonus/save/common"));
        browser.open("/client/ru/bonus/save/general/q5001");
        assertThat(browser.path()).isEqualTo("/client/ru/bonus/save/common/q5001");
        assertThat(browser.find(By.tagName("h1")).getText()).isEqualTo("Новый вопрос");

        // every one of those writes is in the audit log, signed by the admin
        browser.open("/admin/audit?actor=" + ADMIN);
        List<String> actions = browser.driver().findElements(By.cssSelector("[data-action]")).stream()
                .map(e -> e.getAttribute("data-action"))
                .toList();
        assertThat(actions)
                .contains(
                        "session.sign_in",
                        "user.create",
                        "user.role",
                        "user.password",
                        "token.create",
                        "bundle.import",
                        "section.move");

        // the colleague: the old password no longer opens, the new one does; a publisher, not an admin
        browser.click(By.cssSelector(".admin-who form[action='/admin/logout'] button"));
        browser.waitFor(d -> browser.path().startsWith("/admin/login"));
        signIn("bolat", "first password 1");
        browser.waitFor(d -> !d.findElements(By.cssSelector("[role=alert]")).isEmpty());
        assertThat(browser.path()).startsWith("/admin/login");
        signIn("bolat", RESET);
        browser.waitFor(d -> !d.findElements(By.cssSelector(".admin-role")).isEmpty());
        assertThat(browser.find(By.cssSelector(".admin-role")).getText()).isEqualTo("публикатор");
        assertThat(browser.driver().findElements(By.cssSelector("nav.admin-menu a[href^='/admin/users']")))
                .isEmpty();
        browser.open("/admin/users");
        assertThat(browser.find(By.tagName("h1")).getText()).isNotEqualTo("Пользователи");
        assertThat(app.get("/admin/users").statusCode()).isEqualTo(303);
    }

    private static void signIn(String name, String password) {
        browser.open("/admin/login");
        browser.type("login-name", name);
        browser.type("login-password", password);
        browser.click(By.cssSelector("form.admin-form button[type=submit]"));
    }

    private static String row(String user) {
        return browser.find(By.cssSelector("tr[data-user=" + user + "]")).getText();
    }
}
