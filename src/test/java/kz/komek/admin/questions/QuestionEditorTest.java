package kz.komek.admin.questions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import kz.komek.Config;
import kz.komek.admin.Actor;
import kz.komek.admin.Principal;
import kz.komek.admin.Role;
import kz.komek.admin.audit.AuditLog;
import kz.komek.bundle.Bundle;
import kz.komek.bundle.BundleException;
import kz.komek.bundle.BundleJson;
import kz.komek.http.ConflictException;
import kz.komek.http.ForbiddenException;
import kz.komek.http.NotFoundException;
import kz.komek.testing.TestApp;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Drafts, publishing and history through the editor of a running app, checked on its public pages and API. */
class QuestionEditorTest {
    static final Principal VIEWER = new Principal(1, "viewer", Role.VIEWER, Principal.Via.TOKEN);
    static final Principal EDITOR = new Principal(2, "aigerim", Role.EDITOR, Principal.Via.SESSION);
    static final Principal PUBLISHER = new Principal(3, "bolat", Role.PUBLISHER, Principal.Via.TOKEN);
    static final Principal ADMIN = new Principal(4, "admin", Role.ADMIN, Principal.Via.SESSION);

    private static final String PAGE_456 = "/client/ru/bonus/save/general/q456";
    private static final String PAGE_5000 = "/client/ru/bonus/spend/q5000";

    private final BundleJson json = new BundleJson();
    private TestApp app;
    private QuestionEditor editor;

    @BeforeEach
    void start() {
        app = TestApp.withBundle("/fixtures/mini.bundle.json");
        editor = app.app().questionEditor();
    }

    @AfterEach
    void stop() {
        app.close();
    }

    /** A new question in bonus/spend with words found nowhere else in the fixture. */
    static String newQuestion(long id, String ruTitle) {
        return """
                {"id": %d, "site": "client", "section": "bonus/spend", "position": 9,
                 "locales": {"ru": {"title": "%s", "content": "<p>Зебра приносит бонусы по вторникам.</p>"}}}
                """.formatted(id, ruTitle);
    }

    private Bundle.Question record(String text, long id) {
        return json.readQuestion(json.tree(text, "question " + id), id);
    }

    /** The stored record of 456 with its Russian title changed. */
    private Bundle.Question retitled456(String title) {
        String live = json.questionNode(app.app().bundles().question(456).orElseThrow())
                .toString();
        return record(live.replace("Где узнать, сколько бонусов накоплено?", title), 456);
    }

    private SavedDraft save(long id, Bundle.Question record, Principal who) {
        return editor.saveDraft(id, record, Optional.empty(), Actor.of(who));
    }

    private static String search(String q) {
        return "/api/v1/search?site=client&locale=ru&q=" + URLEncoder.encode(q, StandardCharsets.UTF_8);
    }

    private static String suggest(String q) {
        return "/api/v1/suggest?site=client&locale=ru&q=" + URLEncoder.encode(q, StandardCharsets.UTF_8);
    }

    @Test
    void aDraftLeavesThePublicPageAsItWas() {
        String page = app.get(PAGE_456).body();
        String api = app.get("/api/v1/questions/456?locale=ru").body();
        long version = app.app().catalog().contentVersion();

        SavedDraft saved = save(456, retitled456("Черновик: где бонусы?"), EDITOR);

        assertThat(saved.question().status()).isEqualTo(QuestionStatus.DRAFT);
        assertThat(saved.question().revision()).as("1 is the imported text").isEqualTo(2);
        assertThat(saved.question().publishedRevision()).contains(1);
        assertThat(saved.question().record().locales().get("ru").title()).isEqualTo("Черновик: где бонусы?");
        assertThat(app.app().catalog().contentVersion()).isEqualTo(version);
        assertThat(app.get(PAGE_456).body()).isEqualTo(page).doesNotContain("Черновик");
        assertThat(app.get("/api/v1/questions/456?locale=ru").body()).isEqualTo(api);
    }

    @Test
    void aNewQuestionIsADraftOnlyUntilPublishedThenPublicAndSearchable() {
        SavedDraft saved = save(5000, record(newQuestion(5000, "Как получить зебровые бонусы?"), 5000), EDITOR);
        assertThat(saved.question().status()).isEqualTo(QuestionStatus.DRAFT);
        assertThat(saved.question().revision()).isEqualTo(1);
        assertThat(saved.question().publishedRevision()).isEmpty();
        app.app().syncSearch();
        assertThat(app.get(PAGE_5000).statusCode()).isEqualTo(404);
        assertThat(app.get("/api/v1/questions/5000").statusCode()).isEqualTo(404);
        assertThat(app.get(search("зебровые бонусы")).body()).doesNotContain("\"id\":5000");
        assertThat(app.get(suggest("получить зебровые бон")).body()).doesNotContain("\"id\":5000");

        EditedQuestion published = editor.publish(5000, Optional.empty(), Actor.of(PUBLISHER));

        assertThat(published.status()).isEqualTo(QuestionStatus.PUBLISHED);
        assertThat(published.publishedRevision()).contains(published.revision());
        assertThat(published.record().locales().get("ru").published())
                .as("a text without a publication date is published now")
                .isPresent();
        assertThat(app.get(PAGE_5000).statusCode()).isEqualTo(200);
        assertThat(app.get(PAGE_5000).body()).contains("Как получить зебровые бонусы?");
        assertThat(app.get("/client/ru/bonus/spend").body()).contains("/q5000");
        assertThat(app.get("/sitemaps/client-ru-1.xml").body()).contains("/q5000");
        app.app().syncSearch();
        assertThat(app.get(search("зебровые бонусы")).body()).contains("\"id\":5000");
        assertThat(app.get(suggest("получить зебровые бон")).body()).contains("\"id\":5000");
    }

    @Test
    void publishingAtAFutureTimeSchedulesTheQuestion() {
        save(5000, record(newQuestion(5000, "Когда придут зебровые бонусы?"), 5000), EDITOR);
        LocalDateTime at = LocalDateTime.now(Config.DEFAULT_ZONE).plusDays(2).truncatedTo(ChronoUnit.SECONDS);

        EditedQuestion scheduled = editor.publish(5000, Optional.of(at), Actor.of(PUBLISHER));

        assertThat(scheduled.status()).isEqualTo(QuestionStatus.SCHEDULED);
        assertThat(scheduled.record().locales().get("ru").published()).contains(at);
        assertThat(scheduled.revision()).as("the date makes a new revision").isEqualTo(2);
        assertThat(editor.get(5000, VIEWER).orElseThrow().status()).isEqualTo(QuestionStatus.SCHEDULED);
        app.app().syncSearch();
        assertThat(app.get(PAGE_5000).statusCode()).isEqualTo(404);
        assertThat(app.get("/api/v1/questions/5000").statusCode()).isEqualTo(404);
        assertThat(app.get("/sitemaps/client-ru-1.xml").body()).doesNotContain("/q5000");
        assertThat(app.get(search("зебровые бонусы")).body()).doesNotContain("\"id\":5000");

        // brought forward to a time already past: public at once
        EditedQuestion now = editor.publish(5000, Optional.of(at.minusDays(3)), Actor.of(PUBLISHER));
        assertThat(now.status()).isEqualTo(QuestionStatus.PUBLISHED);
        assertThat(app.get(PAGE_5000).statusCode()).isEqualTo(200);
    }

    @Test
    void publishingADraftOfALiveQuestionChangesItsPageAndKeepsItsVotes() {
        var before = app.app().catalog().question(462).orElseThrow();
        String live = json.questionNode(app.app().bundles().question(462).orElseThrow())
                .toString();
        // an editor's record cannot set readers' counts
        var draft = record(
                live.replace("Начислят ли мне бонусы?", "Начислят ли мне зебровые бонусы?")
                        .replace("\"up\":3", "\"up\":3000"),
                462);
        save(462, draft, EDITOR);
        assertThat(app.get("/client/ru/bonus/save/general/q462").body()).doesNotContain("зебровые");
        app.app().syncSearch();
        assertThat(app.get(suggest("начислят ли мне зебров")).body()).doesNotContain("зебровые");

        editor.publish(462, Optional.empty(), Actor.of(PUBLISHER));

        assertThat(app.get("/client/ru/bonus/save/general/q462").body()).contains("зебровые");
        app.app().syncSearch();
        assertThat(app.get(suggest("начислят ли мне зебров")).body())
                .contains("\"id\":462,\"title\":\"Я купил товар в Магазине. Начислят ли мне зебровые бонусы?\"");
        var after = app.app().catalog().question(462).orElseThrow();
        assertThat(after.votesUp()).isEqualTo(before.votesUp()).contains(3L);
        assertThat(after.votesDown()).isEqualTo(before.votesDown());
    }

    @Test
    void unpublishingTakesThePageSearchAndSitemapAwayAndKeepsTheHistory() {
        app.app().syncSearch();
        assertThat(app.get(search("Сколько бонусов можно накопить")).body()).contains("\"id\":451");
        assertThat(app.get(suggest("Сколько бонусов можно нак")).body()).contains("\"id\":451");

        EditedQuestion off = editor.unpublish(451, Actor.of(PUBLISHER));

        assertThat(off.status()).isEqualTo(QuestionStatus.DRAFT);
        assertThat(off.publishedRevision()).isEmpty();
        assertThat(off.record().usefulness()).as("kept for when it comes back").contains(0.5);
        assertThat(app.get("/client/ru/bonus/save/general/q451").statusCode()).isEqualTo(404);
        assertThat(app.get("/sitemaps/client-ru-1.xml").body()).doesNotContain("/q451<");
        app.app().syncSearch();
        assertThat(app.get(search("Сколько бонусов можно накопить")).body()).doesNotContain("\"id\":451");
        assertThat(app.get(suggest("Сколько бонусов можно нак")).body()).doesNotContain("\"id\":451");
        assertThat(editor.revisions(451, VIEWER)).hasSize(1);
        assertThatThrownBy(() -> editor.unpublish(451, Actor.of(PUBLISHER))).isInstanceOf(ConflictException.class);

        EditedQuestion back = editor.publish(451, Optional.empty(), Actor.of(PUBLISHER));
        assertThat(back.status()).isEqualTo(QuestionStatus.PUBLISHED);
        assertThat(app.get("/client/ru/bonus/save/general/q451").statusCode()).isEqualTo(200);
        assertThat(app.app().catalog().question(451).orElseThrow().usefulness()).contains(0.5);
    }

    @Test
    void aDeletedQuestionTakesNoDraftsAndComesBackOnlyThroughAPublisherRestoring() {
        EditedQuestion deleted = editor.delete(600, Actor.of(PUBLISHER));
        assertThat(deleted.status()).isEqualTo(QuestionStatus.DELETED);
        assertThat(app.get("/client/ru/bonus/spend/q600").statusCode()).isEqualTo(404);
        var draft = record(json.questionNode(deleted.record()).toString(), 600);
        assertThatThrownBy(() -> save(600, draft, EDITOR)).isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> editor.publish(600, Optional.empty(), Actor.of(PUBLISHER)))
                .isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> editor.restore(600, 1, Actor.of(EDITOR))).isInstanceOf(ForbiddenException.class);

        EditedQuestion restored = editor.restore(600, 1, Actor.of(PUBLISHER));
        assertThat(restored.status()).isEqualTo(QuestionStatus.DRAFT);
        assertThat(app.get("/client/ru/bonus/spend/q600").statusCode()).isEqualTo(404);
        editor.publish(600, Optional.empty(), Actor.of(PUBLISHER));
        assertThat(app.get("/client/ru/bonus/spend/q600").statusCode()).isEqualTo(200);
    }

    @Test
    void restoringCopiesAnOldRevisionAsANewDraft() {
        save(456, retitled456("Первая правка"), EDITOR);
        save(456, retitled456("Вторая правка"), EDITOR);

        EditedQuestion restored = editor.restore(456, 1, Actor.of(EDITOR));

        assertThat(restored.revision()).isEqualTo(4);
        assertThat(restored.status()).isEqualTo(QuestionStatus.DRAFT);
        assertThat(json.questionNode(restored.record()))
                .as("the same content as revision 1, the imported text")
                .isEqualTo(json.questionNode(app.app().bundles().question(456).orElseThrow()));
        assertThat(editor.diff(456, 1, 4, VIEWER)).isEmpty();
        assertThat(editor.diff(456, 2, 3, VIEWER)).singleElement().satisfies(c -> {
            assertThat(c.field()).isEqualTo("locales.ru.title");
            assertThat(c.before().orElseThrow().asText()).isEqualTo("Первая правка");
            assertThat(c.after().orElseThrow().asText()).isEqualTo("Вторая правка");
        });
        assertThatThrownBy(() -> editor.restore(456, 9, Actor.of(EDITOR))).isInstanceOf(NotFoundException.class);
    }

    @Test
    void revisionsAreListedNewestFirstWithAuthorNoteAndWhichIsLive() {
        save(456, retitled456("Правка"), EDITOR);
        editor.publish(456, Optional.empty(), Actor.of(PUBLISHER));
        editor.saveDraft(456, retitled456("Ещё правка"), Optional.of("typo"), Actor.of(EDITOR));

        List<RevisionInfo> list = editor.revisions(456, VIEWER);

        assertThat(list).extracting(RevisionInfo::revision).containsExactly(3, 2, 1);
        assertThat(list).extracting(RevisionInfo::authorName).containsExactly("aigerim", "aigerim", "komek");
        assertThat(list.get(0).authorId()).contains(2L);
        assertThat(list.get(2).authorId()).isEmpty();
        assertThat(list.get(0).note()).contains("typo");
        assertThat(list).extracting(RevisionInfo::live).containsExactly(false, true, false);
        assertThat(list).extracting(r -> r.publishedAt().isPresent()).containsExactly(false, true, true);
        assertThat(editor.get(456, VIEWER).orElseThrow().publishedRevision()).contains(2);
    }

    @Test
    void rolesAreCheckedByTheEditorItself() {
        save(5000, record(newQuestion(5000, "Вопрос"), 5000), EDITOR);
        assertThatThrownBy(() -> editor.publish(5000, Optional.empty(), Actor.of(EDITOR)))
                .isInstanceOf(ForbiddenException.class)
                .hasMessageContaining("publisher");
        assertThatThrownBy(() -> editor.unpublish(456, Actor.of(EDITOR))).isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> editor.delete(456, Actor.of(EDITOR))).isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> save(456, retitled456("x"), VIEWER)).isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> editor.restore(456, 1, Actor.of(VIEWER))).isInstanceOf(ForbiddenException.class);
        assertThat(editor.get(5000, VIEWER)).isPresent();
        assertThat(app.app().auditLog().list(AuditLog.Filter.all(), ADMIN))
                .extracting(AuditLog.Entry::action)
                .containsExactly("question.save_draft");
    }

    @Test
    void aBadRecordIsRefusedNamingTheField() {
        assertThatThrownBy(() -> record(newQuestion(5000, " "), 5000))
                .isInstanceOf(BundleException.class)
                .hasMessageContaining("question 5000, field locales.ru.title");
        assertThatThrownBy(() -> record(newQuestion(5000, "Вопрос").replace("\"id\": 5000", "\"id\": 5001"), 5000))
                .isInstanceOf(BundleException.class)
                .hasMessageContaining("field id");
        var nowhere = record(newQuestion(5000, "Вопрос").replace("bonus/spend", "bonus/none"), 5000);
        assertThatThrownBy(() -> save(5000, nowhere, EDITOR))
                .isInstanceOf(BundleException.class)
                .hasMessageContaining("question 5000, field section");
        assertThat(editor.get(5000, VIEWER)).isEmpty();
    }

    @Test
    void answersAreSanitizedAndLintedOnSave() {
        String text = newQuestion(5000, "Вопрос")
                .replace(
                        "<p>Зебра приносит бонусы по вторникам.</p>",
                        "<p onclick=\\\"steal()\\\">Ответ %вставка нет_такого(текст)%</p><script>alert(1)</script>"
                                + "<a href=\\\"/bonus/q77777\\\">ссылка</a>");
        SavedDraft saved = save(5000, record(text, 5000), EDITOR);

        assertThat(saved.findings())
                .extracting(EditFinding::kind)
                .contains("sanitized", "unknown_macro", "broken_link");
        assertThat(saved.findings()).extracting(EditFinding::kind).contains("missing_translation");
        String stored = saved.question().record().locales().get("ru").content();
        assertThat(stored).doesNotContain("script", "onclick").contains("Ответ");

        // the stored text is clean: publishing writes it unchanged, and the next save adopts nothing
        editor.publish(5000, Optional.empty(), Actor.of(PUBLISHER));
        assertThat(app.app()
                        .bundles()
                        .question(5000)
                        .orElseThrow()
                        .locales()
                        .get("ru")
                        .content())
                .isEqualTo(stored);
        var again =
                save(5000, record(json.questionNode(saved.question().record()).toString(), 5000), EDITOR);
        assertThat(again.question().revision()).isEqualTo(3);
        assertThat(again.findings()).extracting(EditFinding::kind).doesNotContain("sanitized");
    }

    @Test
    void everyWriteIsAuditedWithItsActorAndSummaries() {
        save(5000, record(newQuestion(5000, "Вопрос"), 5000), EDITOR);
        editor.publish(5000, Optional.empty(), new Actor(PUBLISHER, Optional.of("req-42")));
        editor.unpublish(5000, Actor.of(PUBLISHER));
        editor.restore(5000, 1, Actor.of(EDITOR));
        editor.delete(5000, Actor.of(PUBLISHER));

        var rows = app.app().auditLog().list(AuditLog.Filter.all().withObject("question", "5000"), ADMIN);
        assertThat(rows)
                .extracting(AuditLog.Entry::action)
                .containsExactly(
                        "question.delete",
                        "question.restore",
                        "question.unpublish",
                        "question.publish",
                        "question.save_draft");
        var publish = rows.get(3);
        assertThat(publish.actorId()).contains(3L);
        assertThat(publish.actorName()).isEqualTo("bolat");
        assertThat(publish.requestId()).contains("req-42");
        assertThat(publish.before().orElseThrow().get("status").asText()).isEqualTo("draft");
        assertThat(publish.after().orElseThrow().get("status").asText()).isEqualTo("published");
        assertThat(rows.get(4).before()).as("a new question had nothing before").isEmpty();
        assertThat(rows.get(1).after().orElseThrow().get("restored_from").asInt())
                .isEqualTo(1);

        // an editor reads only their own rows; an admin filters by actor and action
        assertThat(app.app().auditLog().list(AuditLog.Filter.all(), EDITOR))
                .extracting(AuditLog.Entry::actorName)
                .containsOnly("aigerim");
        assertThat(app.app().auditLog().list(AuditLog.Filter.all().withActor(3), EDITOR))
                .isEmpty();
        assertThat(app.app().auditLog().list(AuditLog.Filter.all().withActor(3), ADMIN))
                .hasSize(3);
    }

    @Test
    void aWriteThatFailsLeavesNoAuditRow() {
        save(5000, record(newQuestion(5000, "Вопрос"), 5000), EDITOR);
        // refuses the live row at commit, after the editor has written revision, head and audit row
        app.app().jdbi().useHandle(h -> h.execute("""
                create function refuse_question() returns trigger language plpgsql as $$
                begin raise exception 'refused by the test'; end $$;
                create constraint trigger refuse_question after insert on question
                    deferrable initially deferred for each row execute function refuse_question();
                """));

        assertThatThrownBy(() -> editor.publish(5000, Optional.empty(), Actor.of(PUBLISHER)))
                .rootCause()
                .hasMessageContaining("refused by the test");

        assertThat(app.app().auditLog().list(AuditLog.Filter.all(), ADMIN))
                .extracting(AuditLog.Entry::action)
                .containsExactly("question.save_draft");
        var now = editor.get(5000, VIEWER).orElseThrow();
        assertThat(now.status()).isEqualTo(QuestionStatus.DRAFT);
        assertThat(now.revision()).isEqualTo(1);
        assertThat(editor.revisions(5000, VIEWER))
                .extracting(RevisionInfo::publishedAt)
                .containsOnly(Optional.empty());
        assertThat(app.get(PAGE_5000).statusCode()).isEqualTo(404);
    }

    @Test
    void theAuditLogRefusesUpdateDeleteAndTruncate() {
        save(5000, record(newQuestion(5000, "Вопрос"), 5000), EDITOR);
        var jdbi = app.app().jdbi();
        for (String sql : List.of(
                "update audit_log set actor_name = 'someone else'", "delete from audit_log", "truncate audit_log")) {
            assertThatThrownBy(() -> jdbi.useHandle(h -> h.execute(sql)))
                    .as(sql)
                    .hasMessageContaining("audit_log is append-only");
        }
        assertThat(app.app().auditLog().list(AuditLog.Filter.all(), ADMIN))
                .singleElement()
                .satisfies(e -> assertThat(e.actorName()).isEqualTo("aigerim"));
    }

    @Test
    void concurrentSavesEachGetTheirOwnRevision() throws Exception {
        int threads = 6;
        int each = 4;
        var pool = Executors.newFixedThreadPool(threads);
        var go = new CountDownLatch(1);
        var revisions = Collections.synchronizedList(new ArrayList<Integer>());
        try {
            var tasks = new ArrayList<Future<?>>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                for (long id : List.of(5000L, 456L)) {
                    tasks.add(pool.submit((Callable<Void>) () -> {
                        go.await();
                        for (int i = 0; i < each; i++) {
                            var record = id == 5000
                                    ? record(newQuestion(5000, "Вопрос " + thread + "." + i), 5000)
                                    : retitled456("Правка " + thread + "." + i);
                            if (id == 5000) {
                                revisions.add(
                                        save(id, record, EDITOR).question().revision());
                            } else {
                                save(id, record, EDITOR);
                            }
                        }
                        return null;
                    }));
                }
            }
            go.countDown();
            for (var task : tasks) {
                task.get();
            }
        } finally {
            pool.shutdown();
        }
        assertThat(revisions).doesNotHaveDuplicates().hasSize(threads * each);
        assertThat(editor.revisions(5000, VIEWER))
                .extracting(RevisionInfo::revision)
                .hasSize(threads * each)
                .startsWith(threads * each);
        assertThat(editor.revisions(456, VIEWER))
                .as("one imported text, then every save")
                .hasSize(1 + threads * each)
                .filteredOn(r -> r.authorName().equals("komek"))
                .hasSize(1);
        assertThat(app.app().auditLog().list(AuditLog.Filter.all().withObject("question", "456"), ADMIN))
                .hasSize(threads * each);
    }

    @Test
    void anImportAfterPublishingBecomesARevisionOnTheNextWrite() {
        save(456, retitled456("Правка"), EDITOR);
        editor.publish(456, Optional.empty(), Actor.of(PUBLISHER));
        // an operator imports the old bundle again over the published edit
        app.app().bundles().importBundle(json.read(TestApp.resource("/fixtures/mini.bundle.json")), List.of());

        editor.unpublish(456, Actor.of(PUBLISHER));

        var list = editor.revisions(456, VIEWER);
        assertThat(list).extracting(RevisionInfo::revision).containsExactly(3, 2, 1);
        assertThat(list.get(0).authorName()).isEqualTo("komek");
        assertThat(list.get(0).note()).hasValueSatisfying(n -> assertThat(n).contains("outside the admin"));
        assertThat(editor.get(456, VIEWER)
                        .orElseThrow()
                        .record()
                        .locales()
                        .get("ru")
                        .title())
                .isEqualTo("Где узнать, сколько бонусов накоплено?");
    }

    @Test
    void anUnknownQuestionIsNotFound() {
        assertThat(editor.get(4242, VIEWER)).isEmpty();
        assertThatThrownBy(() -> editor.publish(4242, Optional.empty(), Actor.of(PUBLISHER)))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> editor.revisions(4242, VIEWER)).isInstanceOf(NotFoundException.class);
        assertThat(editor.get(456, VIEWER).orElseThrow()).satisfies(q -> {
            assertThat(q.revision()).as("imported, never edited").isZero();
            assertThat(q.status()).isEqualTo(QuestionStatus.PUBLISHED);
        });
        assertThat(editor.get(999, VIEWER).orElseThrow().status()).isEqualTo(QuestionStatus.SCHEDULED);
        assertThat(editor.revisions(456, VIEWER)).isEmpty();
    }
}
