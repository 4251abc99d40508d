package kz.komek.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import java.util.TreeSet;
import kz.komek.testing.Browser;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * Every admin page ({@link AdminScene#pages()}, after a day's work, so lists, tables, reports and notes are full) in
 * Debian's Chromium, on a 390 px phone and on a desktop: nothing scrolls sideways on the phone, and axe-core finds no
 * serious or critical WCAG 2.2 AA violation on either. Each page's phone screenshot lands in target/screenshots
 * ({@code admin-<page>-iphone.png}). The list of pages is checked against the admin's routes, so a new admin page is
 * visited here or the test says which one is missing.
 */
class AdminPagesBrowserTest {
    private static AdminScene scene;

    @BeforeAll
    static void work() {
        scene = AdminScene.build();
    }

    @AfterAll
    static void close() {
        if (scene != null) {
            scene.close();
        }
    }

    @Test
    void everyAdminPageIsOnTheList() throws Exception {
        Set<String> served = new TreeSet<>(AdminScene.routes());
        assertThat(served).as("routes that are not admin pages, and say so").containsAll(AdminScene.NOT_PAGES.keySet());
        Set<String> visited = new HashSet<>();
        scene.pages().forEach(p -> visited.add(p.route()));
        visited.add(AdminScene.JOB_ROUTE);
        served.removeAll(AdminScene.NOT_PAGES.keySet());
        assertThat(visited)
                .as("admin routes (GET) that AdminScene.pages() must list, or NOT_PAGES explain")
                .containsAll(served);
        assertThat(served).as("pages listed that no route serves").containsAll(visited);
    }

    @Test
    void everyAdminPageFitsAPhoneAndPassesAxe() throws Exception {
        visitAll(Browser.Device.IPHONE);
    }

    @Test
    void everyAdminPagePassesAxeOnADesktop() throws Exception {
        visitAll(Browser.Device.DESKTOP);
    }

    private static void visitAll(Browser.Device device) throws Exception {
        var soft = new SoftAssertions();
        try (var browser = Browser.start(scene.app(), device)) {
            for (var page : scene.pages()) {
                if (page.name().equals("login")) {
                    // visited signed out, first
                    check(browser, soft, device, page.name(), page.path());
                }
            }
            signIn(browser);
            for (var page : scene.pages()) {
                if (!page.name().equals("login")) {
                    check(browser, soft, device, page.name(), page.path());
                }
            }
            try (var job = scene.holdJob()) {
                check(browser, soft, device, "transfer-job", job.path());
                job.close();
                // the page follows the job by itself, and shows its report once it has ended
                browser.waitFor(
                        d -> !d.findElements(By.cssSelector(".transfer-report")).isEmpty());
            }
        }
        soft.assertAll();
    }

    private static void check(Browser browser, SoftAssertions soft, Browser.Device device, String name, String path) {
        browser.open(path);
        browser.waitFor(d -> "complete".equals(browser.script("return document.readyState")));
        String where = name + " (" + path + ") on " + device.name();
        soft.assertThat(browser.find(By.tagName("h1")).getText()).as(where).isNotBlank();
        if (device.width() < 500) {
            soft.assertThat(browser.scrollsSideways())
                    .as(where + " scrolls sideways: " + widest(browser))
                    .isFalse();
        }
        soft.assertThat(browser.seriousViolations()).as(where).isEmpty();
        browser.screenshot("admin-" + name + "-" + device.name() + ".png");
    }

    /**
     * What sticks out on the right, for the failure message: the outermost elements past the viewport whose parent is
     * not (where a fix belongs).
     */
    private static Object widest(Browser browser) {
        return browser.script("""
                const w = document.documentElement.clientWidth, out = [];
                for (const e of document.querySelectorAll('body *')) {
                  const r = e.getBoundingClientRect();
                  const parent = e.parentElement.getBoundingClientRect();
                  if (r.right > w + 1 && r.width > 0 && parent.right <= w + 1) {
                    out.push(e.tagName.toLowerCase() + (e.id ? '#' + e.id : '')
                        + (e.className && typeof e.className === 'string' ? '.' + e.className.trim().replace(/\\s+/g, '.') : '')
                        + ' right=' + Math.round(r.right));
                  }
                }
                return 'page ' + document.documentElement.scrollWidth + ' px wide; ' + out.slice(0, 8).join(', ');
                """);
    }

    private static void signIn(Browser browser) {
        browser.open("/admin/login");
        browser.type("login-name", AdminScene.ADMIN);
        browser.type("login-password", AdminScene.PASSWORD);
        browser.clickAndLoad(By.cssSelector("form.admin-form button[type=submit]"));
    }
}
