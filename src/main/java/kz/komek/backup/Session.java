package kz.komek.backup;

import java.sql.SQLException;
import java.sql.Statement;

/**
 * The settings a backup's files are written and read under, for this transaction only: they decide how COPY's text
 * writes dates, times, numbers and bytes, so a file reads back the same whatever the server's or the role's defaults
 * (docs/backup-format.md lists them for a restore by hand). No timeout may cut a long COPY short.
 */
final class Session {
    private Session() {}

    static final String SETTINGS = """
            set local timezone = 'UTC';
            set local datestyle = 'ISO, YMD';
            set local intervalstyle = 'postgres';
            set local extra_float_digits = 3;
            set local bytea_output = 'hex';
            set local statement_timeout = 0;
            set local idle_in_transaction_session_timeout = 0
            """;

    static void settings(Statement st) throws SQLException {
        st.execute(SETTINGS);
    }
}
