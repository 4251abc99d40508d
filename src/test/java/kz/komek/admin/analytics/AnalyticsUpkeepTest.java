package kz.komek.admin.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import kz.komek.Config;
import kz.komek.testing.TestApp;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;

/**
 * The retention: raw events and readers' words go after it, per-day counts after 400 days or it, whichever is
 * longer; what is younger stays, and a second run deletes nothing.
 */
class AnalyticsUpkeepTest {
    private static final List<Integer> AGES = List.of(0, 6, 8, 29, 31, 399, 401, 1000);

    private static void fill(Jdbi jdbi, LocalDate today) {
        jdbi.useHandle(h -> {
            for (int age : AGES) {
                LocalDate day = today.minusDays(age);
                String id = ("a" + age + "-abcdefghijklmnopqrstuvwxyz").substring(0, 22);
                h.execute(
                        "insert into deflection (id, at, day, site, locale, platform, channel, message, decision,"
                                + " confidence, suggested) values (?, now(), ?, 'client', 'ru', 'desktop', 'page', 'm',"
                                + " 'none', 0, '{}')",
                        id,
                        day);
                h.execute(
                        "insert into deflection_day (day, site, locale, platform, channel, decision, messages)"
                                + " values (?, 'client', 'ru', 'desktop', 'page', 'none', 1)",
                        day);
                h.execute(
                        "insert into search_day (day, site, locale, query, searches) values (?, 'client', 'ru', 'q', 1)",
                        day);
                h.execute(
                        "insert into search_miss_day (day, site, locale, query) values (?, 'client', 'ru', 'q')", day);
                h.execute("insert into vote_day (day, question_id, locale, useful) values (?, 456, 'ru', 1)", day);
                h.execute("insert into question_view (question_id, day, views) values (456, ?, 1)", day);
            }
        });
    }

    private static List<Integer> ages(Jdbi jdbi, String table, LocalDate today) {
        return jdbi.withHandle(h -> h.createQuery("select day from " + table + " order by day desc")
                .mapTo(LocalDate.class)
                .map(d -> (int) (today.toEpochDay() - d.toEpochDay()))
                .list());
    }

    @Test
    void rawEventsGoAfterTheRetentionAndDailyCountsAfter400Days() {
        try (var app = TestApp.withBundle(
                "/fixtures/mini.bundle.json",
                c -> c.withOperations(c.operations().withAnalyticsRetention(30)))) {
            Jdbi jdbi = app.app().jdbi();
            LocalDate today = LocalDate.now(Config.DEFAULT_ZONE);
            fill(jdbi, today);
            Map<String, Integer> deleted = app.app().analytics().upkeep().prune();
            assertThat(deleted)
                    .containsEntry("deflection", 4)
                    .containsEntry("search_day", 4)
                    .containsEntry("search_miss_day", 4)
                    .containsEntry("deflection_day", 2)
                    .containsEntry("vote_day", 2)
                    .containsEntry("question_view", 2);
            for (String raw : List.of("deflection", "search_day", "search_miss_day")) {
                assertThat(ages(jdbi, raw, today)).as(raw).containsExactly(0, 6, 8, 29);
            }
            for (String counts : List.of("deflection_day", "vote_day", "question_view")) {
                assertThat(ages(jdbi, counts, today)).as(counts).containsExactly(0, 6, 8, 29, 31, 399);
            }
            assertThat(app.app().analytics().upkeep().prune().values()).containsOnly(0);
        }
    }

    @Test
    void aRetentionLongerThan400DaysKeepsTheDailyCountsAsLong() {
        try (var app = TestApp.withBundle(
                "/fixtures/mini.bundle.json",
                c -> c.withOperations(c.operations().withAnalyticsRetention(7)))) {
            Jdbi jdbi = app.app().jdbi();
            LocalDate today = LocalDate.now(Config.DEFAULT_ZONE);
            fill(jdbi, today);
            app.app().analytics().upkeep().prune();
            assertThat(ages(jdbi, "deflection", today)).containsExactly(0, 6);
            assertThat(ages(jdbi, "vote_day", today)).containsExactly(0, 6, 8, 29, 31, 399);
        }
        try (var app = TestApp.withBundle(
                "/fixtures/mini.bundle.json",
                c -> c.withOperations(c.operations().withAnalyticsRetention(500)))) {
            Jdbi jdbi = app.app().jdbi();
            LocalDate today = LocalDate.now(Config.DEFAULT_ZONE);
            fill(jdbi, today);
            app.app().analytics().upkeep().prune();
            assertThat(ages(jdbi, "search_day", today)).containsExactly(0, 6, 8, 29, 31, 399, 401);
            assertThat(ages(jdbi, "vote_day", today)).containsExactly(0, 6, 8, 29, 31, 399, 401);
        }
    }

    @Test
    void theRetentionIsBounded() {
        var ops = Config.Operations.DEFAULTS;
        assertThat(ops.analyticsRetention()).isEqualTo(90);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> ops.withAnalyticsRetention(6))
                .hasMessageContaining("--analytics-retention must be 7 to 3650 days");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> ops.withAnalyticsRetention(3651))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
