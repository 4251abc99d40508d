package kz.komek.content;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import kz.komek.i18n.Locale;
import org.junit.jupiter.api.Test;

class AnswerRendererTest {
    private final AnswerRenderer renderer = new AnswerRenderer(ContentConfig.defaults());

    private String desktop(String html) {
        return renderer.render(html, Platform.DESKTOP, Locale.RU);
    }

    private String mobile(String html) {
        return renderer.render(html, Platform.MOBILE, Locale.RU);
    }

    private String app(String html) {
        return renderer.render(html, Platform.APP, Locale.RU);
    }

    private static final String THREE_WAYS = "<p>Откройте <span class=\"mobileApp_only\">раздел в приложении</span>"
            + "<span class=\"mobile_only\">мобильный сайт</span><span class=\"desktop_only\">сайт</span>.</p>";

    @Test
    void eachPlatformGetsExactlyItsOwnVariant() {
        assertThat(desktop(THREE_WAYS)).isEqualTo("<p>Откройте сайт.</p>");
        assertThat(mobile(THREE_WAYS)).isEqualTo("<p>Откройте мобильный сайт.</p>");
        assertThat(app(THREE_WAYS)).isEqualTo("<p>Откройте раздел в приложении.</p>");
    }

    @Test
    void variantsWorkNestedInListsWithMoreClassesAndAcrossBlocks() {
        String html = "<ul><li>Шаг 1: <span class=\"mobileApp_only mobileApp-text\">нажмите <b>Платежи</b></span>"
                + "<span class=\"desktop_only\">войдите на сайт</span></li>"
                + "<li><div class=\"mobile_only note\">Только на телефоне</div></li></ul>";
        assertThat(app(html)).isEqualTo("<ul><li>Шаг 1: нажмите <b>Платежи</b></li><li></li></ul>");
        assertThat(desktop(html)).isEqualTo("<ul><li>Шаг 1: войдите на сайт</li><li></li></ul>");
        assertThat(mobile(html))
                .isEqualTo("<ul><li>Шаг 1: </li><li><div class=\"note\">Только на телефоне</div></li></ul>");
    }

    @Test
    void aMacroLinkInsideALinkGivesItsWordsToThatLink() {
        // found by AnswerRendererFuzzTest: a second <a> inside the first, which a browser splits in two
        String page = "<p><a href=\"/client/ru/bonus\">%вставка остались_вопросы(Напишите нам)%</a></p>";
        assertThat(desktop(page)).isEqualTo("<p><a href=\"/client/ru/bonus\">Напишите нам</a></p>");
        String appScreen = "<p><a href=\"/help\">%вставка остались_вопросы(Напишите нам)%</a></p>";
        assertThat(app(appScreen)).isEqualTo("<p><a href=\"komek-app://help\">Напишите нам</a></p>");
        // where the web drops the app link, the macro's own link stays
        assertThat(desktop(appScreen)).contains("<a href=\"https://komek.example/chat?lang=ru\"");
    }

    @Test
    void aPlatformClassWithAControlCharacterInItIsStillThatPlatformsClass() {
        // found by AnswerRendererFuzzTest: the control character was dropped on output, so the app's marker (and
        // its words) reached the desktop page
        String html = "<p>A<span class=\"mobileApp\u0012_only\">app</span>B</p>";
        assertThat(desktop(html)).isEqualTo("<p>AB</p>");
        assertThat(app(html)).isEqualTo("<p>AappB</p>");
    }

    @Test
    void aStyleIsJudgedAsItIsWrittenWithoutItsControlCharacters() {
        // found by AnswerRendererFuzzTest in CI: "pos\u0001ition" passed the style check, then the writer dropped
        // the control character and the cell came out as position:fixed
        String html = "<table><tr><td style=\"pos\u0001ition:fixed;top:0\">x</td></tr></table>";
        assertThat(desktop(html)).doesNotContain("style").contains("<td>x</td>");
        assertThat(desktop("<p style=\"color:\u0001red\">x</p>")).isEqualTo("<p style=\"color:red\">x</p>");
    }

    @Test
    void aStylePropertySplitByWhitespaceOrCommentsIsStillRefused() {
        // found by AnswerRendererFuzzTest in CI: "positi\non" is not position to a browser, but the check must not
        // depend on how a browser splits words
        for (String style :
                List.of("pos\u0001iti\non:fixed;top:0", "posi tion:fixed", "posi/**/tion:fixed", "url (x)")) {
            assertThat(desktop("<td style=\"" + style + "\">x</td>")).as(style).doesNotContain("style");
        }
        assertThat(desktop("<p style=\"text-align: center\">x</p>")).isEqualTo("<p style=\"text-align: center\">x</p>");
    }

    @Test
    void aSpanForTwoPlatformsShowsOnBoth() {
        String html =
                "<p><span class=\"mobile_only desktop_only\">на сайте</span><span class=\"mobileApp_only\">здесь</span></p>";
        assertThat(desktop(html)).isEqualTo("<p>на сайте</p>");
        assertThat(mobile(html)).isEqualTo("<p>на сайте</p>");
        assertThat(app(html)).isEqualTo("<p>здесь</p>");
    }

    @Test
    void strayAndUnbalancedMarkupIsRepairedNotEchoed() {
        String html = "<p>Текст <span class=\"desktop_only\">для сайта<p>второй</div></span> конец";
        String out = desktop(html);
        assertThat(out)
                .doesNotContain("desktop_only")
                .contains("для сайта")
                .contains("второй")
                .contains("конец");
        assertThat(app(html)).doesNotContain("для сайта");
    }

    @Test
    void theAppLinkMacroIsTextInTheAppAndALinkOnTheWeb() {
        String html = "<p>Оформите %вставка ссылка_приложения(в приложении Dala.kz)%.</p>";
        assertThat(app(html)).isEqualTo("<p>Оформите в приложении Dala.kz.</p>");
        assertThat(mobile(html))
                .isEqualTo(
                        "<p>Оформите <a href=\"https://komek.example/app/open\" class=\"macro-app\" target=\"_blank\" "
                                + "rel=\"noopener noreferrer\">в приложении Dala.kz</a>.</p>");
        assertThat(desktop(html)).contains("href=\"https://komek.example/app\"").contains(">в приложении Dala.kz</a>");
    }

    @Test
    void theChatMacroUsesTheLocaleDefaultTextWhenEmpty() {
        String html = "<p>Напишите нам: %вставка остались_вопросы()%</p>";
        assertThat(app(html))
                .isEqualTo("<p>Напишите нам: <a href=\"komek-app://chat\" class=\"macro-chat\">Написать в чат</a></p>");
        assertThat(renderer.render(html, Platform.DESKTOP, Locale.KZ))
                .contains("href=\"https://komek.example/chat?lang=kz\"")
                .contains(">Чатқа жазу</a>");
    }

    @Test
    void macroNamesAreTrimmedAndAliasesWork() {
        assertThat(app("<p>%вставка  остались_вопросы ( Спросить )%</p>")).contains(">Спросить</a>");
        assertThat(app("<p>%вставка chat()%</p>")).contains("komek-app://chat");
    }

    @Test
    void unknownAndBrokenMacrosNeverReachTheReader() {
        assertThat(desktop("<p>%вставка калькулятор_комиссии(расчёт)% и %вставка qr_код()%</p>"))
                .isEqualTo("<p>расчёт и </p>");
        assertThat(desktop("<p>Пишите %вставка остались_вопросы( нам</p>"))
                .doesNotContain("вставка")
                .contains("нам");
    }

    @Test
    void macroArgumentsAndTextAreEscaped() {
        String out = desktop("<p>%вставка ссылка_приложения(&lt;img src=x onerror=alert(1)&gt;)%</p>");
        assertThat(out).doesNotContain("<img").contains("&lt;img src=x onerror=alert(1)&gt;");
    }

    @Test
    void appRelativeLinksBecomeDeepLinksInTheAppAndTextWithoutAWebEquivalent() {
        String html = "<p>Смотрите <a href=\"/bank/bonus?fromDashboard=true\">Бонусы</a>.</p>";
        assertThat(app(html))
                .isEqualTo("<p>Смотрите <a href=\"komek-app://bank/bonus?fromDashboard=true\">Бонусы</a>.</p>");
        assertThat(desktop(html)).isEqualTo("<p>Смотрите Бонусы.</p>");
    }

    @Test
    void appRelativeLinksUseTheConfiguredWebEquivalent() {
        var config = ContentConfig.parse(
                new com.fasterxml.jackson.databind.ObjectMapper()
                        .createObjectNode()
                        .set(
                                "app_links",
                                new com.fasterxml.jackson.databind.ObjectMapper()
                                        .createObjectNode()
                                        .put("deep_link_base", "dala://")
                                        .put("web_base", "https://dala.kz")
                                        .set(
                                                "web",
                                                new com.fasterxml.jackson.databind.ObjectMapper()
                                                        .createObjectNode()
                                                        .put("/bank/bonus", "https://dala.kz/bonus"))),
                "test");
        var r = new AnswerRenderer(config);
        assertThat(r.render("<a href=\"/bank/bonus?fromDashboard=true\">x</a>", Platform.DESKTOP, Locale.RU))
                .isEqualTo("<a href=\"https://dala.kz/bonus\">x</a>");
        assertThat(r.render("<a href=\"/shop/orders?fromDashboard=true\">x</a>", Platform.MOBILE, Locale.RU))
                .isEqualTo("<a href=\"https://dala.kz/shop/orders?fromDashboard=true\">x</a>");
        assertThat(r.render("<a href=\"/shop/orders\">x</a>", Platform.APP, Locale.RU))
                .isEqualTo("<a href=\"dala://shop/orders\">x</a>");
    }

    @Test
    void externalLinksOpenInANewTabAndKomekLinksStay() {
        assertThat(desktop("<a href=\"https://dala.kz/shop/\" target=\"_self\">Магазин</a>"))
                .isEqualTo(
                        "<a href=\"https://dala.kz/shop/\" target=\"_blank\" rel=\"noopener noreferrer\">Магазин</a>");
        assertThat(desktop("<a href=\"/client/ru/bonus/q456\">вопрос</a>"))
                .isEqualTo("<a href=\"/client/ru/bonus/q456\">вопрос</a>");
        assertThat(app("<a href=\"/client/ru/bonus/q456\">вопрос</a>"))
                .isEqualTo("<a href=\"/client/ru/bonus/q456\">вопрос</a>");
    }

    @Test
    void nobrKeepsItsMeaningInValidHtml() {
        assertThat(desktop("<p>Стоимость — <nobr>0 ₸</nobr></p>"))
                .isEqualTo("<p>Стоимость — <span class=\"nobr\">0 ₸</span></p>");
    }

    @Test
    void emptySpacerParagraphsAreTidied() {
        assertThat(desktop("<p>Один</p>\n<p> </p>\n<p>&nbsp;</p><p><br></p><p>Два</p>"))
                .isEqualTo("<p>Один</p>\n\n<p>Два</p>");
    }

    @Test
    void platformComesFromTheParameterThenTheUserAgent() {
        var tokens = List.of("KomekApp");
        String iphone = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 Mobile/15E148";
        String android = "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 Chrome/120 Mobile Safari/537.36";
        String windows = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 Chrome/120 Safari/537.36";
        assertThat(Platform.of(null, iphone, tokens)).isEqualTo(Platform.MOBILE);
        assertThat(Platform.of(null, android, tokens)).isEqualTo(Platform.MOBILE);
        assertThat(Platform.of(null, windows, tokens)).isEqualTo(Platform.DESKTOP);
        assertThat(Platform.of(null, android + " KomekApp/5.2", tokens)).isEqualTo(Platform.APP);
        assertThat(Platform.of(null, null, tokens)).isEqualTo(Platform.DESKTOP);
        assertThat(Platform.of("app", windows, tokens)).isEqualTo(Platform.APP);
        assertThat(Platform.of("Mobile", windows, tokens)).isEqualTo(Platform.MOBILE);
        assertThatThrownBy(() -> Platform.of("tv", windows, tokens)).hasMessageContaining("desktop, mobile or app");
    }
}
