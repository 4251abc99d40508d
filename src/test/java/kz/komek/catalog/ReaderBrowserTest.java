package kz.komek.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import kz.komek.testing.Browser;
import kz.komek.testing.Browser.Device;
import kz.komek.testing.TestApp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.interactions.Actions;

/**
 * The readers' pages in Debian's Chromium on the three platforms the issue measured: a desktop window of 1280×900,
 * an iPhone (390×844) and the bank app's webview. A reader who lands on a question sees its answer on the first
 * screen, reaches "useful" by keyboard in a few steps, and the app's pages stay the app's.
 */
class ReaderBrowserTest {
    private static final String QUESTION = "/client/kz/bonus/save/general/q1580";
    private static final Map<String, String> PAGE_TYPES = Map.of(
            "home", "/client/kz/",
            "product", "/client/kz/bonus",
            "theme", "/client/kz/bonus/save",
            "question", QUESTION,
            "notfound", "/client/kz/no/such/page");

    private static TestApp app;

    @BeforeAll
    static void start() {
        Browser.assumeInstalled();
        app = TestApp.withDemo();
    }

    @AfterAll
    static void stop() {
        if (app != null) {
            app.close();
        }
    }

    @Test
    void theAnswerIsOnTheFirstScreenOnEveryPlatform() {
        for (Device device : List.of(Device.DESKTOP, Device.IPHONE, Device.APP)) {
            try (Browser browser = Browser.start(app, device)) {
                browser.open(QUESTION);
                long screen = browser.viewportHeight();
                var title = rect(browser, "#q-title");
                var paragraph = rect(browser, ".answer-body > :first-child");
                assertThat(title.get("bottom"))
                        .as("%s: the answer's title ends within the first screen (%d px)", device.name(), screen)
                        .isLessThanOrEqualTo(screen);
                // its first paragraph is there too: wholly when it is shorter than half a screen, else its start
                double shown = Math.min(paragraph.get("bottom"), paragraph.get("top") + screen / 2.0);
                assertThat(shown)
                        .as("%s: the answer's first paragraph is within the first screen", device.name())
                        .isLessThanOrEqualTo(screen);
                browser.screenshot("question-" + device.name() + ".png");
            }
        }
    }

    @Test
    void usefulIsAFewTabsFromTheSkipLink() {
        for (Device device : List.of(Device.DESKTOP, Device.IPHONE)) {
            try (Browser browser = Browser.start(app, device)) {
                browser.open(QUESTION);
                new Actions(browser.driver()).sendKeys(Keys.TAB).perform();
                assertThat(active(browser))
                        .as("%s: the first Tab reaches the skip link", device.name())
                        .contains("skip-link");
                new Actions(browser.driver()).sendKeys(Keys.ENTER).perform();
                int presses = 0;
                while (presses < 5 && !isYes(browser)) {
                    new Actions(browser.driver()).sendKeys(Keys.TAB).perform();
                    presses++;
                }
                assertThat(isYes(browser))
                        .as(
                                "%s: \"Yes, useful\" within 5 Tab presses of the skip link; focus is on %s",
                                device.name(), active(browser))
                        .isTrue();
            }
        }
    }

    @Test
    void theAppsPagesAreContentOnlyAndStayTheAppsAcrossLinksAndVotes() {
        // an iPhone whose webview does not name the app: only ?platform=app says where the page is read
        try (Browser browser = Browser.start(app, Device.IPHONE)) {
            browser.open("/client/kz/bonus/save/general?platform=app");
            assertNoWebChrome(browser);
            String next =
                    (String) browser.script("return document.querySelector('ol.question-list a').getAttribute('href')");
            assertThat(next).contains("platform=app");
            browser.clickAndLoad(By.cssSelector("ol.question-list a"));
            assertThat(browser.path()).contains("platform=app");
            assertNoWebChrome(browser);
            assertThat(browser.find(By.tagName("body")).getAttribute("class")).contains("platform-app");

            browser.clickAndLoad(By.cssSelector(".vote form button[type=submit]"));
            assertThat(browser.path()).contains("platform=app").endsWith("#vote-thanks");
            assertNoWebChrome(browser);
            // the chosen vote is marked, and focus is on the thanks
            assertThat(browser.find(By.cssSelector(".vote form button[type=submit]"))
                            .getAttribute("aria-pressed"))
                    .isEqualTo("true");
            browser.waitFor(d -> "vote-thanks".equals(browser.script("return document.activeElement.id")));
        }
    }

    @Test
    void afterVotingOnTheWebsiteTheChoiceIsMarkedAndFocusIsOnTheThanks() {
        try (Browser browser = Browser.start(app, Device.DESKTOP)) {
            browser.open("/client/kz/bonus/save/general/q456");
            browser.clickAndLoad(By.cssSelector(".vote form button[type=submit]"));
            browser.waitFor(d -> "vote-thanks".equals(browser.script("return document.activeElement.id")));
            assertThat(browser.find(By.cssSelector(".vote form button[type=submit]"))
                            .getAttribute("aria-pressed"))
                    .isEqualTo("true");
            assertThat(browser.seriousViolations()).isEmpty();
        }
    }

    @Test
    void everyPageTypePassesAxeOnEveryPlatform() {
        for (Device device : List.of(Device.DESKTOP, Device.IPHONE, Device.APP)) {
            try (Browser browser = Browser.start(app, device)) {
                for (var page : new java.util.TreeMap<>(PAGE_TYPES).entrySet()) {
                    browser.open(page.getValue());
                    assertThat(browser.seriousViolations())
                            .as("%s on %s", page.getKey(), device.name())
                            .isEmpty();
                    assertThat(browser.scrollsSideways())
                            .as("%s on %s scrolls sideways", page.getKey(), device.name())
                            .isFalse();
                    browser.screenshot(page.getKey() + "-" + device.name() + ".png");
                }
            }
        }
    }

    private static void assertNoWebChrome(Browser browser) {
        for (String css : List.of(
                "header.site-header", "footer", ".site-switch", ".locale-switch", "form[role=search]", ".brand")) {
            assertThat(browser.driver().findElements(By.cssSelector(css)))
                    .as("the app's page has no %s", css)
                    .isEmpty();
        }
    }

    private static boolean isYes(Browser browser) {
        return Boolean.TRUE.equals(browser.script(
                "var e = document.activeElement; return e.tagName === 'BUTTON' && e.closest('.vote') !== null"
                        + " && e.form.querySelector('input[name=useful]').value === 'true';"));
    }

    private static String active(Browser browser) {
        return (String) browser.script("return document.activeElement.outerHTML.slice(0, 200)");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Double> rect(Browser browser, String css) {
        var r = (Map<String, Object>) browser.script(
                "var r = document.querySelector(arguments[0]).getBoundingClientRect();"
                        + " return {top: r.top, bottom: r.bottom};",
                css);
        return Map.of("top", ((Number) r.get("top")).doubleValue(), "bottom", ((Number) r.get("bottom")).doubleValue());
    }
}
