package kz.komek.search;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import kz.komek.bundle.BundleJson;
import kz.komek.testing.TestApp;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The readers' search page over real HTTP on a real database: pages of results, each result's section path, one
 * search form, the page for nothing found, the reader's language first, and the app's platform kept in every link.
 */
class SearchPageTest {
    /** Questions in both languages about transfers ("перевод" / "аударым"): three pages of results. */
    static final int TRANSFERS = 45;

    /** Questions with a Kazakh text only, about transfers too: found from the Russian page through translation. */
    static final int KAZAKH_ONLY = 4;

    private static TestApp app;
    private static final ObjectMapper JSON = new ObjectMapper();

    @BeforeAll
    static void start() throws Exception {
        app = TestApp.empty();
        app.app().bundles().importBundle(new BundleJson().read(bundle().toString()), List.of());
        app.app().syncSearch();
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    /**
     * One site; three products, each with its "Общие вопросы" / "Жалпы сұрақтар" theme (the same leaf title under
     * every product), one with a subtheme; {@value #TRANSFERS} transfer questions in both languages spread over them,
     * {@value #KAZAKH_ONLY} in Kazakh only, and a few others.
     */
    static ObjectNode bundle() {
        ObjectNode b = JSON.createObjectNode();
        b.put("format", "komek-bundle/1");
        b.putArray("locales").add("ru").add("kz");
        b.put("default_locale", "ru");
        ObjectNode site = b.putArray("sites").addObject().put("slug", "client");
        site.putObject("title").put("ru", "Клиентам").put("kz", "Клиенттерге");
        ArrayNode sections = b.putArray("sections");
        String[][] s = {
            {"cards", "Карты", "Карталар"},
            {"cards/general", "Общие вопросы", "Жалпы сұрақтар"},
            {"cards/general/fees", "Комиссии", "Комиссиялар"},
            {"deposit", "Депозиты", "Депозиттер"},
            {"deposit/general", "Общие вопросы", "Жалпы сұрақтар"},
            {"bonus", "Бонусы", "Бонустар"},
            {"bonus/general", "Общие вопросы", "Жалпы сұрақтар"},
        };
        for (int i = 0; i < s.length; i++) {
            ObjectNode section = sections.addObject()
                    .put("site", "client")
                    .put("path", s[i][0])
                    .put("position", i);
            section.putObject("title").put("ru", s[i][1]).put("kz", s[i][2]);
        }
        String[] where = {"cards/general/fees", "deposit/general", "bonus/general"};
        String[][] targets = {
            {"на карту", "картаға"},
            {"по номеру телефона", "телефон нөмірі бойынша"},
            {"за границу", "шетелге"},
            {"на депозит", "депозитке"},
            {"между своими счетами", "өз шоттарым арасында"},
        };
        String[][] when = {
            {"ночью", "түнде"},
            {"в выходные", "демалыс күндері"},
            {"без комиссии", "комиссиясыз"},
            {"из приложения", "қосымшадан"},
            {"с кредитной карты", "кредит картасынан"},
            {"в праздники", "мереке күндері"},
            {"регулярно", "тұрақты түрде"},
            {"в другой валюте", "басқа валютада"},
            {"на большую сумму", "үлкен сомаға"},
        };
        ArrayNode questions = b.putArray("questions");
        long id = 1000;
        for (int i = 0; i < TRANSFERS; i++) {
            String[] t = targets[i % targets.length];
            String[] w = when[i / targets.length];
            ObjectNode q = question(questions, ++id, where[i % where.length], i);
            text(
                    q,
                    "ru",
                    "Как сделать перевод " + t[0] + " " + w[0] + "?",
                    "Перевод " + t[0] + " " + w[0]
                            + " делается в приложении: выберите получателя и сумму, затем подтвердите.");
            text(
                    q,
                    "kz",
                    "Аударымды " + t[1] + " " + w[1] + " қалай жасауға болады?",
                    "Аударым " + t[1] + " " + w[1] + " қосымшада жасалады: алушыны және соманы таңдап, растаңыз.");
        }
        for (int i = 0; i < KAZAKH_ONLY; i++) {
            ObjectNode q = question(questions, 2001 + i, where[i % where.length], 100 + i);
            String[] w = when[i];
            text(
                    q,
                    "kz",
                    "Аударымды " + w[1] + " жіберу неге кешігеді?",
                    "Аударым " + w[1]
                            + " банктің тексеруіне байланысты кешігуі мүмкін. Ақшаны аудару туралы хабарлама келеді.");
        }
        // Questions about other things, so that transfers are not in nearly every question: in a help center where
        // one word is in every text it says nothing, and its translation in the other language's few texts would
        // then outweigh it by far.
        String[][] actions = {
            {"открыть", "ашуға"}, {"закрыть", "жабуға"}, {"пополнить", "толтыруға"},
            {"изменить", "өзгертуге"}, {"проверить", "тексеруге"}, {"заблокировать", "бұғаттауға"},
        };
        String[][] objects = {
            {"депозит", "Депозитті", "deposit/general"}, {"счёт", "Шотты", "deposit/general"},
            {"кредит", "Кредитті", "deposit/general"}, {"выписку", "Үзінді көшірмені", "deposit/general"},
            {"пин-код", "Пин-кодты", "cards/general"}, {"лимит", "Лимитті", "cards/general"},
            {"автоплатёж", "Автотөлемді", "cards/general"}, {"тариф", "Тарифті", "cards/general/fees"},
            {"бонусный счёт", "Бонус шотын", "bonus/general"}, {"подписку", "Жазылымды", "bonus/general"},
        };
        for (int i = 0; i < actions.length * objects.length; i++) {
            String[] a = actions[i % actions.length];
            String[] o = objects[i / actions.length];
            ObjectNode q = question(questions, 3001 + i, o[2], 200 + i);
            text(
                    q,
                    "ru",
                    "Как " + a[0] + " " + o[0] + "?",
                    "Чтобы " + a[0] + " " + o[0] + ", откройте приложение и выберите нужный раздел.");
            text(
                    q,
                    "kz",
                    o[1] + " қалай " + a[1] + " болады?",
                    o[1] + " " + a[1] + " болады: қосымшаны ашып, қажетті бөлімді таңдаңыз.");
        }
        ObjectNode fee = question(questions, 4001, "cards/general/fees", 300);
        text(fee, "ru", "Какая комиссия за снятие наличных?", "Комиссия за снятие наличных зависит от тарифа.");
        text(fee, "kz", "Қолма-қол ақша алу комиссиясы қанша?", "Қолма-қол ақша алу комиссиясы тарифке байланысты.");
        return b;
    }

    private static ObjectNode question(ArrayNode questions, long id, String section, int position) {
        return questions
                .addObject()
                .put("id", id)
                .put("site", "client")
                .put("section", section)
                .put("position", position)
                .put("pinned", false)
                .put("canonical", "/" + section + "/q" + id);
    }

    private static void text(ObjectNode question, String locale, String title, String answer) {
        ObjectNode locales =
                question.has("locales") ? (ObjectNode) question.get("locales") : question.putObject("locales");
        locales.putObject(locale)
                .put("title", title)
                .put("content", "<p>" + answer + "</p>")
                .put("updated", "2024-01-01")
                .put("published", "2024-01-01T10:00:00.000000");
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static Document search(String locale, String q, String more) {
        return app.page("/client/" + locale + "/search?q=" + enc(q) + more);
    }

    private static List<Element> results(Document doc) {
        return doc.select("ol.search-results > li");
    }

    /** The ids of the results, from their links through the search page ({@code …&open=ID&lang=…}). */
    private static List<Long> ids(Document doc) {
        var out = new ArrayList<Long>();
        for (Element li : results(doc)) {
            String href = li.selectFirst("a.search-result-title").attr("href");
            var m = java.util.regex.Pattern.compile("[?&]open=(\\d+)").matcher(href);
            assertThat(m.find()).as(href).isTrue();
            out.add(Long.parseLong(m.group(1)));
        }
        return out;
    }

    private static Element pager(Document doc) {
        return doc.selectFirst("nav.pager");
    }

    @Test
    void resultsComeTwentyAPageWithLinksToThePages() {
        Document first = search("ru", "перевод", "");
        int total = TRANSFERS + KAZAKH_ONLY;
        assertThat(results(first)).hasSize(20);
        assertThat(first.selectFirst(".search-summary").text()).startsWith("Результаты 1–20 из " + total);
        Element nav = pager(first);
        assertThat(nav).isNotNull();
        assertThat(nav.attr("aria-label")).isEqualTo("Страницы результатов");
        assertThat(nav.select("a[aria-current=page]")).hasSize(1);
        assertThat(nav.selectFirst("a[aria-current=page]").text()).isEqualTo("1");
        assertThat(nav.selectFirst("a[aria-current=page]").attr("aria-label")).isEqualTo("Страница 1");
        assertThat(nav.select("a[rel=prev]")).isEmpty();
        assertThat(nav.selectFirst("a[rel=next]").attr("href"))
                .isEqualTo("/client/ru/search?q=" + enc("перевод") + "&page=2");
        assertThat(nav.select("a:not([rel])").eachText()).containsExactly("1", "2", "3");

        Document second = app.page(nav.selectFirst("a[rel=next]").attr("href"));
        assertThat(results(second)).hasSize(20);
        assertThat(second.selectFirst("ol.search-results").attr("start")).isEqualTo("21");
        assertThat(second.selectFirst(".search-summary").text()).startsWith("Результаты 21–40 из " + total);
        assertThat(second.title()).contains("страница 2");
        assertThat(pager(second).selectFirst("a[aria-current=page]").text()).isEqualTo("2");
        assertThat(pager(second).selectFirst("a[rel=prev]").attr("href"))
                .isEqualTo("/client/ru/search?q=" + enc("перевод"));

        Document third = app.page(pager(second).selectFirst("a[rel=next]").attr("href"));
        assertThat(results(third)).hasSize(total - 40);
        assertThat(pager(third).select("a[rel=next]")).isEmpty();
        assertThat(third.selectFirst(".search-summary").text()).startsWith("Результаты 41–" + total + " из " + total);

        // the pages are slices of one ranking: every result once, and the same again (from the result cache)
        var all = new ArrayList<Long>();
        all.addAll(ids(first));
        all.addAll(ids(second));
        all.addAll(ids(third));
        assertThat(new HashSet<>(all)).hasSize(total);
        assertThat(ids(search("ru", "перевод", "&page=2"))).isEqualTo(ids(second));
        assertThat(ids(search("ru", "перевод", ""))).isEqualTo(ids(first));
    }

    @Test
    void aResultFitsOnOnePageWithoutAPager() {
        Document doc = search("ru", "автоплатёж", "");
        assertThat(results(doc)).isNotEmpty().hasSizeLessThan(20);
        assertThat(pager(doc)).isNull();
        assertThat(doc.selectFirst(".search-summary").text())
                .startsWith("Найдено: " + results(doc).size());
    }

    @Test
    void theKazakhPageSaysItsPagesInKazakh() {
        Document doc = search("kz", "аударым", "&page=2");
        assertThat(pager(doc).attr("aria-label")).isEqualTo("Нәтиже беттері");
        assertThat(pager(doc).selectFirst("a[aria-current=page]").attr("aria-label"))
                .isEqualTo("2-бет");
        assertThat(pager(doc).selectFirst("a[rel=prev]").text()).isEqualTo("Алдыңғы");
        assertThat(doc.selectFirst(".search-summary").text()).startsWith("Нәтижелер: 21–40 (барлығы ");
    }

    @Test
    void aPageThatIsNoneIsRefusedOrSentToTheLast() {
        String base = "/client/ru/search?q=" + enc("перевод");
        for (String bad : new String[] {"abc", "0", "-1", "1.5", "2e3", "%20"}) {
            var r = app.get(base + "&page=" + bad);
            assertThat(r.statusCode()).as("page=" + bad).isEqualTo(400);
            assertThat(r.body()).as("page=" + bad).contains("page must be a whole number from 1");
        }
        for (String past : new String[] {"4", "11", "99", "2147483648", "99999999999999999999999999"}) {
            var r = app.get(base + "&page=" + past);
            assertThat(r.statusCode()).as("page=" + past).isEqualTo(302);
            assertThat(r.headers().firstValue("Location")).as("page=" + past).hasValue(base + "&page=3");
        }
        // nothing found has one page: the first
        var none = app.get("/client/ru/search?q=" + enc("ъъъъ") + "&page=2");
        assertThat(none.statusCode()).isEqualTo(302);
        assertThat(none.headers().firstValue("Location")).hasValue("/client/ru/search?q=" + enc("ъъъъ"));
        assertThat(search("ru", "перевод", "&page=03")
                        .selectFirst("ol.search-results")
                        .attr("start"))
                .isEqualTo("41");
    }

    @Test
    void eachResultNamesItsSectionsPathInTheReadersLanguage() {
        Document ru = search("ru", "перевод", "");
        var paths = new HashSet<String>();
        for (Element li : results(ru)) {
            Element section = li.selectFirst(".search-result-section");
            assertThat(section).as(li.text()).isNotNull();
            assertThat(section.selectFirst(".visually-hidden").text()).isEqualTo("Раздел:");
            paths.add(section.select(".search-result-step").eachText().toString());
            // seen: "Карты › Общие вопросы › Комиссии"; heard: "Раздел: Карты, Общие вопросы, Комиссии"
            assertThat(section.select(".search-result-sep [aria-hidden=true]").eachText())
                    .allSatisfy(sep -> assertThat(sep).isEqualTo("›"));
            assertThat(section.select(".search-result-sep .visually-hidden").eachText())
                    .allSatisfy(sep -> assertThat(sep).isEqualTo(","));
        }
        assertThat(paths)
                .contains("[Карты, Общие вопросы, Комиссии]", "[Депозиты, Общие вопросы]", "[Бонусы, Общие вопросы]");

        Document kz = search("kz", "аударым", "");
        var kzPaths = kz.select(".search-result-section").stream()
                .map(p -> p.select(".search-result-step").eachText().toString())
                .toList();
        assertThat(kz.selectFirst(".search-result-section .visually-hidden").text())
                .isEqualTo("Бөлім:");
        assertThat(kzPaths).contains("[Депозиттер, Жалпы сұрақтар]", "[Карталар, Жалпы сұрақтар, Комиссиялар]");
    }

    @Test
    void theSearchPageHasOneSearchFormWithTheQuery() {
        Document doc = search("ru", "перевод", "");
        assertThat(doc.select("form[role=search]")).hasSize(1);
        assertThat(doc.select("input[name=q]")).hasSize(1);
        Element form = doc.selectFirst("form[role=search]");
        assertThat(form.attr("action")).isEqualTo("/client/ru/search");
        assertThat(form.selectFirst("input[name=q]").attr("value")).isEqualTo("перевод");
        assertThat(form.select("input[name=platform]")).isEmpty();
        assertThat(app.page("/client/ru/search").select("form[role=search]")).hasSize(1);
        // the other pages keep the header's form
        Document home = app.page("/client/ru/");
        assertThat(home.select("header form[role=search]")).hasSize(1);
        assertThat(home.select("script[src=/static/suggest.js][defer]")).hasSize(1);
    }

    @Test
    void nothingFoundOffersOtherSpellingsPopularQuestionsAndTheChat() {
        // two edits from "комиссия": too far for typo tolerance, near enough for the spell checker
        Document doc = search("ru", "камисия", "");
        assertThat(results(doc)).isEmpty();
        Element nothing = doc.selectFirst(".search-nothing");
        assertThat(nothing.selectFirst("h2").text()).isEqualTo("По запросу «камисия» ничего не нашлось.");
        var spellings = nothing.select(".search-spellings a");
        assertThat(spellings).isNotEmpty();
        assertThat(spellings.size()).isLessThanOrEqualTo(SearchResults.SPELLINGS);
        assertThat(spellings.eachText()).contains("комиссия");
        assertThat(spellings.first().attr("href")).startsWith("/client/ru/search?q=");
        assertThat(app.page(spellings.first().attr("href")).select("ol.search-results > li"))
                .isNotEmpty();
        assertThat(nothing.select(".search-tips li")).hasSize(2);
        // the hand-off: the reader describes the question (the query is its start) before the chat (decision 0045)
        Element handoff = nothing.selectFirst("form.search-chat");
        assertThat(handoff.attr("method")).isEqualTo("post");
        assertThat(handoff.attr("action")).isEqualTo("/client/ru/ask");
        assertThat(handoff.selectFirst("textarea[name=message]").text()).isEqualTo("камисия");

        var popular = doc.select(".search-popular a");
        assertThat(doc.selectFirst(".search-popular h2").text()).isEqualTo("Популярные вопросы");
        assertThat(popular).hasSizeBetween(1, SearchPageModels.POPULAR);
        assertThat(popular.first().attr("href")).matches("/client/ru/[a-z/]+/q\\d+");
        assertThat(app.get(popular.first().attr("href")).statusCode()).isEqualTo(200);

        Document kz = search("kz", "ъъъъ", "");
        assertThat(kz.selectFirst(".search-nothing h2").text()).isEqualTo("«ъъъъ» сұрауы бойынша ештеңе табылмады.");
        assertThat(kz.selectFirst(".search-popular h2").text()).isEqualTo("Танымал сұрақтар");
        assertThat(kz.select(".search-tips li").eachText())
                .containsExactly("Сұрауда қате жоқ па, тексеріңіз.", "Басқа сөздермен немесе қысқарақ жазып көріңіз.");
        assertThat(kz.selectFirst(".search-chat label").text()).startsWith("Жауап таппадыңыз ба?");
        assertThat(kz.selectFirst("form.search-chat").attr("action")).isEqualTo("/client/kz/ask");
    }

    /**
     * The Kazakh-only questions are found from the Russian page through the translation of "перевод", which is rarer
     * among the Kazakh texts and weighs more than the word typed: by score alone they came first, far above the
     * Russian titles (decision 0038 has the figures). Now they come after them, on the page and in the API alike;
     * one that matches more of the query than the Russian results still leads.
     */
    @Test
    void theReadersLanguageComesFirst() throws Exception {
        var pages = new ArrayList<Element>();
        for (String page : new String[] {"", "&page=2", "&page=3"}) {
            pages.addAll(results(search("ru", "перевод", page)));
        }
        List<Boolean> fallback =
                pages.stream().map(li -> !li.select(".badge").isEmpty()).toList();
        assertThat(fallback.subList(0, TRANSFERS))
                .as("the Russian results first")
                .doesNotContain(true);
        assertThat(fallback.subList(TRANSFERS, TRANSFERS + KAZAKH_ONLY)).doesNotContain(false);
        Element last = pages.get(pages.size() - 1);
        assertThat(last.selectFirst(".badge").text()).isEqualTo("на казахском");
        assertThat(last.selectFirst("a").attr("lang")).isEqualTo("kk-KZ");

        JsonNode api = JSON.readTree(app.get("/api/v1/search?site=client&locale=ru&limit=20&q=" + enc("перевод"))
                .body());
        var apiIds = new ArrayList<Long>();
        api.get("results").forEach(r -> apiIds.add(r.get("id").asLong()));
        assertThat(apiIds).isEqualTo(ids(search("ru", "перевод", "")));

        // all three words ("задерживается" is "кешігеді", "выходные" "демалыс"): better than any Russian result
        Document delayed = search("ru", "перевод задерживается в выходные", "");
        assertThat(ids(delayed).get(0)).isEqualTo(2002L);
        assertThat(results(delayed).get(0).select(".badge")).hasSize(1);
        assertThat(results(delayed).get(1).select(".badge")).isEmpty();
    }

    @Test
    void inTheAppEveryLinkOfTheSearchPageKeepsThePlatform() {
        for (String q : new String[] {"перевод", "камисия"}) {
            for (String page : new String[] {"", "&page=2"}) {
                if (q.equals("камисия") && !page.isEmpty()) {
                    continue;
                }
                Document doc = search("ru", q, page + "&platform=app");
                var links = doc.select("main a[href^=/]");
                assertThat(links).as(q + page).isNotEmpty();
                assertThat(links.eachAttr("href"))
                        .as(q + page)
                        .allSatisfy(h -> assertThat(h).contains("platform=app"));
                assertThat(doc.select("form[role=search] input[type=hidden][name=platform]")
                                .attr("value"))
                        .isEqualTo("app");
            }
        }
        Document doc = search("ru", "перевод", "&platform=app");
        assertThat(doc.select("nav.pager a").eachAttr("href"))
                .allSatisfy(h -> assertThat(h).contains("platform=app"));
        var open = app.get(doc.selectFirst("a.search-result-title").attr("href"));
        assertThat(open.statusCode()).isEqualTo(303);
        assertThat(open.headers().firstValue("Location"))
                .hasValueSatisfying(l -> assertThat(l).startsWith("/client/").endsWith("?platform=app"));
        // past the last page, the app stays the app
        var past = app.get("/client/ru/search?q=" + enc("перевод") + "&page=9&platform=app");
        assertThat(past.headers().firstValue("Location"))
                .hasValueSatisfying(l -> assertThat(l).contains("page=3").contains("platform=app"));
        // a browser's links stay clean
        assertThat(search("ru", "перевод", "").select("a[href*=platform]")).isEmpty();
    }
}
