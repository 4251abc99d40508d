package kz.komek.backup;

import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import kz.komek.Config;
import kz.komek.cli.Cli;
import org.postgresql.PGConnection;

/**
 * What the backup tests look at in a database, read with plain JDBC and the information schema (not with the code
 * under test), and the commands run as {@code main} runs them.
 */
final class Databases {
    private Databases() {}

    /** A command's exit code and what it printed. */
    record Run(int code, String out, String err) {}

    /** {@code komek args… --db-url … --db-user … --db-password …}, in process. */
    static Run cli(Config.DbUrl db, String... args) {
        var out = new StringWriter();
        var err = new StringWriter();
        String[] all = Stream.concat(
                        Stream.of(args),
                        Stream.of("--db-url", db.url(), "--db-user", db.user(), "--db-password", db.password()))
                .toArray(String[]::new);
        int code = Cli.run(new PrintWriter(out, true), new PrintWriter(err, true), all);
        return new Run(code, out.toString(), err.toString());
    }

    static Connection connect(Config.DbUrl db) throws SQLException {
        return DriverManager.getConnection(db.url(), db.user(), db.password());
    }

    /** komek's tables (all of the current schema's but Flyway's history), by name. */
    static List<String> tables(Config.DbUrl db) throws SQLException {
        var names = new ArrayList<String>();
        try (var c = connect(db);
                var rs = c.createStatement().executeQuery("""
                        select table_name from information_schema.tables
                        where table_schema = current_schema() and table_type = 'BASE TABLE'
                            and table_name <> 'flyway_schema_history'
                        order by table_name
                        """)) {
            while (rs.next()) {
                names.add(rs.getString(1));
            }
        }
        return names;
    }

    /** Every table's rows as COPY writes them, sorted by every column: equal maps, equal contents. */
    static Map<String, String> contents(Config.DbUrl db) throws Exception {
        var contents = new TreeMap<String, String>();
        try (var c = connect(db)) {
            c.createStatement().execute("set timezone = 'UTC'");
            for (String table : tables(db)) {
                int columns;
                try (var st = c.prepareStatement("""
                        select count(*) from information_schema.columns
                        where table_schema = current_schema() and table_name = ?
                        """)) {
                    st.setString(1, table);
                    try (var rs = st.executeQuery()) {
                        rs.next();
                        columns = rs.getInt(1);
                    }
                }
                var order = new StringBuilder();
                for (int i = 1; i <= columns; i++) {
                    order.append(i == 1 ? "" : ", ").append(i);
                }
                var bytes = new ByteArrayOutputStream();
                c.unwrap(PGConnection.class)
                        .getCopyAPI()
                        .copyOut("copy (select * from " + table + " order by " + order + ") to stdout", bytes);
                contents.put(table, bytes.toString(StandardCharsets.UTF_8));
            }
        }
        return contents;
    }

    /** Each sequence's last value. */
    static Map<String, Long> sequences(Config.DbUrl db) throws SQLException {
        var values = new TreeMap<String, Long>();
        try (var c = connect(db);
                var rs = c.createStatement()
                        .executeQuery("select sequencename, last_value from pg_sequences"
                                + " where schemaname = current_schema()")) {
            while (rs.next()) {
                values.put(rs.getString(1), rs.getLong(2));
            }
        }
        return values;
    }

    /** The rows of one query, each as its columns joined by a tab. */
    static List<String> rows(Config.DbUrl db, String sql) throws SQLException {
        var rows = new ArrayList<String>();
        try (var c = connect(db);
                var rs = c.createStatement().executeQuery(sql)) {
            int n = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                var row = new ArrayList<String>();
                for (int i = 1; i <= n; i++) {
                    row.add(String.valueOf(rs.getObject(i)));
                }
                rows.add(String.join("\t", row));
            }
        }
        return rows;
    }

    static long count(Config.DbUrl db, String table) throws SQLException {
        return Long.parseLong(rows(db, "select count(*) from " + table).get(0));
    }
}
