package kz.komek.admin.questions;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
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
 * The editor's preview frames in Debian's Chromium show the answer being edited, not the top of its page: in each
 * frame (desktop, mobile site, app) the answer's title and its first paragraph are inside the frame's visible area,
 * for the saved text and for the text as typed; the editor's own page does not move.
 */
class EditorPreviewBrowserTest {
    private static final String NAME = "aigerim";
    private static final String PASSWORD = "correct horse battery";
    private static final List<String> PLATFORMS = List.of("desktop", "mobile", "app");

    private static TestApp app;

    @BeforeAll
    static void start() {
        Browser.assumeInstalled();
        app = TestApp.withBundle("/fixtures/mini.bundle.json");
        app.app().accounts().addUser(new UserName(NAME), Role.PUBLISHER, new Password(PASSWORD));
    }

    @AfterAll
    static void stop() {
        if (app != null) {
            app.close();
        }
    }

    @Test
    void eachFrameShowsTheAnswerOnAWideScreen() {
        try (var browser = Browser.start(app)) {
            check(browser, "wide");
        }
    }

    @Test
    void eachFrameShowsTheAnswerOnAPhone() {
        try (var browser = Browser.start(app, Browser.Device.IPHONE)) {
            check(browser, "iphone");
        }
    }

    private static void check(Browser browser, String screen) {
        signIn(browser);
        // 999 is the last of its section's six questions: its page opens with the five others
        browser.open("/admin/questions/999");
        for (String platform : PLATFORMS) {
            answerInView(browser, platform, "Когда начнётся новая бонусная программа?");
        }
        assertThat(((Number) browser.script("return window.scrollY")).longValue())
                .as("the editor's page stays where it is")
                .isZero();
        browser.script("document.querySelector('.q-preview').scrollIntoView()");
        browser.screenshot("editor-preview-" + screen + ".png");

        // the text as typed: the live preview keeps the answer in view
        browser.type("q-ru-title", "Когда начнётся бонусная программа 2027 года?");
        browser.type("q-ru-content", "<p>Программа начнётся в январе.</p><p>Подробности позже.</p>");
        for (String platform : PLATFORMS) {
            answerInView(browser, platform, "Когда начнётся бонусная программа 2027 года?");
        }
    }

    /**
     * Waits until the frame of {@code platform} shows {@code title}, then checks that the answer's title and first
     * paragraph lie inside the frame's viewport.
     */
    @SuppressWarnings("unchecked")
    private static void answerInView(Browser browser, String platform, String title) {
        var frame = By.cssSelector(".q-frames iframe[data-platform='" + platform + "']");
        Map<String, Object> seen = browser.waitFor(d -> {
            d.switchTo().frame(browser.find(frame));
            try {
                var box = (Map<String, Object>) browser.script("""
                        const t = document.getElementById('q-title');
                        const p = document.querySelector('.answer-body p');
                        if (!t || !p) { return null; }
                        const a = t.getBoundingClientRect(), b = p.getBoundingClientRect();
                        return {title: t.textContent.trim(), top: a.top, bottom: b.bottom,
                                height: window.innerHeight, width: window.innerWidth,
                                left: Math.min(a.left, b.left), right: Math.max(a.right, b.right)};
                        """);
                if (box == null || !title.equals(box.get("title"))) {
                    return null;
                }
                double top = ((Number) box.get("top")).doubleValue();
                double bottom = ((Number) box.get("bottom")).doubleValue();
                double height = ((Number) box.get("height")).doubleValue();
                return top >= 0 && bottom <= height ? box : null;
            } finally {
                d.switchTo().defaultContent();
            }
        });
        assertThat(((Number) seen.get("left")).doubleValue()).as(platform).isGreaterThanOrEqualTo(0);
        assertThat(((Number) seen.get("right")).doubleValue())
                .as(platform)
                .isLessThanOrEqualTo(((Number) seen.get("width")).doubleValue());
    }

    private static void signIn(Browser browser) {
        browser.open("/admin/login");
        browser.type("login-name", NAME);
        browser.type("login-password", PASSWORD);
        browser.clickAndLoad(By.cssSelector("form.admin-form button[type=submit]"));
    }
}
