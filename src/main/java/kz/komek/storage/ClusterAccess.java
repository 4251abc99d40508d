package kz.komek.storage;

import io.zonky.test.db.postgres.embedded.DefaultPostgresBinaryResolver;
import io.zonky.test.db.postgres.embedded.PgBinaryResolver;
import io.zonky.test.db.postgres.util.LinuxUtils;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Stream;
import kz.komek.storage.Database.StorageException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Who may reach the embedded PostgreSQL, and as whom. Other users of the machine are the threat: zonky's
 * defaults (trust for every local connection, a socket in {@code /tmp}, a world-writable binary directory) let
 * any of them in as superuser. So: passwords (scram-sha-256) kept in a 0600 file under {@code --data}, TCP on
 * localhost only and no Unix socket, binaries inside a 0700 directory, and the app itself connects as
 * {@value #APP_ROLE}, a role that owns komek's schema and nothing else: no file reads, no programs.
 */
final class ClusterAccess {
    private static final Logger log = LoggerFactory.getLogger(ClusterAccess.class);

    static final String PASSWORDS_FILE = "postgres.passwords";
    static final String APP_ROLE = "komek";
    static final String SUPERUSER = "postgres";

    /** The first line of {@code pg_hba.conf}: a cluster whose file starts so has had its superuser password set. */
    static final String HBA_MARKER = "# komek: password (scram-sha-256) on localhost only";

    private static final Set<PosixFilePermission> OWNER_ONLY_DIR = PosixFilePermissions.fromString("rwx------");
    private static final Set<PosixFilePermission> OWNER_ONLY_FILE = PosixFilePermissions.fromString("rw-------");

    private ClusterAccess() {}

    /** The superuser's and the app role's passwords: line 1 and line 2 of {@link #PASSWORDS_FILE}. */
    record Passwords(String superuser, String app) {
        Passwords {
            for (String p : List.of(superuser, app)) {
                // They go into SQL text (ALTER ROLE … PASSWORD takes no parameter), so only these characters.
                if (!p.matches("[A-Za-z0-9_-]{24,}")) {
                    throw new IllegalArgumentException("not a password komek wrote");
                }
            }
        }

        @Override
        public String toString() {
            return "Passwords[***]";
        }
    }

    /** Reads the passwords, or makes them on the first start; the file is readable by its owner only. */
    static Passwords passwords(Path dataDir) {
        Path file = dataDir.resolve(PASSWORDS_FILE);
        if (!Files.exists(file)) {
            create(file);
        }
        try {
            if (!Files.getPosixFilePermissions(file).equals(OWNER_ONLY_FILE)) {
                log.warn("{} was readable by others: made it 0600", file);
                Files.setPosixFilePermissions(file, OWNER_ONLY_FILE);
            }
            List<String> lines = Files.readAllLines(file, StandardCharsets.US_ASCII);
            return new Passwords(lines.get(0).trim(), lines.get(1).trim());
        } catch (IOException e) {
            throw new StorageException(
                    "cannot read " + file + " (" + e.getMessage() + "): run komek as the user that owns --data", e);
        } catch (RuntimeException e) {
            throw new StorageException(
                    file + " is damaged: it must hold the two passwords komek wrote there; restore it from a backup",
                    e);
        }
    }

    private static void create(Path file) {
        var random = new SecureRandom();
        var encoder = Base64.getUrlEncoder().withoutPadding();
        var text = new StringBuilder();
        for (int i = 0; i < 2; i++) {
            byte[] bytes = new byte[24];
            random.nextBytes(bytes);
            text.append(encoder.encodeToString(bytes)).append('\n');
        }
        Path tmp = null;
        try {
            tmp = Files.createTempFile(
                    file.getParent(), ".passwords", ".tmp", PosixFilePermissions.asFileAttribute(OWNER_ONLY_FILE));
            Files.writeString(tmp, text, StandardCharsets.US_ASCII);
            // A link fails if another process made the file first: both then use the one that won.
            Files.createLink(file, tmp);
        } catch (FileAlreadyExistsException e) {
            log.debug("{} was written by another process", file);
        } catch (IOException e) {
            throw new StorageException("cannot write " + file + ": " + e.getMessage(), e);
        } finally {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException e) {
                    log.debug("cannot remove {}: {}", tmp, e.toString());
                }
            }
        }
    }

    /**
     * zonky's binaries, unpacked into {@code dir}. zonky caches where it unpacked them per resolver for the whole JVM,
     * whatever working directory a later server names; one resolver per directory keeps each data directory's
     * binaries its own, under its own 0700 parent, where {@link #beforeStart} finds them.
     */
    record BinariesIn(Path dir) implements PgBinaryResolver {
        @Override
        public InputStream getPgBinary(String system, String machineHardware) throws IOException {
            return DefaultPostgresBinaryResolver.INSTANCE.getPgBinary(system, machineHardware);
        }
    }

    /** Makes {@code dir} (and missing parents) and keeps it to its owner. */
    static void privateDirectory(Path dir) {
        try {
            if (!Files.isDirectory(dir)) {
                Files.createDirectories(dir);
            }
            if (!Files.getPosixFilePermissions(dir).equals(OWNER_ONLY_DIR)) {
                Files.setPosixFilePermissions(dir, OWNER_ONLY_DIR);
            }
        } catch (IOException e) {
            throw new StorageException("cannot make " + dir + " private: " + e.getMessage(), e);
        }
    }

    /**
     * Runs after initdb and before each start of the server. A cluster made by an older komek has a superuser
     * without a password and a {@code trust} pg_hba.conf: its password is set in single-user mode, so that the
     * server never listens with {@code trust} even for a moment.
     */
    static Consumer<File> beforeStart(Path binaries, boolean fresh, Passwords passwords) {
        return pgData -> {
            Path hba = pgData.toPath().resolve("pg_hba.conf");
            try {
                boolean ours = Files.readString(hba).startsWith(HBA_MARKER);
                if (!fresh && !ours) {
                    setSuperuserPassword(binaries, pgData.toPath(), passwords);
                }
                Files.writeString(hba, HBA_MARKER + "\n" + """
                        # komek rewrites this file at every start. No Unix socket (unix_socket_directories is
                        # empty): every connection comes over TCP on localhost and proves its password.
                        host all all 127.0.0.1/32 scram-sha-256
                        host all all ::1/128 scram-sha-256
                        """);
            } catch (IOException e) {
                throw new StorageException("cannot write " + hba + ": " + e.getMessage(), e);
            }
        };
    }

    private static void setSuperuserPassword(Path binaries, Path pgData, Passwords passwords) {
        Path postgres = postgresBinary(binaries);
        List<String> command = new ArrayList<>();
        if (LinuxUtils.isUnshareAvailable()) {
            command.addAll(List.of("unshare", "-U")); // as zonky runs it: PostgreSQL refuses to run as root
        }
        command.addAll(List.of(postgres.toString(), "--single", "-D", pgData.toString(), SUPERUSER));
        log.info("setting the password of the embedded PostgreSQL's superuser (a cluster from an older komek)");
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            p.getOutputStream()
                    .write(("alter role " + SUPERUSER + " password '" + passwords.superuser() + "'\n")
                            .getBytes(StandardCharsets.US_ASCII));
            p.getOutputStream().close();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0 || out.contains("ERROR")) {
                p.destroyForcibly();
                throw new StorageException("could not set the superuser password of " + pgData + ": " + out, null);
            }
        } catch (IOException e) {
            throw new StorageException("could not run " + postgres + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StorageException("interrupted while setting the superuser password", e);
        }
    }

    /** zonky unpacks into {@code PG-<digest>/}; the newest complete one is the one it just used. */
    private static Path postgresBinary(Path binaries) {
        try (Stream<Path> dirs = Files.list(binaries)) {
            return dirs.filter(d -> d.getFileName().toString().startsWith("PG-"))
                    .filter(d -> Files.exists(d.resolve(".exists")) && Files.isExecutable(d.resolve("bin/postgres")))
                    .max(Comparator.comparing(d -> d.resolve(".exists").toFile().lastModified()))
                    .map(d -> d.resolve("bin/postgres"))
                    .orElseThrow(() -> new StorageException("no PostgreSQL binaries under " + binaries, null));
        } catch (IOException e) {
            throw new StorageException("cannot list " + binaries + ": " + e.getMessage(), e);
        }
    }

    /**
     * Makes the app's role (or brings an older cluster's up to date): it logs in with its password, may not
     * create roles or databases, and owns the public schema and everything in it, which older komek versions had
     * made as the superuser.
     */
    static void grantApp(String url, Passwords passwords) {
        try (var c = DriverManager.getConnection(url, SUPERUSER, passwords.superuser());
                var st = c.createStatement()) {
            st.execute("""
                    do $$ begin
                        if not exists (select from pg_roles where rolname = '%1$s') then
                            create role %1$s;
                        end if;
                    end $$;
                    alter role %1$s login nosuperuser nocreatedb nocreaterole noreplication nobypassrls
                        password '%2$s';
                    alter schema public owner to %1$s;
                    do $$ declare r record; begin
                        for r in select c.oid::regclass as name from pg_class c
                                join pg_namespace n on n.oid = c.relnamespace
                                where n.nspname = 'public' and c.relkind in ('r', 'p', 'v', 'm', 'f')
                                    and c.relowner <> '%1$s'::regrole loop
                            execute format('alter table %%s owner to %1$s', r.name);
                        end loop;
                        -- sequences owned by a column moved with their table
                        for r in select c.oid::regclass as name from pg_class c
                                join pg_namespace n on n.oid = c.relnamespace
                                where n.nspname = 'public' and c.relkind = 'S' and c.relowner <> '%1$s'::regrole loop
                            execute format('alter sequence %%s owner to %1$s', r.name);
                        end loop;
                        for r in select p.oid::regprocedure as name from pg_proc p
                                join pg_namespace n on n.oid = p.pronamespace
                                where n.nspname = 'public' and p.proowner <> '%1$s'::regrole loop
                            execute format('alter routine %%s owner to %1$s', r.name);
                        end loop;
                    end $$;
                    """.formatted(APP_ROLE, passwords.app()));
        } catch (SQLException e) {
            throw new StorageException("could not prepare the database role " + APP_ROLE + ": " + e.getMessage(), e);
        }
    }
}
