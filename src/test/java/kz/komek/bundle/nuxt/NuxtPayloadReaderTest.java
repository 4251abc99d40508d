package kz.komek.bundle.nuxt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import kz.komek.bundle.Bundle;
import kz.komek.bundle.BundleException;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class NuxtPayloadReaderTest {
    private static final String SEED = "/demo/kz-bonus-save-general.payload.txt";
    private static final String ROUTE = "/kz/bonus/save/general";

    private static String seed;
    private static NuxtImport seedImport;

    /** What the seed says about one question (the values as the payload shows them, read by hand). */
    private record Row(
            long id,
            String title,
            String updated,
            Double usefulness,
            String published,
            String canonical,
            boolean noIndex,
            boolean noFollow,
            String metaTitle,
            String metaDescription,
            String contentStart,
            String contentEnd) {}

    private static Row row(
            long id,
            String title,
            String updated,
            Double usefulness,
            String published,
            String canonical,
            boolean noIndex,
            boolean noFollow,
            String metaTitle,
            String metaDescription,
            String contentStart,
            String contentEnd) {
        return new Row(
                id,
                title,
                updated,
                usefulness,
                published,
                canonical,
                noIndex,
                noFollow,
                metaTitle,
                metaDescription,
                contentStart,
                contentEnd);
    }

    /**
     * The eleven questions in payload order. 456 has no title (its object was cut off) and its content is the
     * surviving end of the answer. Usefulness and meta fields that point before the cut are null here: the reader
     * must leave them unset. 17562's no_index and 17560's no_follow point at index 12, the others at 13.
     */
    private static final List<Row> ROWS = List.of(
            row(
                    456L,
                    null,
                    "2021-01-03",
                    0.89,
                    "2021-01-03T02:25:26.712298",
                    "/bonus/save/general/q456",
                    false,
                    false,
                    "Жиналған бонус санын қайдан білемін?\n✔ Клиенттерге арналған Kaspi Гид",
                    "Жиналған Kaspi Бонус санын қайдан қарайды? ✔ Kaspi Бонус туралы барынша"
                            + " толық ақпарат алыңыз ✔ Kaspi Гид сервисінде клиенттердің кез келген сұрағына"
                            + " жауаптар жинақталған",
                    "\n<br />\nСауда немесе төлем жасаған сайын қанша бон",
                    "сервисінен де тексеруіңізге болады.</p>\n"),
            row(
                    462L,
                    "Kaspi.kz-тегі Магазиннен тауар сатып алдым. Маған Kaspi Бонус есептеле ме?",
                    "2025-04-22",
                    0.75,
                    "2025-04-22T13:45:44.065581",
                    "/bonus/save/general/q462",
                    false,
                    false,
                    "Kaspi.kz-тегі Магазиннен тауар сатып алдым. Маған Kaspi Бонус есептеле"
                            + " ме?\n✔ Клиенттерге арналған Kaspi Гид",
                    "Kaspi.kz-тегі Магазиннен тауар сатып алғаннан кейін қанша бонус есептеледі?"
                            + " ✔ Kaspi Бонус туралы барынша толық ақпарат алыңыз ✔ Kaspi Гид сервисінде"
                            + " клиенттердің кез келген сұрағына жауаптар жинақталған",
                    "<p>Науқан кезінде <a href=\"https://kaspi.kz/shop/\"",
                    "хабарламадан көруге болады.</p>\n<p> </p>"),
            row(
                    17562L,
                    "Kaspi.kz-тегі Магазинде пікір жазғанға берілетін бонусты қалай алады?",
                    "2025-07-14",
                    null,
                    "2025-07-14T09:42:04.193008",
                    "/shop/comment/q17561",
                    true,
                    false,
                    null,
                    null,
                    "<p>Пікір жазғанға бонус алу үшін Kaspi.kz мобильді",
                    "е жұмсауға болады.</p>\n<p> </p>\n<p> </p>"),
            row(
                    476L,
                    "Кредит төлегенде/өтегенде бонус беріле ме?",
                    "2024-11-30",
                    null,
                    "2024-11-30T07:01:00.167935",
                    "/bonus/save/general/q476",
                    false,
                    false,
                    "Кредит төлегенде немесе өтегенде бонус беріле ме?\n✔ Клиенттерге арналған Kaspi Гид",
                    "Кредит бойынша міндеттемелерімді өтегенде бонус беріле ме? ✔ Kaspi Бонус"
                            + " туралы барынша толық ақпарат алыңыз ✔ Kaspi Гид сервисінде клиенттердің"
                            + " кез келген сұрағына жауаптар жинақталған",
                    "<p>Жоқ. Кредитті, бөліп төлеуді немесе Kaspi Red+-",
                    "олады→ <i>Сервистер → Науқандар.</i></p>"),
            row(
                    451L,
                    "Қанша Kaspi Бонус жинай аламын?",
                    "2025-03-01",
                    null,
                    "2025-03-01T08:01:00.035668",
                    "/bonus/save/general/q451",
                    false,
                    false,
                    "Kaspi Бонусқалай есептеледі? ✔ Клиенттер үшін Kaspi Гид",
                    "Kaspi Бонусты бір айда қанша жинай аламын: есептеу процесі мен лимиттер"
                            + " ✔ Kaspi Бонус туралы барынша толық ақпарат алыңыз ✔ Kaspi Гид сервисінде"
                            + " клиенттердің кез келген сұрағына жауап жиналған",
                    "<p>Бір айдың ішінде сіз:<br> </p>\n<ul>\t<li>Kaspi Q",
                    "ады: <em>Сервистер → Науқандар</em>.</p>"),
            row(
                    553L,
                    "Маған қанша бонус берілгенін қалай білемін?",
                    "2021-01-03",
                    0.93,
                    "2021-01-03T02:41:57.897169",
                    "/bonus/save/general/q553",
                    false,
                    false,
                    "Маған қанша бонус берілгенін қалай білемін?\n ✔ Клиенттерге арналған Kaspi Гид",
                    "Kaspi.kz мобильді қосымшасында берілген бонус санын қалай білемін? ✔ Kaspi"
                            + " Бонус туралы барынша толық ақпарат алыңыз✔ Kaspi Гид сервисінде клиенттердің"
                            + " кез келген сұрағына жауаптар жинақталған",
                    "<p>Берілген бонус пен жұмсауға болатын соманы <spa",
                    "онус</a>» бөлімінен де көре аласыз.</p>\n"),
            row(
                    17560L,
                    "Kaspi Магазинде қандай тауарға пікір жазғаным үшін бонус алатынымды қалай білемін?",
                    "2025-07-14",
                    null,
                    "2025-07-14T09:45:08.995882",
                    "/shop/comment/q17559",
                    false,
                    true,
                    null,
                    null,
                    "<p>Тапсырысты алғаннан кейін бірден Kaspi.kz қосым",
                    " Магазинде жұмсауға болады.</p>\n<p> </p>"),
            row(
                    518L,
                    "Акция бойынша маған бонус дұрыс есептелмеді. Не істеу керек? ",
                    "2025-09-12",
                    null,
                    "2025-09-12T10:48:08.916116",
                    "/bonus/save/general/q518",
                    false,
                    false,
                    "Акция бойынша маған бонус дұрыс есептелмеді. Не істеу керек?\n✔ Клиенттерге арналған Kaspi Гид",
                    "Акция бойынша бонус дұрыс есептелмесе, қайда өтініш беруім керек? ✔ Kaspi"
                            + " Бонус туралы барынша толық ақпарат алыңыз✔ Kaspi Гид сервисінде клиенттердің"
                            + " кез келген сұрағына жауаптар жинақталған",
                    "<p>Сіз сауда жасаған дүкен Kaspi Бонус бағдарламас",
                    "вопросы(Kaspi Гидпен Чатқа)%</span> </p>"),
            row(
                    467L,
                    "Интернет-дүкендерде сатып алғаным үшін маған Kaspi Бонус есептеле ме?",
                    "2025-04-22",
                    null,
                    "2025-04-22T12:21:00.136835",
                    "/bonus/save/general/q467",
                    false,
                    false,
                    "Интернет-дүкендерде зат сатып алғаны үшін Kaspi Бонус есептеле ме?\n✔ Клиенттерге"
                            + " арналған Kaspi Гид",
                    "Интернет-дүкендерде өзге сайттардан зат сатып алғаны үшін бонус есептеле"
                            + " ме? ✔ Kaspi Бонус туралы барынша толық ақпарат алыңыз ✔ Kaspi Гид сервисінде"
                            + " клиенттердің кез келген сұрағына жауаптар жинақталған",
                    "<p>Жоқ. Бөгде сайттар мен мобильді қосымшаларда са",
                    "ан кейін хабарламадан көруге болады.</p>"),
            row(
                    514L,
                    "Kaspi.kz мобильді қосымшасында ең көбі қанша Kaspi Бонус жинай аламын?",
                    "2025-03-01",
                    null,
                    "2025-03-01T08:01:00.044328",
                    "/bonus/save/general/q514",
                    false,
                    false,
                    "Kaspi.kz мобильді қосымшасында ең көбі қанша Kaspi Бонус жинай аламын?\n✔"
                            + " Клиенттерге арналған Kaspi Гид",
                    "Kaspi Бонусты жинаудың ең көп айлық шегі қандай? ✔ Kaspi Бонус туралы барынша"
                            + " толық ақпарат алыңыз ✔ Kaspi Гид сервисінде клиенттердің кез келген сұрағына"
                            + " жауаптар жинақталған",
                    "<p>Бір айдың ішінде сіз:<br> </p>\n<ul>\t<li>Kaspi Q",
                    "</em></a> сервисінде тексере аласыз.</p>"),
            row(
                    1580L,
                    "Kaspi.kz-те менің бонусым көрінбей тұр. Не істеу керек?",
                    "2025-03-14",
                    0.78,
                    "2025-03-14T13:34:46.588184",
                    "/bonus/save/general/q1580",
                    false,
                    false,
                    "Kaspi.kz-те менің бонусым көрінбей тұр. Не істеу керек?\n✔ Клиенттерге арналған Kaspi Гид",
                    "Kaspi.kz-те бонустар көрінбесе, не істеу керек? ✔ Kaspi Бонус туралы барынша"
                            + " толық ақпарат алыңыз✔ Kaspi Гид сервисінде клиенттердің кез келген сұрағына"
                            + " жауаптар жинақталған",
                    "<p>Kaspi.kz-ке банкке хабарламаған басқа телефон н",
                    "зыңыз. Көмектесуге тырысамыз.</span></p>"));

    private static final List<Long> IDS =
            List.of(456L, 462L, 17562L, 476L, 451L, 553L, 17560L, 518L, 467L, 514L, 1580L);
    private static final DateTimeFormatter DAY_MONTH_YEAR = DateTimeFormatter.ofPattern("dd.MM.yyyy");

    @BeforeAll
    static void readSeed() throws IOException {
        try (InputStream in = NuxtPayloadReaderTest.class.getResourceAsStream(SEED)) {
            assertThat(in).as(SEED + " on the classpath").isNotNull();
            seed = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        seedImport = new NuxtPayloadReader().read(seed, null);
    }

    private static Bundle.Question question(long id) {
        return seedImport.bundle().questions().stream()
                .filter(q -> q.id() == id)
                .findFirst()
                .orElseThrow(() -> new AssertionError("no question " + id));
    }

    @Test
    void theSeedIsRecognisedAsAPayloadCutAtTheFront() {
        assertThat(NuxtPayloadReader.looksLikePayload(seed)).isTrue();
        assertThat(seedImport.truncated()).isTrue();
    }

    @Test
    void theSeedYieldsElevenQuestionsPositionedInPayloadOrder() {
        assertThat(seedImport.bundle().questions())
                .extracting(Bundle.Question::id)
                .containsExactlyElementsOf(IDS);
        assertThat(seedImport.bundle().questions())
                .extracting(Bundle.Question::position)
                .containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11);
    }

    @Test
    void everyQuestionMatchesThePayloadFieldByField() {
        assertThat(ROWS).extracting(Row::id).containsExactlyElementsOf(IDS);
        SoftAssertions soft = new SoftAssertions();
        for (Row row : ROWS) {
            Bundle.Question q = question(row.id());
            Bundle.QuestionLocale kz = q.locales().get("kz");
            String as = "question " + row.id();
            soft.assertThat(q.locales()).as(as + " locales").containsOnlyKeys("kz");
            soft.assertThat(q.site()).as(as + " site").isEqualTo("client");
            soft.assertThat(q.section()).as(as + " section").isEqualTo("bonus/save/general");
            soft.assertThat(q.pinned()).as(as + " pinned").isFalse();
            soft.assertThat(q.votes()).as(as + " votes").isEmpty();
            soft.assertThat(q.canonical()).as(as + " canonical").isEqualTo(row.canonical());
            soft.assertThat(q.usefulness()).as(as + " usefulness").isEqualTo(Optional.ofNullable(row.usefulness()));
            soft.assertThat(q.incomplete()).as(as + " incomplete").isEqualTo(row.id() == 456L);
            if (row.title() != null) {
                soft.assertThat(kz.title()).as(as + " title").isEqualTo(row.title());
            }
            soft.assertThat(kz.updated()).as(as + " updated").contains(LocalDate.parse(row.updated()));
            soft.assertThat(kz.published()).as(as + " published").contains(LocalDateTime.parse(row.published()));
            soft.assertThat(kz.metaTitle()).as(as + " meta title").isEqualTo(Optional.ofNullable(row.metaTitle()));
            soft.assertThat(kz.metaDescription())
                    .as(as + " meta description")
                    .isEqualTo(Optional.ofNullable(row.metaDescription()));
            soft.assertThat(kz.metaH1())
                    .as(as + " meta h1 (null or stored before the cut)")
                    .isEmpty();
            soft.assertThat(kz.noIndex()).as(as + " no_index").isEqualTo(row.noIndex());
            soft.assertThat(kz.noFollow()).as(as + " no_follow").isEqualTo(row.noFollow());
            soft.assertThat(kz.content())
                    .as(as + " content")
                    .startsWith(row.contentStart())
                    .endsWith(row.contentEnd())
                    .doesNotContain("\\u003C");
            soft.assertThat(kz.extra()).as(as + " locale extra").isEmpty();
            soft.assertThat(q.extra()).as(as + " extra").isEmpty();
        }
        soft.assertAll();
    }

    @Test
    void noIndexAndNoFollowFollowTheIndexEachQuestionPointsAt() {
        // 17562 (listed here, canonical in /shop/comment) points no_index at index 12, every other at 13
        assertThat(seedImport.bundle().questions())
                .filteredOn(q -> q.locales().get("kz").noIndex())
                .extracting(Bundle.Question::id)
                .containsExactly(17562L);
        assertThat(seedImport.bundle().questions())
                .filteredOn(q -> q.locales().get("kz").noFollow())
                .extracting(Bundle.Question::id)
                .containsExactly(17560L);
    }

    @Test
    void question456IsRebuiltFromTheTailOfItsRecord() {
        Bundle.Question q = question(456L);
        Bundle.QuestionLocale kz = q.locales().get("kz");

        assertThat(q.incomplete()).isTrue();
        assertThat(q.position()).isEqualTo(1);
        assertThat(kz.title()).isEqualTo("Жиналған бонус санын қайдан білемін?");
        assertThat(kz.content())
                .isEqualTo("\n<br />\nСауда немесе төлем жасаған сайын қанша бонус берілгенін және қанша бонусты"
                        + " жұмсай алатыныңызды Kaspi.kz қосымшасындағы «Хабарламалар» сервисінен де тексеруіңізге"
                        + " болады.</p>\n");
        assertThat(q.usefulness()).contains(0.89);
        assertThat(kz.metaH1()).isEmpty();
        assertThat(q.pinned()).isFalse();
    }

    @Test
    void contentKeepsTheHtmlOfThePayload() {
        assertThat(question(462L).locales().get("kz").content())
                .contains("<a href=\"https://kaspi.kz/shop/\" target=\"_blank\">Kaspi.kz-тегі Магазиннен</a>")
                .contains("<i>Сервистер→ Науқандар </i>");
        assertThat(question(553L).locales().get("kz").content()).contains("<span class=\"mobileApp_only\">");
        assertThat(question(451L).locales().get("kz").content()).contains("<ul>\t<li>");
    }

    @Test
    void theBundleNamesLocaleSiteAndSectionsFromTheRoute() {
        Bundle bundle = seedImport.bundle();

        assertThat(bundle.locales()).containsExactly("kz");
        assertThat(bundle.defaultLocale()).isEqualTo("ru");
        assertThat(bundle.sites()).containsExactly(new Bundle.Site("client", Map.of(), Map.of()));
        assertThat(bundle.sections())
                .containsExactly(
                        new Bundle.Section("client", "bonus", Optional.empty(), Map.of(), Map.of()),
                        new Bundle.Section("client", "bonus/save", Optional.empty(), Map.of(), Map.of()),
                        new Bundle.Section("client", "bonus/save/general", Optional.empty(), Map.of(), Map.of()));
        assertThat(bundle.extra()).isEmpty();
    }

    @Test
    void theSiteComesFromTheCaller() {
        Bundle bundle = new NuxtPayloadReader().read(seed, "seller").bundle();

        assertThat(bundle.sites()).extracting(Bundle.Site::slug).containsExactly("seller");
        assertThat(bundle.sections()).extracting(Bundle.Section::site).containsOnly("seller");
        assertThat(bundle.questions()).extracting(Bundle.Question::site).containsOnly("seller");
        assertThatThrownBy(() -> new NuxtPayloadReader().read(seed, "../etc"))
                .isInstanceOf(BundleException.class)
                .hasMessageStartingWith("site:");
        for (String reserved : new String[] {"admin", "api", "static", "sitemaps"}) {
            assertThatThrownBy(() -> new NuxtPayloadReader().read(seed, reserved))
                    .isInstanceOf(BundleException.class)
                    .hasMessageContaining("is kept for komek's own pages");
        }
    }

    @Test
    void theFindingsMentionEveryInference() {
        List<String> findings = seedImport.findings();
        SoftAssertions soft = new SoftAssertions();
        soft.assertThat(findings.get(0))
                .startsWith("the payload is cut off at the front")
                .contains("indices 449 to 566");
        soft.assertThat(findings)
                .contains("locale kz and section bonus/save/general are taken from the route " + ROUTE);
        soft.assertThat(findings).anySatisfy(f -> assertThat(f).startsWith("site client"));
        soft.assertThat(findings)
                .anySatisfy(f -> assertThat(f)
                        .startsWith("sections bonus, bonus/save, bonus/save/general")
                        .contains("were stored before the cut"));
        soft.assertThat(findings)
                .anySatisfy(f -> assertThat(f)
                        .contains("positions follow their order in the payload (456, 462, 17562, 476, 451, 553,"));
        soft.assertThat(findings).anySatisfy(f -> assertThat(f).startsWith("votes:"));
        soft.assertThat(findings)
                .anySatisfy(f -> assertThat(f)
                        .startsWith("index 13 is stored before the cut")
                        .contains("pinned, voted of every question whose object survives")
                        .contains(": false, because")
                        .contains("premise"));
        soft.assertThat(findings)
                .anySatisfy(f -> assertThat(f)
                        .startsWith("index 12 is stored before the cut")
                        .contains("no_index of question 17562")
                        .contains("no_follow of question 17560")
                        .contains(": true, because"));
        soft.assertThat(findings)
                .anySatisfy(f -> assertThat(f)
                        .startsWith("index 11 is stored before the cut")
                        .contains(": null"));
        soft.assertThat(findings)
                .anySatisfy(f -> assertThat(f)
                        .startsWith("index 6 is stored before the cut")
                        .contains(": a number"));
        for (long id : List.of(17562L, 476L, 451L, 17560L, 467L, 514L)) {
            soft.assertThat(findings)
                    .contains("question " + id + ": usefulness stored before the cut (index 6, a"
                            + " number); left unset");
        }
        soft.assertThat(findings)
                .anySatisfy(f -> assertThat(f).startsWith("question 518: usefulness points at index 11"));
        for (long id : IDS.subList(1, IDS.size())) {
            soft.assertThat(findings)
                    .as("meta h1 of " + id)
                    .anySatisfy(f -> assertThat(f).startsWith("question " + id + ": meta_tag_h1 points at index"));
        }
        soft.assertThat(findings)
                .anySatisfy(f -> assertThat(f).startsWith("question 17562: meta_tag_title points at index 40"));
        soft.assertThat(findings)
                .anySatisfy(f -> assertThat(f).startsWith("question 17560: meta_tag_title points at index 11"));
        soft.assertThat(findings)
                .anySatisfy(f -> assertThat(f)
                        .startsWith("question 456: title taken from its meta title (the payload was cut before it)"));
        soft.assertThat(findings)
                .anySatisfy(f -> assertThat(f).startsWith("question 456: content is only the end of the answer"));
        soft.assertThat(findings)
                .anySatisfy(f -> assertThat(f)
                        .startsWith("question 456: only the end of its record survives")
                        .contains("id is taken from its canonical /bonus/save/general/q456"));
        soft.assertThat(findings)
                .anySatisfy(f -> assertThat(f)
                        .startsWith(
                                "question 456: pinned, no_index, no_follow, meta_tag_h1 not in the surviving part"));
        soft.assertThat(findings)
                .contains("question 17562: canonical /shop/comment/q17561 names another question (17561); kept as"
                        + " given");
        soft.assertThat(findings)
                .contains("voted is per visitor and not stored; it is false for questions 462, 17562, 476, 451, 553,"
                        + " 17560, 518, 467, 514, 1580");
        soft.assertAll();
    }

    @Test
    void aWholePayloadOfTheSameQuestionsGivesTheSameRecords() {
        NuxtImport whole =
                new NuxtPayloadReader().read(wholePayload(seedImport.bundle().questions()), "client");

        assertThat(whole.truncated()).isFalse();
        assertThat(whole.bundle().questions())
                .isEqualTo(complete(seedImport.bundle().questions()));
        assertThat(whole.bundle().sections()).isEqualTo(seedImport.bundle().sections());
        assertThat(whole.bundle().locales()).containsExactly("kz");
        assertThat(whole.findings()).noneMatch(f -> f.contains("cut"));
    }

    @Test
    void anHtmlPageWithNuxtDataWorks() {
        String html = "<!DOCTYPE html><html lang=\"kk-KZ\"><head><title>Kaspi Гид</title></head><body>"
                + "<div id=\"__nuxt\"><p>Жиналған бонус</p></div>"
                + "<script type=\"application/json\" data-nuxt-data=\"nuxt-app\" data-ssr=\"true\""
                + " id=\"__NUXT_DATA__\">" + wholePayload(seedImport.bundle().questions()) + "</script>"
                + "<script>window.__NUXT__={}</script></body></html>";

        assertThat(NuxtPayloadReader.looksLikePayload(html)).isTrue();
        NuxtImport fromHtml = new NuxtPayloadReader().read(html, null);

        assertThat(fromHtml.bundle().questions())
                .isEqualTo(complete(seedImport.bundle().questions()));
    }

    @Test
    void aWholePayloadMayNameItsRouteUnderStateOrAsTheLastElement() {
        Map<String, Object> q = questionObject(question(462L));
        Map<String, Object> inState = new LinkedHashMap<>();
        inState.put("state", Map.of("route", Map.of("path", "/kz/bonus/q462")));
        inState.put("data", List.of(q));
        Bundle fromState =
                new NuxtPayloadReader().read(Devalue.stringify(inState), null).bundle();
        assertThat(fromState.sections()).extracting(Bundle.Section::path).containsExactly("bonus");

        Map<String, Object> last = new LinkedHashMap<>();
        last.put("data", List.of(q));
        last.put("other", "/ru/shop/comment");
        Bundle fromLast =
                new NuxtPayloadReader().read(Devalue.stringify(last), null).bundle();
        assertThat(fromLast.locales()).containsExactly("ru");
        assertThat(fromLast.questions()).extracting(Bundle.Question::section).containsExactly("shop/comment");
    }

    @Test
    void aPayloadWhoseIndicesDoNotLineUpFails() {
        // question 17562's object refers to its first new value as 466; pointing it elsewhere breaks the chain
        String tampered = seed.replace("{\"id\":466,", "{\"id\":6,");
        assertThat(tampered).isNotEqualTo(seed);

        assertThatThrownBy(() -> new NuxtPayloadReader().read(tampered, null))
                .isInstanceOf(BundleException.class)
                .hasMessageContaining("inconsistent indices")
                .hasMessageContaining("index 465");
    }

    /** A JavaScript string may hold what PostgreSQL cannot store; such a payload is refused as a bundle would be. */
    @Test
    void textPostgresCannotStoreIsRefusedNamingItsField() {
        String tampered =
                seed.replace("\"Жиналған бонус санын қайдан білемін?", "\"\\uDDDDЖиналған бонус санын қайдан білемін?");
        assertThat(tampered).isNotEqualTo(seed);

        assertThatThrownBy(() -> new NuxtPayloadReader().read(tampered, null))
                .isInstanceOf(BundleException.class)
                .hasMessageContaining("question 456")
                .hasMessageContaining("locales.kz.title") // 456 takes its title from its meta title
                .hasMessageContaining("lone UTF-16 surrogate");
    }

    @Test
    void aPayloadCutAtBothEndsFails() {
        String cut = seed.substring(0, seed.length() - 200);

        assertThatThrownBy(() -> new NuxtPayloadReader().read(cut, null))
                .isInstanceOf(BundleException.class)
                .hasMessageContaining("cut at the end");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "   \n ",
                "garbage, not a payload]",
                "hello world",
                "{\"format\":\"komek-bundle/1\",\"locales\":[\"ru\"],\"questions\":[]}",
                "<html><body><p>no Nuxt data</p></body></html>",
                "[\"/kz/bonus/save/general\"]",
                "[{\"path\":1},\"/kz/bonus\"]",
                "[{\"id\":1,\"title\":2,\"content\":3,\"canonical\":4,\"pinned\":5,\"usefulness\":6},7,\"t\",\"c\","
                        + "\"/bonus/q7\",false,0.5]",
                "[{\"a\":0}]"
            })
    void badInputFailsWithABundleException(String text) {
        assertThatThrownBy(() -> new NuxtPayloadReader().read(text, null)).isInstanceOf(BundleException.class);
    }

    @Test
    void nullAndHugeTextsFail() {
        assertThatThrownBy(() -> new NuxtPayloadReader().read(null, null))
                .isInstanceOf(BundleException.class)
                .hasMessage("payload: empty text");
        String huge = "[" + " ".repeat(50 * 1024 * 1024) + "]";
        assertThatThrownBy(() -> new NuxtPayloadReader().read(huge, null))
                .isInstanceOf(BundleException.class)
                .hasMessageContaining("50 MB");
    }

    @Test
    void badFieldValuesNameTheQuestionAndField() {
        Map<String, Object> q = questionObject(question(462L));
        q.put("updatedDate", "3.1.2021");
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("data", List.of(q));
        root.put("path", ROUTE);

        assertThatThrownBy(() -> new NuxtPayloadReader().read(Devalue.stringify(root), null))
                .isInstanceOf(BundleException.class)
                .hasMessage("question 462, updatedDate: not a dd.MM.yyyy date: \"3.1.2021\"");
    }

    @Test
    void aCanonicalNoBundleWouldAcceptGivesWayToTheQuestionsOwnPath() {
        // found by NuxtPayloadReaderFuzzTest: kept as given, it made an export that could not be imported again
        Map<String, Object> q = questionObject(question(462L));
        q.put("canonical", "\uFFFD\uFFFD/bonus/save/general/q462");
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("data", List.of(q));
        root.put("path", ROUTE);

        NuxtImport read = new NuxtPayloadReader().read(Devalue.stringify(root), null);

        assertThat(read.bundle().questions())
                .singleElement()
                .satisfies(question -> assertThat(question.canonical()).isEqualTo("/bonus/save/general/q462"));
        assertThat(read.findings())
                .anySatisfy(f -> assertThat(f)
                        .contains("is not a path inside the site ending in q<id>; /bonus/save/general/q462 assumed"));
    }

    @Test
    void sniffsPayloadsButNotBundles() {
        assertThat(NuxtPayloadReader.looksLikePayload("[{\"data\":1},[]]")).isTrue();
        assertThat(NuxtPayloadReader.looksLikePayload("<html><script id=\"__NUXT_DATA__\">[]</script></html>"))
                .isTrue();
        assertThat(NuxtPayloadReader.looksLikePayload("\uFEFF {\"format\":\"komek-bundle/1\"}"))
                .isFalse();
        assertThat(NuxtPayloadReader.looksLikePayload("")).isFalse();
        assertThat(NuxtPayloadReader.looksLikePayload(null)).isFalse();
    }

    /** The seed's records as a whole payload would give them: nothing is missing, so nothing is incomplete. */
    private static List<Bundle.Question> complete(List<Bundle.Question> questions) {
        List<Bundle.Question> complete = new ArrayList<>();
        for (Bundle.Question q : questions) {
            complete.add(new Bundle.Question(
                    q.id(),
                    q.site(),
                    q.section(),
                    q.position(),
                    q.pinned(),
                    q.canonical(),
                    q.votes(),
                    q.usefulness(),
                    false,
                    q.locales(),
                    q.extra()));
        }
        return complete;
    }

    private static Map<String, Object> questionObject(Bundle.Question q) {
        Bundle.QuestionLocale kz = q.locales().get("kz");
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("id", q.id());
        o.put("title", kz.title());
        o.put("content", kz.content());
        o.put("updatedDate", kz.updated().map(DAY_MONTH_YEAR::format).orElse(null));
        o.put("usefulness", q.usefulness().orElse(null));
        o.put("pinned", q.pinned());
        o.put("voted", false);
        o.put("meta_tag_title", kz.metaTitle().orElse(null));
        o.put("meta_tag_description", kz.metaDescription().orElse(null));
        o.put("meta_tag_h1", kz.metaH1().orElse(null));
        o.put("no_index", kz.noIndex());
        o.put("no_follow", kz.noFollow());
        o.put("publication_date", kz.published().map(LocalDateTime::toString).orElse(null));
        o.put("canonical", q.canonical());
        return o;
    }

    /** A Nuxt-like page state: the questions list is shared by data and state, as Nuxt shares it. */
    private static String wholePayload(List<Bundle.Question> questions) {
        List<Object> list = new ArrayList<>();
        questions.forEach(q -> list.add(questionObject(q)));
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("subtheme-questions_bonus.save.general", list);
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("$squestions", list);
        state.put("$sseo-state", Map.of("robots", "index, follow"));
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("data", new Devalue.Wrapped("ShallowReactive", List.of(data)));
        root.put("state", new Devalue.Wrapped("Reactive", List.of(state)));
        root.put("once", new Devalue.Wrapped("Set", List.of()));
        root.put("_errors", new Devalue.Wrapped("ShallowReactive", List.of(new LinkedHashMap<>())));
        root.put("serverRendered", true);
        root.put("path", ROUTE);
        return Devalue.stringify(root);
    }

    /** A small devalue stringify: a value's index is taken before its children's, primitives are stored once. */
    private static final class Devalue {
        record Wrapped(String type, List<Object> args) {}

        private final List<String> out = new ArrayList<>();
        private final Map<Object, Integer> primitives = new HashMap<>();
        private final Map<Object, Integer> containers = new IdentityHashMap<>();

        static String stringify(Object value) {
            Devalue devalue = new Devalue();
            devalue.flatten(value);
            return "[" + String.join(",", devalue.out) + "]";
        }

        private int flatten(Object value) {
            boolean container = value instanceof Map || value instanceof List || value instanceof Wrapped;
            Map<Object, Integer> seen = container ? containers : primitives;
            Integer known = seen.get(value);
            if (known != null) {
                return known;
            }
            int index = out.size();
            out.add(null);
            seen.put(value, index);
            StringBuilder text = new StringBuilder();
            if (value instanceof Map) {
                text.append('{');
                for (Map.Entry<?, ?> e : ((Map<?, ?>) value).entrySet()) {
                    text.append(text.length() > 1 ? "," : "")
                            .append(json(e.getKey()))
                            .append(':');
                    text.append(flatten(e.getValue()));
                }
                text.append('}');
            } else if (value instanceof List) {
                text.append('[');
                for (Object item : (List<?>) value) {
                    text.append(text.length() > 1 ? "," : "").append(flatten(item));
                }
                text.append(']');
            } else if (value instanceof Wrapped) {
                text.append('[').append(json(((Wrapped) value).type()));
                for (Object arg : ((Wrapped) value).args()) {
                    text.append(',').append(flatten(arg));
                }
                text.append(']');
            } else {
                text.append(json(value));
            }
            out.set(index, text.toString());
            return index;
        }

        /** devalue escapes {@code <} so a payload can sit inside a script element. */
        private static String json(Object value) {
            try {
                return DevalueParser.JSON.writeValueAsString(value).replace("<", "\\u003C");
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
