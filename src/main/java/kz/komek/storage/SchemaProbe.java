package kz.komek.storage;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A readiness probe's question to the database, the newest migration applied, on a connection of its own that is
 * opened again after any failure. Not a pooled one: a node whose pool is busy is loaded, not unready (a check that
 * fails under load takes every node out at once), and after an outage the pool makes its first connection up to 5 s
 * after the database is back (HikariCP's back-off between attempts), where the probe's next attempt is within a
 * second.
 */
final class SchemaProbe implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(SchemaProbe.class);

    /** Opens a connection outside the pool whose connecting and reads wait at most so many seconds. */
    @FunctionalInterface
    interface Connector {
        Connection connect(int connectSeconds, int readSeconds) throws SQLException;
    }

    private final Connector connector;
    /** Open between questions; null after a failure (guarded by this). */
    private Connection connection;

    SchemaProbe(Connector connector) {
        this.connector = connector;
    }

    /** Connecting and each read wait at most about {@code timeout} (whole seconds, at least one). */
    synchronized String appliedMigration(Duration timeout) throws SQLException {
        int seconds = (int) Math.max(1, timeout.toSeconds());
        try {
            if (connection == null) {
                connection = connector.connect(seconds, seconds + 1);
            }
            try (var st = connection.createStatement()) {
                st.setQueryTimeout(seconds);
                try (var rs = st.executeQuery("select version from flyway_schema_history"
                        + " where success and version is not null order by installed_rank desc limit 1")) {
                    return rs.next() ? rs.getString(1) : "";
                }
            }
        } catch (SQLException | RuntimeException e) {
            close();
            throw e;
        }
    }

    @Override
    public synchronized void close() {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException e) {
                log.debug("readiness connection close: {}", e.toString());
            }
            connection = null;
        }
    }
}
