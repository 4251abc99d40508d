package kz.komek.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import kz.komek.bundle.BundleJson;
import kz.komek.content.AnswerRenderer;
import kz.komek.content.ContentConfig;
import kz.komek.i18n.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Editors' phrasings are read like the title: word forms, typos and Latin spellings of a phrasing find its question,
 * above a question whose answer merely mentions the words; the same index without them does not.
 */
class PhrasingsSearchTest {
    private static final LocalDateTime NOW = LocalDateTime.of(2026, 12, 6, 12, 0);

    private static final String BUNDLE = """
            {"format": "komek-bundle/1", "locales": ["ru", "kz"], "default_locale": "ru",
             "sites": [{"slug": "client", "title": {"ru": "Клиентам"}}],
             "sections": [{"site": "client", "path": "transfers", "position": 1, "title": {"ru": "Переводы"}},
                          {"site": "client", "path": "accounts", "position": 2, "title": {"ru": "Счета"}}],
             "questions": [
               {"id": 1, "site": "client", "section": "transfers",
                "locales": {"ru": {"title": "Как отменить перевод?", "content": "<p>Позвоните в банк в течение часа.</p>"},
                            "kz": {"title": "Аударымды қалай тоқтатамын?", "content": "<p>Банкке қоңырау шалыңыз.</p>"}}
                %s},
               {"id": 2, "site": "client", "section": "accounts",
                "locales": {"ru": {"title": "Как закрыть счёт?",
                                   "content": "<p>Незавершённая транзакция при закрытии откатится сама.</p>"}}},
               {"id": 3, "site": "client", "section": "accounts",
                "locales": {"ru": {"title": "Как открыть депозит?", "content": "<p>В приложении.</p>"}}}
             ]}
            """;

    private static final String PHRASINGS =
            ", \"phrasings\": {\"ru\": [\"откатить транзакцию\", \"деньги ушли не туда\"], \"kz\": [\"ақшам басқа адамға кетті\"]}";

    private static List<Long> ids(String bundle, String q, Locale locale) {
        var docs =
                new SearchDocuments(new AnswerRenderer(ContentConfig.defaults())).from(new BundleJson().read(bundle));
        try (var index = SearchIndex.inMemory()) {
            index.replaceAll(docs, 1);
            return new SearchService(index)
                    .search(new SearchRequest(q, "client", Optional.of(locale), 10, NOW, false)).hits().stream()
                            .map(SearchResults.Hit::id)
                            .toList();
        }
    }

    @ParameterizedTest(name = "{0}: \"{1}\"")
    @CsvSource(
            delimiter = '|',
            value = {
                "as written       | откатить транзакцию        | ru",
                "other word forms | откатил транзакции         | ru",
                "typo             | откатить транзакцыю        | ru",
                "Latin letters    | otkatit tranzakciyu        | ru",
                "another phrasing | деньги ушли не туда        | ru",
                "Kazakh           | ақшам басқа адамға кетті   | kz",
            })
    void aPhrasingFindsItsQuestionFirst(String kind, String q, String locale) {
        Locale l = Locale.parse(locale.strip()).orElseThrow();
        assertThat(ids(BUNDLE.formatted(PHRASINGS), q.strip(), l))
                .as(kind)
                .isNotEmpty()
                .first()
                .isEqualTo(1L);
        assertThat(ids(BUNDLE.formatted(""), q.strip(), l))
                .as(kind + ", without phrasings")
                .doesNotContain(1L);
    }

    @Test
    void theTitleStillFindsAQuestionThatHasPhrasings() {
        assertThat(ids(BUNDLE.formatted(PHRASINGS), "отменить перевод", Locale.RU))
                .first()
                .isEqualTo(1L);
    }
}
