package kz.komek.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.HashSet;
import java.util.List;
import kz.komek.testing.TestApp;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The visitor pages over real HTTP against the mini fixture (see fixtures/mini.bundle.json). */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CatalogPagesTest {
    private TestApp app;

    @BeforeAll
    void start() {
        app = TestApp.withBundle("/fixtures/mini.bundle.json");
    }

    @AfterAll
    void stop() {
        if (app != null) {
            app.close();
        }
    }

    private Document page(String path) {
        Document doc = app.page(path);
        assertWellFormedPage(doc, path);
        return doc;
    }

    /** What every page has: one h1, landmarks, a skip link, labelled controls, unique ids. */
    private static void assertWellFormedPage(Document doc, String path) {
        assertThat(doc.select("h1")).as("h1 on " + path).hasSize(1);
        assertThat(doc.title()).as("title of " + path).isNotBlank();
        assertThat(doc.select("meta[name=description]").attr("content")).isNotBlank();
        assertThat(doc.select("header")).hasSize(1);
        assertThat(doc.select("main#content")).hasSize(1);
        assertThat(doc.select("footer")).hasSize(1);
        assertThat(doc.select("nav"))
                .allSatisfy(nav -> assertThat(nav.attr("aria-label")).isNotBlank());
        assertThat(doc.select("body > a.skip-link").attr("href")).isEqualTo("#content");
        var ids = new HashSet<String>();
        for (Element e : doc.select("[id]")) {
            assertThat(ids.add(e.id()))
                    .as("duplicate id " + e.id() + " on " + path)
                    .isTrue();
        }
        for (Element input : doc.select("input:not([type=hidden])")) {
            assertThat(doc.select("label[for=" + input.id() + "]"))
                    .as("label of input on " + path)
                    .hasSize(1);
        }
        for (Element button : doc.select("button")) {
            assertThat(button.text()).isNotBlank();
        }
        for (Element labelled : doc.select("[aria-labelledby]")) {
            assertThat(doc.getElementById(labelled.attr("aria-labelledby"))).isNotNull();
        }
    }

    private static List<String> texts(Document doc, String css) {
        return doc.select(css).eachText();
    }

    private static List<String> breadcrumbs(Document doc) {
        return texts(doc, "nav.breadcrumbs ol > li");
    }

    private static String localeSwitch(Document doc) {
        return doc.select("nav.locale-switch a").attr("href");
    }

    @Test
    void siteHomeListsProductsWithTheirThemesInKazakh() {
        Document doc = page("/client/kz/");
        assertThat(doc.select("html").attr("lang")).isEqualTo("kk-KZ");
        assertThat(doc.select("h1").text()).isEqualTo("Клиенттерге");
        assertThat(texts(doc, ".cards > li > h2")).containsExactly("Бонустар", "Дүкен");
        assertThat(texts(doc, ".cards > li:first-child li")).containsExactly("Жинау", "Жұмсау", "Тек қазақша");
        assertThat(doc.select(".cards > li > h2 a").first().attr("href")).isEqualTo("/client/kz/bonus");
        assertThat(localeSwitch(doc)).isEqualTo("/client/ru/");
        assertThat(texts(doc, "nav.site-switch a")).containsExactly("Клиенттерге", "Серіктестерге");
        assertThat(doc.select("nav.site-switch a[aria-current=page]").attr("href"))
                .isEqualTo("/client/kz/");
        assertThat(doc.select("form[role=search]").attr("action")).isEqualTo("/client/kz/search");
        assertThat(doc.select("form[role=search] input[name=q]")).hasSize(1);
        assertThat(breadcrumbs(doc)).containsExactly("Клиенттерге");
    }

    @Test
    void siteHomeInRussianLeavesOutSectionsWithoutARussianTitle() {
        Document doc = page("/client/ru/");
        assertThat(doc.select("html").attr("lang")).isEqualTo("ru-RU");
        assertThat(doc.select("h1").text()).isEqualTo("Клиентам");
        assertThat(texts(doc, ".cards > li:first-child li")).containsExactly("Накопление", "Списание");
        assertThat(localeSwitch(doc)).isEqualTo("/client/kz/");
        assertThat(doc.select("a.skip-link").text()).isEqualTo("Перейти к содержимому");
    }

    @Test
    void otherSiteHasItsOwnTree() {
        Document doc = page("/partner/ru/");
        assertThat(texts(doc, ".cards > li > h2")).containsExactly("Платежи");
        Document q = page("/partner/ru/pay/qr/q801");
        assertThat(q.select("h1").text()).isEqualTo("Как принимать оплату по QR?");
    }

    @Test
    void productPageShowsItsThemesAndAMenu() {
        Document doc = page("/client/ru/bonus");
        assertThat(doc.select("h1").text()).isEqualTo("Бонусы");
        assertThat(texts(doc, "nav.menu a")).containsExactly("Накопление", "Списание");
        assertThat(doc.select("nav.menu a[aria-current]")).isEmpty();
        assertThat(texts(doc, ".cards > li > h2")).containsExactly("Накопление", "Списание");
        assertThat(texts(doc, ".cards > li:first-child li")).containsExactly("Общие вопросы", "Бонусы у партнёров");
        assertThat(breadcrumbs(doc)).containsExactly("Клиентам", "Бонусы");
        assertThat(doc.select("nav.breadcrumbs [aria-current=page]").text()).isEqualTo("Бонусы");
        assertThat(localeSwitch(doc)).isEqualTo("/client/kz/bonus");
    }

    @Test
    void themePageSelectsTheFirstSubthemeAndNumbersItsQuestionsPinnedFirst() {
        Document doc = page("/client/kz/bonus/save");
        assertThat(doc.select("h1").text()).isEqualTo("Жинау");
        assertThat(doc.select("nav.menu a[aria-current=page]").text()).isEqualTo("Жинау");
        assertThat(texts(doc, "nav.tabs a")).containsExactly("Жалпы сұрақтар", "Серіктестердегі бонустар");
        assertThat(doc.select("nav.tabs a[aria-current]").text()).isEqualTo("Жалпы сұрақтар");
        var list = doc.select("ol.question-list").first();
        assertThat(list.select("> li").eachText())
                .containsExactly(
                        "Қанша бонус жинай аламын?",
                        "Жиналған бонус санын қайдан білемін?",
                        "Магазиннен тауар сатып алдым. Маған бонус есептеле ме?",
                        "Маған қанша бонус берілгенін қалай білемін?");
        assertThat(list.select("> li").first().hasClass("pinned")).isTrue();
        assertThat(list.select("> li > a").first().attr("href")).isEqualTo("/client/kz/bonus/save/general/q451");
        assertThat(breadcrumbs(doc)).containsExactly("Клиенттерге", "Бонустар", "Жинау");
        assertThat(localeSwitch(doc)).isEqualTo("/client/ru/bonus/save");
    }

    @Test
    void scheduledAndKazakhOnlyQuestionsAreAbsentFromTheRussianList() {
        Document doc = page("/client/ru/bonus/save/general");
        assertThat(texts(doc, "ol.question-list > li"))
                .containsExactly(
                        "Сколько бонусов можно накопить?",
                        "Где узнать, сколько бонусов накоплено?",
                        "Я купил товар в Магазине. Начислят ли мне бонусы?");
        assertThat(doc.select("body").text()).doesNotContain("Когда начнётся новая бонусная программа?");
    }

    @Test
    void subthemePageSelectsItsTab() {
        Document doc = page("/client/ru/bonus/save/partners");
        assertThat(doc.select("h1").text()).isEqualTo("Накопление");
        assertThat(doc.select("nav.tabs a[aria-current=page]").text()).isEqualTo("Бонусы у партнёров");
        assertThat(texts(doc, "ol.question-list > li")).containsExactly("Как начисляются бонусы у партнёров?");
        assertThat(breadcrumbs(doc)).containsExactly("Клиентам", "Бонусы", "Накопление", "Бонусы у партнёров");
        assertThat(doc.title()).contains("Бонусы у партнёров");
        assertThat(localeSwitch(doc)).isEqualTo("/client/kz/bonus/save/partners");
    }

    @Test
    void themeHoldingQuestionsListsThemWithoutTabs() {
        Document doc = page("/client/kz/bonus/spend");
        assertThat(doc.select("nav.tabs")).isEmpty();
        assertThat(texts(doc, "ol.question-list > li"))
                .containsExactly("Бонусты қалай жұмсаймын?", "Пікір үшін бонус аламын ба?");
        // the cross-listed copy is listed here under its own id
        assertThat(doc.select("ol.question-list > li > a").eachAttr("href"))
                .containsExactly("/client/kz/bonus/spend/q600", "/client/kz/bonus/spend/q17562");
    }

    @Test
    void sectionWithoutTitlesShowsItsSlug() {
        Document doc = page("/client/ru/shop/delivery");
        assertThat(doc.select("h1").text()).isEqualTo("delivery");
        assertThat(texts(doc, "ol.question-list > li")).containsExactly("Сколько идёт доставка?");
    }

    @Test
    void questionPageOpensTheQuestionInsideItsList() {
        Document doc = page("/client/kz/bonus/save/general/q462");
        assertThat(doc.select("html").attr("lang")).isEqualTo("kk-KZ");
        // the answer opens the page, before the list, which keeps the question's place marked
        Element open = doc.select("main > article.answer").first();
        assertThat(open).isNotNull();
        assertThat(doc.select("main > *").first()).isEqualTo(open);
        assertThat(open.select("h1").text()).isEqualTo("Магазиннен тауар сатып алдым. Маған бонус есептеле ме?");
        assertThat(doc.select("ol.question-list > li.open > a[aria-current=page]")
                        .text())
                .isEqualTo("Магазиннен тауар сатып алдым. Маған бонус есептеле ме?");
        assertThat(open.select(".answer-body p").first().text())
                .isEqualTo("Иә, бонус тауарды алғаннан кейін есептеледі.");
        assertThat(open.select(".answer-meta").text()).contains("Жаңартылды 22.04.2025");
        assertThat(open.select("time").attr("datetime")).isEqualTo("2025-04-22");
        assertThat(open.select(".answer-meta").text()).contains("75%");
        // the rest of the list stays, as links
        assertThat(doc.select("ol.question-list > li")).hasSize(4);
        assertThat(doc.select("ol.question-list > li:not(.open) > a")).hasSize(3);
        assertThat(doc.select("nav.tabs a[aria-current]").text()).isEqualTo("Жалпы сұрақтар");
        assertThat(doc.select("nav.menu a[aria-current=page]").text()).isEqualTo("Жинау");
        assertThat(breadcrumbs(doc))
                .containsExactly(
                        "Клиенттерге",
                        "Бонустар",
                        "Жинау",
                        "Жалпы сұрақтар",
                        "Магазиннен тауар сатып алдым. Маған бонус есептеле ме?");
        assertThat(localeSwitch(doc)).isEqualTo("/client/ru/bonus/save/general/q462");
    }

    @Test
    void questionPageHasAVoteFormThatAsksWhyNotWithoutJavaScript() {
        Document doc = page("/client/ru/bonus/save/general/q462");
        var forms = doc.select(".vote form");
        assertThat(forms).hasSize(2);
        assertThat(forms.eachAttr("method")).containsOnly("post");
        assertThat(forms.eachAttr("action")).containsOnly("/client/ru/bonus/save/general/q462");
        assertThat(forms.select("input[type=hidden][name=useful]").eachAttr("value"))
                .containsExactly("true", "false");
        assertThat(doc.select(".vote > form button").text()).isEqualTo("Да");
        assertThat(doc.select(".vote > form button").attr("aria-label")).isEqualTo("Да, ответ полезен");
        // "no" opens a disclosure with the reasons and a comment box: a <details>, no script needed
        var no = doc.select(".vote details");
        assertThat(no.select("summary").text()).isEqualTo("Нет");
        assertThat(no.select("summary").attr("aria-label")).isEqualTo("Нет, ответ не помог");
        assertThat(no.select("input[type=radio][name=reason]").eachAttr("value"))
                .containsExactly("no_answer", "unclear", "outdated", "other");
        assertThat(no.select("fieldset label").eachText())
                .containsExactly(
                        "Нет ответа на мой вопрос", "Сложно понять", "Информация устарела или неверна", "Другое");
        assertThat(no.select("textarea[name=comment]").attr("maxlength")).isEqualTo("1000");
        assertThat(no.select("label[for=vote-comment]")).hasSize(1);
        assertThat(doc.select(".vote").text()).contains("Был ли ответ полезен?");
        assertThat(doc.select(".answer-meta").text())
                .contains("Обновлено 22.04.2025")
                .contains("75%");
    }

    @Test
    void importedUsefulnessRatioIsShownAndAbsentUsefulnessIsHidden() {
        assertThat(page("/client/ru/bonus/save/general/q456")
                        .select(".answer-meta")
                        .text())
                .contains("89%");
        assertThat(page("/client/kz/bonus/spend/q600").select(".answer-meta").text())
                .doesNotContain("%");
    }

    @Test
    void metaOverridesNameTheTitleAndH1() {
        Document doc = page("/client/ru/bonus/spend/q600");
        assertThat(doc.select("h1").text()).isEqualTo("Как потратить бонусы на покупки");
        assertThat(doc.title()).isEqualTo("Списание бонусов — komek");
        assertThat(doc.select("meta[name=description]").attr("content")).isEqualTo("Как оплатить покупку бонусами");
        assertThat(breadcrumbs(doc)).last().isEqualTo("Как потратить бонусы?");
    }

    @Test
    void theAnswerArrivesAsMarkupRenderedForOnePlatform() {
        HttpResponse<String> r = app.get("/client/kz/bonus/save/general/q462");
        Document doc = Jsoup.parse(r.body());
        assertThat(doc.select(".answer-body p")).isNotEmpty();
        assertThat(r.body()).doesNotContain("&lt;p&gt;").doesNotContain("mobileApp_only");
    }

    @Test
    void localeSwitchFallsBackToTheNearestPageThatExists() {
        // the question has no Russian text: its section
        assertThat(localeSwitch(page("/client/kz/bonus/save/general/q553"))).isEqualTo("/client/ru/bonus/save/general");
        // the section is Kazakh only: its parent
        assertThat(localeSwitch(page("/client/kz/bonus/kzonly"))).isEqualTo("/client/ru/bonus");
        assertThat(localeSwitch(page("/client/kz/bonus/kzonly/q900"))).isEqualTo("/client/ru/bonus");
    }

    @Test
    void questionUnderAnotherPathRedirectsToItsOwnKeepingTheQuery() {
        HttpResponse<String> r = app.get("/client/kz/bonus/spend/q462?platform=mobile&x=1");
        assertThat(r.statusCode()).isEqualTo(301);
        assertThat(r.headers().firstValue("Location"))
                .hasValue("/client/kz/bonus/save/general/q462?platform=mobile&x=1");
        HttpResponse<String> bare = app.get("/client/ru/bonus/q462");
        assertThat(bare.statusCode()).isEqualTo(301);
        assertThat(bare.headers().firstValue("Location")).hasValue("/client/ru/bonus/save/general/q462");
    }

    @Test
    void crossListedCopyIsServedUnderItsOwnSection() {
        Document doc = page("/client/ru/bonus/spend/q17562");
        assertThat(doc.select("h1").text()).isEqualTo("Дают ли бонусы за отзыв?");
        assertThat(app.get("/client/ru/shop/comment/q17562").statusCode()).isEqualTo(301);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "/nosuchsite/ru/",
                "/client/en/",
                "/client/KZ/",
                "/client/ru/nosuch",
                "/client/ru/bonus/nosuch",
                "/client/ru/bonus/save/general/nosuch",
                "/client/ru/bonus/save/general/extra/deep",
                "/client/ru/bonus/kzonly",
                "/client/ru/bonus/save/general/q99999",
                "/client/ru/bonus/save/general/q99999999999999999999",
                "/client/ru/bonus/save/general/q0",
                "/client/ru/bonus/save/general/q999",
                "/client/kz/bonus/save/general/q999",
                "/client/ru/bonus/save/general/q553",
                "/partner/ru/bonus/save/general/q462",
                "/partner/ru/pay/qr/q462",
                "/client/ru/pay/qr/q801",
                "/client/kz/Bonus",
                "/client/kz/bonus/save/q",
                "/client/kz/q12a",
            })
    void unknownOrUnpublishedPagesAre404(String path) {
        HttpResponse<String> r = app.get(path);
        assertThat(r.statusCode()).as(path).isEqualTo(404);
        assertThat(r.body()).doesNotContain("Exception");
    }

    /** Jetty may refuse some of these itself (400); what matters is that none reaches a 500. */
    @ParameterizedTest
    @ValueSource(strings = {"/client/kz/%00", "/client/kz/bonus/%2e%2e", "/client/kz/bonus//save", "/client/kz/%ff%fe"})
    void hostilePathsAreClientErrors(String path) {
        assertThat(app.get(path).statusCode()).as(path).isIn(400, 404);
    }

    @Test
    void veryLongPathIs404() {
        String path = "/client/kz/" + "a".repeat(3000) + "/" + "b/".repeat(200) + "q1";
        assertThat(app.get(path).statusCode()).isEqualTo(404);
    }

    @Test
    void stylesheetIsServed() {
        HttpResponse<String> r = app.get("/static/komek.css");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).contains(":focus-visible");
    }

    @Test
    void notFoundPageIsInTheUrlsLocale() {
        HttpResponse<String> r = app.get("/client/kz/nosuch");
        assertThat(r.statusCode()).isEqualTo(404);
        Document doc = Jsoup.parse(r.body());
        assertThat(doc.select("html").attr("lang")).isEqualTo("kk-KZ");
        assertThat(doc.select("h1").text()).isEqualTo("Бет табылмады");
        assertThat(doc.select("main")).hasSize(1);
    }
}
