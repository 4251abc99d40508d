package kz.komek.deflection;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import kz.komek.testing.TestApp;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The hand-off on the pages: the "still have questions?" macro and the search page lead to "describe your
 * question"; the answers found are shown server-side, each step out is noted, and only then the chat.
 */
class HandoffPagesTest {
    private static TestApp app;

    @BeforeAll
    static void start() {
        app = TestApp.withBundle("/fixtures/handoff.bundle.json");
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    private static HttpResponse<String> ask(String path, String message, String... headers) {
        var b = HttpRequest.newBuilder(URI.create(app.url(path)))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(TestApp.formBody(Map.of("message", message))));
        if (headers.length > 0) {
            b.headers(headers);
        }
        return app.send(b.build());
    }

    private static String location(HttpResponse<String> r) {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(303);
        return r.headers().firstValue("Location").orElseThrow();
    }

    @Test
    void theStillHaveQuestionsMacroLeadsToTheFormOnEveryPlatform() {
        Document desktop = app.page("/client/ru/cards/general/q601");
        assertThat(desktop.selectFirst(".answer a.macro-chat").attr("href")).isEqualTo("/client/ru/ask");
        assertThat(desktop.selectFirst(".answer a.macro-chat").hasAttr("target"))
                .isFalse();
        Document app_ = app.page("/client/ru/cards/general/q601?platform=app");
        assertThat(app_.selectFirst(".answer a.macro-chat").attr("href")).isEqualTo("/client/ru/ask?platform=app");
        Document kz = app.page("/client/kz/cards/general/q601?platform=mobile");
        assertThat(kz.selectFirst(".answer a.macro-chat").attr("href")).isEqualTo("/client/kz/ask");
        assertThat(kz.selectFirst(".answer a.macro-chat").text()).isEqualTo("Чатқа жазу");
    }

    @Test
    void theFormAsksForTheQuestionAndOffersTheChatToo() {
        Document form = app.page("/client/ru/ask?q=%D0%BA%D0%B0%D0%BC%D0%B8%D1%81%D0%B8%D1%8F");
        assertThat(form.selectFirst("h1").text()).isEqualTo("Опишите ваш вопрос");
        assertThat(form.selectFirst("form.handoff-form").attr("method")).isEqualTo("post");
        assertThat(form.selectFirst("form.handoff-form").attr("action")).isEqualTo("/client/ru/ask");
        assertThat(form.selectFirst("textarea[name=message]").text()).isEqualTo("камисия");
        assertThat(form.selectFirst("label[for=handoff-message]")).isNotNull();
        assertThat(form.selectFirst(".handoff-direct a").attr("href")).isEqualTo("https://komek.example/chat?lang=ru");
        assertThat(form.selectFirst("meta[name=robots]").attr("content")).contains("noindex");

        Document inApp = app.page("/client/kz/ask?platform=app");
        assertThat(inApp.selectFirst("h1").text()).isEqualTo("Сұрағыңызды сипаттаңыз");
        assertThat(inApp.selectFirst("form.handoff-form").attr("action")).isEqualTo("/client/kz/ask?platform=app");
        assertThat(inApp.selectFirst(".handoff-direct a").attr("href")).isEqualTo("komek-app://chat");
    }

    @Test
    void aMessageIsAnsweredOnThePageAndEachStepOutIsNoted() {
        String offer = location(ask(
                "/client/ru/ask", "Добрый день! Потерял карту 4400 4301 2345 6789, как заблокировать карту? Спасибо"));
        assertThat(offer).matches("/client/ru/ask/[A-Za-z0-9_-]{22}");
        String id = offer.substring(offer.lastIndexOf('/') + 1);
        Document page = app.page(offer);
        assertThat(page.selectFirst(".handoff-message").text())
                .contains("[карта]")
                .doesNotContain("4400");
        var first = page.selectFirst(".handoff-answer");
        assertThat(first.selectFirst("h3 a").text()).isEqualTo("Как заблокировать карту?");
        assertThat(first.selectFirst(".handoff-excerpt").text()).startsWith("Если карта потеряна");
        assertThat(first.selectFirst("h3 a").attr("href")).isEqualTo(offer + "/open/102");
        assertThat(page.selectFirst(".handoff-chat-link").attr("href")).isEqualTo(offer + "/chat");
        var opened = app.get(offer + "/open/102");
        assertThat(location(opened)).isEqualTo("/client/ru/cards/general/q102");
        var useful = app.post(offer + "/useful/102", "application/x-www-form-urlencoded", "");
        assertThat(location(useful)).isEqualTo(offer);
        Document after = app.page(offer);
        assertThat(after.selectFirst(".handoff-thanks").text()).startsWith("Спасибо!");
        assertThat(after.select(".handoff-answer form")).isEmpty();
        assertThat(location(app.get(offer + "/chat"))).isEqualTo("https://komek.example/chat?lang=ru");
        var row = app.app()
                .jdbi()
                .withHandle(h -> h.createQuery(
                                "select channel, platform, opened, useful, chat_at is not null as chat from deflection"
                                        + " where id = :id")
                        .bind("id", id)
                        .mapToMap()
                        .one());
        assertThat(row)
                .containsEntry("channel", "page")
                .containsEntry("platform", "desktop")
                .containsEntry("opened", 102L)
                .containsEntry("useful", 102L)
                .containsEntry("chat", true);
        // a question that was not offered cannot be counted
        assertThat(app.get(offer + "/open/501").statusCode()).isEqualTo(400);
    }

    @Test
    void inTheAppTheOfferStaysInTheAppAndTheChatIsTheAppsOwn() {
        String offer = location(ask("/client/kz/ask?platform=app", "шетелге ақша қалай аударамын"));
        assertThat(offer).endsWith("?platform=app");
        Document page = app.page(offer);
        assertThat(page.selectFirst("body").hasClass("platform-app")).isTrue();
        assertThat(page.selectFirst(".handoff-answer h3 a").attr("href")).endsWith("/open/201?platform=app");
        String path = offer.substring(0, offer.indexOf('?'));
        assertThat(location(app.get(path + "/open/201?platform=app")))
                .isEqualTo("/client/kz/transfers/abroad/q201?platform=app");
        assertThat(location(app.get(path + "/chat?platform=app"))).isEqualTo("komek-app://chat");
    }

    @Test
    void theSearchThatFoundNothingHandsOffThroughTheForm() {
        Document search = app.page("/client/ru/search?q=%D0%BA%D0%B0%D0%BC%D0%B8%D1%81%D0%B8%D1%8F");
        var form = search.selectFirst("form.search-chat");
        assertThat(form.attr("action")).isEqualTo("/client/ru/ask");
        String offer =
                location(ask(form.attr("action"), form.selectFirst("textarea").text()));
        Document page = app.page(offer);
        assertThat(page.selectFirst(".handoff-message").text()).isEqualTo("камисия");
        assertThat(page.selectFirst(".handoff-chat-link")).isNotNull();
    }

    @Test
    void badStepsAreRefusedWithAPage() {
        assertThat(ask("/client/ru/ask", "   ").statusCode()).isEqualTo(400);
        assertThat(ask("/client/ru/ask", "как пополнить", "Sec-Fetch-Site", "cross-site")
                        .statusCode())
                .isEqualTo(403);
        assertThat(app.get("/client/ru/ask/AAAAAAAAAAAAAAAAAAAAAA").statusCode())
                .isEqualTo(404);
        assertThat(app.get("/client/ru/ask/nonsense").statusCode()).isEqualTo(404);
        assertThat(app.get("/client/xx/ask").statusCode()).isEqualTo(404);
        String offer = location(ask("/client/ru/ask", "как пополнить карту"));
        // another site's path does not show it
        assertThat(app.get(offer.replace("/client/", "/partner/")).statusCode()).isEqualTo(404);
        assertThat(app.get(offer + "/open/abc").statusCode()).isEqualTo(404);
        var r = app.get(offer);
        assertThat(r.headers().firstValue("Cache-Control")).hasValue("no-store");
        assertThat(Jsoup.parse(r.body()).selectFirst("meta[name=robots]").attr("content"))
                .contains("noindex");
    }
}
