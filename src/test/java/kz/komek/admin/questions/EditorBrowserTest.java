package kz.komek.admin.questions;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import kz.komek.admin.Role;
import kz.komek.admin.accounts.Password;
import kz.komek.admin.accounts.UserName;
import kz.komek.testing.Browser;
import kz.komek.testing.TestApp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;

/**
 * An editor's whole day in Debian's Chromium (Selenium through Debian's chromedriver; nothing downloaded): sign in,
 * write a question in Russian and Kazakh, watch the preview on desktop, mobile and in the app, schedule it, publish
 * it, find it on its page and in search, edit it, restore the first revision, and read every step in the audit log.
 *
 * <p>Without {@code /usr/bin/chromium} and {@code /usr/bin/chromedriver} the test is skipped, visibly; under
 * {@code CI=true} it must run ({@code .ci/run} installs both).
 */
class EditorBrowserTest {
    private static final String NAME = "aigerim";
    private static final String PASSWORD = "correct horse battery";

    private static TestApp app;
    private static Browser browser;

    @BeforeAll
    static void start() {
        Browser.assumeInstalled();
        app = TestApp.withDemo();
        app.app().accounts().addUser(new UserName(NAME), Role.PUBLISHER, new Password(PASSWORD));
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
    void anEditorWritesPreviewsSchedulesPublishesEditsAndRestoresAQuestion() {
        // sign in
        browser.open("/admin");
        assertThat(browser.driver().getCurrentUrl()).contains("/admin/login");
        browser.find(By.id("login-name")).sendKeys(NAME);
        browser.find(By.id("login-password")).sendKeys(PASSWORD);
        browser.find(By.cssSelector("form.admin-form button[type=submit]")).click();
        browser.waitFor(
                d -> d.findElement(By.cssSelector(".admin-role")).getText().equals("публикатор"));

        // a new question in both locales
        browser.find(By.id("new-question")).click();
        browser.waitFor(d -> d.findElement(By.id("question-form")).isDisplayed());
        new Select(browser.find(By.id("q-place"))).selectByValue("client/bonus/save/general");
        browser.type("q-ru-title", "Как перенести бонусы зимородком на карту");
        browser.type(
                "q-ru-content",
                "<p>Бонусы зимородок переносятся за минуту.</p>"
                        + "<span class=\"desktop_only\"><p>Откройте сайт на компьютере.</p></span>"
                        + "<span class=\"mobile_only\"><p>Откройте сайт в телефоне.</p></span>"
                        + "<span class=\"mobileApp_only\"><p>Откройте раздел в приложении.</p></span>");
        browser.type("q-kz-title", "Зимородок бонустарын картаға қалай ауыстыруға болады");
        browser.type("q-kz-content", "<p>Зимородок бонустары бір минутта ауыстырылады.</p>");

        // the preview follows the typing, one frame per platform
        assertThat(preview("desktop", "Откройте сайт на компьютере")).doesNotContain("в приложении", "в телефоне");
        assertThat(preview("mobile", "Откройте сайт в телефоне")).doesNotContain("на компьютере", "в приложении");
        assertThat(preview("app", "Откройте раздел в приложении")).doesNotContain("на компьютере", "в телефоне");
        browser.screenshot("editor.png");
        browser.script("document.querySelector('.q-preview').scrollIntoView()");
        browser.screenshot("editor-preview.png");
        browser.find(By.cssSelector("input[name=preview_locale][value=kz]")).click();
        assertThat(preview("mobile", "бір минутта")).contains("Зимородок бонустарын картаға");

        // saved as a draft: readers see nothing yet
        browser.find(By.id("q-save")).click();
        browser.waitFor(d -> d.findElement(By.id("q-done")).isDisplayed());
        assertThat(status()).isEqualTo("черновик");
        long id = Long.parseLong(browser.driver().getCurrentUrl().replaceAll(".*/admin/questions/(\\d+).*", "$1"));
        String ruPage = "/client/ru/bonus/save/general/q" + id;
        assertThat(app.get(ruPage).statusCode()).isEqualTo(404);

        // scheduled for tomorrow: still not public
        browser.find(By.id("q-schedule")).click();
        browser.waitFor(d -> status().equals("запланирован"));
        assertThat(app.get(ruPage).statusCode()).isEqualTo(404);

        // published now: on its page in both locales, and in search
        browser.find(By.id("q-publish")).click();
        browser.waitFor(d -> status().equals("опубликован"));
        browser.open(ruPage);
        assertThat(browser.find(By.tagName("h1")).getText()).isEqualTo("Как перенести бонусы зимородком на карту");
        browser.open("/client/kz/bonus/save/general/q" + id);
        assertThat(browser.find(By.tagName("h1")).getText())
                .isEqualTo("Зимородок бонустарын картаға қалай ауыстыруға болады");
        browser.waitFor(d -> {
            browser.open("/client/ru/search?q=зимородок");
            // a result's link goes through the search page, which notes it was opened (readers' words)
            return !d.findElements(By.cssSelector("a.search-result-title[href*='&open=" + id + "&']"))
                    .isEmpty();
        });

        // edited, saved from the keyboard (Ctrl+S), and published again
        browser.open("/admin/questions/" + id);
        browser.type("q-ru-title", "Как перенести бонусы зимородком на другую карту");
        browser.find(By.id("q-ru-title"))
                .sendKeys(org.openqa.selenium.Keys.chord(org.openqa.selenium.Keys.CONTROL, "s"));
        browser.waitFor(d -> status().equals("черновик"));
        browser.find(By.id("q-publish")).click();
        browser.waitFor(d -> d.findElement(By.id("q-done")).isDisplayed());
        browser.open(ruPage);
        assertThat(browser.find(By.tagName("h1")).getText())
                .isEqualTo("Как перенести бонусы зимородком на другую карту");

        // the history: compare the first and the latest, then restore the first as a new draft and publish it
        browser.open("/admin/questions/" + id + "/revisions");
        browser.find(By.cssSelector("input[name=from][value='1']")).click();
        browser.find(By.id("q-compare")).click();
        browser.waitFor(d -> !d.findElements(By.cssSelector(".diff dt[data-field='locales.ru.title']"))
                .isEmpty());
        assertThat(browser.find(By.cssSelector(".diff dt[data-field='locales.ru.title'] + dd ins"))
                        .getText())
                .contains("другую");
        browser.open("/admin/questions/" + id + "/revisions");
        browser.find(By.id("q-restore-1")).click();
        browser.waitFor(d -> d.findElement(By.id("q-done")).isDisplayed());
        assertThat(browser.find(By.id("q-ru-title")).getAttribute("value"))
                .isEqualTo("Как перенести бонусы зимородком на карту");
        assertThat(status()).isEqualTo("черновик");
        browser.find(By.id("q-publish")).click();
        browser.waitFor(d -> status().equals("опубликован"));
        browser.open(ruPage);
        assertThat(browser.find(By.tagName("h1")).getText()).isEqualTo("Как перенести бонусы зимородком на карту");

        // every step in the audit log
        browser.open("/admin/audit?object_type=question&object_id=" + id);
        List<String> actions = browser.driver().findElements(By.cssSelector("[data-action]")).stream()
                .map(e -> e.getAttribute("data-action"))
                .toList();
        assertThat(actions).contains("question.create", "question.publish", "question.save_draft", "question.restore");
        assertThat(actions.stream().filter("question.publish"::equals)).hasSize(4);
        assertThat(browser.find(By.tagName("main")).getText()).contains(NAME);
        browser.screenshot("audit.png");

        // the structure around it: the section tree, and the section's own page listing the question
        browser.open("/admin/sections");
        browser.screenshot("sections.png");
        browser.find(By.linkText("bonus/save/general")).click();
        browser.waitFor(
                d -> d.findElement(By.tagName("main")).getText().contains("Как перенести бонусы зимородком на карту"));
        browser.screenshot("section.png");
    }

    private static String status() {
        return browser.find(By.id("q-status")).getText();
    }

    /** The text of the preview frame of a platform, once the live preview shows {@code expected} in it. */
    private static String preview(String platform, String expected) {
        try {
            return browser.waitFor(d -> {
                String text = previewText(platform);
                return text.contains(expected) ? text : null;
            });
        } catch (AssertionError e) {
            throw new AssertionError(
                    "the " + platform + " preview never showed \"" + expected + "\"; it shows:\n"
                            + previewText(platform),
                    e);
        }
    }

    private static String previewText(String platform) {
        var frame = By.cssSelector(".q-frames iframe[data-platform='" + platform + "']");
        browser.driver().switchTo().frame(browser.find(frame));
        try {
            return (String) browser.script("return document.body.innerText");
        } finally {
            browser.driver().switchTo().defaultContent();
        }
    }
}
