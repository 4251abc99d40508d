package kz.komek.backup;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import kz.komek.Config;
import kz.komek.testing.TestApp;
import kz.komek.testing.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The analytics tables (decision 0046) are in {@code komek backup}: filled by a vote, searches and the deflection
 * tables' rows, backed up while the app serves, and restored row for row. Backups find tables from the catalog, so
 * nothing had to change there: this shows it.
 */
class AnalyticsBackupTest {
    private static final List<String> ANALYTICS =
            List.of("search_day", "search_miss_day", "vote_day", "question_view", "deflection", "deflection_day");

    @TempDir
    Path dir;

    @Test
    void analyticsSurviveABackupAndRestore() throws Exception {
        Path file = dir.resolve("site.zip");
        Config.DbUrl from;
        try (var app = TestApp.withBundle("/fixtures/mini.bundle.json")) {
            from = app.db();
            var vote = app.send(HttpRequest.newBuilder(URI.create(app.url("/api/v1/questions/462/votes?locale=ru")))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(
                            "{\"useful\": false, \"reason\": \"outdated\", \"comment\": \"Старое\"}"))
                    .build());
            assertThat(vote.statusCode()).as(vote.body()).isEqualTo(200);
            String bonus = "/client/ru/search?q=" + URLEncoder.encode("бонус", StandardCharsets.UTF_8);
            assertThat(app.get(bonus).statusCode()).isEqualTo(200);
            assertThat(app.get(bonus + "&open=462&lang=ru").statusCode()).isEqualTo(303);
            app.app().flushSearches();
            app.app().jdbi().useHandle(h -> {
                h.execute("insert into search_miss_day (day, site, locale, query) values (current_date, 'client',"
                        + " 'ru', 'нет такого')");
                h.execute("insert into question_view (question_id, day, views) values (456, current_date, 2)");
                h.execute("insert into deflection_day (day, site, locale, platform, channel, decision, messages, chat)"
                        + " values (current_date, 'client', 'ru', 'desktop', 'page', 'suggest', 3, 1)");
                h.execute("insert into deflection (id, day, site, locale, platform, channel, message, decision,"
                        + " confidence, suggested, chat_at) values ('bbbbbbbbbbbbbbbbbbbbb1', current_date, 'client',"
                        + " 'ru', 'desktop', 'page', 'где бонусы', 'suggest', 0.5, '{456}', now())");
            });
            var backup = Databases.cli(from, "backup", file.toString());
            assertThat(backup.code()).as(backup.err()).isZero();
        }
        var contents = Databases.contents(from);
        assertThat(ANALYTICS).allSatisfy(t -> assertThat(contents.get(t)).as(t).isNotEmpty());

        Config.DbUrl to = TestDatabase.fresh();
        var restore = Databases.cli(to, "restore", file.toString());
        assertThat(restore.code()).as(restore.err()).isZero();
        var restored = Databases.contents(to);
        for (String t : ANALYTICS) {
            assertThat(restored.get(t)).as(t).isEqualTo(contents.get(t));
        }
        assertThat(Databases.rows(to, "select query, searches, opened from search_day"))
                .containsExactly("бонус\t1\t1");
        assertThat(Databases.rows(to, "select question_id, not_useful, outdated from vote_day"))
                .containsExactly("462\t1\t1");
    }
}
