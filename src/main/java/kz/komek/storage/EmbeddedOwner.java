package kz.komek.storage;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Who owns an embedded PostgreSQL's data directory: the komek that started its server (a file of ours, since the
 * postmaster daemonizes), whether that komek still lives, and the servers and pid files a killed one left behind.
 */
final class EmbeddedOwner {
    private static final Logger log = LoggerFactory.getLogger(EmbeddedOwner.class);

    private EmbeddedOwner() {}

    /**
     * The embedded server's postmaster daemonizes (its parent is init), so whether a running server still has a
     * komek behind it is recorded in a file of ours: the pid of the process that started it.
     */
    static final String OWNER_FILE = "postgres.owner";

    static void write(Path dataDir) {
        try {
            Files.writeString(
                    dataDir.resolve(OWNER_FILE),
                    Long.toString(ProcessHandle.current().pid()));
        } catch (IOException e) {
            throw new Database.StorageException(
                    "cannot write " + dataDir.resolve(OWNER_FILE) + ": " + e.getMessage(), e);
        }
    }

    static Optional<Long> read(Path dataDir) {
        try {
            return Optional.of(
                    Long.parseLong(Files.readString(dataDir.resolve(OWNER_FILE)).trim()));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** Whether the komek that started the running embedded server is still alive (and still a JVM). */
    static boolean alive(Path dataDir) {
        try {
            long pid =
                    Long.parseLong(Files.readString(dataDir.resolve(OWNER_FILE)).trim());
            return ProcessHandle.of(pid)
                    .filter(ProcessHandle::isAlive)
                    .flatMap(p -> p.info().command())
                    .map(c -> c.contains("java"))
                    .orElse(false);
        } catch (IOException | NumberFormatException e) {
            return false;
        }
    }

    /**
     * The live PostgreSQL that {@code postmaster.pid} names, if it is one serving {@code pgDir}: a pid from a
     * killed server may since belong to any other process, which komek must neither signal nor wait for.
     */
    static Optional<ProcessHandle> postmaster(Path pgDir) {
        return readPid(pgDir)
                .flatMap(ProcessHandle::of)
                .filter(ProcessHandle::isAlive)
                .filter(p -> servesDirectory(p.info(), pgDir));
    }

    /** Whether a process is a {@code postgres} whose command line names {@code pgDir} (its {@code -D}). */
    static boolean servesDirectory(ProcessHandle.Info info, Path pgDir) {
        boolean postgres = info.command()
                .map(c -> Path.of(c).getFileName().toString().equals("postgres"))
                .orElse(false);
        Path dir = pgDir.toAbsolutePath().normalize();
        return postgres
                && info.arguments().stream().flatMap(Arrays::stream).anyMatch(a -> {
                    try {
                        Path named = Path.of(a).normalize();
                        return named.isAbsolute() ? named.equals(dir) : !a.isEmpty() && dir.endsWith(named);
                    } catch (InvalidPathException e) {
                        return false;
                    }
                });
    }

    /**
     * A {@code postmaster.pid} that names a live process which is no PostgreSQL on this directory is stale (the pid
     * was reused); PostgreSQL would refuse to start beside it, so it goes.
     */
    static void removeStalePidFile(Path pgDir) {
        Optional<ProcessHandle> named =
                readPid(pgDir).flatMap(ProcessHandle::of).filter(ProcessHandle::isAlive);
        if (named.isPresent() && postmaster(pgDir).isEmpty()) {
            log.warn(
                    "{} names pid {}, which is not a PostgreSQL on this directory: a stale file, removed",
                    pgDir.resolve("postmaster.pid"),
                    named.get().pid());
            try {
                Files.deleteIfExists(pgDir.resolve("postmaster.pid"));
            } catch (IOException e) {
                throw new Database.StorageException("cannot remove the stale " + pgDir.resolve("postmaster.pid"), e);
            }
        }
    }

    /** A server left running by a komek that was killed: stop it so that this process can own the data. */
    static void stopOrphan(Path pgDir) {
        postmaster(pgDir).ifPresent(pg -> {
            log.warn("stopping PostgreSQL (pid {}) left running by a komek that did not stop cleanly", pg.pid());
            pg.destroy(); // SIGTERM: a smart shutdown; an orphan has no clients left
            try {
                pg.onExit().get(60, java.util.concurrent.TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new Database.StorageException("interrupted while stopping the orphaned PostgreSQL", e);
            } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
                throw new Database.StorageException(
                        "a PostgreSQL (pid " + pg.pid() + ") still runs on " + pgDir + "; stop it and retry", e);
            }
        });
    }

    private static Optional<Long> readPid(Path pgDir) {
        try {
            return Optional.of(Long.parseLong(
                    Files.readAllLines(pgDir.resolve("postmaster.pid")).get(0).trim()));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
