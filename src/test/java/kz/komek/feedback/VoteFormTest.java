package kz.komek.feedback;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Optional;
import kz.komek.testing.TestApp;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Voting as a browser without JavaScript does: a form post, a 303 back to the page, a thank-you there. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class VoteFormTest {
    private static final String PAGE = "/client/ru/bonus/save/general/q462";

    private TestApp app;

    @BeforeAll
    void start() {
        app = TestApp.withBundle(
                "/fixtures/mini.bundle.json", c -> c.withFeedback(c.feedback().withVotesPerMinute(0)));
    }

    @BeforeEach
    void reset() {
        Http.resetVotes(app);
    }

    @AfterAll
    void stop() {
        app.close();
    }

    private Document page(String path, Optional<String> visitor) {
        var r = Http.get(app, path, visitor);
        assertThat(r.statusCode()).as(path).isEqualTo(200);
        return Jsoup.parse(r.body());
    }

    @Test
    void aFormVoteRedirectsBackToThePageWhichThanksTheReader() {
        var r = Http.voteForm(app, PAGE, Map.of("useful", "true"), Optional.empty());
        assertThat(r.statusCode()).isEqualTo(303);
        assertThat(r.headers().firstValue("Location")).hasValue(PAGE + "#vote-thanks");
        String visitor = Http.visitor(r);

        Document thanked = page(PAGE, Optional.of(visitor));
        assertThat(thanked.select(".vote-thanks").text())
                .isEqualTo("Спасибо за оценку! Вы отметили, что ответ полезен.");
        assertThat(thanked.select(".answer-meta").text())
                .as("3 up 1 down, then this one")
                .contains("80%");
        assertThat(Http.get(app, PAGE, Optional.of(visitor)).headers().firstValue("Cache-Control"))
                .hasValueSatisfying(c -> assertThat(c).contains("private"));

        assertThat(page(PAGE, Optional.empty()).select(".vote-thanks"))
                .as("another reader is not thanked")
                .isEmpty();
        assertThat(page("/client/ru/bonus/save/general/q456", Optional.of(visitor))
                        .select(".vote-thanks"))
                .as("nor is this reader on another question")
                .isEmpty();
    }

    @Test
    void notUsefulWithAReasonAndCommentInKazakh() {
        String kzPage = "/client/kz/bonus/save/general/q462";
        var r = Http.voteForm(
                app,
                kzPage,
                Map.of("useful", "false", "reason", "outdated", "comment", "Ескі ақпарат"),
                Optional.empty());
        assertThat(r.statusCode()).isEqualTo(303);
        var stored = new FeedbackStore(app.app().jdbi()).votes(462);
        assertThat(stored).singleElement().satisfies(v -> {
            assertThat(v.useful()).isFalse();
            assertThat(v.reason()).contains("outdated");
            assertThat(v.comment()).contains("Ескі ақпарат");
            assertThat(v.locale().code()).isEqualTo("kz");
        });
        Document doc = page(kzPage, Optional.of(Http.visitor(r)));
        assertThat(doc.select(".vote-thanks").text())
                .isEqualTo("Бағалағаныңыз үшін рақмет! Сіз жауап көмектеспеді деп белгіледіңіз.");
        assertThat(doc.select(".vote details label[for^=reason-]").eachText())
                .containsExactly("Сұрағыма жауап жоқ", "Түсіну қиын", "Ақпарат ескірген немесе қате", "Басқа");
    }

    @Test
    void aFormPostedUnderAnotherSectionPathStillLandsOnTheQuestionsOwnPage() {
        var r = Http.voteForm(app, "/client/ru/bonus/q462", Map.of("useful", "true"), Optional.empty());
        assertThat(r.statusCode()).isEqualTo(303);
        assertThat(r.headers().firstValue("Location")).hasValue(PAGE + "#vote-thanks");
    }

    @Test
    void badFormsAre400PagesAndUnknownQuestions404Pages() {
        var badReason = Http.voteForm(app, PAGE, Map.of("useful", "false", "reason", "boring"), Optional.empty());
        assertThat(badReason.statusCode()).isEqualTo(400);
        assertThat(badReason.headers().firstValue("Content-Type"))
                .hasValueSatisfying(c -> assertThat(c).startsWith("text/html"));
        assertThat(Jsoup.parse(badReason.body()).select("h1").text()).isEqualTo("Неверный запрос");

        assertThat(Http.voteForm(app, PAGE, Map.of(), Optional.empty()).statusCode())
                .isEqualTo(400);
        assertThat(Http.voteForm(app, PAGE, Map.of("useful", "maybe"), Optional.empty())
                        .statusCode())
                .isEqualTo(400);
        assertThat(Http.voteForm(app, "/client/ru/bonus/save/general/q4040", Map.of("useful", "true"), Optional.empty())
                        .statusCode())
                .isEqualTo(404);
        assertThat(Http.voteForm(app, "/client/ru/bonus/save/general", Map.of("useful", "true"), Optional.empty())
                        .statusCode())
                .as("a section page takes no votes")
                .isEqualTo(404);
        assertThat(Http.voteForm(app, "/partner/ru/bonus/save/general/q462", Map.of("useful", "true"), Optional.empty())
                        .statusCode())
                .as("question of another site")
                .isEqualTo(404);
        assertThat(Http.voteForm(app, "/client/ru/bonus/kzonly/q900", Map.of("useful", "true"), Optional.empty())
                        .statusCode())
                .as("not published in this locale")
                .isEqualTo(404);
        assertThat(new FeedbackStore(app.app().jdbi()).votes(462)).isEmpty();
    }
}
