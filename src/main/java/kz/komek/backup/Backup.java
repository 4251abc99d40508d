package kz.komek.backup;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import kz.komek.progress.Progress;
import kz.komek.storage.Database;
import org.flywaydb.core.api.MigrationVersion;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * Writes a {@code komek-backup/1} file (docs/backup-format.md) of everything komek stores: every table of its schema
 * but Flyway's history, read with COPY in one {@code REPEATABLE READ, READ ONLY} transaction, so the file is one
 * moment of a database that goes on serving. The file appears whole or not at all (written beside the target,
 * flushed to disk, then linked or renamed into place) and is readable by its owner only: it holds password and token
 * hashes.
 */
public final class Backup {
    private Backup() {}

    /** What was written: the manifest and the file's size in bytes. */
    public record Written(Path file, Manifest manifest, long bytes) {}

    /**
     * Backs up the database to {@code target}. An existing file is replaced only when {@code overwrite}; without it,
     * a file that appears while the backup runs is not replaced either.
     */
    public static Written write(Database db, Path target, boolean overwrite, Progress progress) {
        Path file = target.toAbsolutePath();
        if (!overwrite && Files.exists(file)) {
            throw new BackupException(file + " exists; give --overwrite to replace it");
        }
        Path dir = file.getParent();
        if (!Files.isDirectory(dir)) {
            throw new BackupException("no directory " + dir);
        }
        Path tmp = null;
        try {
            tmp = Files.createTempFile(dir, ".komek-backup", ".tmp", ownerOnly(dir));
            Manifest manifest;
            try (var out = new ZipOutputStream(new BufferedOutputStream(Files.newOutputStream(tmp), 1 << 16))) {
                manifest = write(db, out, progress);
            }
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
                ch.force(true);
            }
            long bytes = Files.size(tmp);
            if (overwrite) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } else {
                placeWithoutReplacing(tmp, file);
            }
            syncDirectory(dir);
            return new Written(file, manifest, bytes);
        } catch (FileAlreadyExistsException e) {
            throw new BackupException(file + " exists; give --overwrite to replace it");
        } catch (IOException e) {
            throw new BackupException("cannot write " + file + ": " + e.getMessage(), e);
        } finally {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException e) {
                    // a leftover dot-file beside the backup, harmless
                }
            }
        }
    }

    /**
     * A link fails when the name is taken, where a rename would replace what is there; a file system without hard
     * links gets a move that refuses an existing target (checked, then renamed: a race only another writer of the
     * same name could lose).
     */
    private static void placeWithoutReplacing(Path tmp, Path file) throws IOException {
        try {
            Files.createLink(file, tmp);
        } catch (FileAlreadyExistsException e) {
            throw e;
        } catch (UnsupportedOperationException | java.nio.file.FileSystemException e) {
            Files.move(tmp, file);
        }
    }

    private static FileAttribute<?>[] ownerOnly(Path dir) {
        return dir.getFileSystem().supportedFileAttributeViews().contains("posix")
                ? new FileAttribute<?>[] {
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"))
                }
                : new FileAttribute<?>[0];
    }

    /** The new name is durable once its directory is: Linux flushes a directory opened for reading. */
    private static void syncDirectory(Path dir) {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException e) {
            // not every system opens directories; the file itself is on disk
        }
    }

    /** Writes the tables' files and then the manifest to {@code zip}, in one read-only snapshot. */
    static Manifest write(Database db, ZipOutputStream zip, Progress progress) throws IOException {
        try (Connection c = db.dataSource().getConnection()) {
            c.setAutoCommit(false);
            try {
                Manifest manifest = write(c, zip, progress);
                c.commit();
                return manifest;
            } finally {
                if (!c.getAutoCommit()) {
                    c.rollback();
                }
                c.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new BackupException("the database failed the backup: " + e.getMessage(), e);
        }
    }

    private static Manifest write(Connection c, ZipOutputStream zip, Progress progress)
            throws SQLException, IOException {
        try (var st = c.createStatement()) {
            // the first statement: the snapshot is taken at the first query after it
            st.execute("set transaction isolation level repeatable read, read only");
            Session.settings(st);
        }
        Instant created;
        try (var st = c.createStatement();
                var rs = st.executeQuery("select now()")) {
            rs.next(); // the transaction's start: the moment the files show
            created =
                    rs.getObject(1, java.time.OffsetDateTime.class).toInstant().truncatedTo(ChronoUnit.MILLIS);
        }
        if (!SchemaCatalog.migrated(c)) {
            throw new BackupException("this database has no komek schema (no " + SchemaCatalog.HISTORY
                    + " in its current schema): nothing to back up");
        }
        String schemaVersion = schemaVersion(c);
        SchemaCatalog catalog = SchemaCatalog.read(c);
        if (catalog.tables.isEmpty()) {
            throw new BackupException("this database's schema has no tables: nothing to back up");
        }
        // no migration may change a table between its listing and its COPY
        catalog.lockAll(c, "access share");
        var sequences = new ArrayList<Manifest.Sequence>();
        for (SchemaCatalog.Sequence s : catalog.sequences.values()) {
            try (var st = c.createStatement();
                    var rs = st.executeQuery("select last_value, is_called from " + s.qualified())) {
                rs.next();
                sequences.add(new Manifest.Sequence(s.name(), rs.getLong(1), rs.getBoolean(2)));
            }
        }
        long estimate = catalog.tables.values().stream()
                .mapToLong(SchemaCatalog.Table::estimatedRows)
                .sum();
        progress.phase("", estimate > 0 ? estimate : -1, "rows");
        CopyManager copy = c.unwrap(PGConnection.class).getCopyAPI();
        var tables = new ArrayList<Manifest.Table>();
        long done = 0;
        for (SchemaCatalog.Table t : catalog.tables.values()) {
            zip.putNextEntry(new ZipEntry(Manifest.TABLES + t.name() + ".copy"));
            long before = done;
            var out = new TableOutput(zip, n -> progress.at(before + n));
            List<String> columns =
                    t.columns().stream().map(SchemaCatalog.Column::name).toList();
            String source = t.partitioned()
                    ? "(select " + t.columnList(columns) + " from " + t.qualified() + ")"
                    : t.qualified() + " (" + t.columnList(columns) + ")";
            long rows = copy.copyOut("copy " + source + " to stdout", (OutputStream) out);
            zip.closeEntry();
            if (rows != out.rows()) {
                throw new BackupException(
                        "table " + t.name() + ": COPY said " + rows + " rows and wrote " + out.rows() + " lines");
            }
            done += rows;
            progress.at(done);
            tables.add(new Manifest.Table(
                    t.name(),
                    t.columns().stream()
                            .map(col -> new Manifest.Column(col.name(), col.type()))
                            .toList(),
                    rows,
                    out.bytes(),
                    out.sha256Hex()));
        }
        var manifest = new Manifest(komekVersion(), schemaVersion, created, tables, sequences);
        zip.putNextEntry(new ZipEntry(Manifest.FILE));
        zip.write(manifest.toJson());
        zip.closeEntry();
        return manifest;
    }

    /** The newest migration applied, read in the backup's snapshot. */
    static String schemaVersion(Connection c) throws SQLException {
        MigrationVersion newest = null;
        try (var st = c.createStatement();
                var rs = st.executeQuery(
                        "select version from " + SchemaCatalog.HISTORY + " where success and version is not null")) {
            while (rs.next()) {
                MigrationVersion v = MigrationVersion.fromVersion(rs.getString(1));
                if (newest == null || v.compareTo(newest) > 0) {
                    newest = v;
                }
            }
        }
        if (newest == null) {
            throw new BackupException("this database's schema has no migration applied: nothing to back up");
        }
        return newest.getVersion();
    }

    static String komekVersion() {
        String v = Backup.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }
}
