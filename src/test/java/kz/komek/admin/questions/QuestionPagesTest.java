package kz.komek.admin.questions;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import kz.komek.admin.Role;
import kz.komek.admin.accounts.Password;
import kz.komek.admin.accounts.UserName;
import kz.komek.testing.AdminHttp;
import kz.komek.testing.TestApp;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The question editor's pages over real HTTP with signed-in sessions: roles, CSRF, refused forms, preview, diff. */
class QuestionPagesTest {
    private TestApp app;
    private AdminHttp http;

    @BeforeEach
    void start() {
        app = TestApp.withBundle("/fixtures/mini.bundle.json");
        http = new AdminHttp(app);
    }

    @AfterEach
    void stop() {
        app.close();
    }

    private AdminHttp.Session signedIn(String name, Role role) {
        app.app().accounts().addUser(new UserName(name), role, new Password(AdminHttp.PASSWORD));
        return http.session(name, AdminHttp.PASSWORD);
    }

    /** The editor's form for a new question in bonus/spend, as a browser sends it. */
    private static Map<String, String> newQuestion(AdminHttp.Session s, String ruTitle, String ruContent) {
        var f = new LinkedHashMap<String, String>();
        f.put("_csrf", s.csrf());
        f.put("place", "client/bonus/spend");
        f.put("position", "5");
        f.put("ru.present", "on");
        f.put("ru.title", ruTitle);
        f.put("ru.content", ruContent);
        f.put("kz.present", "on");
        f.put("kz.title", "Бонустарды қалай жұмсауға болады");
        f.put("kz.content", "<p>Қазақша жауап.</p>");
        f.put("action", "save");
        return f;
    }

    private int revisionsOf(long id) {
        return app.app()
                .jdbi()
                .withHandle(h -> h.createQuery("select count(*) from question_revision where question_id = :id")
                        .bind("id", id)
                        .mapTo(Integer.class)
                        .one());
    }

    private int heads() {
        return app.app()
                .jdbi()
                .withHandle(h -> h.createQuery("select count(*) from question_head")
                        .mapTo(Integer.class)
                        .one());
    }

    private static long idOf(Document page) {
        return Long.parseLong(
                page.selectFirst("#question-form").attr("data-preview").replaceAll("\\D", ""));
    }

    @Test
    void anEditorCreatesADraftReadersDoNotSeeAndThePageShowsWhatTheSanitizerRemoved() {
        var s = signedIn("aigerim", Role.EDITOR);
        var r = http.postForm(
                "/admin/questions/new",
                newQuestion(s, "Как тратить бонусы", "<p>Так.</p><script>alert(1)</script>"),
                s);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        var page = Jsoup.parse(r.body());
        long id = idOf(page);
        assertThat(id).isEqualTo(17563); // one above the greatest id of the bundle
        assertThat(page.selectFirst("#q-status").text()).isEqualTo("черновик");
        assertThat(page.select(".q-findings li[data-kind=sanitized]").text()).contains("script");
        assertThat(page.selectFirst("#q-ru-content").text()).isEqualTo("<p>Так.</p>");
        // an editor may save, not publish
        assertThat(page.select("#q-save")).hasSize(1);
        assertThat(page.select("#q-publish")).isEmpty();
        assertThat(app.get("/client/ru/bonus/spend/q" + id).statusCode()).isEqualTo(404);

        // an editor's "publish" on a new question is refused before anything is written
        int before = heads();
        var publishNew = newQuestion(s, "Как тратить бонусы", "<p>Так.</p>");
        publishNew.put("action", "publish");
        assertThat(http.postForm("/admin/questions/new", publishNew, s).statusCode())
                .isEqualTo(403);
        assertThat(heads()).isEqualTo(before);

        var publish = newQuestion(s, "Как тратить бонусы", "<p>Так.</p>");
        publish.put("action", "publish");
        var refused = http.postForm("/admin/questions/" + id, publish, s);
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(app.get("/client/ru/bonus/spend/q" + id).statusCode()).isEqualTo(404);
    }

    @Test
    void aPublisherPublishesAndTheReaderPageFollows() {
        var s = signedIn("bolat", Role.PUBLISHER);
        var form = newQuestion(s, "Как тратить бонусы в магазине", "<p>На кассе.</p>");
        form.put("action", "publish");
        var page = Jsoup.parse(http.postForm("/admin/questions/new", form, s).body());
        long id = idOf(page);
        assertThat(page.selectFirst("#q-status").text()).isEqualTo("опубликован");
        var reader = app.get("/client/ru/bonus/spend/q" + id);
        assertThat(reader.statusCode()).isEqualTo(200);
        assertThat(Jsoup.parse(reader.body()).selectFirst("h1").text()).isEqualTo("Как тратить бонусы в магазине");
        assertThat(page.select("a.q-public").eachAttr("href"))
                .contains("/client/ru/bonus/spend/q" + id, "/client/kz/bonus/spend/q" + id);
    }

    @Test
    void movingAQuestionToAnotherSectionKeepsItsOldAddressWorking() {
        var s = signedIn("bolat", Role.PUBLISHER);
        var editor = Jsoup.parse(http.withSession("/admin/questions/600", s).body());
        assertThat(editor.selectFirst("#q-place option[selected]").val()).isEqualTo("client/bonus/spend");
        // the form as the page filled it, with another section chosen
        var form = AdminHttp.questionForm(editor);
        // saved untouched: nothing changed, so no revision
        var untouched = http.postForm("/admin/questions/600", form, s);
        assertThat(untouched.statusCode()).as(untouched.body()).isEqualTo(200);
        assertThat(Jsoup.parse(untouched.body()).selectFirst("#q-done").text()).startsWith("Ничего не изменилось");
        assertThat(revisionsOf(600)).isZero();
        form.put("place", "client/bonus/save/general");
        form.put("action", "publish");
        form.remove("at");
        var r = http.postForm("/admin/questions/600", form, s);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(app.get("/client/ru/bonus/save/general/q600").statusCode()).isEqualTo(200);
        var old = app.get("/client/ru/bonus/spend/q600");
        assertThat(old.statusCode()).isEqualTo(301);
        assertThat(old.headers().firstValue("Location")).hasValue("/client/ru/bonus/save/general/q600");
    }

    @Test
    void aSaveFromAnOlderRevisionIsRefusedWithTheTextKeptAndASecondSaveIsDeliberate() {
        var aigerim = signedIn("aigerim", Role.PUBLISHER);
        var bolat = signedIn("bolat", Role.EDITOR);
        long id = idOf(
                Jsoup.parse(http.postForm("/admin/questions/new", newQuestion(aigerim, "Исходный", "<p>x</p>"), aigerim)
                        .body()));
        // both open revision 1; Bolat saves first
        var bolats = newQuestion(bolat, "Правка Болата", "<p>x</p>");
        bolats.put("revision", "1");
        assertThat(http.postForm("/admin/questions/" + id, bolats, bolat).statusCode())
                .isEqualTo(200);
        var aigerims = newQuestion(aigerim, "Правка Айгерим", "<p>Мой текст.</p>");
        aigerims.put("revision", "1");
        var refused = http.postForm("/admin/questions/" + id, aigerims, aigerim);
        assertThat(refused.statusCode()).isEqualTo(409);
        var page = Jsoup.parse(refused.body());
        assertThat(page.selectFirst("#q-error").text()).contains("2", "bolat");
        assertThat(page.selectFirst("#q-ru-title").val()).isEqualTo("Правка Айгерим");
        assertThat(page.selectFirst("#q-ru-content").text()).isEqualTo("<p>Мой текст.</p>");
        assertThat(revisionsOf(id)).isEqualTo(2);
        // publishing unseen work is refused the same way
        aigerims.put("action", "publish");
        assertThat(http.postForm("/admin/questions/" + id, aigerims, aigerim).statusCode())
                .isEqualTo(409);
        assertThat(app.get("/client/ru/bonus/spend/q" + id).statusCode()).isEqualTo(404);
        // the refused page is based on revision 2: saving it again replaces Bolat's text knowingly
        assertThat(page.selectFirst("input[name=revision]").val()).isEqualTo("2");
        aigerims.put("revision", "2");
        aigerims.put("action", "save");
        assertThat(http.postForm("/admin/questions/" + id, aigerims, aigerim).statusCode())
                .isEqualTo(200);
        assertThat(revisionsOf(id)).isEqualTo(3);
    }

    @Test
    void anImportThatChangedTheLiveTextUnderADraftIsSeenAndRefusedLikeAColleaguesSave() {
        var s = signedIn("aigerim", Role.PUBLISHER);
        var first = newQuestion(s, "Исходный", "<p>x</p>");
        first.put("action", "publish");
        var published =
                Jsoup.parse(http.postForm("/admin/questions/new", first, s).body());
        long id = idOf(published);
        int live =
                Integer.parseInt(published.selectFirst("input[name=revision]").val());
        var draft = newQuestion(s, "Черновик редактора", "<p>x</p>");
        draft.put("revision", String.valueOf(live));
        assertThat(http.postForm("/admin/questions/" + id, draft, s).statusCode())
                .isEqualTo(200);
        assertThat(Jsoup.parse(http.withSession("/admin/questions/" + id, s).body())
                        .select("#q-outside"))
                .isEmpty();

        // an import changes what readers see; the admin's history does not have that text yet
        var json = new kz.komek.bundle.BundleJson();
        String exported = json.write(app.app().bundles().export());
        assertThat(exported).contains("Исходный");
        app.app().bundles().importBundle(json.read(exported.replace("Исходный", "Из импорта")), List.of());
        var page = Jsoup.parse(http.withSession("/admin/questions/" + id, s).body());
        assertThat(page.selectFirst("#q-outside").text()).contains("импорт");
        assertThat(page.selectFirst("#q-ru-title").val()).isEqualTo("Черновик редактора");

        // a save started from the draft is refused; the imported text is now the newest revision, by komek
        int draftRevision = live + 1;
        draft.put("ru.title", "Черновик, правка");
        draft.put("revision", String.valueOf(draftRevision));
        var refused = http.postForm("/admin/questions/" + id, draft, s);
        assertThat(refused.statusCode()).isEqualTo(409);
        var again = Jsoup.parse(refused.body());
        assertThat(again.selectFirst("#q-error").text()).contains(String.valueOf(draftRevision + 1), "komek");
        assertThat(again.selectFirst("#q-ru-title").val()).isEqualTo("Черновик, правка");
        assertThat(revisionsOf(id)).isEqualTo(draftRevision + 1);
        assertThat(Jsoup.parse(app.get("/client/ru/bonus/spend/q" + id).body())
                        .selectFirst("h1")
                        .text())
                .isEqualTo("Из импорта");
        // the notice is gone; a save from the imported revision is deliberate
        assertThat(Jsoup.parse(http.withSession("/admin/questions/" + id, s).body())
                        .select("#q-outside"))
                .isEmpty();
        draft.put("revision", String.valueOf(draftRevision + 1));
        assertThat(http.postForm("/admin/questions/" + id, draft, s).statusCode())
                .isEqualTo(200);
        assertThat(revisionsOf(id)).isEqualTo(draftRevision + 2);
    }

    @Test
    void aNewQuestionScheduledInThePastIsKeptAsADraftAndShownWithTheReason() {
        var s = signedIn("bolat", Role.PUBLISHER);
        var form = newQuestion(s, "Вопрос на вчера", "<p>x</p>");
        form.put("action", "schedule");
        form.put("at", "2001-01-01T09:00");
        var r = http.postForm("/admin/questions/new", form, s);
        assertThat(r.statusCode()).isEqualTo(400);
        var page = Jsoup.parse(r.body());
        assertThat(page.selectFirst("#q-error").text()).contains("2001-01-01T09:00 уже прошло");
        // the page is the saved draft's: sending it again saves that question, not a second one
        long id = idOf(page);
        assertThat(page.selectFirst("#q-status").text()).isEqualTo("черновик");
        assertThat(revisionsOf(id)).isEqualTo(1);
    }

    @Test
    void aNulInTheRevisionNoteShowsTheFormWithTheProblemAtTheNote() {
        var s = signedIn("aigerim", Role.EDITOR);
        int before = heads();
        var form = newQuestion(s, "Как тратить бонусы", "<p>Текст, который нельзя потерять.</p>");
        form.put("note", "первый\u0000черновик");

        var r = http.postForm("/admin/questions/new", form, s);

        assertThat(r.statusCode()).isEqualTo(400);
        var page = Jsoup.parse(r.body());
        assertThat(page.selectFirst("#q-error").text())
                .startsWith("Не сохранено: Комментарий к ревизии: в тексте есть символ, который нельзя сохранить");
        assertThat(page.selectFirst("#q-note").attr("aria-invalid")).isEqualTo("true");
        assertThat(page.selectFirst("#q-error a.q-fix").attr("href")).isEqualTo("#q-note");
        assertThat(page.selectFirst("#q-ru-content").text()).isEqualTo("<p>Текст, который нельзя потерять.</p>");
        assertThat(heads()).isEqualTo(before);
    }

    @Test
    void aRefusedSaveShowsTheFormAsTypedAndWritesNothing() {
        var s = signedIn("aigerim", Role.EDITOR);
        int before = heads();
        var form = newQuestion(s, "   ", "<p>Текст, который нельзя потерять.</p>");
        var r = http.postForm("/admin/questions/new", form, s);
        assertThat(r.statusCode()).isEqualTo(400);
        var page = Jsoup.parse(r.body());
        assertThat(page.selectFirst("#q-error").text())
                .isEqualTo("Не сохранено: Вопрос (по-русски): не заполнено К полю");
        assertThat(page.selectFirst("#q-ru-title").attr("aria-invalid")).isEqualTo("true");
        assertThat(page.select("[aria-invalid]")).hasSize(1);
        assertThat(page.selectFirst("#q-error a.q-fix").attr("href")).isEqualTo("#q-ru-title");
        assertThat(page.selectFirst("#q-ru-content").text()).isEqualTo("<p>Текст, который нельзя потерять.</p>");
        assertThat(page.selectFirst("#q-kz-title").val()).isEqualTo("Бонустарды қалай жұмсауға болады");
        assertThat(page.selectFirst("#q-place option[selected]").val()).isEqualTo("client/bonus/spend");
        assertThat(heads()).isEqualTo(before);

        // an existing question: the same, and no revision is added
        var edit = newQuestion(s, "", "<p>x</p>");
        var again = http.postForm("/admin/questions/600", edit, s);
        assertThat(again.statusCode()).isEqualTo(400);
        assertThat(revisionsOf(600)).isZero();

        // said in Kazakh on the Kazakh page, for the field it is about
        var kz = newQuestion(s, "Бонустар", "<p>x</p>");
        kz.put("position", "бесінші");
        kz.put("lang", "kz");
        var kzPage = Jsoup.parse(http.postForm("/admin/questions/600", kz, s).body());
        assertThat(kzPage.selectFirst("#q-error").text()).contains("бүтін сан керек");
        assertThat(kzPage.selectFirst("#q-position").attr("aria-invalid")).isEqualTo("true");
    }

    @Test
    void formsWithoutTheSessionsCsrfTokenAreRefusedAndViewersMayNotEdit() {
        var s = signedIn("aigerim", Role.EDITOR);
        int before = heads();
        var form = newQuestion(s, "Без токена", "<p>x</p>");
        form.remove("_csrf");
        assertThat(http.postForm("/admin/questions/new", form, s).statusCode()).isEqualTo(403);
        form.put("_csrf", "not-the-token");
        assertThat(http.postForm("/admin/questions/new", form, s).statusCode()).isEqualTo(403);
        assertThat(heads()).isEqualTo(before);

        var viewer = signedIn("viewer", Role.VIEWER);
        assertThat(http.withSession("/admin/questions/600", viewer).statusCode())
                .isEqualTo(200);
        assertThat(Jsoup.parse(http.withSession("/admin/questions/600", viewer).body())
                        .select("#q-save"))
                .isEmpty();
        assertThat(http.withSession("/admin/questions/new", viewer).statusCode())
                .isEqualTo(403);
        assertThat(http.postForm("/admin/questions/600", newQuestion(viewer, "Изменено", "<p>x</p>"), viewer)
                        .statusCode())
                .isEqualTo(403);
        assertThat(revisionsOf(600)).isZero();

        // and nobody signed in is sent to sign in
        var anonymous = app.get("/admin/questions/600");
        assertThat(anonymous.statusCode()).isIn(302, 303);
        assertThat(anonymous.headers().firstValue("Location").orElseThrow()).startsWith("/admin/login");
    }

    @Test
    void thePreviewRendersTheFormAsTypedForEachPlatform() {
        var s = signedIn("aigerim", Role.EDITOR);
        var form = newQuestion(
                s,
                "Где потратить бонусы",
                "<p>Везде.</p><span class=\"desktop_only\">На сайте.</span><span class=\"mobile_only\">В браузере"
                        + " телефона.</span><span class=\"mobileApp_only\">В приложении.</span>");
        form.remove("action");
        Map<String, String> expected =
                Map.of("desktop", "На сайте.", "mobile", "В браузере телефона.", "app", "В приложении.");
        for (var platform : expected.entrySet()) {
            var r = http.postForm("/admin/questions/600/preview?locale=ru&platform=" + platform.getKey(), form, s);
            assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
            assertThat(r.headers().firstValue("X-Robots-Tag")).hasValue("noindex, nofollow");
            var answer = Jsoup.parse(r.body()).selectFirst("main").text();
            assertThat(answer).contains("Где потратить бонусы", "Везде.", platform.getValue());
            expected.values().stream()
                    .filter(other -> !other.equals(platform.getValue()))
                    .forEach(other -> assertThat(answer).doesNotContain(other));
        }
        // nothing was saved by previewing
        assertThat(revisionsOf(600)).isZero();
        // a new question's preview, and the saved text of an existing one
        var fresh = http.postForm("/admin/questions/new/preview?locale=kz&platform=mobile", form, s);
        assertThat(Jsoup.parse(fresh.body()).selectFirst("main").text()).contains("Қазақша жауап.");
        var saved = http.withSession("/admin/questions/600/preview?locale=ru&platform=desktop", s);
        assertThat(saved.statusCode()).isEqualTo(200);
        assertThat(http.withSession("/admin/questions/600/preview?locale=ru&platform=tv", s)
                        .statusCode())
                .isEqualTo(400);
    }

    @Test
    void theDiffMarksChangedWordsAsTextAndRestoreMakesANewDraft() {
        var s = signedIn("aigerim", Role.EDITOR);
        var first = newQuestion(s, "Как тратить бонусы", "<p>Старый ответ.</p>");
        long id =
                idOf(Jsoup.parse(http.postForm("/admin/questions/new", first, s).body()));
        var second = newQuestion(s, "Как тратить бонусы", "<p>Новый <b>ответ</b>.</p>");
        assertThat(http.postForm("/admin/questions/" + id, second, s).statusCode())
                .isEqualTo(200);

        var diff = Jsoup.parse(http.withSession("/admin/questions/" + id + "/diff?from=1&to=2", s)
                .body());
        assertThat(diff.select("dt").eachAttr("data-field")).containsExactly("locales.ru.content");
        assertThat(diff.select("dt").eachText()).containsExactly("Ответ (HTML) — по-русски");
        assertThat(diff.select("dd del").eachText()).contains("Старый");
        assertThat(diff.select("dd ins").eachText()).contains("Новый");
        // the answer's markup is shown as text, never as markup of the admin page
        assertThat(diff.select("dd b")).isEmpty();
        assertThat(diff.selectFirst("dd pre").text()).contains("<b>");

        var restore = new LinkedHashMap<String, String>();
        restore.put("_csrf", s.csrf());
        var r = http.postForm("/admin/questions/" + id + "/revisions/1/restore", restore, s);
        assertThat(r.statusCode()).isEqualTo(303);
        assertThat(revisionsOf(id)).isEqualTo(3);
        var editor = Jsoup.parse(http.withSession("/admin/questions/" + id, s).body());
        assertThat(editor.selectFirst("#q-ru-content").text()).isEqualTo("<p>Старый ответ.</p>");
        var history = Jsoup.parse(
                http.withSession("/admin/questions/" + id + "/revisions", s).body());
        assertThat(history.select("tr[data-revision]").eachAttr("data-revision"))
                .containsExactly("3", "2", "1");
    }

    @Test
    void anImportOverAQuestionWithAnUnpublishedDraftSaysSoInItsReport() {
        var s = signedIn("aigerim", Role.EDITOR);
        assertThat(http.postForm("/admin/questions/600", newQuestion(s, "Черновик редактора", "<p>x</p>"), s)
                        .statusCode())
                .isEqualTo(200);
        var bundle = new kz.komek.bundle.BundleJson().read(TestApp.resource("/fixtures/mini.bundle.json"));
        var report = app.app().bundles().importBundle(bundle, List.of(), kz.komek.bundle.VotePolicy.DEFAULT, true);
        assertThat(report.notes())
                .anySatisfy(n -> assertThat(n).startsWith("question 600 has an unpublished draft in the admin"));
        assertThat(report.notes()).noneMatch(n -> n.startsWith("question 456 has"));
    }

    @Test
    void editorsFindQuestionsByTitleWordsAmongLiveQuestionsAndDrafts() {
        var s = signedIn("aigerim", Role.EDITOR);
        long draft = idOf(Jsoup.parse(http.postForm(
                        "/admin/questions/new", newQuestion(s, "Как вернуть бонусы за 100% покупку", "<p>x</p>"), s)
                .body()));
        var found = Jsoup.parse(
                http.withSession("/admin/questions?q=" + enc("бонус"), s).body());
        List<String> ids = found.select("tr[data-id]").eachAttr("data-id");
        assertThat(ids).contains(Long.toString(draft));
        assertThat(found.selectFirst("tr[data-id=" + draft + "]").text()).contains("черновик", "client/bonus/spend");
        // a live question never edited here is found by its Kazakh title too
        String kzTitle = Jsoup.parse(app.get("/client/kz/bonus/spend/q600").body())
                .selectFirst("h1")
                .text();
        var kz = Jsoup.parse(http.withSession("/admin/questions?q=" + enc(kzTitle.substring(0, 12)), s)
                .body());
        assertThat(kz.select("tr[data-id]").eachAttr("data-id")).contains("600");
        // % and _ are letters here, not patterns
        assertThat(Jsoup.parse(http.withSession("/admin/questions?q=" + enc("100%"), s)
                                .body())
                        .select("tr[data-id]")
                        .eachAttr("data-id"))
                .containsExactly(Long.toString(draft));
        assertThat(Jsoup.parse(http.withSession("/admin/questions?q=" + enc("1_0"), s)
                                .body())
                        .select("tr[data-id]"))
                .isEmpty();
        assertThat(http.withSession("/admin/questions?q=x", s).statusCode()).isEqualTo(400);
        var byNumber = http.withSession("/admin/questions?q=600", s);
        assertThat(byNumber.statusCode()).isEqualTo(303);
    }

    private static String enc(String s) {
        return java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8);
    }

    @Test
    void editorsCreatingAtOnceGetDifferentIds() throws Exception {
        var s = signedIn("aigerim", Role.EDITOR);
        var pool = Executors.newFixedThreadPool(6);
        try {
            var calls = new ArrayList<Callable<HttpResponse<String>>>();
            for (int i = 0; i < 12; i++) {
                var form = newQuestion(s, "Вопрос номер " + i, "<p>Ответ " + i + ".</p>");
                calls.add(() -> http.postForm("/admin/questions/new", form, s));
            }
            List<Long> ids = new ArrayList<>();
            for (Future<HttpResponse<String>> f : pool.invokeAll(calls)) {
                assertThat(f.get().statusCode()).isEqualTo(200);
                ids.add(idOf(Jsoup.parse(f.get().body())));
            }
            assertThat(ids).doesNotHaveDuplicates().hasSize(12);
            assertThat(ids).allSatisfy(id -> assertThat(revisionsOf(id)).isEqualTo(1));
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void theDashboardListsDraftsAndOpensAQuestionByNumber() {
        var s = signedIn("aigerim", Role.EDITOR);
        long id = idOf(
                Jsoup.parse(http.postForm("/admin/questions/new", newQuestion(s, "Черновик для списка", "<p>x</p>"), s)
                        .body()));
        var home = Jsoup.parse(http.withSession("/admin", s).body());
        assertThat(home.select(".pending a").eachText()).contains(id + ". Черновик для списка");
        var open = http.withSession("/admin/questions?id=600&lang=kz", s);
        assertThat(open.statusCode()).isEqualTo(303);
        assertThat(open.headers().firstValue("Location")).hasValue("/admin/questions/600?lang=kz");
        assertThat(http.withSession("/admin/questions?q=", s).statusCode()).isEqualTo(400);
        assertThat(http.withSession("/admin/questions/424242", s).statusCode()).isEqualTo(404);
    }
}
