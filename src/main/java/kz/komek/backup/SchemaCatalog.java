package kz.komek.backup;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * komek's tables as PostgreSQL's catalog lists them in the connection's current schema (where Flyway migrates):
 * every table but Flyway's history, with its columns, the tables it references and the sequences its columns own.
 * Read from the catalog rather than listed in code, so that a new migration's tables are backed up without a
 * change here. Every identifier that goes into SQL is the catalog's, quoted by PostgreSQL ({@code format('%I')}).
 */
final class SchemaCatalog {
    static final String HISTORY = "flyway_schema_history";

    /** Table, column and sequence names this format takes (the manifest's rule); komek's are all like this. */
    private static final Pattern NAME = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

    record Column(String name, String quoted, String type) {}

    /**
     * @param qualified schema and name, quoted for SQL
     * @param partitioned a partitioned table, whose rows COPY reads through a query
     * @param references the other tables its foreign keys name
     * @param estimatedRows the planner's estimate ({@code reltuples}), for progress only
     */
    record Table(
            String name,
            String qualified,
            boolean partitioned,
            List<Column> columns,
            Set<String> references,
            long estimatedRows) {
        String columnList(List<String> names) {
            var quoted = new ArrayList<String>();
            for (String n : names) {
                quoted.add(columns.stream()
                        .filter(c -> c.name().equals(n))
                        .findFirst()
                        .orElseThrow()
                        .quoted());
            }
            return String.join(", ", quoted);
        }
    }

    /** A sequence of the schema, and the column it numbers when a column owns it (identity, serial). */
    record Sequence(String name, String qualified, Optional<String> table, Optional<String> column) {}

    /** By name, in name order. */
    final Map<String, Table> tables;
    /** By name, in name order. */
    final Map<String, Sequence> sequences;

    private SchemaCatalog(Map<String, Table> tables, Map<String, Sequence> sequences) {
        this.tables = tables;
        this.sequences = sequences;
    }

    /** Whether komek ever migrated this database: Flyway's history table is in the current schema. */
    static boolean migrated(Connection c) throws SQLException {
        try (var st =
                c.prepareStatement("select to_regclass(format('%I.%I', current_schema(), ?::text)) is not null")) {
            st.setString(1, HISTORY);
            try (var rs = st.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        }
    }

    /** Locks every table of the schema in {@code mode} (a PostgreSQL lock mode), in this transaction. */
    void lockAll(Connection c, String mode) throws SQLException {
        try (var st = c.createStatement()) {
            st.execute("lock table "
                    + String.join(
                            ", ", tables.values().stream().map(Table::qualified).toList())
                    + " in " + mode + " mode");
        }
    }

    static SchemaCatalog read(Connection c) throws SQLException {
        try (var st = c.createStatement();
                var rs = st.executeQuery("select current_schema() is not null")) {
            rs.next();
            if (!rs.getBoolean(1)) {
                throw new BackupException("the database user has no schema to work in (search_path)");
            }
        }
        var oids = new HashMap<Long, String>();
        var tables = new TreeMap<String, Table>();
        try (var st = c.prepareStatement("""
                        select c.oid, c.relname, format('%I.%I', n.nspname, c.relname), c.relkind = 'p',
                               greatest(c.reltuples, 0)::bigint
                        from pg_class c join pg_namespace n on n.oid = c.relnamespace
                        where n.nspname = current_schema() and c.relkind in ('r', 'p') and not c.relispartition
                            and c.relname <> ?
                        """)) {
            st.setString(1, HISTORY);
            try (var rs = st.executeQuery()) {
                while (rs.next()) {
                    String name = named(rs.getString(2), "table");
                    oids.put(rs.getLong(1), name);
                    tables.put(
                            name,
                            new Table(
                                    name,
                                    rs.getString(3),
                                    rs.getBoolean(4),
                                    new ArrayList<>(),
                                    new LinkedHashSet<>(),
                                    rs.getLong(5)));
                }
            }
        }
        // generated columns are computed by PostgreSQL: COPY neither needs nor takes them
        try (var st = c.prepareStatement("""
                        select a.attrelid, a.attname, quote_ident(a.attname), format_type(a.atttypid, a.atttypmod)
                        from pg_attribute a join pg_class c on c.oid = a.attrelid
                            join pg_namespace n on n.oid = c.relnamespace
                        where n.nspname = current_schema() and c.relkind in ('r', 'p') and a.attnum > 0
                            and not a.attisdropped and a.attgenerated = ''
                        order by a.attrelid, a.attnum
                        """);
                var rs = st.executeQuery()) {
            while (rs.next()) {
                String table = oids.get(rs.getLong(1));
                if (table != null) {
                    tables.get(table)
                            .columns()
                            .add(new Column(named(rs.getString(2), "column"), rs.getString(3), rs.getString(4)));
                }
            }
        }
        try (var st = c.prepareStatement("""
                        select conrelid, confrelid from pg_constraint
                        where contype = 'f' and connamespace = (select oid from pg_namespace where nspname = current_schema())
                        """);
                var rs = st.executeQuery()) {
            while (rs.next()) {
                String from = oids.get(rs.getLong(1));
                String to = oids.get(rs.getLong(2));
                if (from != null && to != null && !from.equals(to)) {
                    tables.get(from).references().add(to);
                }
            }
        }
        var sequences = new TreeMap<String, Sequence>();
        try (var st = c.prepareStatement("""
                        select s.relname, format('%I.%I', n.nspname, s.relname), t.relname, a.attname
                        from pg_class s join pg_namespace n on n.oid = s.relnamespace
                            left join pg_depend d on d.classid = 'pg_class'::regclass and d.objid = s.oid
                                and d.refclassid = 'pg_class'::regclass and d.deptype in ('a', 'i')
                            left join pg_class t on t.oid = d.refobjid
                            left join pg_attribute a on a.attrelid = t.oid and a.attnum = d.refobjsubid
                        where n.nspname = current_schema() and s.relkind = 'S'
                        """);
                var rs = st.executeQuery()) {
            while (rs.next()) {
                String name = named(rs.getString(1), "sequence");
                sequences.put(
                        name,
                        new Sequence(
                                name,
                                rs.getString(2),
                                Optional.ofNullable(rs.getString(3)),
                                Optional.ofNullable(rs.getString(4))));
            }
        }
        return new SchemaCatalog(tables, sequences);
    }

    private static String named(String name, String what) {
        if (!NAME.matcher(name).matches()) {
            throw new BackupException("the " + what + " \"" + name + "\" has a name komek-backup/1 does not take");
        }
        return name;
    }

    /**
     * The tables in an order that loads every referenced table before the tables that reference it (a table may
     * reference itself: PostgreSQL checks those at the end of each COPY). Tables in a cycle, which komek's schema
     * has none of, come after the rest in name order; only deferrable keys would let them load.
     */
    List<Table> loadOrder() {
        var order = new LinkedHashMap<String, Table>();
        boolean progressed = true;
        while (progressed && order.size() < tables.size()) {
            progressed = false;
            for (Table t : tables.values()) {
                if (!order.containsKey(t.name()) && order.keySet().containsAll(t.references())) {
                    order.put(t.name(), t);
                    progressed = true;
                }
            }
        }
        tables.values().forEach(t -> order.putIfAbsent(t.name(), t));
        return List.copyOf(order.values());
    }
}
