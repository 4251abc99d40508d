package kz.komek.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import kz.komek.testing.TestApp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Pages are looked up by the content state this node keeps in memory: a write this node did not make (another node,
 * an import run from the command line) reaches its pages by notification, within a second.
 */
class CurrentStateTest {
    private static final String PAGE = "/client/ru/bonus/save/general/q456";

    static TestApp app;

    @BeforeAll
    static void start() {
        app = TestApp.withBundle("/fixtures/mini.bundle.json");
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    @Test
    void anotherProcesssWriteReachesCachedPagesWithinASecond() throws Exception {
        String before = app.get(PAGE).body();
        assertThat(app.get(PAGE).headers().firstValue("ETag")).isPresent();
        // plain JDBC, as another process writes: none of this process's commit listeners hear it
        try (var h = app.app().jdbi().open();
                var st = h.getConnection().createStatement()) {
            h.getConnection().setAutoCommit(false);
            st.executeUpdate("update question_text set title = 'Где узнать свои бонусы сегодня?'"
                    + " where question_id = 456 and locale = 'ru'");
            // as every komek write does: the question carries the version that changed it (decision 0029)
            st.executeUpdate("update question set revision = (select version + 1 from help_center) where id = 456");
            st.executeUpdate("update help_center set version = version + 1");
            h.getConnection().commit();
            h.getConnection().setAutoCommit(true);
        }
        long start = System.nanoTime();
        HttpResponse<String> after = null;
        while (System.nanoTime() - start < Duration.ofSeconds(3).toNanos()) {
            after = app.get(PAGE);
            if (after.body().contains("свои бонусы сегодня")) {
                break;
            }
            Thread.sleep(20);
        }
        long took = (System.nanoTime() - start) / 1_000_000;
        assertThat(after.body()).contains("свои бонусы сегодня").isNotEqualTo(before);
        assertThat(took).as("ms until the page changed").isLessThan(1_000);
    }
}
