package kz.komek.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import kz.komek.i18n.Locale;
import kz.komek.testing.TestApp;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Readers' words over real HTTP on a real database: results opened from the search page, searches again, useful
 * votes, and the guards: distinct readers, a cap per reader, editors' verdicts, no personal data. A reader here is an
 * address, which the test sends as a trusted proxy would.
 */
class ReaderWordsTest {
    private static final String SLANG = "где бросить тачку под землёй";
    private TestApp app;

    @BeforeEach
    void start() {
        // readers are told apart by their address: here the proxy's X-Forwarded-For, which the test sends
        app = TestApp.withBundle(
                "/fixtures/lexicon.bundle.json",
                c -> c.withFeedback(c.feedback().withTrustProxy(true)));
    }

    @AfterEach
    void stop() {
        app.close();
    }

    /** A reader's address: 10.0.0.x, x from the name's first letter. */
    private static String address(String reader) {
        return "10.0.0." + (reader.charAt(0) - 'a' + 1);
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    /** Reader {@code reader} opens question 904 (in Kazakh) from the results of {@code query} on the Russian page. */
    private void open(String reader, String query) {
        var r = app.get("/client/ru/search?q=" + enc(query) + "&open=904&lang=kz", "X-Forwarded-For", address(reader));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(303);
        assertThat(r.headers().firstValue("Location")).hasValue("/client/kz/auto/parking/q904");
    }

    /** The phrases of question 904 that search uses now, with how many readers each had. */
    private List<ReaderWords.Review> phrases() {
        return app.app().readerWords().review(100).stream()
                .filter(r -> r.questionId() == 904 && (r.inUse()))
                .toList();
    }

    private boolean searchFinds904(String q) {
        app.app().syncSearch();
        String body = app.get("/api/v1/search?q=" + enc(q) + "&site=client&locale=ru&limit=10")
                .body();
        return body.contains("\"id\":904");
    }

    @Test
    void wordsCountOnceEnoughDistinctReadersEndedOnTheQuestion() {
        assertThat(searchFinds904(SLANG)).isFalse();
        open("a", SLANG);
        open("a", SLANG); // the same reader again counts once
        open("a", "  ГДЕ бросить   тачку под землёй "); // and so does the same query written otherwise
        assertThat(app.app().readerWords().count()).isEmpty();
        assertThat(phrases()).isEmpty();
        assertThat(searchFinds904(SLANG)).isFalse();

        open("b", SLANG);
        assertThat(app.app().readerWords().count()).isEmpty();

        open("c", SLANG);
        assertThat(app.app().readerWords().count()).containsExactly(904L);
        assertThat(phrases()).singleElement().satisfies(p -> {
            assertThat(p.phrase()).isEqualTo(SLANG);
            assertThat(p.locale()).isEqualTo(Locale.RU);
            assertThat(p.readers()).isEqualTo(ReaderWords.MIN_READERS);
        });
        // counting again changes nothing search sees
        assertThat(app.app().readerWords().count()).isEmpty();
    }

    @Test
    void aReaderWhoSearchesAgainAtOnceWasNotAnswered() {
        open("a", SLANG);
        open("b", SLANG);
        open("c", SLANG);
        // c searches for something else right away: what they opened did not answer them
        assertThat(app.get("/client/ru/search?q=" + enc("парковка ночью"), "X-Forwarded-For", address("c"))
                        .statusCode())
                .isEqualTo(200);
        assertThat(app.app().readerWords().count()).isEmpty();

        // a useful vote says it did after all
        var vote = app.send(java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create(app.url("/api/v1/questions/904/votes?locale=kz")))
                .header("X-Forwarded-For", address("c"))
                .header("Content-Type", "application/json")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{\"useful\": true}"))
                .build());
        assertThat(vote.statusCode()).as(vote.body()).isEqualTo(200);
        assertThat(app.app().readerWords().count()).containsExactly(904L);
    }

    @Test
    void anotherBrowserNameDoesNotMakeAnotherReader() {
        for (String browser : List.of("Firefox", "Chrome", "Safari", "curl")) {
            var r = app.get(
                    "/client/ru/search?q=" + enc(SLANG) + "&open=904&lang=kz",
                    "X-Forwarded-For",
                    address("a"),
                    "User-Agent",
                    browser);
            assertThat(r.statusCode()).isEqualTo(303);
        }
        assertThat(app.app().readerWords().count()).isEmpty();
        assertThat(searchFinds904(SLANG)).isFalse();
    }

    @Test
    void wordsThatMayNameSomeoneAreNotKept() {
        for (String q : List.of("карта 4400 4302 1234 5678", "мой номер +7 701 123 45 67", "пишите на a@b.kz")) {
            open("a", q);
        }
        long rows = app.app()
                .jdbi()
                .withHandle(h -> h.createQuery("select count(*) from search_outcome")
                        .mapTo(Long.class)
                        .one());
        assertThat(rows).isZero();
        // a short number is no one's: a tariff, a year
        open("a", "тариф 2024");
        assertThat(ReaderWords.keepable("тариф 2024")).isTrue();
    }

    @Test
    void oneReaderCannotTeachMuch() {
        for (int i = 0; i < ReaderWords.PER_READER_A_DAY + 5; i++) {
            open("spammer", "слово " + i);
        }
        long rows = app.app()
                .jdbi()
                .withHandle(h -> h.createQuery("select count(*) from search_outcome")
                        .mapTo(Long.class)
                        .one());
        assertThat(rows).isEqualTo(ReaderWords.PER_READER_A_DAY);
    }

    @Test
    void aRejectedPhraseIsNeverUsedAndAConfirmedOneAlways() {
        open("a", SLANG);
        open("b", SLANG);
        open("c", SLANG);
        var words = app.app().readerWords();
        words.count();
        assertThat(searchFinds904(SLANG)).isTrue();
        words.decide(904, Locale.RU, SLANG, Optional.of(false), "editor");
        assertThat(phrases()).isEmpty();
        assertThat(searchFinds904(SLANG)).isFalse();
        open("d", SLANG);
        words.count();
        assertThat(phrases()).isEmpty();

        words.decide(904, Locale.RU, "подземка для машин", Optional.of(true), "editor");
        assertThat(phrases()).extracting(ReaderWords.Review::phrase).containsExactly("подземка для машин");
        assertThat(searchFinds904("подземка")).isTrue();
    }

    @Test
    void noAddressOrBrowserIsKept() {
        open("a", SLANG);
        String reader = app.app()
                .jdbi()
                .withHandle(h -> h.createQuery("select reader from search_outcome")
                        .mapTo(String.class)
                        .one());
        assertThat(reader).matches("[0-9a-f]{32}").doesNotContain("10.0.0.1");
    }

    @Test
    void badOpenLinksAreRefused() {
        assertThat(app.get("/client/ru/search?q=x&open=abc").statusCode()).isEqualTo(400);
        assertThat(app.get("/client/ru/search?q=x&open=904&lang=en").statusCode())
                .isEqualTo(400);
        assertThat(app.get("/client/ru/search?q=x&open=999999").statusCode()).isEqualTo(404);
    }
}
