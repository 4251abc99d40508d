package kz.komek.backup;

import java.io.IOException;
import java.io.InputStream;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import kz.komek.progress.Progress;
import kz.komek.storage.Database;
import org.flywaydb.core.api.MigrationVersion;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * Loads a backup into an empty database, all or nothing: the schema is migrated to the backup's version (nothing
 * newer: a column or table a later migration adds or fills would not match the files), every table is loaded with
 * COPY in one transaction, referenced tables first, each file checked against the manifest as it streams, the
 * sequences set past every id, and only then committed; the schema is then migrated to this jar's newest version,
 * as a start would. A refusal changes no row; an empty database may be left migrated to the backup's version.
 */
public final class Restore {
    private Restore() {}

    /**
     * Tables a migration fills (V1: help_center's one row, the content's settings and version): their rows are not
     * content, and the backup's replace them.
     */
    static final Set<String> SEEDED = Set.of("help_center");

    /** Tables named in the refusal of a database that is not empty, as an operator counts them, in this order. */
    private static final List<String[]> COUNTED_AS = List.of(
            new String[] {"question", "question", "questions"},
            new String[] {"section", "section", "sections"},
            new String[] {"site", "site", "sites"},
            new String[] {"material", "material", "materials"},
            new String[] {"app_user", "user", "users"},
            new String[] {"vote", "vote", "votes"},
            new String[] {"question_revision", "revision", "revisions"},
            new String[] {"audit_log", "audit entry", "audit entries"});

    /** What was restored: the manifest, the schema version the database is at now, and the rows loaded. */
    public record Restored(Manifest manifest, String schemaVersion, long rows) {}

    /** Restores {@code file} (already {@linkplain BackupFile#check checked}) into {@code db}. */
    public static Restored into(Database db, BackupFile file, Progress progress) {
        Manifest manifest = file.manifest();
        MigrationVersion wanted = MigrationVersion.fromVersion(manifest.schemaVersion());
        MigrationVersion known = MigrationVersion.fromVersion(db.knownSchemaVersion());
        if (wanted.compareTo(known) > 0) {
            throw new BackupException("the backup's schema is at version " + manifest.schemaVersion()
                    + ", newer than this komek knows (" + known + "): restore it with the komek that wrote it ("
                    + manifest.komekVersion() + ") or a newer one");
        }
        Optional<String> current = db.schemaVersion();
        if (current.isPresent()) {
            requireEmpty(db);
            if (MigrationVersion.fromVersion(current.get()).compareTo(wanted) > 0) {
                throw new BackupException("this database's schema is at version " + current.get()
                        + ", newer than the backup's (" + manifest.schemaVersion() + "): restore into a new, empty "
                        + "database; komek migrates it from the backup's version");
            }
        }
        db.migrateTo(Optional.of(manifest.schemaVersion()));
        String at = db.schemaVersion().orElse("none");
        if (!MigrationVersion.fromVersion(at).equals(wanted)) {
            throw new BackupException("the database's schema went to version " + at + ", not the backup's "
                    + manifest.schemaVersion() + ": this komek has no migration " + manifest.schemaVersion());
        }
        load(db, file, progress);
        db.migrateTo(Optional.empty());
        return new Restored(manifest, db.schemaVersion().orElseThrow(), manifest.rows());
    }

    private static void requireEmpty(Database db) {
        try (Connection c = db.dataSource().getConnection()) {
            requireEmpty(c, SchemaCatalog.read(c));
        } catch (SQLException e) {
            throw new BackupException("the database failed the restore: " + e.getMessage(), e);
        }
    }

    /** Refuses a database with rows in any table but the {@link #SEEDED} ones, saying what it has. */
    private static void requireEmpty(Connection c, SchemaCatalog catalog) throws SQLException {
        var counts = new LinkedHashMap<String, Long>();
        for (SchemaCatalog.Table t : catalog.tables.values()) {
            if (SEEDED.contains(t.name())) {
                continue;
            }
            try (var st = c.createStatement();
                    var rs = st.executeQuery("select count(*) from " + t.qualified())) {
                rs.next();
                if (rs.getLong(1) > 0) {
                    counts.put(t.name(), rs.getLong(1));
                }
            }
        }
        if (counts.isEmpty()) {
            return;
        }
        var said = new ArrayList<String>();
        for (String[] named : COUNTED_AS) {
            Long n = counts.remove(named[0]);
            if (n != null) {
                said.add(n + " " + named[n == 1 ? 1 : 2]);
            }
        }
        int others = counts.size();
        if (others > 0) {
            said.add("rows in " + others + (said.isEmpty() ? "" : " more") + (others == 1 ? " table" : " tables"));
        }
        throw new BackupException("restore needs an empty database; this one has " + String.join(", ", said)
                + ". Create a new database (or use a new --data directory) and restore into it");
    }

    private static void load(Database db, BackupFile file, Progress progress) {
        try (Connection c = db.dataSource().getConnection()) {
            c.setAutoCommit(false);
            try {
                load(c, file, progress);
                c.commit();
            } finally {
                if (!c.getAutoCommit()) {
                    c.rollback();
                }
                c.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new BackupException("the database refused the restore (rolled back): " + e.getMessage(), e);
        }
        try (Connection c = db.dataSource().getConnection()) {
            analyze(c, file.manifest());
        } catch (SQLException e) {
            // the rows are in; autovacuum gathers the statistics later
        }
    }

    private static void load(Connection c, BackupFile file, Progress progress) throws SQLException {
        Manifest manifest = file.manifest();
        try (var st = c.createStatement()) {
            Session.settings(st);
            st.execute("set local lock_timeout = '60s'");
        }
        SchemaCatalog catalog = SchemaCatalog.read(c);
        match(manifest, catalog);
        // nobody writes (a server starting on this database loads its demo content) until this commits
        catalog.lockAll(c, "access exclusive");
        try (var st = c.createStatement()) {
            st.execute("set constraints all deferred");
        }
        requireEmpty(c, catalog);
        for (String seeded : SEEDED) {
            SchemaCatalog.Table t = catalog.tables.get(seeded);
            if (t != null) {
                try (var st = c.createStatement()) {
                    st.execute("delete from " + t.qualified());
                }
            }
        }
        long total = manifest.tables().stream().mapToLong(Manifest.Table::bytes).sum();
        progress.phase("restoring", Math.max(1, total >> 20), "MB");
        CopyManager copy = c.unwrap(PGConnection.class).getCopyAPI();
        long[] done = {0};
        for (SchemaCatalog.Table t : catalog.loadOrder()) {
            Manifest.Table entry = manifest.table(t.name()).orElseThrow();
            String sql = "copy " + t.qualified() + " ("
                    + t.columnList(
                            entry.columns().stream().map(Manifest.Column::name).toList()) + ") from stdin";
            long rows;
            try (InputStream in = file.table(entry, n -> progress.at((done[0] += n) >> 20))) {
                rows = copy.copyIn(sql, in, 1 << 16);
            } catch (TableInput.Mismatch e) {
                throw new BackupException(e.getMessage());
            } catch (IOException e) {
                throw new BackupException("cannot read " + entry.file() + ": " + e.getMessage(), e);
            }
            if (rows != entry.rows()) {
                throw new BackupException("table " + t.name() + ": loaded " + rows + " rows; " + Manifest.FILE
                        + " gives " + entry.rows());
            }
        }
        sequences(c, manifest, catalog);
    }

    /** The backup's tables and columns are this schema's: same names and types, none missing, none more. */
    private static void match(Manifest manifest, SchemaCatalog catalog) {
        for (Manifest.Table t : manifest.tables()) {
            SchemaCatalog.Table here = catalog.tables.get(t.name());
            if (here == null) {
                throw new BackupException("the backup has a table " + t.name() + ", which komek's schema (version "
                        + manifest.schemaVersion() + ") has not");
            }
            var columns = here.columns().stream()
                    .map(col -> new Manifest.Column(col.name(), col.type()))
                    .toList();
            if (!Set.copyOf(columns).equals(Set.copyOf(t.columns()))
                    || columns.size() != t.columns().size()) {
                throw new BackupException("table " + t.name() + ": the backup's columns " + describe(t.columns())
                        + " are not the schema's " + describe(columns));
            }
        }
        for (String name : catalog.tables.keySet()) {
            if (manifest.table(name).isEmpty()) {
                throw new BackupException("the backup has no file for the table " + name + " of komek's schema "
                        + "(version " + manifest.schemaVersion() + ")");
            }
        }
        for (Manifest.Sequence s : manifest.sequences()) {
            if (!catalog.sequences.containsKey(s.name())) {
                throw new BackupException("the backup has a sequence " + s.name() + ", which komek's schema "
                        + "(version " + manifest.schemaVersion() + ") has not");
            }
        }
    }

    private static String describe(List<Manifest.Column> columns) {
        return columns.stream().map(c -> c.name() + " " + c.type()).toList().toString();
    }

    /**
     * Every sequence goes where the backup found it, and past the largest value its column holds: a new row never
     * takes an id that is there (COPY wrote the ids without drawing them from the sequence).
     */
    private static void sequences(Connection c, Manifest manifest, SchemaCatalog catalog) throws SQLException {
        for (SchemaCatalog.Sequence s : catalog.sequences.values()) {
            Long value = manifest.sequences().stream()
                    .filter(m -> m.name().equals(s.name()) && m.called())
                    .map(Manifest.Sequence::value)
                    .findFirst()
                    .orElse(null);
            if (s.table().isPresent() && s.column().isPresent()) {
                SchemaCatalog.Table t = catalog.tables.get(s.table().get());
                if (t != null) {
                    try (var st = c.createStatement();
                            var rs = st.executeQuery("select max("
                                    + t.columnList(List.of(s.column().get())) + ")::bigint from " + t.qualified())) {
                        rs.next();
                        long max = rs.getLong(1);
                        if (!rs.wasNull() && (value == null || max > value)) {
                            value = max;
                        }
                    }
                }
            }
            if (value != null) {
                try (var st = c.prepareStatement("select setval(cast(? as regclass), ?, true)")) {
                    st.setString(1, s.qualified());
                    st.setLong(2, value);
                    st.execute();
                }
            }
        }
    }

    /** Fresh statistics, so the first queries after a restore are planned on the real sizes. */
    private static void analyze(Connection c, Manifest manifest) throws SQLException {
        var catalog = SchemaCatalog.read(c);
        for (Manifest.Table t : manifest.tables()) {
            SchemaCatalog.Table here = catalog.tables.get(t.name());
            if (here != null && t.rows() > 0) {
                try (var st = c.createStatement()) {
                    st.execute("analyze " + here.qualified());
                }
            }
        }
    }
}
