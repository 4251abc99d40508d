package kz.komek.deflection;

import static org.assertj.core.api.Assertions.assertThat;

import kz.komek.testing.Browser;
import kz.komek.testing.TestApp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.openqa.selenium.By;

/**
 * The hand-off in Debian's Chromium on a desktop, an iPhone and the app's webview: from the answer's "write to us"
 * to the form, a message typed and sent without any script of ours, the answers found, "this answers my question",
 * and the chat link; axe-core finds no serious or critical WCAG 2.2 AA violation on the form nor on the answers.
 * Screenshots land in {@code target/screenshots} (a chosen copy in {@code docs/screenshots}).
 */
class HandoffBrowserTest {
    private static TestApp app;

    enum Screen {
        DESKTOP(Browser.Device.DESKTOP),
        IPHONE(Browser.Device.IPHONE),
        APP(Browser.Device.APP);

        final Browser.Device device;

        Screen(Browser.Device device) {
            this.device = device;
        }

        String file(String what) {
            return what + "-" + name().toLowerCase(java.util.Locale.ROOT) + ".png";
        }
    }

    @BeforeAll
    static void start() {
        Browser.assumeInstalled();
        app = TestApp.withBundle("/fixtures/handoff.bundle.json");
    }

    @AfterAll
    static void stop() {
        if (app != null) {
            app.close();
        }
    }

    @ParameterizedTest
    @EnumSource(Screen.class)
    void fromTheAnswerToTheFormToTheAnswersThenTheChat(Screen screen) {
        try (Browser browser = Browser.start(app, screen.device)) {
            browser.open("/client/ru/cards/general/q601");
            browser.clickAndLoad(By.cssSelector(".answer a.macro-chat"));
            assertThat(browser.path())
                    .isEqualTo(screen == Screen.APP ? "/client/ru/ask?platform=app" : "/client/ru/ask");
            assertThat(browser.find(By.tagName("h1")).getText()).isEqualTo("Опишите ваш вопрос");
            assertThat(browser.seriousViolations()).as("axe on the form").isEmpty();
            browser.type(
                    "handoff-message",
                    "Здравствуйте! Потеряла карту 4400 4301 2345 6789, как её заблокировать? Спасибо");
            browser.screenshot(screen.file("handoff-form"));
            browser.clickAndLoad(By.cssSelector("form.handoff-form button[type=submit]"));
            assertThat(browser.path()).matches("/client/ru/ask/[A-Za-z0-9_-]{22}(\\?platform=app)?");
            assertThat(browser.find(By.cssSelector(".handoff-message")).getText())
                    .contains("[карта]")
                    .doesNotContain("4400");
            assertThat(browser.find(By.cssSelector(".handoff-answer h3 a")).getText())
                    .isEqualTo("Как заблокировать карту?");
            assertThat(browser.seriousViolations()).as("axe on the answers").isEmpty();
            browser.screenshot(screen.file("handoff-answers"));

            browser.clickAndLoad(By.cssSelector(".handoff-answer form button"));
            assertThat(browser.find(By.cssSelector(".handoff-thanks")).getText())
                    .startsWith("Спасибо!");
            String chat = browser.find(By.cssSelector(".handoff-chat-link")).getAttribute("href");
            assertThat(chat).contains("/chat");
            assertThat(browser.seriousViolations()).as("axe after the vote").isEmpty();
        }
    }
}
