package kz.komek.admin.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import kz.komek.testing.AdminHttp;
import kz.komek.testing.Browser;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * {@code /admin/analytics} with a day of readers' events, as a viewer sees it in Debian's Chromium, on a desktop and a
 * phone: axe-core finds no serious or critical WCAG 2.2 AA violation (the charts, their tables opened too), nothing
 * scrolls sideways on the phone, and the charts are drawn without a script. The screenshots land in
 * target/screenshots: the window, and the page's first 2400 pixels ({@code admin-analytics-page-<device>.png}, the
 * copy chosen for docs/screenshots).
 */
class AnalyticsBrowserTest {
    private static AnalyticsScene scene;

    @BeforeAll
    static void readersCome() {
        Browser.assumeInstalled();
        scene = AnalyticsScene.build();
    }

    @AfterAll
    static void close() {
        if (scene != null) {
            scene.close();
        }
    }

    @Test
    void onADesktop() throws Exception {
        visit(Browser.Device.DESKTOP);
    }

    @Test
    void onAPhone() throws Exception {
        visit(Browser.Device.IPHONE);
    }

    /** The page from its top, {@code height} CSS pixels of it (or all, if shorter), through DevTools. */
    private static byte[] tall(Browser browser, int height) {
        long width = (Long) browser.script("return document.documentElement.clientWidth");
        long page = (Long) browser.script("return document.documentElement.scrollHeight");
        var shot = ((org.openqa.selenium.chromium.HasCdp) browser.driver())
                .executeCdpCommand(
                        "Page.captureScreenshot",
                        java.util.Map.of(
                                "captureBeyondViewport",
                                true,
                                "clip",
                                java.util.Map.of(
                                        "x", 0, "y", 0, "width", width, "height", Math.min(page, height), "scale", 1)));
        return java.util.Base64.getDecoder().decode((String) shot.get("data"));
    }

    private static void visit(Browser.Device device) throws Exception {
        try (var browser = Browser.start(scene.app, device)) {
            browser.open("/admin/login");
            browser.type("login-name", AnalyticsScene.VIEWER);
            browser.type("login-password", AdminHttp.PASSWORD);
            browser.clickAndLoad(By.cssSelector("form.admin-form button[type=submit]"));
            browser.open("/admin/analytics?site=client&locale=ru&days=30");
            browser.waitFor(d -> "complete".equals(browser.script("return document.readyState")));
            assertThat(browser.find(By.tagName("h1")).getText()).isEqualTo("Аналитика");
            assertThat(browser.driver().findElements(By.cssSelector("svg[role=img]")))
                    .hasSize(5);
            assertThat(browser.seriousViolations()).as("closed tables").isEmpty();
            if (device.width() < 500) {
                assertThat(browser.scrollsSideways()).as("scrolls sideways").isFalse();
            }
            String name = "admin-analytics-" + device.name() + ".png";
            browser.screenshot(name);
            browser.script("document.querySelectorAll('details.analytics-data').forEach(d => d.open = true)");
            assertThat(browser.seriousViolations()).as("tables open").isEmpty();
            if (device.width() < 500) {
                assertThat(browser.scrollsSideways())
                        .as("scrolls sideways, tables open")
                        .isFalse();
            }
            // the chosen copy shows more than the window: the form and the first charts
            browser.script("document.querySelectorAll('details.analytics-data').forEach(d => d.open = false)");
            Files.write(
                    Path.of("target", "screenshots", "admin-analytics-page-" + device.name() + ".png"),
                    tall(browser, 2400));
        }
    }
}
