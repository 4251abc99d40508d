package kz.komek.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import kz.komek.Config;
import kz.komek.i18n.Locale;
import kz.komek.testing.TestApp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The search page's searches and opens are counted in memory, written in batches per normalized query, with a bound
 * on the distinct queries a day, and without words that may name a person.
 */
class SearchCounterTest {
    private static TestApp app;

    @BeforeAll
    static void start() {
        app = TestApp.empty();
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    private static Map<String, String> rows() {
        return app
                .app()
                .jdbi()
                .withHandle(h -> h.createQuery("select query, searches || '/' || opened from search_day")
                        .map((rs, ctx) -> Map.entry(rs.getString(1), rs.getString(2)))
                        .list())
                .stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    @Test
    void countsAreWrittenInBatchesAndADayKeepsAFixedNumberOfQueries() {
        app.app().jdbi().useHandle(h -> h.execute("delete from search_day"));
        var counter = new SearchCounter(new SearchStore(app.app().jdbi(), 3), Clock.system(Config.DEFAULT_ZONE));
        for (String q : List.of("Бонус", " бонус ", "кэшбэк", "карта")) {
            counter.searched("client", Locale.RU, q);
        }
        counter.opened("client", Locale.RU, "БОНУС");
        // not kept: a card number, an e-mail address
        counter.searched("client", Locale.RU, "4400 4301 2345 6789");
        counter.searched("client", Locale.RU, "me@example.kz бонус");
        assertThat(rows()).as("nothing is written per search").isEmpty();
        assertThat(counter.flush()).isEqualTo(7);
        assertThat(rows())
                .containsOnly(
                        Map.entry("бонус", "2/1"),
                        Map.entry("кэшбэк", "1/0"),
                        Map.entry("карта", "1/0"),
                        Map.entry("", "2/0"));
        // the day is full: a new query counts under "", one it keeps still counts under its own
        counter.searched("client", Locale.RU, "депозит");
        counter.searched("client", Locale.RU, "кэшбэк");
        counter.opened("client", Locale.RU, "карта");
        assertThat(counter.flush()).isEqualTo(3);
        assertThat(counter.flush()).as("nothing counted twice").isZero();
        assertThat(rows())
                .containsOnly(
                        Map.entry("бонус", "2/1"),
                        Map.entry("кэшбэк", "2/0"),
                        Map.entry("карта", "1/1"),
                        Map.entry("", "3/0"));
        List<LocalDate> days = app.app()
                .jdbi()
                .withHandle(h -> h.createQuery("select distinct day from search_day")
                        .mapTo(LocalDate.class)
                        .list());
        assertThat(days).containsExactly(LocalDate.now(Config.DEFAULT_ZONE));
        counter.close();
    }
}
