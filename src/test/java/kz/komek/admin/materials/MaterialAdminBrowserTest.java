package kz.komek.admin.materials;

import static org.assertj.core.api.Assertions.assertThat;

import kz.komek.admin.Role;
import kz.komek.admin.accounts.Password;
import kz.komek.admin.accounts.UserName;
import kz.komek.testing.Browser;
import kz.komek.testing.TestApp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/** The material pages of the admin in Chromium: usable on a 390 px phone without sideways scrolling, and WCAG AA. */
class MaterialAdminBrowserTest {
    private static final String PASSWORD = "correct horse battery";
    private static TestApp app;

    @BeforeAll
    static void start() {
        Browser.assumeInstalled();
        app = TestApp.withBundle("/fixtures/materials.bundle.json");
        app.app().accounts().addUser(new UserName("bolat"), Role.PUBLISHER, new Password(PASSWORD));
    }

    @AfterAll
    static void stop() {
        if (app != null) {
            app.close();
        }
    }

    private static void signIn(Browser browser) {
        browser.open("/admin/login");
        browser.type("login-name", "bolat");
        browser.type("login-password", PASSWORD);
        browser.clickAndLoad(By.cssSelector("form.admin-form button[type=submit]"));
    }

    @Test
    void theMaterialPagesFitAPhoneAndPassAxe() {
        for (var device : new Browser.Device[] {Browser.Device.IPHONE, Browser.Device.DESKTOP}) {
            try (var browser = Browser.start(app, device)) {
                signIn(browser);
                for (String path : new String[] {
                    "/admin/materials",
                    "/admin/materials/9001",
                    "/admin/materials/new",
                    "/admin/materials/9001/revisions"
                }) {
                    browser.open(path + "?lang=kz");
                    assertThat(browser.scrollsSideways())
                            .as(device.name() + " " + path)
                            .isFalse();
                    assertThat(browser.seriousViolations())
                            .as(device.name() + " " + path)
                            .isEmpty();
                }
                browser.open("/admin/materials/9001");
                browser.screenshot("materials-admin-editor-" + device.name() + ".png");
            }
        }
    }

    @Test
    void aPublisherPublishesANewVideoFromThePhone() {
        try (var browser = Browser.start(app, Browser.Device.IPHONE)) {
            signIn(browser);
            browser.open("/admin/materials/new?site=partner&section=pos/video");
            browser.type("m-ru-title", "Смена пароля кассира");
            browser.type("m-ru-url", "https://www.youtube.com/watch?v=bbbbbbbbbbb");
            browser.type("m-ru-duration", "PT1M10S");
            browser.script("document.getElementById('m-kz-present').click()");
            browser.clickAndLoad(By.id("m-publish"));
            assertThat(browser.byId("m-status").getText()).isEqualTo("опубликован");
            assertThat(browser.scrollsSideways()).isFalse();
            String id = browser.path().replaceAll(".*/admin/materials/(\\d+).*", "$1");
            browser.open("/partner/ru/pos/video");
            assertThat(browser.find(By.id("m" + id)).getText())
                    .contains("Смена пароля кассира")
                    .contains("1 мин 10 с");
        }
    }
}
