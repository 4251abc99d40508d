package kz.komek.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import kz.komek.admin.accounts.Password;
import kz.komek.admin.accounts.UserName;
import kz.komek.i18n.Locale;
import kz.komek.testing.AdminHttp;
import kz.komek.testing.TestApp;
import org.assertj.core.api.SoftAssertions;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Every admin page in Kazakh says nothing of the admin's own in Russian (and the other way round): each text of
 * {@link AdminText} that differs between the two is looked for in the page, outside what editors wrote (form
 * values, answers in the preview, titles of questions and sections).
 */
class AdminKazakhPagesTest {
    private final TestApp app = TestApp.withBundle("/fixtures/mini.bundle.json");
    private final AdminHttp http = new AdminHttp(app);

    @AfterEach
    void close() {
        app.close();
    }

    @Test
    void everyAdminPageSpeaksOneLanguage() {
        app.app().accounts().addUser(new UserName("aigerim"), Role.ADMIN, new Password(AdminHttp.PASSWORD));
        var s = http.session("aigerim", AdminHttp.PASSWORD);
        // a draft over question 456, so that it has revisions to list and compare
        var editor = Jsoup.parse(http.withSession("/admin/questions/456", s).body());
        var form = AdminHttp.questionForm(editor);
        form.put("kz.title", "Бонус қалай аламын, жаңа нұсқа?");
        assertThat(http.postForm("/admin/questions/456", form, s).statusCode()).isEqualTo(200);
        String section = Jsoup.parse(http.withSession("/admin/sections", s).body())
                .selectFirst("a[href^=/admin/sections/]")
                .attr("href")
                .replaceAll("\\?.*", "");

        List<String> pages = List.of(
                "/admin",
                "/admin/questions?q=бонус",
                "/admin/questions/new",
                "/admin/questions/456",
                "/admin/questions/456/revisions",
                "/admin/questions/456/diff?from=1&to=2",
                "/admin/questions/456/delete",
                "/admin/sections",
                section,
                section + "/delete",
                "/admin/transfer",
                "/admin/audit",
                "/admin/users",
                "/admin/account");
        var soft = new SoftAssertions();
        for (Locale locale : Locale.values()) {
            Locale other = locale.other();
            for (String page : pages) {
                String url = page + (page.contains("?") ? "&" : "?") + "lang=" + locale.code();
                var r = http.withSession(url, s);
                soft.assertThat(r.statusCode()).as(url).isEqualTo(200);
                String text = adminText(Jsoup.parse(r.body()));
                soft.assertThat(text).as(url).contains(AdminText.SIGN_OUT.in(locale));
                for (AdminText t : AdminText.values()) {
                    String foreign = t.in(other);
                    if (!foreign.equals(t.in(locale)) && foreign.length() >= 8 && !foreign.contains("%")) {
                        soft.assertThat(text)
                                .as(url + " shows " + t + " in " + other)
                                .doesNotContain(foreign);
                    }
                }
            }
            String login = adminText(
                    Jsoup.parse(app.get("/admin/login?lang=" + locale.code()).body()));
            soft.assertThat(login)
                    .contains(AdminText.LOGIN_INTRO.in(locale))
                    .doesNotContain(AdminText.LOGIN_INTRO.in(other));
        }
        soft.assertAll();
    }

    /** The page's own words: without form values, previews, and the titles editors wrote. */
    private static String adminText(Document page) {
        page.select("textarea, iframe, select option, .q-frames, .diff, .audit-changes, h1")
                .remove();
        return page.body().text() + " "
                + String.join(" ", page.select("[aria-label]").eachAttr("aria-label"));
    }
}
