package kz.komek.admin.content;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;
import kz.komek.admin.Password;
import kz.komek.admin.Role;
import kz.komek.admin.UserName;
import kz.komek.testing.TestApp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * An editor's whole day in Debian's Chromium (Selenium through Debian's chromedriver; nothing downloaded): sign in,
 * write a question in Russian and Kazakh, watch the preview on desktop, mobile and in the app, schedule it, publish
 * it, find it on its page and in search, edit it, restore the first revision, and read every step in the audit log.
 *
 * <p>Without {@code /usr/bin/chromium} and {@code /usr/bin/chromedriver} the test is skipped, visibly; under
 * {@code CI=true} it must run ({@code .ci/run} installs both).
 */
class EditorBrowserTest {
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final String NAME = "aigerim";
    private static final String PASSWORD = "correct horse battery";
    private static final Duration WAIT = Duration.ofSeconds(20);

    private static TestApp app;
    private static WebDriver browser;

    @BeforeAll
    static void start() {
        boolean installed = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        if (!"true".equals(System.getenv("CI"))) {
            assumeTrue(
                    installed,
                    "Debian's chromium and chromium-driver are not installed: apt-get install chromium chromium-driver");
        }
        assertThat(installed)
                .as("CI=true: /usr/bin/chromium and /usr/bin/chromedriver must be installed")
                .isTrue();
        app = TestApp.withDemo();
        app.app().accounts().addUser(new UserName(NAME), Role.PUBLISHER, new Password(PASSWORD));
        var options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments(
                "--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1600,1200", "--lang=ru");
        var service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .build();
        browser = new ChromeDriver(service, options);
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.quit();
        }
        if (app != null) {
            app.close();
        }
    }

    @Test
    void anEditorWritesPreviewsSchedulesPublishesEditsAndRestoresAQuestion() {
        // sign in
        open("/admin");
        assertThat(browser.getCurrentUrl()).contains("/admin/login");
        browser.findElement(By.id("login-name")).sendKeys(NAME);
        browser.findElement(By.id("login-password")).sendKeys(PASSWORD);
        browser.findElement(By.cssSelector("form.admin-form button[type=submit]"))
                .click();
        waitFor(d -> d.findElement(By.cssSelector(".admin-role")).getText().equals("публикатор"));

        // a new question in both locales
        browser.findElement(By.id("new-question")).click();
        waitFor(d -> d.findElement(By.id("question-form")).isDisplayed());
        new Select(browser.findElement(By.id("q-place"))).selectByValue("client/bonus/save/general");
        type("q-ru-title", "Как перенести бонусы зимородком на карту");
        type(
                "q-ru-content",
                "<p>Бонусы зимородок переносятся за минуту.</p>"
                        + "<span class=\"desktop_only\"><p>Откройте сайт на компьютере.</p></span>"
                        + "<span class=\"mobile_only\"><p>Откройте сайт в телефоне.</p></span>"
                        + "<span class=\"mobileApp_only\"><p>Откройте раздел в приложении.</p></span>");
        type("q-kz-title", "Зимородок бонустарын картаға қалай ауыстыруға болады");
        type("q-kz-content", "<p>Зимородок бонустары бір минутта ауыстырылады.</p>");

        // the preview follows the typing, one frame per platform
        assertThat(preview("desktop", "Откройте сайт на компьютере")).doesNotContain("в приложении", "в телефоне");
        assertThat(preview("mobile", "Откройте сайт в телефоне")).doesNotContain("на компьютере", "в приложении");
        assertThat(preview("app", "Откройте раздел в приложении")).doesNotContain("на компьютере", "в телефоне");
        screenshot("editor.png");
        ((JavascriptExecutor) browser).executeScript("document.querySelector('.q-preview').scrollIntoView()");
        screenshot("editor-preview.png");
        browser.findElement(By.cssSelector("input[name=preview_locale][value=kz]"))
                .click();
        assertThat(preview("mobile", "бір минутта")).contains("Зимородок бонустарын картаға");

        // saved as a draft: readers see nothing yet
        browser.findElement(By.id("q-save")).click();
        waitFor(d -> d.findElement(By.id("q-done")).isDisplayed());
        assertThat(status()).isEqualTo("черновик");
        long id = Long.parseLong(browser.getCurrentUrl().replaceAll(".*/admin/questions/(\\d+).*", "$1"));
        String ruPage = "/client/ru/bonus/save/general/q" + id;
        assertThat(app.get(ruPage).statusCode()).isEqualTo(404);

        // scheduled for tomorrow: still not public
        browser.findElement(By.id("q-schedule")).click();
        waitFor(d -> status().equals("запланирован"));
        assertThat(app.get(ruPage).statusCode()).isEqualTo(404);

        // published now: on its page in both locales, and in search
        browser.findElement(By.id("q-publish")).click();
        waitFor(d -> status().equals("опубликован"));
        open(ruPage);
        assertThat(browser.findElement(By.tagName("h1")).getText())
                .isEqualTo("Как перенести бонусы зимородком на карту");
        open("/client/kz/bonus/save/general/q" + id);
        assertThat(browser.findElement(By.tagName("h1")).getText())
                .isEqualTo("Зимородок бонустарын картаға қалай ауыстыруға болады");
        waitFor(d -> {
            open("/client/ru/search?q=зимородок");
            return !d.findElements(By.cssSelector("a[href$='/q" + id + "']")).isEmpty();
        });

        // edited, saved from the keyboard (Ctrl+S), and published again
        open("/admin/questions/" + id);
        type("q-ru-title", "Как перенести бонусы зимородком на другую карту");
        browser.findElement(By.id("q-ru-title"))
                .sendKeys(org.openqa.selenium.Keys.chord(org.openqa.selenium.Keys.CONTROL, "s"));
        waitFor(d -> status().equals("черновик"));
        browser.findElement(By.id("q-publish")).click();
        waitFor(d -> d.findElement(By.id("q-done")).isDisplayed());
        open(ruPage);
        assertThat(browser.findElement(By.tagName("h1")).getText())
                .isEqualTo("Как перенести бонусы зимородком на другую карту");

        // the history: compare the first and the latest, then restore the first as a new draft and publish it
        open("/admin/questions/" + id + "/revisions");
        browser.findElement(By.cssSelector("input[name=from][value='1']")).click();
        browser.findElement(By.id("q-compare")).click();
        waitFor(d -> !d.findElements(By.cssSelector(".diff dt[data-field='locales.ru.title']"))
                .isEmpty());
        assertThat(browser.findElement(By.cssSelector(".diff dt[data-field='locales.ru.title'] + dd ins"))
                        .getText())
                .contains("другую");
        open("/admin/questions/" + id + "/revisions");
        browser.findElement(By.id("q-restore-1")).click();
        waitFor(d -> d.findElement(By.id("q-done")).isDisplayed());
        assertThat(browser.findElement(By.id("q-ru-title")).getAttribute("value"))
                .isEqualTo("Как перенести бонусы зимородком на карту");
        assertThat(status()).isEqualTo("черновик");
        browser.findElement(By.id("q-publish")).click();
        waitFor(d -> status().equals("опубликован"));
        open(ruPage);
        assertThat(browser.findElement(By.tagName("h1")).getText())
                .isEqualTo("Как перенести бонусы зимородком на карту");

        // every step in the audit log
        open("/admin/audit?object_type=question&object_id=" + id);
        List<String> actions = browser.findElements(By.cssSelector("[data-action]")).stream()
                .map(e -> e.getAttribute("data-action"))
                .toList();
        assertThat(actions).contains("question.create", "question.publish", "question.save_draft", "question.restore");
        assertThat(actions.stream().filter("question.publish"::equals)).hasSize(4);
        assertThat(browser.findElement(By.tagName("main")).getText()).contains(NAME);
        screenshot("audit.png");

        // the structure around it: the section tree, and the section's own page listing the question
        open("/admin/sections");
        screenshot("sections.png");
        browser.findElement(By.linkText("bonus/save/general")).click();
        waitFor(d -> d.findElement(By.tagName("main")).getText().contains("Как перенести бонусы зимородком на карту"));
        screenshot("section.png");
    }

    /** Kept under target/screenshots for people to look at (docs/screenshots holds a chosen copy). */
    private static void screenshot(String name) {
        try {
            Path dir = Path.of("target", "screenshots");
            Files.createDirectories(dir);
            byte[] png = ((org.openqa.selenium.TakesScreenshot) browser)
                    .getScreenshotAs(org.openqa.selenium.OutputType.BYTES);
            Files.write(dir.resolve(name), png);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void open(String path) {
        browser.get(app.url(path));
    }

    private static void type(String id, String text) {
        WebElement field = browser.findElement(By.id(id));
        field.clear();
        field.sendKeys(text);
    }

    private static String status() {
        return browser.findElement(By.id("q-status")).getText();
    }

    /** The text of the preview frame of a platform, once the live preview shows {@code expected} in it. */
    private static String preview(String platform, String expected) {
        try {
            return waitFor(d -> {
                String text = previewText(platform);
                return text.contains(expected) ? text : null;
            });
        } catch (org.openqa.selenium.TimeoutException e) {
            throw new AssertionError(
                    "the " + platform + " preview never showed \"" + expected + "\"; it shows:\n"
                            + previewText(platform),
                    e);
        }
    }

    private static String previewText(String platform) {
        var frame = By.cssSelector(".q-frames iframe[data-platform='" + platform + "']");
        browser.switchTo().frame(browser.findElement(frame));
        try {
            return (String) ((JavascriptExecutor) browser).executeScript("return document.body.innerText");
        } finally {
            browser.switchTo().defaultContent();
        }
    }

    private static <T> T waitFor(Function<WebDriver, T> condition) {
        try {
            return new WebDriverWait(browser, WAIT).until(condition::apply);
        } catch (org.openqa.selenium.TimeoutException e) {
            throw new AssertionError(
                    "waited " + WAIT.toSeconds() + " s at " + browser.getCurrentUrl() + ", which shows:\n"
                            + browser.findElement(By.tagName("body")).getText(),
                    e);
        }
    }
}
