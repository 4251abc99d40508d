package kz.komek.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import kz.komek.i18n.Locale;
import kz.komek.testing.TestApp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Zero-result searches are counted, not stored one by one: anonymous requests cannot grow the table freely. */
class SearchMissesStoreTest {
    private static TestApp app;

    @BeforeAll
    static void start() {
        app = TestApp.empty();
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    @Test
    void aDayKeepsAFixedNumberOfQueriesAndCountsTheRest() {
        app.app().jdbi().useHandle(h -> h.execute("delete from search_miss_day"));
        var store = new SearchStore(app.app().jdbi(), 3);
        for (String q : new String[] {"телепорт", "Телепорт ", "tele  port", "четвёртый", "пятый", "шестой"}) {
            store.recordMiss("client", Optional.of(Locale.RU), q);
        }
        Map<String, Long> counted = app
                .app()
                .jdbi()
                .withHandle(h -> h.createQuery("select query, misses from search_miss_day")
                        .map((rs, ctx) -> Map.entry(rs.getString("query"), rs.getLong("misses")))
                        .list())
                .stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        assertThat(counted).containsEntry("телепорт", 2L).containsEntry("tele port", 1L);
        assertThat(counted).hasSize(3 + 1).containsEntry("", 2L);
    }

    @Test
    void wordsThatMayNameAPersonAreNotKept() {
        app.app().jdbi().useHandle(h -> h.execute("delete from search_miss_day"));
        var store = new SearchStore(app.app().jdbi());
        for (String q :
                new String[] {"перевод 4400 4301 2345 6789", "aigerim@example.kz", "+7 701 123 45 67", "кредит"}) {
            store.recordMiss("client", Optional.of(Locale.RU), q);
        }
        assertThat(store.misses(10))
                .extracting(m -> m.get("query") + " " + m.get("misses"))
                .containsExactlyInAnyOrder(" 3", "кредит 1");
    }

    @Test
    void oldDaysAreForgotten() {
        app.app().jdbi().useHandle(h -> h.execute("delete from search_miss_day"));
        app.app()
                .jdbi()
                .useHandle(
                        h -> h.execute(
                                "insert into search_miss_day (day, site, locale, query) values "
                                        + "(current_date - 91, 'client', 'ru', 'старое'), (current_date - 5, 'client', 'ru', 'недавнее')"));
        var store = new SearchStore(app.app().jdbi());
        assertThat(store.pruneMisses()).isEqualTo(1);
        assertThat(store.misses(10)).extracting(m -> m.get("query")).containsExactly("недавнее");
    }
}
