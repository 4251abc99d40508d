package kz.komek.search;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import kz.komek.i18n.Locale;
import kz.komek.testing.TestApp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The lexicon learned from a bilingual fixture, over real HTTP on a real database: a Russian query finds a question
 * that exists only in Kazakh through a pair nobody wrote down, and an editor's verdicts decide which pairs count.
 */
class LexiconUpkeepTest {
    private static final WordPair PARKING = new WordPair("парковк", "тұрақ");
    private static TestApp app;
    private final ObjectMapper mapper = new ObjectMapper();

    @BeforeAll
    static void start() {
        app = TestApp.withBundle("/fixtures/lexicon.bundle.json");
        app.app().learnLexicon();
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    @AfterEach
    void forgetVerdicts() {
        var store = new SearchStore(app.app().jdbi());
        for (WordPair p : store.verdicts().keySet()) {
            store.decide(p, Optional.empty(), "test");
        }
        app.app().learnLexicon();
    }

    private List<Long> ids(String q) throws Exception {
        var r = app.get(
                "/api/v1/search?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8) + "&site=client&locale=ru&limit=5");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        var out = new ArrayList<Long>();
        for (JsonNode hit : mapper.readTree(r.body()).get("results")) {
            out.add(hit.get("id").asLong());
        }
        return out;
    }

    @Test
    void aRussianQueryFindsAKazakhOnlyQuestionThroughALearnedPair() throws Exception {
        // nobody wrote this pair down: the glossary does not know the word
        assertThat(Synonyms.of(Optional.empty()).expand(new Synonyms.Stem(Locale.RU, "парковк")))
                .isEmpty();
        assertThat(pairs()).contains(PARKING);

        // the Russian questions about parking come first, the Kazakh-only one is found beside them
        assertThat(ids("подземная парковка")).contains(904L);
    }

    @Test
    void aRejectedPairIsNeverUsedAndForgettingTheVerdictBringsItBack() throws Exception {
        var store = new SearchStore(app.app().jdbi());
        store.decide(PARKING, Optional.of(false), "editor");
        app.app().learnLexicon();

        assertThat(pairs()).doesNotContain(PARKING);
        assertThat(ids("подземная парковка")).doesNotContain(904L);

        store.decide(PARKING, Optional.empty(), "editor");
        app.app().learnLexicon();
        assertThat(ids("подземная парковка")).contains(904L);
    }

    @Test
    void aConfirmedPairCountsThoughNothingTaughtIt() throws Exception {
        var basement = WordPair.ofWords("подвал", "жерасты").orElseThrow();
        assertThat(ids("подвал")).doesNotContain(904L);

        new SearchStore(app.app().jdbi()).decide(basement, Optional.of(true), "editor");
        app.app().learnLexicon();

        assertThat(pairs()).contains(basement);
        assertThat(ids("подвал")).first().isEqualTo(904L);
    }

    private List<WordPair> pairs() {
        return app.app().lexiconPairs().stream()
                .map(p -> new WordPair(p.ru(), p.kz()))
                .toList();
    }
}
