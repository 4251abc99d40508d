package kz.komek.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import kz.komek.bundle.BundleJson;
import kz.komek.testing.Browser;
import kz.komek.testing.TestApp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/**
 * The search page and the suggestions in Debian's Chromium, on a desktop and an iPhone screen: the suggestion list
 * opens while typing, the keyboard alone opens a suggested question, Escape closes the list; axe-core finds no serious
 * WCAG 2.2 AA violation on the results, on the page for nothing found, nor with the list open. Screenshots land in
 * {@code target/screenshots}.
 */
class SearchBrowserTest {
    private static TestApp app;

    /** The screens, as {@link Browser.Device}s (an enum, for the parameterized tests). */
    enum Screen {
        DESKTOP(Browser.Device.DESKTOP),
        IPHONE(Browser.Device.IPHONE);

        final Browser.Device device;

        Screen(Browser.Device device) {
            this.device = device;
        }

        String file(String what) {
            return what + "-" + name().toLowerCase(java.util.Locale.ROOT) + ".png";
        }
    }

    @BeforeAll
    static void start() throws Exception {
        Browser.assumeInstalled();
        app = TestApp.empty();
        app.app()
                .bundles()
                .importBundle(new BundleJson().read(SearchPageTest.bundle().toString()), List.of());
        app.app().syncSearch();
    }

    @AfterAll
    static void stop() {
        if (app != null) {
            app.close();
        }
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static List<WebElement> options(Browser browser, String listId) {
        return browser.driver().findElements(By.cssSelector("#" + listId + " [role=option]"));
    }

    /** Waits until the list under {@code inputId} shows suggestions, and gives them. */
    private static List<WebElement> suggestionsOpen(Browser browser, String inputId) {
        String listId = inputId + "-suggestions";
        browser.waitFor(d ->
                browser.byId(listId).isDisplayed() && !options(browser, listId).isEmpty());
        return options(browser, listId);
    }

    @ParameterizedTest
    @EnumSource(Screen.class)
    void typingInTheHeaderSuggestsQuestionsAndTheKeyboardOpensOne(Screen screen) {
        try (Browser browser = Browser.start(app, screen.device)) {
            browser.open("/client/ru/");
            WebElement input = browser.byId("search-q");
            assertThat(input.getAttribute("role")).isEqualTo("combobox");
            assertThat(input.getAttribute("aria-expanded")).isEqualTo("false");
            assertThat(input.getAttribute("aria-autocomplete")).isEqualTo("list");
            assertThat(input.getAttribute("aria-controls")).isEqualTo("search-q-suggestions");

            input.sendKeys("перевод на кар");
            var shown = suggestionsOpen(browser, "search-q");
            assertThat(input.getAttribute("aria-expanded")).isEqualTo("true");
            assertThat(shown.get(0).getText()).contains("перевод");
            assertThat(browser.find(By.cssSelector("form[role=search] [role=status]"))
                            .getAttribute("textContent"))
                    .startsWith("Подсказок: " + shown.size());
            assertThat(browser.seriousViolations()).as("axe, suggestions open").isEmpty();
            browser.screenshot(screen.file("search-suggestions"));

            input.sendKeys(Keys.ARROW_DOWN);
            String first = options(browser, "search-q-suggestions").get(0).getAttribute("id");
            assertThat(input.getAttribute("aria-activedescendant")).isEqualTo(first);
            assertThat(browser.byId(first).getAttribute("aria-selected")).isEqualTo("true");
            input.sendKeys(Keys.ARROW_DOWN, Keys.ARROW_UP);
            assertThat(input.getAttribute("aria-activedescendant")).isEqualTo(first);

            input.sendKeys(Keys.ESCAPE);
            browser.waitFor(d -> !browser.byId("search-q-suggestions").isDisplayed());
            assertThat(input.getAttribute("aria-expanded")).isEqualTo("false");
            assertThat(input.getAttribute("aria-activedescendant")).isNull();
            assertThat(input.getAttribute("value")).isEqualTo("перевод на кар");

            // Tab leaves the box for the button, and the list closes
            input.sendKeys(Keys.ARROW_DOWN);
            assertThat(input.getAttribute("aria-expanded")).isEqualTo("true");
            input.sendKeys(Keys.TAB);
            browser.waitFor(d -> !browser.byId("search-q-suggestions").isDisplayed());
            assertThat(browser.script("return document.activeElement.getAttribute('type')"))
                    .isEqualTo("submit");

            // the keyboard alone: back in the box, down opens the list on its first suggestion, Enter opens it
            browser.script("arguments[0].focus()", input);
            input.sendKeys(Keys.ARROW_DOWN);
            assertThat(input.getAttribute("aria-expanded")).isEqualTo("true");
            String title =
                    browser.byId(input.getAttribute("aria-activedescendant")).getText();
            WebElement old = browser.find(By.tagName("html"));
            input.sendKeys(Keys.ENTER);
            browser.waitFor(d -> {
                try {
                    old.isEnabled();
                    return false;
                } catch (org.openqa.selenium.StaleElementReferenceException gone) {
                    return true;
                }
            });
            browser.waitFor(d -> browser.path().matches("/client/ru/[a-z/]+/q\\d+"));
            assertThat(browser.find(By.tagName("h1")).getText()).isEqualTo(title);
        }
    }

    @ParameterizedTest
    @EnumSource(Screen.class)
    void theResultsPageAndItsSuggestionsPassAxe(Screen screen) {
        try (Browser browser = Browser.start(app, screen.device)) {
            browser.open("/client/ru/search?q=" + enc("перевод"));
            assertThat(browser.driver().findElements(By.cssSelector("form[role=search]")))
                    .hasSize(1);
            assertThat(browser.driver().findElements(By.cssSelector("ol.search-results > li")))
                    .hasSize(20);
            assertThat(browser.scrollsSideways()).isFalse();
            assertThat(browser.seriousViolations()).as("axe, results").isEmpty();
            browser.screenshot(screen.file("search-results"));

            // the pager, the last thing on the page
            browser.script("document.querySelector('nav.pager').scrollIntoView({block: 'end'})");
            browser.screenshot(screen.file("search-results-pager"));

            // the page's own box suggests too, and a click opens a suggestion
            WebElement input = browser.byId("search-page-q");
            browser.script("window.scrollTo(0, 0)");
            input.clear();
            input.sendKeys("депозит откр");
            var shown = suggestionsOpen(browser, "search-page-q");
            assertThat(browser.seriousViolations())
                    .as("axe, the page's suggestions open")
                    .isEmpty();
            String title = shown.get(0).getText();
            browser.clickAndLoad(By.id(shown.get(0).getAttribute("id")));
            assertThat(browser.path()).matches("/client/ru/[a-z/]+/q\\d+");
            assertThat(browser.find(By.tagName("h1")).getText()).isEqualTo(title);
        }
    }

    @ParameterizedTest
    @EnumSource(Screen.class)
    void theNoResultPagePassesAxe(Screen screen) {
        try (Browser browser = Browser.start(app, screen.device)) {
            browser.open("/client/ru/search?q=" + enc("камисия"));
            assertThat(browser.mainText()).contains("ничего не нашлось", "Популярные вопросы");
            assertThat(browser.seriousViolations()).as("axe, nothing found").isEmpty();
            browser.screenshot(screen.file("search-nothing"));
        }
    }

    @ParameterizedTest
    @EnumSource(Screen.class)
    void withoutAMatchTheFormStillSearches(Screen screen) {
        try (Browser browser = Browser.start(app, screen.device)) {
            browser.open("/client/ru/");
            WebElement input = browser.byId("search-q");
            input.sendKeys("перевод");
            suggestionsOpen(browser, "search-q");
            // nothing highlighted: Enter searches
            WebElement old = browser.find(By.tagName("html"));
            input.sendKeys(Keys.ENTER);
            browser.waitFor(d -> {
                try {
                    old.isEnabled();
                    return false;
                } catch (org.openqa.selenium.StaleElementReferenceException gone) {
                    return true;
                }
            });
            browser.waitFor(d -> browser.path().startsWith("/client/ru/search?q="));
            assertThat(browser.byId("search-page-q").getAttribute("value")).isEqualTo("перевод");
        }
    }
}
