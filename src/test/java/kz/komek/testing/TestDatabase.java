package kz.komek.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicInteger;
import kz.komek.Config;

/**
 * A fresh, empty PostgreSQL database per test app. One server serves the whole test run: the one named by
 * {@code KOMEK_TEST_DB_URL} (CI points it at Debian's PostgreSQL) or else one embedded server, started once.
 * Each test gets its own database, so tests never see each other's rows.
 */
public final class TestDatabase {
    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static EmbeddedPostgres embedded;

    private TestDatabase() {}

    /** Whether tests run against an external PostgreSQL server rather than the embedded one. */
    public static boolean external() {
        String url = System.getenv("KOMEK_TEST_DB_URL");
        return url != null && !url.isBlank();
    }

    public static synchronized Config.DbUrl fresh() {
        Config.DbUrl admin = admin();
        String name = "komek_test_" + ProcessHandle.current().pid() + "_" + COUNTER.incrementAndGet();
        try (var c = DriverManager.getConnection(admin.url(), admin.user(), admin.password());
                var st = c.createStatement()) {
            st.execute("create database " + name + " template template0 encoding 'UTF8'");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create a test database on " + admin.url(), e);
        }
        String url = admin.url().replaceFirst("/[^/?]*(\\?.*)?$", "/" + name + "$1");
        return new Config.DbUrl(url, admin.user(), admin.password());
    }

    private static Config.DbUrl admin() {
        if (external()) {
            return new Config.DbUrl(
                    System.getenv("KOMEK_TEST_DB_URL"),
                    envOr("KOMEK_TEST_DB_USER", "postgres"),
                    envOr("KOMEK_TEST_DB_PASSWORD", ""));
        }
        if (embedded == null) {
            try {
                // zonky registers a shutdown hook that stops this server when the test JVM exits.
                embedded = EmbeddedPostgres.builder().start();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return new Config.DbUrl(embedded.getJdbcUrl("postgres", "postgres"), "postgres", "");
    }

    private static String envOr(String name, String fallback) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? fallback : v;
    }

    /** The backends of this database listening for content changes ({@code ContentChanges}), one per node. */
    public static java.util.List<Integer> contentListeners(org.jdbi.v3.core.Jdbi jdbi) {
        return jdbi.withHandle(h -> h.createQuery("""
                        select pid from pg_stat_activity
                        where datname = current_database() and application_name = :name
                        """)
                .bind("name", kz.komek.storage.ContentChanges.APPLICATION_NAME)
                .mapTo(Integer.class)
                .list());
    }
}
