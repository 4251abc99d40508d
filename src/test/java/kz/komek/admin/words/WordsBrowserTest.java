package kz.komek.admin.words;

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

/**
 * The page of what search learned in Debian's Chromium: a publisher finds the pair search learned, rejects it with
 * the row's button, adds a pair of their own by typing two words, and a reader's search follows both.
 */
class WordsBrowserTest {
    private static final String PUBLISHER = "dana";
    private static final String PASSWORD = "correct horse battery";

    private static TestApp app;
    private static Browser browser;

    @BeforeAll
    static void start() {
        Browser.assumeInstalled();
        app = TestApp.withBundle("/fixtures/lexicon.bundle.json");
        app.app().learnLexicon();
        app.app().accounts().addUser(new UserName(PUBLISHER), Role.PUBLISHER, new Password(PASSWORD));
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

    private static boolean readersFind904(String q) {
        app.app().learnLexicon();
        browser.open("/client/ru/search?q=" + java.net.URLEncoder.encode(q, java.nio.charset.StandardCharsets.UTF_8));
        return !browser.driver()
                .findElements(By.cssSelector("a.search-result-title[href*='&open=904&']"))
                .isEmpty();
    }

    @Test
    void aPublisherRejectsALearnedPairAndAddsOneOfTheirOwn() {
        browser.open("/admin/login");
        browser.type("login-name", PUBLISHER);
        browser.type("login-password", PASSWORD);
        browser.click(By.cssSelector("form.admin-form button[type=submit]"));
        assertThat(readersFind904("подземная парковка")).isTrue();

        browser.open("/admin/words");
        var row = By.xpath("//table[contains(@class,'words-pairs')]//tr[td[@lang='ru' and text()='парковк…']]");
        assertThat(browser.find(row).getText()).contains("тұрақ…").contains("выучено");
        browser.clickAndLoad(
                By.xpath("//table[contains(@class,'words-pairs')]//tr[td[@lang='ru' and text()='парковк…']]"
                        + "//button[@value='reject']"));
        assertThat(browser.find(By.cssSelector("[role=status]")).getText()).isEqualTo("Решение сохранено.");
        assertThat(browser.find(row).getText()).contains("отклонено");
        assertThat(readersFind904("подземная парковка")).isFalse();

        browser.open("/admin/words");
        browser.find(By.cssSelector("form.words-add input[name=ru]")).sendKeys("подвалы");
        browser.find(By.cssSelector("form.words-add input[name=kz]")).sendKeys("жерасты");
        browser.clickAndLoad(By.cssSelector("form.words-add button[type=submit]"));
        assertThat(browser.find(By.cssSelector("[role=status]")).getText()).isEqualTo("Решение сохранено.");
        assertThat(browser.mainText()).contains("подвал…");
        assertThat(readersFind904("машина в подвале")).isTrue();
    }
}
