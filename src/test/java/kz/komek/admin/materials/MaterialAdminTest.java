package kz.komek.admin.materials;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import kz.komek.admin.Role;
import kz.komek.admin.accounts.Password;
import kz.komek.admin.accounts.UserName;
import kz.komek.admin.audit.AuditLog;
import kz.komek.testing.AdminHttp;
import kz.komek.testing.TestApp;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Videos and documents in the admin, over real HTTP on a real database: drafts readers do not see, publishing
 * (now or at a time) that they do, unpublishing, history and restoring, the audit log, roles, refusals in the
 * editor's language, and a section's kind.
 */
class MaterialAdminTest {
    private TestApp app;
    private AdminHttp http;
    private AdminHttp.Session publisher;
    private AdminHttp.Session editor;

    @BeforeEach
    void start() {
        app = TestApp.withBundle("/fixtures/materials.bundle.json");
        http = new AdminHttp(app);
        app.app().accounts().addUser(new UserName("bolat"), Role.PUBLISHER, new Password(AdminHttp.PASSWORD));
        app.app().accounts().addUser(new UserName("dana"), Role.EDITOR, new Password(AdminHttp.PASSWORD));
        app.app().accounts().addUser(new UserName("vera"), Role.VIEWER, new Password(AdminHttp.PASSWORD));
        publisher = http.session("bolat", AdminHttp.PASSWORD);
        editor = http.session("dana", AdminHttp.PASSWORD);
    }

    @AfterEach
    void stop() {
        app.close();
    }

    /** A document for the docs section, Russian only, as the editor's form sends it. */
    private static Map<String, String> documentForm(AdminHttp.Session s, String title, String action) {
        var f = new LinkedHashMap<String, String>();
        f.put("_csrf", s.csrf());
        f.put("lang", "ru");
        f.put("place", "partner/pos/docs");
        f.put("position", "5");
        f.put("ru.present", "on");
        f.put("ru.title", title);
        f.put("ru.url", "https://example.kz/docs/tariffs.pdf");
        f.put("ru.description", "Тарифы эквайринга на 2026 год.");
        f.put("ru.format", "pdf");
        f.put("ru.size", "120000");
        f.put("ru.updated", "2026-01-15");
        f.put("ru.published", "2026-01-15T09:00");
        f.put("action", action);
        return f;
    }

    private static long idFrom(HttpResponse<String> created) {
        assertThat(created.statusCode()).as(created.body()).isEqualTo(303);
        String location = created.headers().firstValue("Location").orElseThrow();
        String path = location.substring(0, location.indexOf('?'));
        return Long.parseLong(path.substring(path.lastIndexOf('/') + 1));
    }

    private Document page(String path, AdminHttp.Session s) {
        var r = http.withSession(path, s);
        assertThat(r.statusCode()).as(path).isEqualTo(200);
        return Jsoup.parse(r.body());
    }

    private boolean readersSee(long id) {
        return Jsoup.parse(app.get("/partner/ru/pos/docs").body()).getElementById("m" + id) != null;
    }

    @Test
    void aDraftIsHiddenFromReadersUntilPublishedAndEveryStepIsAudited() {
        var created = http.postForm("/admin/materials/new", documentForm(editor, "Тарифы", "save"), editor);
        long id = idFrom(created);
        Document draft = page(created.headers().firstValue("Location").orElseThrow(), editor);
        assertThat(draft.getElementById("m-status").text()).isEqualTo("черновик");
        assertThat(draft.getElementById("m-done").text()).startsWith("Черновик сохранён");
        assertThat(readersSee(id)).isFalse();
        // an editor may not publish
        var f = documentForm(editor, "Тарифы", "publish");
        f.put("revision", "1");
        assertThat(http.postForm("/admin/materials/" + id, f, editor).statusCode())
                .isEqualTo(403);
        assertThat(readersSee(id)).isFalse();

        var publish = documentForm(publisher, "Тарифы", "publish");
        publish.put("revision", "1");
        var published = http.postForm("/admin/materials/" + id, publish, publisher);
        assertThat(published.statusCode()).as(published.body()).isEqualTo(303);
        assertThat(page("/admin/materials/" + id, publisher)
                        .getElementById("m-status")
                        .text())
                .isEqualTo("опубликован");
        assertThat(readersSee(id)).isTrue();
        var item = Jsoup.parse(app.get("/partner/ru/pos/docs").body()).getElementById("m" + id);
        assertThat(item.selectFirst(".document-meta").text().replace('\u00a0', ' '))
                .isEqualTo("PDF 117 КБ Обновлено 15.01.2026");
        // and searchable
        app.app().syncSearch();
        assertThat(app.get("/api/v1/search?site=partner&locale=ru&q=%D1%82%D0%B0%D1%80%D0%B8%D1%84%D1%8B")
                        .body())
                .contains("\"id\":" + id)
                .contains("\"kind\":\"document\"");

        var rows = app.app()
                .jdbi()
                .withHandle(h ->
                        app.app().auditLog().list(h, AuditLog.Filter.all().withObject("material", Long.toString(id))));
        assertThat(rows).extracting(AuditLog.Entry::action).containsExactly("material.publish", "material.create");
        assertThat(rows.get(1).actorName()).isEqualTo("dana");
        assertThat(rows.get(0).after().orElseThrow().get("status").asText()).isEqualTo("published");
        // the audit page names it in Russian and links to the material
        Document audit = page("/admin/audit?object_type=material&object_id=" + id, publisher);
        assertThat(audit.text()).contains("материал опубликован").contains("материал создан");
    }

    @Test
    void aScheduledMaterialWaitsForItsTime() {
        String at = LocalDateTime.now(ZoneId.of("Asia/Almaty"))
                .plusDays(2)
                .withNano(0)
                .toString();
        var f = documentForm(publisher, "Будущие тарифы", "schedule");
        f.put("at", at);
        long id = idFrom(http.postForm("/admin/materials/new", f, publisher));
        assertThat(page("/admin/materials/" + id, publisher)
                        .getElementById("m-status")
                        .text())
                .isEqualTo("запланирован");
        assertThat(readersSee(id)).isFalse();
        // a time already gone keeps the draft and says why
        var past = documentForm(publisher, "Прошлые тарифы", "schedule");
        past.put("at", "2020-01-01T09:00");
        var refused = http.postForm("/admin/materials/new", past, publisher);
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(Jsoup.parse(refused.body()).getElementById("m-error").text())
                .contains("2020-01-01T09:00 уже прошло");
    }

    @Test
    void revisionsListAndRestoreAndUnpublishTakesItAway() {
        long id =
                idFrom(http.postForm("/admin/materials/new", documentForm(publisher, "Тарифы", "publish"), publisher));
        var second = documentForm(publisher, "Тарифы (черновик)", "save");
        second.put("revision", "1");
        assertThat(http.postForm("/admin/materials/" + id, second, publisher).statusCode())
                .isEqualTo(303);
        // readers still see the published revision
        assertThat(Jsoup.parse(app.get("/partner/ru/pos/docs").body())
                        .getElementById("m" + id)
                        .text())
                .contains("Тарифы")
                .doesNotContain("черновик");
        Document history = page("/admin/materials/" + id + "/revisions", publisher);
        assertThat(history.select("li.m-revision").eachAttr("data-revision")).containsExactly("2", "1");
        assertThat(history.selectFirst("li[data-revision=1]").text()).contains("Видят читатели");

        var restored = http.postForm(
                "/admin/materials/" + id + "/revisions/1/restore", Map.of("_csrf", publisher.csrf()), publisher);
        assertThat(restored.statusCode()).isEqualTo(303);
        Document editorPage = page("/admin/materials/" + id, publisher);
        assertThat(editorPage.getElementById("m-ru-title").val()).isEqualTo("Тарифы");
        assertThat(editorPage.selectFirst("input[name=revision]").val()).isEqualTo("3");
        assertThat(page("/admin/materials/" + id + "/revisions", publisher)
                        .selectFirst("li[data-revision=3]")
                        .text())
                .contains("restored from revision 1");

        var unpublished =
                http.postForm("/admin/materials/" + id + "/unpublish", Map.of("_csrf", publisher.csrf()), publisher);
        assertThat(unpublished.statusCode()).isEqualTo(303);
        assertThat(readersSee(id)).isFalse();
        assertThat(page("/admin/materials/" + id, publisher)
                        .getElementById("m-status")
                        .text())
                .isEqualTo("черновик");
    }

    @Test
    void anImportedMaterialIsEditedAndItsLiveTextKeptInItsHistory() {
        Document imported = page("/admin/materials/9101", editor);
        assertThat(imported.getElementById("m-status").text()).isEqualTo("опубликован");
        assertThat(imported.getElementById("m-kz-title").val()).isEqualTo("Шарт талаптары");
        var f = new LinkedHashMap<String, String>();
        for (var input : imported.select("#material-form input[name], #material-form textarea[name]")) {
            boolean box = input.attr("type").equals("checkbox");
            if (!box || input.hasAttr("checked")) {
                f.put(
                        input.attr("name"),
                        box ? "on" : input.tagName().equals("textarea") ? input.wholeText() : input.val());
            }
        }
        f.put("place", imported.selectFirst("#m-place option[selected]").val());
        f.put("ru.title", "Условия договора, редакция 2");
        f.put("action", "save");
        f.remove("at");
        assertThat(http.postForm("/admin/materials/9101", f, editor).statusCode())
                .isEqualTo(303);
        Document history = page("/admin/materials/9101/revisions", editor);
        // the imported text became revision 1 (by komek), the editor's change revision 2
        assertThat(history.select("li.m-revision").eachAttr("data-revision")).containsExactly("2", "1");
        assertThat(history.selectFirst("li[data-revision=1]").text()).contains("komek");
        assertThat(page("/admin/materials/9101", editor)
                        .getElementById("m-kz-title")
                        .val())
                .isEqualTo("Шарт талаптары");
    }

    @Test
    void aBadFieldIsRefusedInTheEditorsLanguageAndNothingIsWritten() {
        var f = documentForm(editor, "Тарифы", "save");
        f.put("ru.url", "http://example.kz/docs/tariffs.pdf");
        var refused = http.postForm("/admin/materials/new", f, editor);
        assertThat(refused.statusCode()).isEqualTo(400);
        Document page = Jsoup.parse(refused.body());
        assertThat(page.getElementById("m-error").text())
                .startsWith("Не сохранено: Ссылка (https://…) (Текст по-русски) — нужна ссылка https://…");
        assertThat(page.getElementById("m-ru-url").attr("aria-invalid")).isEqualTo("true");
        assertThat(page.getElementById("m-ru-url").val())
                .as("what was typed stays")
                .startsWith("http://");

        var video = documentForm(editor, "Видео", "save");
        video.put("place", "partner/pos/video");
        video.put("ru.url", "https://youtu.be/dQw4w9WgXcQ");
        var kz = Jsoup.parse(http.postForm("/admin/materials/new?lang=kz", withLang(video, "kz"), editor)
                .body());
        assertThat(kz.getElementById("m-error").text()).contains("тек құжатта болады");
        assertThat(page("/admin/materials", editor).select("li.m-row").eachAttr("data-material"))
                .doesNotContain("9103");
    }

    private static Map<String, String> withLang(Map<String, String> form, String lang) {
        var f = new LinkedHashMap<>(form);
        f.put("lang", lang);
        return f;
    }

    @Test
    void theListAndEditorReadInKazakhAndAViewerOnlyReads() {
        AdminHttp.Session viewer = http.session("vera", AdminHttp.PASSWORD);
        Document list = page("/admin/materials?lang=kz", viewer);
        assertThat(list.selectFirst("h1").text()).isEqualTo("Бейнелер мен құжаттар");
        assertThat(list.select("nav.admin-menu a[aria-current=page]").text()).isEqualTo("Бейнелер мен құжаттар");
        assertThat(list.select("li.m-row").eachAttr("data-material"))
                .containsExactly("9101", "9102", "9005", "9001", "9002", "9003", "9004");
        assertThat(list.text()).contains("жоспарланған").contains("бейне").contains("құжат");
        assertThat(list.getElementById("m-new")).isNull();
        Document edit = page("/admin/materials/9001?lang=kz", viewer);
        assertThat(edit.text()).doesNotContainPattern("\\b(M|SECTIONS)_[A-Z_]+\\b");
        assertThat(edit.getElementById("m-save")).isNull();
        for (var input : edit.select("#material-form input:not([type=hidden]), #material-form select, textarea")) {
            assertThat(edit.select("label[for=" + input.id() + "]"))
                    .as(input.toString())
                    .isNotEmpty();
        }
        // one section's materials
        long docs = sectionId("pos/docs");
        assertThat(page("/admin/materials?section=" + docs, viewer)
                        .select("li.m-row")
                        .eachAttr("data-material"))
                .containsExactly("9101", "9102");
    }

    private long sectionId(String path) {
        return app.app()
                .jdbi()
                .withHandle(h -> h.createQuery("select id from section where site = 'partner' and path = :path")
                        .bind("path", path)
                        .mapTo(Long.class)
                        .one());
    }

    @Test
    void movingASectionTakesItsMaterialsDraftsAlong() {
        long id = idFrom(http.postForm("/admin/materials/new", documentForm(editor, "Тарифы", "save"), editor));
        String docs = "/admin/sections/" + sectionId("pos/docs");
        var moved = http.postForm(docs + "/move", Map.of("_csrf", publisher.csrf(), "path", "pos/files"), publisher);
        assertThat(moved.statusCode()).as(moved.body()).isEqualTo(303);
        // the draft names the new path (a new revision), and publishing it works
        Document draft = page("/admin/materials/" + id, publisher);
        assertThat(draft.selectFirst("#m-place option[selected]").val()).isEqualTo("partner/pos/files");
        var publish = documentForm(publisher, "Тарифы", "publish");
        publish.put("place", "partner/pos/files");
        publish.put("revision", draft.selectFirst("input[name=revision]").val());
        assertThat(http.postForm("/admin/materials/" + id, publish, publisher).statusCode())
                .isEqualTo(303);
        assertThat(Jsoup.parse(app.get("/partner/ru/pos/files").body()).getElementById("m" + id))
                .isNotNull();
        // the imported documents moved with their section
        assertThat(Jsoup.parse(app.get("/partner/ru/pos/files").body()).getElementById("m9101"))
                .isNotNull();
    }

    @Test
    void aSectionsKindChangesOnlyWhileItHoldsNothingOfTheOtherKind() {
        String video = "/admin/sections/" + sectionId("pos/video");
        var refused = http.postForm(
                video + "/kind", Map.of("_csrf", publisher.csrf(), "kind", "documents", "lang", "ru"), publisher);
        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(Jsoup.parse(refused.body()).select("[role=alert]").text())
                .contains("Тип не изменён: в разделе ещё 4 вопросов или материалов");
        assertThat(page(video, publisher)
                        .selectFirst("#section-kind option[selected]")
                        .val())
                .isEqualTo("videos");
        String faq = "/admin/sections/" + sectionId("pos/faq");
        assertThat(http.postForm(faq + "/kind", Map.of("_csrf", publisher.csrf(), "kind", "videos"), publisher)
                        .statusCode())
                .isEqualTo(409);
        // an editor may not change it at all
        assertThat(http.postForm(faq + "/kind", Map.of("_csrf", editor.csrf(), "kind", "videos"), editor)
                        .statusCode())
                .isEqualTo(403);

        // a new, empty section becomes a videos section, and readers find its empty list
        var created = http.postForm(
                "/admin/sections",
                Map.of("_csrf", publisher.csrf(), "site", "partner", "path", "pos/howto", "ru", "Как это сделать"),
                publisher);
        String location = created.headers().firstValue("Location").orElseThrow();
        String howto = location.substring(0, location.indexOf('?'));
        var changed = http.postForm(
                howto + "/kind", Map.of("_csrf", publisher.csrf(), "kind", "videos", "lang", "ru"), publisher);
        assertThat(changed.statusCode()).isEqualTo(303);
        Document section = page(changed.headers().firstValue("Location").orElseThrow(), publisher);
        assertThat(section.select("[role=status]").text()).isEqualTo("Тип раздела изменён.");
        assertThat(section.select("a[href*=/admin/materials/new]").attr("href"))
                .contains("site=partner&section=pos/howto");
        assertThat(Jsoup.parse(app.get("/partner/ru/pos/howto").body())
                        .selectFirst(".materials .empty")
                        .text())
                .isEqualTo("Здесь пока нет видео.");
        var audit = page("/admin/audit?action=section.kind", publisher);
        assertThat(audit.text()).contains("тип раздела изменён");
    }
}
