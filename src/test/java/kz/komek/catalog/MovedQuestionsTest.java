package kz.komek.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import kz.komek.bundle.BundleJson;
import kz.komek.testing.HeadTags;
import kz.komek.testing.SitemapXml;
import kz.komek.testing.TestApp;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Old URLs of moved questions and removed sections answer 301 to the new ones; a fresh mini fixture per test. */
class MovedQuestionsTest {
    private TestApp app;

    @BeforeEach
    void start() {
        app = TestApp.withBundle("/fixtures/mini.bundle.json");
    }

    @AfterEach
    void stop() {
        if (app != null) {
            app.close();
        }
    }

    private void assertMoved(String from, String to) {
        HttpResponse<String> r = app.get(from);
        assertThat(r.statusCode()).as(from).isEqualTo(301);
        assertThat(r.headers().firstValue("Location")).as(from).hasValue(to);
    }

    private void assertPage(String path) {
        assertThat(app.get(path).statusCode()).as(path).isEqualTo(200);
    }

    /** Re-imports a question of the fixture under another site and section, its canonical left as it was. */
    private void move(long id, String site, String section, String staleCanonical, String ruTitle) {
        move(id, site, section, staleCanonical, ruTitle, false);
    }

    private void move(long id, String site, String section, String staleCanonical, String ruTitle, boolean dryRun) {
        app.app()
                .bundles()
                .importBundle(
                        new BundleJson().read("""
                                {"format": "komek-bundle/1", "locales": ["ru", "kz"], "default_locale": "ru",
                                 "sites": [],
                                 "sections": [{"site": "client", "path": "bonus/save/friends", "position": 3,
                                               "title": {"ru": "Бонусы у друзей", "kz": "Достардағы бонустар"}}],
                                 "questions": [{"id": %d, "site": "%s", "section": "%s", "position": 1,
                                   "pinned": false, "canonical": "%s",
                                   "locales": {"ru": {"title": "%s", "content": "<p>…</p>",
                                     "updated": "2025-04-22", "published": "2025-04-22T13:45:44.065581",
                                     "meta_title": null, "meta_description": null, "meta_h1": null,
                                     "no_index": false, "no_follow": false}}}]}
                                """.formatted(id, site, section, staleCanonical, ruTitle)),
                        List.of(),
                        kz.komek.bundle.VotePolicy.DEFAULT,
                        dryRun);
    }

    private int historyRows() {
        return app.app()
                .jdbi()
                .withHandle(h -> h.createQuery("select count(*) from question_move")
                        .mapTo(Integer.class)
                        .one());
    }

    @Test
    void aQuestionMovedByAReimportAnswersItsOldUrlWithA301() {
        assertPage("/client/kz/bonus/save/general/q462");
        move(462, "client", "bonus/spend", "/bonus/save/general/q462", "Я купил товар в Магазине.");
        assertMoved("/client/kz/bonus/save/general/q462", "/client/kz/bonus/spend/q462");
        assertMoved("/client/ru/bonus/save/general/q462?platform=app", "/client/ru/bonus/spend/q462?platform=app");
        assertPage("/client/kz/bonus/spend/q462");
        // the stored canonical still names the old path: the page is its own canonical all the same
        var doc = Jsoup.parse(app.get("/client/ru/bonus/spend/q462").body());
        assertThat(HeadTags.canonical(doc)).isEqualTo(app.url("/client/ru/bonus/spend/q462"));
        String sitemap = app.get("/sitemaps/client-ru-1.xml").body();
        assertThat(SitemapXml.locs(sitemap))
                .contains(app.url("/client/ru/bonus/spend/q462"))
                .doesNotContain(app.url("/client/ru/bonus/save/general/q462"));
        assertThat(historyRows()).isEqualTo(1);
    }

    @Test
    void aQuestionWhoseOldSectionIsGoneStillRedirects() {
        // what already happened: any path other than the question's own answers 301
        assertMoved("/client/ru/bonus/nosuch/q700", "/client/ru/bonus/save/partners/q700");
        assertThat(app.get("/client/ru/bonus/save/partners").statusCode()).isEqualTo(200);

        move(700, "client", "bonus/save/friends", "/bonus/save/partners/q700", "Как начисляются бонусы у друзей?");
        // the section is removed (as the admin will): its question and its page lead to where the question went
        app.app().jdbi().useTransaction(h -> {
            h.execute("delete from section where site = 'client' and path = ?", "bonus/save/partners");
            h.execute("update help_center set version = version + 1"); // as every content write does
        });
        assertMoved("/client/ru/bonus/save/partners/q700", "/client/ru/bonus/save/friends/q700");
        assertMoved("/client/kz/bonus/save/partners", "/client/kz/bonus/save/friends");
        assertMoved("/client/ru/bonus/save/partners?x=1", "/client/ru/bonus/save/friends?x=1");
        assertPage("/client/ru/bonus/save/friends/q700");
        // a section nothing ever left is still a 404
        assertThat(app.get("/client/ru/bonus/save/never").statusCode()).isEqualTo(404);
    }

    @Test
    void aRenamedThemeLeadsToItsNewNameAtTheSameDepth() {
        move(700, "client", "bonus/save/friends", "/bonus/save/partners/q700", "Как начисляются бонусы у друзей?");
        app.app().jdbi().useTransaction(h -> {
            h.execute("delete from section where site = 'client' and path = ?", "bonus/save/partners");
            h.execute("update help_center set version = version + 1"); // as every content write does
        });
        // a subtheme's questions left bonus/save/partners: its parent bonus/save still exists, so it is served
        assertPage("/client/ru/bonus/save");
        // an old path that only ever held the subtheme's parent leads to the new parent at the same depth
        app.app()
                .jdbi()
                .useHandle(h -> h.execute(
                        "update question_move set section_path = 'bonus/old/partners' where question_id = 700"));
        assertMoved("/client/ru/bonus/old", "/client/ru/bonus/save");
    }

    @Test
    void aQuestionMovedToAnotherSiteRedirectsThereFromItsOldUrlOnly() {
        assertThat(app.get("/client/ru/bonus/save/general/q801").statusCode()).isEqualTo(404);
        move(801, "client", "shop/comment", "/pay/qr/q801", "Как принимать оплату по QR?");
        // before the history this was a 404: the question is no longer on the partner site
        assertMoved("/partner/ru/pay/qr/q801", "/client/ru/shop/comment/q801");
        assertPage("/client/ru/shop/comment/q801");
        // only the path it really had: the partner site has no such question anywhere else
        assertThat(app.get("/partner/ru/pay/q801").statusCode()).isEqualTo(404);
    }

    @Test
    void movingBackMakesTheOldPlaceItsOwnAgain() {
        move(462, "client", "bonus/spend", "/bonus/save/general/q462", "Я купил товар в Магазине.");
        move(462, "client", "bonus/save/general", "/bonus/save/general/q462", "Я купил товар в Магазине.");
        assertPage("/client/ru/bonus/save/general/q462");
        assertMoved("/client/ru/bonus/spend/q462", "/client/ru/bonus/save/general/q462");
        assertThat(historyRows()).isEqualTo(1);
    }

    @Test
    void aDryRunRecordsNothing() {
        move(462, "client", "bonus/spend", "/bonus/save/general/q462", "Я купил товар в Магазине.", true);
        assertThat(historyRows()).isZero();
        assertPage("/client/ru/bonus/save/general/q462");
    }
}
