package kz.komek.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import kz.komek.testing.Browser;
import kz.komek.testing.TestApp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;

/**
 * Video and document pages in Chromium: WCAG 2.2 AA by axe-core, click-to-load (the player is framed only when the
 * reader asks for it, by mouse or keyboard), and phones without sideways scrolling.
 */
class MaterialBrowserTest {
    private static TestApp app;

    @BeforeAll
    static void start() {
        Browser.assumeInstalled();
        app = TestApp.withBundle("/fixtures/materials.bundle.json");
    }

    @AfterAll
    static void stop() {
        if (app != null) {
            app.close();
        }
    }

    private static long frames(Browser browser) {
        return ((Number) browser.script("return document.querySelectorAll('iframe').length")).longValue();
    }

    @Test
    void clickingAPosterFramesTheCookieLessPlayerAndNothingBefore() {
        try (var browser = Browser.start(app, Browser.Device.DESKTOP)) {
            browser.open("/partner/ru/pos/video");
            assertThat(browser.seriousViolations()).isEmpty();
            assertThat(frames(browser)).isZero();
            browser.screenshot("materials-videos-desktop.png");

            browser.click(By.cssSelector("#m9001 a.video-poster"));
            String src = browser.waitFor(d -> d.findElements(By.cssSelector("#m9001 iframe")).stream()
                    .map(f -> f.getAttribute("src"))
                    .findFirst()
                    .orElse(null));
            assertThat(src).isEqualTo("https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?autoplay=1");
            assertThat(browser.find(By.cssSelector("#m9001 iframe")).getAttribute("title"))
                    .isEqualTo("Как подключить Smart POS");
            // the other videos are still posters; the page stays where it was
            assertThat(frames(browser)).isEqualTo(1);
            assertThat(browser.path()).isEqualTo("/partner/ru/pos/video");

            // by keyboard: Enter on the focused poster
            browser.find(By.cssSelector("#m9004 a.video-poster")).sendKeys(Keys.ENTER);
            String vimeo = browser.waitFor(d -> d.findElements(By.cssSelector("#m9004 iframe")).stream()
                    .map(f -> f.getAttribute("src"))
                    .findFirst()
                    .orElse(null));
            assertThat(vimeo).isEqualTo("https://player.vimeo.com/video/76979872?dnt=1&autoplay=1");
            assertThat(browser.script("return document.activeElement.tagName")).isEqualTo("IFRAME");
            assertThat(browser.seriousViolations()).isEmpty();
        }
    }

    @Test
    void documentPagesAndKazakhVideoPagesPassAxe() {
        try (var browser = Browser.start(app, Browser.Device.DESKTOP)) {
            for (String path : new String[] {"/partner/ru/pos/docs", "/partner/kz/pos/docs", "/partner/kz/pos/video"}) {
                browser.open(path);
                assertThat(browser.seriousViolations()).as(path).isEmpty();
            }
            browser.screenshot("materials-videos-kz-desktop.png");
        }
    }

    @Test
    void onAPhoneAndInTheAppNothingScrollsSideways() {
        for (var device : new Browser.Device[] {Browser.Device.IPHONE, Browser.Device.APP}) {
            try (var browser = Browser.start(app, device)) {
                for (String path : new String[] {"/partner/ru/pos/video", "/partner/ru/pos/docs"}) {
                    browser.open(path);
                    assertThat(browser.scrollsSideways())
                            .as(device.name() + " " + path)
                            .isFalse();
                    assertThat(browser.seriousViolations())
                            .as(device.name() + " " + path)
                            .isEmpty();
                    browser.screenshot("materials-" + device.name() + path.replace('/', '-') + ".png");
                }
            }
        }
    }
}
