package kz.komek.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.function.Supplier;
import kz.komek.Config;
import kz.komek.bundle.BundleJson;
import kz.komek.testing.TestApp;
import org.junit.jupiter.api.Test;

/**
 * A question published in the future is absent everywhere (page, lists, API, search, sitemap), then appears by
 * itself when its time comes, with no write and no restart, through every cache.
 */
class ScheduledPublishingTest {
    private static final String PAGE = "/client/ru/bonus/save/general/q999";

    @Test
    void aScheduledQuestionAppearsOnTime() throws Exception {
        try (var app = TestApp.withBundle("/fixtures/mini.bundle.json")) {
            // six seconds from now in the help center's zone, in whole seconds as editors write it
            LocalDateTime at =
                    LocalDateTime.now(Config.DEFAULT_ZONE).plusSeconds(6).truncatedTo(ChronoUnit.SECONDS);
            String when = at.format(DateTimeFormatter.ISO_LOCAL_DATE_TIME);
            app.app()
                    .bundles()
                    .importBundle(
                            new BundleJson()
                                    .read(TestApp.resource("/fixtures/mini.bundle.json")
                                            .replace(
                                                    "\"published\": \"2099-01-01T00:00:00\"",
                                                    "\"published\": \"" + when + "\"")),
                            List.of());
            app.app().syncSearch();

            Supplier<List<Boolean>> present = () -> List.of(
                    app.get(PAGE).statusCode() == 200,
                    app.get("/client/ru/bonus/save/general").body().contains("/q999"),
                    app.get("/api/v1/questions/999?locale=ru").statusCode() == 200,
                    app.get("/api/v1/sections/bonus/save/general?site=client&locale=ru")
                            .body()
                            .contains("\"id\":999"),
                    app.get(
                                    "/api/v1/search?q=%D0%BD%D0%BE%D0%B2%D0%B0%D1%8F+%D0%B1%D0%BE%D0%BD%D1%83%D1%81%D0%BD%D0%B0%D1%8F+%D0%BF%D1%80%D0%BE%D0%B3%D1%80%D0%B0%D0%BC%D0%BC%D0%B0&site=client&locale=ru")
                            .body()
                            .contains("\"id\":999"),
                    app.get("/sitemaps/client-ru-1.xml").body().contains("/q999"));

            // before: absent everywhere (and the pages above are now cached without it)
            assertThat(LocalDateTime.now(Config.DEFAULT_ZONE)).isBefore(at);
            assertThat(present.get()).containsOnly(false);
            assertThat(app.get(PAGE).statusCode()).isEqualTo(404);

            // after: present everywhere, without a write or a restart
            List<Boolean> after = present.get();
            for (long end = System.nanoTime() + Duration.ofSeconds(20).toNanos();
                    after.contains(false) && System.nanoTime() < end; ) {
                Thread.sleep(200);
                after = present.get();
            }
            assertThat(after)
                    .as("page, section list, API, section API, search, sitemap")
                    .containsOnly(true);
            assertThat(LocalDateTime.now(Config.DEFAULT_ZONE)).isAfterOrEqualTo(at);
        }
    }
}
