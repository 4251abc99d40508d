package kz.komek.bundle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.time.LocalDate;
import java.time.LocalDateTime;
import kz.komek.testing.SharedCorpus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BundleJsonTest {
    private final BundleJson json = new BundleJson();

    static String bundle(String questionJson) {
        return """
                {"format": "komek-bundle/1", "locales": ["ru", "kz"], "default_locale": "ru",
                 "sites": [{"slug": "client", "title": {"ru": "Клиентам", "kz": "Клиенттерге"}}],
                 "sections": [{"site": "client", "path": "bonus", "position": 1, "title": {"ru": "Бонусы"}}],
                 "questions": [%s]}
                """.formatted(questionJson);
    }

    static final String QUESTION = """
            {"id": 456, "site": "client", "section": "bonus", "position": 1, "pinned": false,
             "canonical": "/bonus/q456", "votes": {"up": 89, "down": 11},
             "locales": {"kz": {"title": "Бонус қалай аламын?", "content": "<p>Жауап</p>",
               "updated": "2021-01-03", "published": "2021-01-03T02:25:26.712298",
               "meta_title": null, "meta_description": null, "meta_h1": null,
               "no_index": false, "no_follow": false}}}
            """;

    @Test
    void readsEveryField() {
        Bundle b = json.read(bundle(QUESTION));
        assertThat(b.locales()).containsExactly("ru", "kz");
        assertThat(b.sites())
                .singleElement()
                .satisfies(s -> assertThat(s.title()).containsEntry("kz", "Клиенттерге"));
        var q = b.questions().get(0);
        assertThat(q.id()).isEqualTo(456);
        assertThat(q.votes()).contains(new Bundle.Votes(89, 11));
        var kz = q.locales().get("kz");
        assertThat(kz.title()).isEqualTo("Бонус қалай аламын?");
        assertThat(kz.updated()).contains(LocalDate.of(2021, 1, 3));
        assertThat(kz.published()).contains(LocalDateTime.parse("2021-01-03T02:25:26.712298"));
        assertThat(kz.metaTitle()).isEmpty();
    }

    @Test
    void writesWhatItReads() {
        Bundle b = json.read(bundle(QUESTION));
        String written = json.write(b);
        assertThat(json.write(json.read(written))).isEqualTo(written);
        assertThat(written).contains("\"published\" : \"2021-01-03T02:25:26.712298\"");
    }

    /** {@link #QUESTION} with phrasings of its Kazakh text. */
    static final String WITH_PHRASINGS = QUESTION.replace(
            "\"no_follow\": false}}}",
            "\"no_follow\": false}}, \"phrasings\": {\"kz\": [\"бонус жоқ\", \"ұпай қайда\"]}}");

    @Test
    void phrasingsBelongToTheirLocalesTextAndAreWrittenOnlyWhenThereAreSome() {
        Bundle b = json.read(bundle(WITH_PHRASINGS));
        assertThat(b.questions().get(0).locales().get("kz").phrasings().texts())
                .containsExactly("бонус жоқ", "ұпай қайда");
        assertThat(b.questions().get(0).extra()).isEmpty();
        String written = json.write(b);
        assertThat(written.replaceAll("\\s+", " "))
                .contains(
                        "\"no_follow\" : false } }, \"phrasings\" : { \"kz\" : [ \"бонус жоқ\", \"ұпай қайда\" ] } }");
        assertThat(json.write(json.read(written))).isEqualTo(written);

        // none (or only empty lists): the question is written as before phrasings existed
        String without = json.write(json.read(bundle(QUESTION)));
        assertThat(without).doesNotContain("phrasings");
        assertThat(json.write(json.read(bundle(QUESTION.replace(
                        "\"no_follow\": false}}}", "\"no_follow\": false}}, \"phrasings\": {\"kz\": []}}")))))
                .isEqualTo(without);
    }

    @Test
    void keepsUnknownFields() {
        String q = QUESTION.replace("\"pinned\": false,", "\"pinned\": false, \"tags\": [\"x\"],");
        Bundle b = json.read(bundle(q).replace("\"format\"", "\"generator\": \"cms 2\", \"format\""));
        assertThat(b.extra()).containsKey("generator");
        assertThat(b.questions().get(0).extra()).containsKey("tags");
        assertThat(json.write(b)).contains("\"generator\" : \"cms 2\"").contains("\"tags\"");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "wrong date|\"updated\": \"2021-01-03\"|\"updated\": \"03.01.2021\"|question 456, field locales.kz.updated",
                "empty title|\"title\": \"Бонус қалай аламын?\"|\"title\": \"  \"|question 456, field locales.kz.title",
                "bad id|\"id\": 456|\"id\": -4|questions[0], field id",
                "bad canonical|\"/bonus/q456\"|\"bonus\"|question 456, field canonical",
                "negative votes|\"up\": 89|\"up\": -1|question 456, field votes.up",
                "unknown locale|\"locales\": {\"kz\"|\"locales\": {\"en\"|question 456, field locales",
                "bad section|\"section\": \"bonus\"|\"section\": \"Bonus Save\"|question 456, field section",
                "flag not boolean|\"no_index\": false|\"no_index\": \"no\"|question 456, field locales.kz.no_index",
                "reserved site|\"site\": \"client\", \"section\"|\"site\": \"admin\", \"section\"|question 456, field site: \"admin\" is kept",
                "NUL in a title|Бонус қалай|Бонус\\u0000қалай|question 456, field locales.kz.title: contains a NUL",
                "lone surrogate|<p>Жауап</p>|<p>Жа\\ud800уап</p>|question 456, field locales.kz.content: contains a lone",
                "NUL in a kept field|\"pinned\": false,|\"pinned\": false, \"tags\": [\"a\\u0000\"],|question 456, field tags[0]: contains",
                "phrasing of no text|\"kz\": [\"бонус жоқ\"|\"ru\": [\"бонус жоқ\"|question 456, field phrasings.ru: the question has no ru text",
                "phrasing not text|\"бонус жоқ\", \"ұпай қайда\"|\"бонус жоқ\", 7|question 456, field phrasings.kz[1]: expected a string",
                "phrasings not a list|[\"бонус жоқ\", \"ұпай қайда\"]|\"бонус жоқ\"|question 456, field phrasings.kz: expected an array",
                "phrasing twice|\"ұпай қайда\"]|\"ұпай қайда\", \"Бонус ЖОҚ\"]|question 456, field phrasings.kz[2]: \"Бонус ЖОҚ\" is given twice",
                "blank phrasing|\"ұпай қайда\"]|\"  \"]|question 456, field phrasings.kz[1]: is empty",
                "untrimmed phrasing|\"ұпай қайда\"]|\"ұпай қайда \"]|question 456, field phrasings.kz[1]: starts or ends with a space",
                "long phrasing|\"ұпай қайда\"]|\"ұпай қайда%s\"]|question 456, field phrasings.kz[1]: longer than 200 characters",
                "HTML phrasing|\"ұпай қайда\"]|\"<b>ұпай</b> қайда\"]|question 456, field phrasings.kz[1]: plain text only, not HTML",
                "NUL in a phrasing|\"ұпай қайда\"]|\"ұпай\\u0000қайда\"]|question 456, field phrasings.kz[1]: contains a NUL",
                "NUL in a locale's kept field|\"no_follow\": false}|\"no_follow\": false, \"x\": \"\\u0000\"}|question 456, field locales.kz.x: contains",
            })
    void namesTheRecordAndFieldOfAProblem(String name, String from, String to, String where) {
        String text = bundle(WITH_PHRASINGS.replace(from, to.replace("%s", " қайда".repeat(40))));
        assertThatThrownBy(() -> json.read(text))
                .isInstanceOf(BundleException.class)
                .hasMessageStartingWith(where);
    }

    @Test
    void moreThanTwentyPhrasingsOfALocaleAreRefused() {
        var list = new StringBuilder("\"бонус 0\"");
        for (int i = 1; i <= 20; i++) {
            list.append(", \"бонус ").append(i).append('"');
        }
        String text = bundle(WITH_PHRASINGS.replace("\"бонус жоқ\", \"ұпай қайда\"", list));
        assertThatThrownBy(() -> json.read(text))
                .isInstanceOf(BundleException.class)
                .hasMessage("question 456, field phrasings.kz: more than 20 phrasings");
        String twenty =
                bundle(WITH_PHRASINGS.replace("\"бонус жоқ\", \"ұпай қайда\"", list.substring(list.indexOf(", ") + 2)));
        assertThat(json.read(twenty)
                        .questions()
                        .get(0)
                        .locales()
                        .get("kz")
                        .phrasings()
                        .texts())
                .hasSize(20);
    }

    @Test
    void refusesDocumentsThatAreNotBundles() {
        assertThatThrownBy(() -> json.read("{\"format\": \"other/2\"}"))
                .hasMessageContaining("field format")
                .hasMessageContaining("komek-bundle/1");
        assertThatThrownBy(() -> json.read("[1, 2]")).hasMessageContaining("expected a JSON object");
        assertThatThrownBy(() -> json.read("{\"format\": ")).hasMessageContaining("not valid JSON");
        assertThatThrownBy(() -> json.read(bundle(QUESTION + "," + QUESTION))).hasMessageContaining("listed twice");
    }

    @Test
    void readsAndWritesTheSharedCorpusWithoutLoss() throws Exception {
        var file = SharedCorpus.file("corpus/dala-help.bundle.json");
        String text = Files.readString(file);
        Bundle b = json.read(text);
        assertThat(b.questions()).hasSize(150);
        var mapper = new ObjectMapper();
        assertThat(kz.komek.testing.JsonDiff.firstDifference(mapper.readTree(text), mapper.readTree(json.write(b))))
                .isEmpty();
    }
}
