package kz.komek.storage;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import javax.sql.DataSource;
import kz.komek.Config;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.postgres.PostgresPlugin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The database: an external PostgreSQL ({@code --db-url}) or an embedded one whose files live under
 * {@code <data>/postgres}. Migrations run on open. Closing stops the embedded server, so no {@code postgres}
 * process outlives komek.
 *
 * <p>Only one process may run an embedded server on a data directory. A second komek process on the same
 * directory (an {@code import} while {@code serve} runs) finds the running server through its
 * {@code postmaster.pid} and connects to it instead of starting another.
 */
public final class Database implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Database.class);

    private final Optional<EmbeddedPostgres> embedded;
    private final Optional<Path> ownedDataDir;
    private final HikariDataSource dataSource;
    private final Jdbi jdbi;
    private final CommitHook commits;
    private final String description;
    /** The newest migration this jar has, set once the schema is migrated. */
    private volatile String newestMigration = "";

    private final SchemaProbe probe =
            new SchemaProbe((connect, read) -> connectAlone("komek readiness", connect, read));

    private Database(
            Optional<EmbeddedPostgres> embedded,
            Optional<Path> ownedDataDir,
            HikariDataSource dataSource,
            String description) {
        this.embedded = embedded;
        this.ownedDataDir = ownedDataDir;
        this.dataSource = dataSource;
        this.description = description;
        this.jdbi = Jdbi.create(dataSource).installPlugin(new PostgresPlugin());
        this.commits = new CommitHook(jdbi.getTransactionHandler());
        jdbi.setTransactionHandler(commits);
    }

    /**
     * Opens the database the config names and brings its schema up to date. An embedded server stops with the JVM
     * (a one-off command stopped by a signal leaves none behind).
     */
    public static Database open(Config config, int poolSize) {
        return open(config, poolSize, true);
    }

    /**
     * As {@link #open(Config, int)}; with {@code stopWithJvm} false an embedded server stops only when this is
     * closed: a server that drains on SIGTERM (decision 0041) needs its database until the requests in flight have
     * finished, and the JVM runs shutdown hooks all at once.
     */
    public static Database open(Config config, int poolSize, boolean stopWithJvm) {
        return migrated(openAsItIs(config, poolSize, stopWithJvm));
    }

    /**
     * Opens the database the config names and leaves its schema as it is: {@code backup} reads a schema as it finds
     * it, and {@code restore} brings an empty one to the backup's version ({@link #migrateTo}) before loading it.
     */
    public static Database openAsItIs(Config config, int poolSize) {
        return openAsItIs(config, poolSize, true);
    }

    private static Database openAsItIs(Config config, int poolSize, boolean stopWithJvm) {
        if (config.db().isPresent()) {
            var db = config.db().get();
            var ds = pool(db.url(), db.user(), db.password(), poolSize);
            return new Database(Optional.empty(), Optional.empty(), ds, "PostgreSQL at " + redact(db.url()));
        }
        Path pgDir = config.dataDir().resolve("postgres");
        Optional<Integer> running = runningServerPort(pgDir);
        if (running.isPresent() && !EmbeddedOwner.alive(config.dataDir())) {
            EmbeddedOwner.stopOrphan(pgDir);
            running = Optional.empty();
        }
        if (running.isEmpty()) {
            EmbeddedOwner.removeStalePidFile(pgDir);
        }
        if (running.isPresent()) {
            String url = "jdbc:postgresql://localhost:" + running.get() + "/postgres";
            var passwords = ClusterAccess.passwords(config.dataDir());
            var ds = pool(url, ClusterAccess.APP_ROLE, passwords.app(), poolSize);
            return new Database(
                    Optional.empty(),
                    Optional.empty(),
                    ds,
                    "embedded PostgreSQL of another komek process on port " + running.get());
        }
        dataDirectory(config.dataDir());
        var passwords = ClusterAccess.passwords(config.dataDir());
        EmbeddedPostgres pg = startEmbedded(config.dataDir(), pgDir, passwords, stopWithJvm);
        try {
            EmbeddedOwner.write(config.dataDir());
            String url = "jdbc:postgresql://localhost:" + pg.getPort() + "/postgres";
            ClusterAccess.grantApp(url, passwords);
            var ds = pool(url, ClusterAccess.APP_ROLE, passwords.app(), poolSize);
            return new Database(
                    Optional.of(pg),
                    Optional.of(config.dataDir()),
                    ds,
                    "embedded PostgreSQL 17 in " + pgDir + " on port " + pg.getPort());
        } catch (RuntimeException e) {
            closeQuietly(pg);
            throw e;
        }
    }

    /** A new data directory is its owner's alone; one the operator made keeps their choice (its secrets do not). */
    private static void dataDirectory(Path dataDir) {
        if (!Files.isDirectory(dataDir)) {
            ClusterAccess.privateDirectory(dataDir);
        }
    }

    private static EmbeddedPostgres startEmbedded(
            Path dataDir, Path pgDir, ClusterAccess.Passwords passwords, boolean stopWithJvm) {
        Path bin = dataDir.resolve("postgres-bin");
        ClusterAccess.privateDirectory(bin);
        removeOldBinaries(bin);
        // zonky makes its working directory world-writable; inside a 0700 one, nobody else can reach it.
        Path unpacked = bin.resolve("unpacked");
        boolean fresh = !Files.exists(pgDir.resolve("postgresql.conf"));
        try {
            return EmbeddedPostgres.builder()
                    .setDataDirectory(pgDir)
                    .setCleanDataDirectory(false)
                    .setRegisterShutdownHook(stopWithJvm)
                    .setOverrideWorkingDirectory(unpacked.toFile())
                    .setPgBinaryResolver(new ClusterAccess.BinariesIn(unpacked))
                    .setServerConfig("listen_addresses", "localhost")
                    .setServerConfig("unix_socket_directories", "")
                    .setServerConfig("password_encryption", "scram-sha-256")
                    // zonky tunes for throw-away test databases (-F, no synchronous commit); this one holds
                    // the help center, so it must survive a power cut.
                    .setServerConfig("fsync", "on")
                    .setServerConfig("synchronous_commit", "on")
                    .setServerConfig("full_page_writes", "on")
                    .setServerConfig("max_connections", "100")
                    .setLocaleConfig("encoding", "UTF8")
                    .setLocaleConfig("locale", "C.UTF-8")
                    // initdb's options ride on the locale ones: the superuser gets its password at birth.
                    .setLocaleConfig(
                            "pwfile",
                            dataDir.resolve(ClusterAccess.PASSWORDS_FILE).toString())
                    .setConnectConfig("password", passwords.superuser())
                    .setDataDirectoryCustomizer(ClusterAccess.beforeStart(unpacked, fresh, passwords))
                    .start();
        } catch (IOException e) {
            throw new StorageException(
                    "could not start the embedded PostgreSQL in " + pgDir + ": " + e.getMessage(), e);
        }
    }

    /** Older komek versions unpacked into the then world-writable {@code postgres-bin} itself: not to be run again. */
    private static void removeOldBinaries(Path bin) {
        try (var children = Files.list(bin)) {
            for (Path old : children.filter(p -> p.getFileName().toString().startsWith("PG-"))
                    .toList()) {
                try (var tree = Files.walk(old)) { // walk does not follow links: only the tree itself goes
                    for (Path p :
                            tree.sorted(java.util.Comparator.reverseOrder()).toList()) {
                        Files.delete(p);
                    }
                }
            }
        } catch (IOException e) {
            log.warn("could not remove old PostgreSQL binaries under {}: {}", bin, e.toString());
        }
    }

    /**
     * The port of a live PostgreSQL serving {@code pgDir}, read from its {@code postmaster.pid} (line 1: pid,
     * line 4: port). A stale file from a killed server is ignored: PostgreSQL itself recovers from it.
     */
    static Optional<Integer> runningServerPort(Path pgDir) {
        Path pidFile = pgDir.resolve("postmaster.pid");
        if (!Files.isRegularFile(pidFile)) {
            return Optional.empty();
        }
        try {
            List<String> lines = Files.readAllLines(pidFile);
            if (lines.size() < 4) {
                return Optional.empty();
            }
            int port = Integer.parseInt(lines.get(3).trim());
            return EmbeddedOwner.postmaster(pgDir).isPresent() ? Optional.of(port) : Optional.empty();
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static HikariDataSource pool(String url, String user, String password, int size) {
        var hc = new HikariConfig();
        hc.setJdbcUrl(url);
        hc.setUsername(user);
        hc.setPassword(password);
        hc.setMaximumPoolSize(size);
        hc.setMinimumIdle(1);
        hc.setPoolName("komek");
        hc.setConnectionTimeout(10_000);
        hc.setInitializationFailTimeout(10_000);
        // a connection that died unseen (a proxy gone, a cable cut) is found out within a second when it is lent
        hc.setValidationTimeout(1_000);
        try {
            return new HikariDataSource(hc);
        } catch (RuntimeException e) {
            throw new StorageException("could not connect to " + redact(url) + ": " + rootMessage(e), e);
        }
    }

    private static Database migrated(Database db) {
        try {
            db.migrateTo(Optional.empty());
            // the jar's own migrations, applied or not: what the schema must be for this code
            db.newestMigration = db.knownSchemaVersion();
            return db;
        } catch (RuntimeException e) {
            db.close();
            throw e;
        }
    }

    /**
     * Applies this jar's migrations up to {@code version} (every one when empty). Decision 0044: in order only, after
     * checking those applied against this jar's; migrations a newer komek applied are left alone, so a node of the
     * release before keeps starting while a rolling upgrade goes on. Flyway holds a PostgreSQL advisory lock while it
     * migrates, so nodes starting together take turns and the later ones find nothing left to do.
     */
    public void migrateTo(Optional<String> version) {
        try {
            flyway(version).migrate();
        } catch (RuntimeException e) {
            throw new StorageException("could not migrate the database schema: " + rootMessage(e), e);
        }
    }

    /** The schema's version: that of the newest migration applied; empty for a database komek never migrated. */
    public Optional<String> schemaVersion() {
        var current = flyway(Optional.empty()).info().current();
        return current == null || current.getVersion() == null
                ? Optional.empty()
                : Optional.of(current.getVersion().getVersion());
    }

    /** The version of the newest migration this jar has. */
    public String knownSchemaVersion() {
        return java.util.Arrays.stream(flyway(Optional.empty()).info().all())
                .filter(m -> m.getState().isResolved() && m.getVersion() != null)
                .map(org.flywaydb.core.api.MigrationInfo::getVersion)
                .max(java.util.Comparator.naturalOrder())
                .orElseThrow()
                .getVersion();
    }

    private Flyway flyway(Optional<String> target) {
        var flyway = Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                // Flyway's defaults, said here because rolling upgrades rely on them (decision 0044)
                .outOfOrder(false)
                .validateOnMigrate(true)
                .ignoreMigrationPatterns("*:future");
        target.ifPresent(flyway::target);
        return flyway.load();
    }

    public Jdbi jdbi() {
        return jdbi;
    }

    /**
     * Calls {@code listener} after each transaction this process commits, on the committing thread, with the
     * handle that committed it (still open). It must be quick; its failures are logged, never thrown.
     */
    public void afterCommit(java.util.function.Consumer<org.jdbi.v3.core.Handle> listener) {
        commits.add(listener);
    }

    public DataSource dataSource() {
        return dataSource;
    }

    /**
     * A connection of its own, outside the pool, for one held open for the app's life ({@link ContentChanges}'
     * LISTEN): the pool's are lent for a query at a time. The caller closes it; {@code applicationName} shows in
     * {@code pg_stat_activity}.
     */
    public Connection connectAlone(String applicationName) throws SQLException {
        return connectAlone(applicationName, 10, 60);
    }

    private Connection connectAlone(String applicationName, int connectSeconds, int readSeconds) throws SQLException {
        var properties = new Properties();
        properties.setProperty("user", dataSource.getUsername());
        if (dataSource.getPassword() != null) {
            properties.setProperty("password", dataSource.getPassword());
        }
        properties.setProperty("ApplicationName", applicationName);
        properties.setProperty("connectTimeout", Integer.toString(connectSeconds));
        properties.setProperty("loginTimeout", Integer.toString(connectSeconds + 1));
        // no read waits longer than this: a connection that died without a word is noticed
        properties.setProperty("socketTimeout", Integer.toString(readSeconds));
        return DriverManager.getConnection(dataSource.getJdbcUrl(), properties);
    }

    /** The newest schema migration this jar has (Flyway's version, such as {@code 15}). */
    public String newestMigration() {
        return newestMigration;
    }

    /**
     * The newest migration applied to the database, on a connection of its own (see {@link SchemaProbe}): a readiness
     * probe's question.
     *
     * @throws SQLException when the database cannot be reached or does not answer within about {@code timeout}
     */
    public String appliedMigration(java.time.Duration timeout) throws SQLException {
        return probe.appliedMigration(timeout);
    }

    /**
     * Publishes the pool's gauges and timers ({@code hikaricp.connections.active}, {@code .idle}, {@code .pending}
     * (threads waiting for a connection), {@code .max}, {@code .acquire}…) to a Micrometer registry; once.
     */
    public void publishPoolMetrics(io.micrometer.core.instrument.MeterRegistry meterRegistry) {
        dataSource.setMetricRegistry(meterRegistry);
    }

    /** Where the data lives, for the start-up log line (no passwords). */
    public String description() {
        return description;
    }

    @Override
    public void close() {
        probe.close();
        dataSource.close();
        embedded.ifPresent(pg -> {
            closeQuietly(pg);
            log.info("embedded PostgreSQL stopped");
        });
        ownedDataDir.ifPresent(dir -> {
            try {
                Files.deleteIfExists(dir.resolve(EmbeddedOwner.OWNER_FILE));
            } catch (IOException e) {
                log.debug("could not remove {}: {}", EmbeddedOwner.OWNER_FILE, e.toString());
            }
        });
    }

    /**
     * Refuses a second server on a data directory another live komek serves from: both would write the same
     * index and answer as one help center. A one-off command (an import) still connects beside it.
     */
    public static void requireNotServed(Config config) {
        if (config.db().isPresent()) {
            return;
        }
        Path pgDir = config.dataDir().resolve("postgres");
        if (runningServerPort(pgDir).isPresent() && EmbeddedOwner.alive(config.dataDir())) {
            String pid =
                    EmbeddedOwner.read(config.dataDir()).map(Object::toString).orElse("?");
            throw new StorageException(
                    "another komek (pid " + pid + ") is serving "
                            + config.dataDir().toAbsolutePath() + "; stop it first, or give this one another --data",
                    null);
        }
    }

    private static void closeQuietly(EmbeddedPostgres pg) {
        try {
            pg.close();
        } catch (IOException | RuntimeException e) {
            // Ctrl-C reaches postgres too (same process group) and it may already be gone.
            log.debug("embedded PostgreSQL stop: {}", e.toString());
        }
    }

    private static String redact(String url) {
        return url.replaceAll("(?i)(password=)[^&]*", "$1***");
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.toString() : t.getMessage();
    }

    /** Thrown when the database cannot be reached or prepared; the message says what to fix. */
    public static final class StorageException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        StorageException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
