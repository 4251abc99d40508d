package kz.komek.search;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import kz.komek.bundle.BundleJson;
import kz.komek.testing.TestApp;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Search over real HTTP on a real database: the API, suggestions, the page, misses, freshness. */
class SearchApiTest {
    private static TestApp app;
    private final ObjectMapper mapper = new ObjectMapper();

    @BeforeAll
    static void start() {
        app = TestApp.withBundle("/fixtures/search.bundle.json", TestApp::withMetricsPort);
        app.app().syncSearch();
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private JsonNode json(String path, int status) throws Exception {
        var r = app.get(path);
        assertThat(r.statusCode()).as(path + " → " + r.body()).isEqualTo(status);
        return mapper.readTree(r.body());
    }

    @Test
    void theApiAnswersAsTheInterfaceSays() throws Exception {
        JsonNode r = json("/api/v1/search?q=" + enc("как пополнить карту") + "&site=client&locale=ru&limit=3", 200);
        assertThat(r.get("query").asText()).isEqualTo("как пополнить карту");
        assertThat(r.get("total").asInt()).isPositive();
        JsonNode first = r.get("results").get(0);
        assertThat(first.get("id").asLong()).isEqualTo(101);
        assertThat(first.get("title").asText()).isEqualTo("Как пополнить карту?");
        assertThat(first.get("url").asText()).isEqualTo("/client/ru/cards/general/q101");
        assertThat(first.get("snippet").asText()).isNotBlank().doesNotContain("<");
        assertThat(r.get("results").size()).isLessThanOrEqualTo(3);
    }

    @Test
    void metricsCountSearchesAnsweredFromTheCache() throws Exception {
        double cached = count("cached");
        double computed = count("computed");
        String path = "/api/v1/search?q=" + enc("снятие наличных без карты") + "&site=client&locale=kz&limit=4";
        json(path, 200);
        json(path, 200);
        assertThat(count("computed")).isEqualTo(computed + 1);
        assertThat(count("cached")).isEqualTo(cached + 1);
    }

    private static double count(String outcome) {
        String metrics = app.metrics();
        var m = java.util.regex.Pattern.compile(
                        "(?m)^komek_search_results_total\\{outcome=\"" + outcome + "\"} (\\S+)$")
                .matcher(metrics);
        assertThat(m.find()).as(outcome + " in " + metrics).isTrue();
        return Double.parseDouble(m.group(1));
    }

    @Test
    void aNulInTheQueryIsDroppedNotRefused() throws Exception {
        JsonNode r = json(
                "/api/v1/search?q=" + "%D0%BA%D0%B0%D0%BA%00+%D0%BF%D0%BE%D0%BF%D0%BE%D0%BB%D0%BD%D0%B8%D1%82%D1%8C"
                        + "+%D0%BA%D0%B0%D1%80%D1%82%D1%83&site=client&locale=ru&limit=3",
                200);
        assertThat(r.get("query").asText()).isEqualTo("как пополнить карту");
        assertThat(r.get("results").get(0).get("id").asLong()).isEqualTo(101);

        var page = app.get("/client/ru/search?q=%D0%BA%D0%B0%D1%80%D1%82%00%D1%83");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(Jsoup.parse(page.body()).title()).contains("«карту»");
    }

    @Test
    void withoutALocaleAnyLocaleAnswers() throws Exception {
        JsonNode r = json("/api/v1/search?q=" + enc("бонусты қалай аламын"), 200);
        assertThat(r.get("results").get(0).get("url").asText()).startsWith("/client/kz/");
    }

    @Test
    void suggestionsComeWhileTyping() throws Exception {
        JsonNode r = json("/api/v1/suggest?q=" + enc("заблок") + "&locale=ru", 200);
        assertThat(r.get("suggestions").get(0).get("id").asLong()).isEqualTo(102);
    }

    @Test
    void badInputIsA400AndAnUnknownSiteA404() throws Exception {
        assertThat(json("/api/v1/search", 400).get("error").asText()).contains("q is required");
        assertThat(json("/api/v1/search?q=x&limit=0", 400).get("error").asText())
                .contains("limit");
        assertThat(json("/api/v1/search?q=x&locale=en", 400).get("error").asText())
                .contains("locale");
        assertThat(json("/api/v1/search?q=" + "x".repeat(501), 400).get("error").asText())
                .contains("500");
        assertThat(json("/api/v1/search?q=x&site=nope", 404).get("error").asText())
                .contains("nope");
    }

    @Test
    void theSearchPageShowsResultsAndIsNotIndexed() {
        var r = app.get("/client/ru/search?q=" + enc("лимит снятия"));
        assertThat(r.statusCode()).isEqualTo(200);
        var doc = Jsoup.parse(r.body());
        assertThat(doc.select("meta[name=robots]").attr("content")).contains("noindex");
        assertThat(doc.select("h1")).hasSize(1);
        // the result's link goes through the search page, which notes the open and sends the reader on
        String href = doc.select(".search-results li a").first().attr("href");
        assertThat(href).startsWith("/client/ru/search?q=").endsWith("&open=103&lang=ru");
        assertThat(app.get(href).headers().firstValue("Location")).hasValue("/client/ru/cards/limits/q103");
        assertThat(doc.select(".search-result-snippet mark")).isNotEmpty();
        assertThat(doc.select("input[name=q]").attr("value")).isEqualTo("лимит снятия");
    }

    @Test
    void nothingFoundOffersTheChatAndIsRecordedForEditors() throws Exception {
        // unique, in letters: a query with five digits or more is counted without its words
        String q = "межпланетный телепорт "
                + Long.toString(System.nanoTime())
                        .chars()
                        .mapToObj(c -> String.valueOf((char) ('a' + c - '0')))
                        .collect(java.util.stream.Collectors.joining());
        var r = app.get("/client/ru/search?q=" + enc(q) + "&platform=app");
        var doc = Jsoup.parse(r.body());
        // the hand-off form first, in the app too (decision 0045)
        assertThat(doc.select(".search-nothing form.search-chat[action=/client/ru/ask?platform=app]"))
                .isNotEmpty();
        var store = new SearchStore(app.app().jdbi());
        long deadline = System.currentTimeMillis() + 3000;
        List<String> recorded = List.of();
        while (System.currentTimeMillis() < deadline) {
            recorded =
                    store.misses(20).stream().map(m -> (String) m.get("query")).toList();
            if (recorded.contains(q)) {
                break;
            }
            Thread.sleep(50);
        }
        assertThat(recorded).contains(q);
    }

    @Test
    void anImportIsSearchableAtOnce() throws Exception {
        assertThat(json("/api/v1/suggest?q=" + enc("открыть депоз") + "&locale=ru", 200)
                        .get("suggestions")
                        .findValuesAsText("id"))
                .as("scheduled for 2099: not suggested yet")
                .doesNotContain("501");
        String bundle = TestApp.resource("/fixtures/search.bundle.json")
                .replace("Как открыть депозит?", "Как открыть сберегательный вклад зебра?")
                .replace("2099-01-01T00:00:00.000000", "2020-01-01T00:00:00.000000");
        app.app().bundles().importBundle(new BundleJson().read(bundle), List.of());
        long started = System.currentTimeMillis();
        JsonNode r = null;
        while (System.currentTimeMillis() - started < 3000) {
            r = json("/api/v1/search?q=" + enc("вклад зебра") + "&locale=ru", 200);
            if (r.get("results").findValuesAsText("id").contains("501")) {
                break;
            }
            Thread.sleep(20);
        }
        // The index polls the database every half second; the 3 s bound only keeps a loaded machine from flaking.
        assertThat(r.get("total").asInt()).as("found within 3 s of the import").isPositive();
        assertThat(r.get("results").get(0).get("id").asLong()).isEqualTo(501);
        // Suggestions read the same index: the new title is suggested as soon as it is found.
        JsonNode s = json("/api/v1/suggest?q=" + enc("сберегательный вклад зеб") + "&locale=ru", 200);
        assertThat(s.get("suggestions").get(0).get("id").asLong()).isEqualTo(501);
        assertThat(s.get("suggestions").get(0).get("title").asText())
                .isEqualTo("Как открыть сберегательный вклад зебра?");
    }

    /**
     * A chat message pasted whole: 80 short words, and a 63-word message in Latin-script Kazakh. Long queries keep
     * their most specific words and never fail (Lucene refuses a query of over 1,024 clauses).
     */
    @Test
    void longMessagesAreAnsweredOnTheApiThePageAndSuggestions() throws Exception {
        var words = new StringBuilder();
        String[] shortWords = {"как", "мне", "бонус", "и", "на", "по", "карта", "не", "где", "уже", "да", "ну"};
        for (int i = 0; i < 80; i++) {
            words.append(shortWords[i % shortWords.length]).append(i % 7 == 0 ? "ы " : " ");
        }
        String latinKazakh = "salemetsiz be men kaspi gold kartasyn byltyr ashqan edim kazir bonus tuspei jatyr"
                + " dukende satyp alganda bonus jazylady dep aitqan edi biraq eshteme kelmedi qosymshada da korinbeidi"
                + " sonda ne isteuim kerek bonusty qalai qaitaryp alamyn ja erteng taghy satyp alamyn ba alde kutu"
                + " kerek pe raqmet aldyn ala jauap berseniz quanyshty bolar edim sau bolynyz kop raqmet sizge bank";
        for (String q : new String[] {words.toString().strip(), latinKazakh}) {
            json("/api/v1/search?q=" + enc(q), 200);
            json("/api/v1/suggest?q=" + enc(q) + "&site=client", 200);
            assertThat(app.get("/client/ru/search?q=" + enc(q)).statusCode()).isEqualTo(200);
        }
        assertThat(json("/api/v1/search?q=" + enc(latinKazakh) + "&site=client", 200)
                        .get("results")
                        .size())
                .isPositive();
    }
}
