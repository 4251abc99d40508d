package kz.komek.admin.words;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import kz.komek.admin.Role;
import kz.komek.admin.accounts.Password;
import kz.komek.admin.accounts.UserName;
import kz.komek.testing.AdminHttp;
import kz.komek.testing.TestApp;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The page of what search learned, over real HTTP: a publisher rejects a pair and search stops using it. */
class WordsPagesTest {
    private static TestApp app;
    private static AdminHttp http;

    @BeforeAll
    static void start() {
        app = TestApp.withBundle("/fixtures/lexicon.bundle.json");
        app.app().learnLexicon();
        http = new AdminHttp(app);
        app.app().accounts().addUser(new UserName("aigul"), Role.PUBLISHER, new Password(AdminHttp.PASSWORD));
        app.app().accounts().addUser(new UserName("viewer"), Role.VIEWER, new Password(AdminHttp.PASSWORD));
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    private static boolean finds904(String q) {
        String body = app.get("/api/v1/search?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8)
                        + "&site=client&locale=ru&limit=10")
                .body();
        return body.contains("\"id\":904");
    }

    @Test
    void aPublisherRejectsALearnedPairAndSearchStopsUsingIt() {
        var s = http.session("aigul", AdminHttp.PASSWORD);
        var page = Jsoup.parse(http.withSession("/admin/words", s).body());
        assertThat(page.select("table.words-pairs td[lang=ru]").eachText()).contains("парковк…");
        assertThat(finds904("подземная парковка")).isTrue();

        var r = http.postForm(
                "/admin/words/pairs",
                Map.of(
                        "ru", "парковк", "kz", "тұрақ", "as", "stems", "verdict", "reject", "lang", "ru", "_csrf",
                        s.csrf()),
                s);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(303);
        app.app().learnLexicon();

        assertThat(finds904("подземная парковка")).isFalse();
        var after = Jsoup.parse(http.withSession("/admin/words", s).body());
        var row = after.select("table.words-pairs tr:has(td[lang=ru]:containsOwn(парковк…))");
        assertThat(row.text()).contains("отклонено");
        long audited = app.app()
                .jdbi()
                .withHandle(h -> h.createQuery("select count(*) from audit_log where action = 'lexicon.reject'")
                        .mapTo(Long.class)
                        .one());
        assertThat(audited).isEqualTo(1);

        // the decision is undone the same way
        http.postForm(
                "/admin/words/pairs",
                Map.of(
                        "ru", "парковк", "kz", "тұрақ", "as", "stems", "verdict", "forget", "lang", "ru", "_csrf",
                        s.csrf()),
                s);
        app.app().learnLexicon();
        assertThat(finds904("подземная парковка")).isTrue();
    }

    @Test
    void aPairTypedAsWordsIsCutToStemsAndABadOneIsRefused() {
        var s = http.session("aigul", AdminHttp.PASSWORD);
        var r = http.postForm(
                "/admin/words/pairs",
                Map.of("ru", "подвале", "kz", "жерасты", "verdict", "confirm", "lang", "ru", "_csrf", s.csrf()),
                s);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(303);
        app.app().learnLexicon();
        assertThat(finds904("машина в подвале")).isTrue();

        var bad = http.postForm(
                "/admin/words/pairs",
                Map.of("ru", "парковка машины", "kz", "жерасты", "verdict", "confirm", "lang", "ru", "_csrf", s.csrf()),
                s);
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(Jsoup.parse(bad.body()).select("[role=alert]").text()).contains("одно слово");
        http.postForm(
                "/admin/words/pairs",
                Map.of("ru", "подвале", "kz", "жерасты", "verdict", "forget", "lang", "ru", "_csrf", s.csrf()),
                s);
    }

    @Test
    void aViewerReadsButCannotDecide() {
        var s = http.session("viewer", AdminHttp.PASSWORD);
        var page = Jsoup.parse(http.withSession("/admin/words", s).body());
        assertThat(page.select("h1").text()).isEqualTo("Чему научился поиск");
        assertThat(page.select("form[action=/admin/words/pairs]")).isEmpty();
        var r = http.postForm(
                "/admin/words/pairs",
                Map.of(
                        "ru", "парковк", "kz", "тұрақ", "as", "stems", "verdict", "reject", "lang", "ru", "_csrf",
                        s.csrf()),
                s);
        assertThat(r.statusCode()).isEqualTo(403);
    }
}
