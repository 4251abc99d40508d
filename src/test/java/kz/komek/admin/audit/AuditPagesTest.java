package kz.komek.admin.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.Optional;
import kz.komek.Config;
import kz.komek.admin.Role;
import kz.komek.admin.accounts.AdminCookies;
import kz.komek.admin.accounts.Password;
import kz.komek.admin.accounts.UserName;
import kz.komek.testing.AdminHttp;
import kz.komek.testing.TestApp;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code /admin/audit}: filters, labels, links, paging, and who sees which rows. */
class AuditPagesTest {
    private final TestApp app = TestApp.withBundle("/fixtures/mini.bundle.json");
    private final AdminHttp http = new AdminHttp(app);
    private AdminHttp.Session admin;
    private AdminHttp.Session dana;

    @BeforeEach
    void rows() {
        app.app().accounts().addUser(new UserName("aigerim"), Role.ADMIN, new Password(AdminHttp.PASSWORD));
        app.app().accounts().addUser(new UserName("dana"), Role.EDITOR, new Password(AdminHttp.PASSWORD));
        admin = http.session("aigerim", AdminHttp.PASSWORD);
        dana = http.session("dana", AdminHttp.PASSWORD);
        var r = app.send(HttpRequest.newBuilder(URI.create(app.url("/api/v1/admin/questions/5000")))
                .header("Content-Type", "application/json")
                .header("Cookie", AdminCookies.SESSION + "=" + dana.cookie())
                .header("X-CSRF-Token", dana.csrf())
                .PUT(HttpRequest.BodyPublishers.ofString("""
                        {"site": "client", "section": "bonus/spend",
                         "locales": {"ru": {"title": "Можно ли вернуть бонусы?", "content": "<p>Да.</p>"}}}
                        """))
                .build());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    }

    @AfterEach
    void close() {
        app.close();
    }

    private Document page(String query, AdminHttp.Session s) {
        var r = http.withSession("/admin/audit" + query, s);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return Jsoup.parse(r.body());
    }

    private static java.util.List<String> actions(Document d) {
        return d.select(".audit-table tbody td:nth-child(3) span").eachAttr("data-action");
    }

    @Test
    void anAdminSeesEveryonesRowsWithLabelsAndLinks() {
        Document d = page("", admin);
        assertThat(actions(d))
                .containsExactly(
                        "question.save_draft", "session.sign_in", "session.sign_in", "user.create", "user.create");
        var draft = d.selectFirst(".audit-table tbody tr");
        assertThat(draft.text()).contains("dana", "черновик вопроса сохранён");
        assertThat(draft.selectFirst("a[href^=/admin/questions/5000]")).isNotNull();
        assertThat(draft.select("ins").eachText()).contains("черновик");
        assertThat(d.select(".admin-note")).isEmpty();
        assertThat(d.select(".audit-older")).isEmpty();
        Document kz = page("?lang=kz", admin);
        assertThat(kz.selectFirst(".audit-table tbody tr").text()).contains("сұрақтың жобасы сақталды");
    }

    @Test
    void filtersNarrowTheRows() {
        assertThat(actions(page("?action=question.save_draft", admin))).containsExactly("question.save_draft");
        assertThat(actions(page("?actor=dana", admin))).containsExactly("question.save_draft", "session.sign_in");
        assertThat(actions(page("?actor=DANA&action=session.sign_in", admin))).containsExactly("session.sign_in");
        assertThat(actions(page("?object_type=question&object_id=5000", admin))).containsExactly("question.save_draft");
        assertThat(actions(page("?object_type=user&object_id=dana", admin))).containsExactly("user.create");
        String today = LocalDate.now(Config.DEFAULT_ZONE).toString();
        String tomorrow = LocalDate.now(Config.DEFAULT_ZONE).plusDays(1).toString();
        assertThat(actions(page("?from=" + today + "&to=" + today, admin))).hasSize(5);
        assertThat(page("?from=" + tomorrow, admin).select(".audit-empty")).hasSize(1);
        // the form shows what was asked
        Document d = page("?actor=dana&action=session.sign_in", admin);
        assertThat(d.selectFirst("input[name=actor]").val()).isEqualTo("dana");
        assertThat(d.selectFirst("select[name=action] option[selected]").val()).isEqualTo("session.sign_in");
        var bad = http.withSession("/admin/audit?from=25.11.2026", admin);
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(Jsoup.parse(bad.body()).selectFirst(".form-error").text()).contains("from");
    }

    @Test
    void anyoneElseSeesOnlyTheirOwnRows() {
        Document d = page("", dana);
        assertThat(actions(d)).containsExactly("question.save_draft", "session.sign_in");
        assertThat(d.select(".admin-note")).hasSize(1);
        assertThat(d.select(".audit-table tbody td:nth-child(2)").eachText()).containsOnly("dana");
        assertThat(page("?actor=aigerim", dana).select(".audit-empty")).hasSize(1);
        assertThat(page("?actor=1", dana).select(".audit-empty")).hasSize(1);
    }

    @Test
    void olderRowsArePagedByTheLastId() {
        app.app().jdbi().useTransaction(h -> {
            for (int i = 0; i < 60; i++) {
                app.app()
                        .auditLog()
                        .append(
                                h,
                                AuditLog.Signer.KOMEK,
                                new AuditLog.Change(
                                        "thing.poke",
                                        "thing",
                                        Integer.toString(i),
                                        Optional.empty(),
                                        Optional.empty()));
            }
        });
        Document first = page("?action=thing.poke", admin);
        assertThat(first.select(".audit-table tbody tr")).hasSize(AuditPages.PAGE);
        // an action komek has no label for is shown as stored
        assertThat(first.selectFirst(".audit-table tbody td:nth-child(3)").text())
                .isEqualTo("thing.poke");
        String older = first.selectFirst(".audit-older a").attr("href");
        assertThat(older).contains("before=").contains("action=thing.poke").contains("lang=ru");
        Document second = Jsoup.parse(http.withSession(older, admin).body());
        assertThat(second.select(".audit-table tbody tr")).hasSize(10);
        assertThat(second.select(".audit-older")).isEmpty();
        var ids = new HashSet<String>(first.select(".audit-table tbody tr").eachAttr("data-id"));
        ids.addAll(second.select(".audit-table tbody tr").eachAttr("data-id"));
        assertThat(ids).hasSize(60);
    }

    @Test
    void beforeAndAfterShowWhatChanged() {
        app.app()
                .accounts()
                .setRole(
                        new UserName("dana"),
                        Role.PUBLISHER,
                        new AuditLog.Signer(Optional.of(1L), "aigerim", Optional.empty()));
        var row = page("?action=user.role", admin).selectFirst(".audit-table tbody tr");
        assertThat(row.select(".audit-changes li").eachText())
                .containsExactly("роль: редактор → публикатор", "отключён: нет");
        assertThat(row.select("del").eachText()).containsExactly("редактор");
        assertThat(row.select("ins").eachText()).containsExactly("публикатор");
        assertThat(row.select("td").get(3).text()).isEqualTo("пользователь dana");
        assertThat(row.selectFirst("a[href^=/admin/users]")).isNotNull();
    }
}
