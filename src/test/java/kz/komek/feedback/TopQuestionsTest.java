package kz.komek.feedback;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import kz.komek.catalog.SectionPath;
import kz.komek.catalog.Usefulness;
import kz.komek.testing.TestApp;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The product page's top questions on the mini fixture: score = (views + 1) × usefulness, an unrated answer counting
 * as one half. Without views: 456 (0.89) · 462 (3 up, 1 down: 0.75) · 451 (0.5) · unrated questions by id.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TopQuestionsTest {
    /** Lists kept for the default 60 s. */
    private TestApp app;

    @BeforeAll
    void start() {
        app = TestApp.withBundle("/fixtures/mini.bundle.json");
    }

    @AfterAll
    void stop() {
        app.close();
    }

    private static Document page(TestApp app, String path) {
        var r = Http.get(app, path, Optional.empty());
        assertThat(r.statusCode()).as(path).isEqualTo(200);
        return Jsoup.parse(r.body(), app.url(path));
    }

    private static List<String> top(Document doc) {
        return doc.select(".top-questions ol a").eachAttr("href");
    }

    private static void read(TestApp app, String path, int times) {
        for (int i = 0; i < times; i++) {
            assertThat(Http.get(app, path, Optional.empty()).statusCode()).isEqualTo(200);
        }
    }

    @Test
    void theMostReadAndMostUsefulComeFirstInBothLocales() {
        try (var fresh = TestApp.withBundle(
                "/fixtures/mini.bundle.json", c -> c.withFeedback(c.feedback().withTopListTtl(Duration.ZERO)))) {
            read(fresh, "/client/ru/bonus/spend/q600", 5); // (5 + 1) × 0.5 = 3
            read(fresh, "/client/kz/bonus/save/partners/q700", 2); // (2 + 1) × 0.5 = 1.5
            fresh.app().flushViews();

            Document ru = page(fresh, "/client/ru/bonus");
            assertThat(top(ru))
                    .containsExactly(
                            "/client/ru/bonus/spend/q600",
                            "/client/ru/bonus/save/partners/q700",
                            "/client/ru/bonus/save/general/q456",
                            "/client/ru/bonus/save/general/q462",
                            "/client/ru/bonus/save/general/q451");
            assertThat(ru.select(".top-questions h2").text()).isEqualTo("Популярные вопросы");
            assertThat(ru.select(".top-questions ol a").first().text()).isEqualTo("Как потратить бонусы?");
            // the first block of the page, above the themes
            assertThat(ru.select("main > h1 + section.top-questions + ul.cards"))
                    .hasSize(1);

            // Kazakh: 553 has only a Kazakh text, 900 is in a section titled only in Kazakh; 999 is scheduled
            // and 17562 is a copy of a question of another product: neither is listed
            Document kz = page(fresh, "/client/kz/bonus");
            assertThat(top(kz))
                    .containsExactly(
                            "/client/kz/bonus/spend/q600",
                            "/client/kz/bonus/save/partners/q700",
                            "/client/kz/bonus/save/general/q456",
                            "/client/kz/bonus/save/general/q462",
                            "/client/kz/bonus/save/general/q451",
                            "/client/kz/bonus/save/general/q553",
                            "/client/kz/bonus/kzonly/q900");
            assertThat(kz.select(".top-questions h2").text()).isEqualTo("Танымал сұрақтар");

            // reading changes the order
            read(fresh, "/client/ru/bonus/save/general/q451", 20); // 21 × 0.5
            fresh.app().flushViews();
            assertThat(top(page(fresh, "/client/ru/bonus")).get(0)).isEqualTo("/client/ru/bonus/save/general/q451");
        }
    }

    @Test
    void onlyProductPagesShowIt() {
        assertThat(page(app, "/client/ru/bonus/save").select(".top-questions")).isEmpty();
        assertThat(page(app, "/client/ru/bonus/save/general/q462").select(".top-questions"))
                .isEmpty();
        assertThat(page(app, "/client/ru/").select(".top-questions")).isEmpty();
        // a section without titles is shown everywhere, so are its questions; the copy 17562 is not
        assertThat(top(page(app, "/client/ru/shop")))
                .containsExactly("/client/ru/shop/delivery/q950", "/client/ru/shop/comment/q17561");
    }

    @Test
    void theListIsKeptForAWhile() {
        List<String> before = top(page(app, "/client/ru/bonus"));
        read(app, "/client/ru/bonus/save/general/q451", 20);
        app.app().flushViews();
        assertThat(top(page(app, "/client/ru/bonus"))).as("within a minute").isEqualTo(before);
        assertThat(before.get(0)).isNotEqualTo("/client/ru/bonus/save/general/q451");
    }

    @Test
    void theScoreIsViewsPlusOneTimesUsefulness() {
        var rated =
                new FeedbackStore.Candidate(1, new SectionPath("a"), "t", 9, new Usefulness(3, 1, Optional.empty()));
        assertThat(TopQuestions.score(rated)).isEqualTo(7.5);
        var unrated =
                new FeedbackStore.Candidate(2, new SectionPath("a"), "t", 0, new Usefulness(0, 0, Optional.empty()));
        assertThat(TopQuestions.score(unrated)).isEqualTo(0.5);
    }
}
