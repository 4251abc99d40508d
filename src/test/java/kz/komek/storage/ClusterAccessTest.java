package kz.komek.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.TimeUnit;
import kz.komek.App;
import kz.komek.Config;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Other users of the machine cannot reach komek's embedded PostgreSQL, nor its files, nor its binaries. */
class ClusterAccessTest {
    @TempDir
    Path tmp;

    @Test
    void aNewDataDirectoryLetsNoOneInWithoutAPasswordAndTheAppIsNoSuperuser() throws Exception {
        Path data = tmp.resolve("data");
        try (App app = App.create(Config.forTests(data))) {
            int port = port(data);
            String url = "jdbc:postgresql://localhost:" + port + "/postgres";
            assertThatThrownBy(() -> DriverManager.getConnection(url, "postgres", ""))
                    .isInstanceOf(SQLException.class);
            assertThatThrownBy(() -> DriverManager.getConnection(url, "komek", ""))
                    .isInstanceOf(SQLException.class);
            assertThatThrownBy(() -> DriverManager.getConnection(url, "postgres", "guess"))
                    .hasMessageContaining("password authentication failed");
            assertThat(socketDirectories(data))
                    .as("no Unix socket, in /tmp or anywhere")
                    .isEmpty();

            try (var c = DriverManager.getConnection(url, "komek", password(data, 2));
                    var st = c.createStatement()) {
                var rs = st.executeQuery(
                        "select rolsuper, rolcreaterole, rolcreatedb from pg_roles" + " where rolname = current_user");
                rs.next();
                assertThat(List.of(rs.getBoolean(1), rs.getBoolean(2), rs.getBoolean(3)))
                        .containsOnly(false);
                assertThatThrownBy(() -> st.executeQuery("select pg_read_file('/etc/passwd')"))
                        .hasMessageContaining("permission denied");
                assertThatThrownBy(() -> st.execute("copy (select 1) to program 'id'"))
                        .hasMessageContaining("permission denied");
                var owners = st.executeQuery("select distinct tableowner from pg_tables where schemaname = 'public'");
                owners.next();
                assertThat(owners.getString(1)).isEqualTo("komek");
                assertThat(owners.next()).isFalse();
            }
        }
        assertThat(mode(data)).isEqualTo("rwx------");
        assertThat(mode(data.resolve("postgres"))).isEqualTo("rwx------");
        assertThat(mode(data.resolve("postgres-bin"))).isEqualTo("rwx------");
        assertThat(mode(data.resolve(ClusterAccess.PASSWORDS_FILE))).isEqualTo("rw-------");
    }

    /** What the attack of issue 12 did, as the user {@code nobody}: it needs root to become nobody. */
    @Test
    void theUserNobodyCannotConnectNorReadThePasswords() throws Exception {
        boolean root = "root".equals(System.getProperty("user.name"));
        org.junit.jupiter.api.Assumptions.assumeTrue(
                root && Files.isExecutable(Path.of("/usr/bin/psql")) && Files.isExecutable(Path.of("/sbin/runuser")),
                "needs root, psql and runuser to act as nobody");
        // An operator's own directory, open to others: komek keeps its secrets private inside it.
        Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path data = Files.createDirectory(
                tmp.resolve("data"),
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
        try (App app = App.create(Config.forTests(data))) {
            assertThat(mode(data)).isEqualTo("rwxr-xr-x");
            String port = Integer.toString(port(data));
            for (String role : List.of("postgres", "komek")) {
                var psql = asNobody("psql", "-w", "-h", "127.0.0.1", "-p", port, "-U", role, "-c", "select 1");
                assertThat(psql.code).as(psql.out).isNotZero();
                assertThat(psql.out).contains("no password supplied");
            }
            var cat = asNobody("cat", data.resolve(ClusterAccess.PASSWORDS_FILE).toString());
            assertThat(cat.code).isNotZero();
            var touch =
                    asNobody("touch", data.resolve("postgres-bin/unpacked/x").toString());
            assertThat(touch.code).as("the binaries' directory").isNotZero();
        }
    }

    /**
     * A cluster an older komek made: trust everywhere, a superuser without a password, tables it owns and
     * binaries in a world-writable directory. The next start closes all of it and keeps the data.
     */
    @Test
    void aClusterFromAnOlderKomekIsClosedOnItsNextStart() throws Exception {
        Path data = tmp.resolve("data");
        Path bin = data.resolve("postgres-bin");
        Files.createDirectories(bin);
        try (var old = EmbeddedPostgres.builder()
                .setDataDirectory(data.resolve("postgres"))
                .setCleanDataDirectory(false)
                .setOverrideWorkingDirectory(bin.toFile())
                // a resolver of its own, so that zonky unpacks into bin rather than reuse another test's binaries
                .setPgBinaryResolver((system, arch) ->
                        io.zonky.test.db.postgres.embedded.DefaultPostgresBinaryResolver.INSTANCE.getPgBinary(
                                system, arch))
                .start()) {
            org.flywaydb.core.Flyway.configure()
                    .dataSource(old.getPostgresDatabase())
                    .locations("classpath:db/migration")
                    .load()
                    .migrate();
            try (var c = old.getPostgresDatabase().getConnection();
                    var st = c.createStatement()) {
                st.execute("create table kept (v text); insert into kept values ('readers'' data')");
            }
        }
        assertThat(mode(bin)).isEqualTo("rwxrwxrwx");

        try (App app = App.create(Config.forTests(data))) {
            String url = "jdbc:postgresql://localhost:" + port(data) + "/postgres";
            assertThatThrownBy(() -> DriverManager.getConnection(url, "postgres", ""))
                    .isInstanceOf(SQLException.class);
            try (var c = DriverManager.getConnection(url, "komek", password(data, 2));
                    var st = c.createStatement()) {
                var rs = st.executeQuery(
                        "select v, (select tableowner from pg_tables where tablename = 'kept')" + " from kept");
                rs.next();
                assertThat(rs.getString(1)).isEqualTo("readers' data");
                assertThat(rs.getString(2)).isEqualTo("komek");
            }
            try (var c = DriverManager.getConnection(url, "postgres", password(data, 1))) {
                assertThat(c.isValid(5)).isTrue();
            }
        }
        assertThat(mode(bin)).isEqualTo("rwx------");
        try (var left = Files.list(bin)) {
            assertThat(left.map(p -> p.getFileName().toString()))
                    .as("the binaries others could have replaced are gone")
                    .containsExactly("unpacked");
        }
    }

    @Test
    void aPasswordsFileOthersCouldReadIsMadePrivateAndADamagedOneIsRefused() throws Exception {
        Path data = tmp.resolve("data");
        ClusterAccess.privateDirectory(data);
        var first = ClusterAccess.passwords(data);
        Path file = data.resolve(ClusterAccess.PASSWORDS_FILE);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        assertThat(ClusterAccess.passwords(data)).isEqualTo(first);
        assertThat(mode(file)).isEqualTo("rw-------");
        assertThat(first.toString()).doesNotContain(first.app());

        Files.writeString(file, "x'; drop table question; --\n");
        assertThatThrownBy(() -> ClusterAccess.passwords(data))
                .isInstanceOf(Database.StorageException.class)
                .hasMessageContaining("is damaged");
    }

    private static int port(Path data) throws Exception {
        return Integer.parseInt(Files.readAllLines(data.resolve("postgres/postmaster.pid"))
                .get(3)
                .trim());
    }

    private static String socketDirectories(Path data) throws Exception {
        return Files.readAllLines(data.resolve("postgres/postmaster.pid"))
                .get(4)
                .trim();
    }

    private static String password(Path data, int line) throws Exception {
        return Files.readAllLines(data.resolve(ClusterAccess.PASSWORDS_FILE)).get(line - 1);
    }

    private static String mode(Path p) throws Exception {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
    }

    private record Run(int code, String out) {}

    private static Run asNobody(String... command) throws Exception {
        var cmd = new java.util.ArrayList<>(List.of("/sbin/runuser", "-u", "nobody", "--"));
        cmd.addAll(List.of(command));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        return new Run(p.exitValue(), out);
    }
}
