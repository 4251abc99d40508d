package kz.komek.attack;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The local user's attack on the embedded PostgreSQL (issue 12, item 1): as the unprivileged user {@code nobody},
 * connect with psql over TCP (127.0.0.1 and the port in {@code postmaster.pid}) and over the Unix socket (the
 * directory in the same file) as {@code postgres} without a password, and try to write into the PostgreSQL binaries
 * directory; and check that the data directory, the cluster and the binaries are neither world-readable nor
 * world-writable. Any success of {@code nobody} fails the part. Needs root (to become nobody) and psql.
 */
final class LocalUserDb {
    private final KomekProcess server;

    LocalUserDb(KomekProcess server) {
        this.server = server;
    }

    Part run() throws Exception {
        if (!"root".equals(System.getProperty("user.name"))) {
            return new Part(
                    "local-user-db",
                    "skipped: not root, so cannot act as the user nobody",
                    Part.Status.SKIP,
                    List.of());
        }
        if (!Files.isExecutable(Path.of("/usr/bin/psql"))) {
            return new Part("local-user-db", "skipped: no /usr/bin/psql", Part.Status.SKIP, List.of());
        }
        Path pidFile = server.data().resolve("postgres/postmaster.pid");
        List<String> pid = Files.readAllLines(pidFile);
        String port = pid.get(3).trim();
        String socketDir = pid.size() > 4 && !pid.get(4).isBlank() ? pid.get(4).trim() : "";
        var details = new ArrayList<String>();
        int broken = 0;

        String query = "select current_user || ' superuser=' || rolsuper from pg_roles where rolname = current_user";
        var tcp = asNobody(
                "psql", "-X", "-w", "-h", "127.0.0.1", "-p", port, "-U", "postgres", "-d", "postgres", "-Atc", query);
        details.add("nobody → psql -h 127.0.0.1 -p " + port + " -U postgres (no password): " + tcp.describe());
        broken += tcp.ok() ? 1 : 0;
        if (!socketDir.isEmpty()) {
            var unix = asNobody(
                    "psql", "-X", "-w", "-h", socketDir, "-p", port, "-U", "postgres", "-d", "postgres", "-Atc", query);
            details.add("nobody → psql -h " + socketDir + " (Unix socket) -U postgres: " + unix.describe());
            broken += unix.ok() ? 1 : 0;
        } else {
            details.add("no Unix socket directory in postmaster.pid: nothing to try");
        }
        Path bin = server.data().resolve("postgres-bin");
        var write = asNobody("sh", "-c", "echo x > '" + bin + "/nobody-was-here' && echo wrote");
        details.add("nobody → write a file into " + bin + ": " + write.describe());
        broken += write.ok() ? 1 : 0;
        Files.deleteIfExists(bin.resolve("nobody-was-here"));

        for (Path dir : List.of(server.data(), server.data().resolve("postgres"), bin)) {
            var perms = Files.getPosixFilePermissions(dir);
            boolean open =
                    perms.contains(PosixFilePermission.OTHERS_WRITE) || perms.contains(PosixFilePermission.OTHERS_READ);
            details.add(dir + " " + java.nio.file.attribute.PosixFilePermissions.toString(perms)
                    + (open ? ": readable or writable by every user" : ": private"));
            broken += open ? 1 : 0;
        }
        return Part.of(
                "local-user-db",
                broken == 0
                        ? "nobody could not connect (TCP, socket), write the binaries or read the directories"
                        : broken + " ways in for the local user nobody (see below)",
                broken == 0,
                details);
    }

    /** The outcome of a command run as nobody: its exit status and output. */
    record Outcome(int exit, String output) {
        boolean ok() {
            return exit == 0;
        }

        String describe() {
            return (ok() ? "SUCCEEDED (" : "refused (")
                    + output.strip().lines().findFirst().orElse("") + ")";
        }
    }

    static Outcome asNobody(String... command) throws IOException, InterruptedException {
        var cmd = new ArrayList<>(List.of("runuser", "-u", "nobody", "--", "env", "HOME=/tmp", "PGCONNECT_TIMEOUT=5"));
        cmd.addAll(List.of(command));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(30, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            return new Outcome(-1, "timed out");
        }
        return new Outcome(p.exitValue(), out);
    }
}
