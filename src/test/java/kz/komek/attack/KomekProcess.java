package kz.komek.attack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A {@code komek serve} process started from a copy of the jar on its own data directory and a free loopback port;
 * the CLI run against the same data directory; {@code kill -9}; and the clean-up that leaves no process behind
 * (the embedded PostgreSQL outlives a killed komek, so its postmaster is stopped by the pid in its own file).
 * Every pid started is appended to {@code <work>/pids} for the shell's trap.
 */
final class KomekProcess implements AutoCloseable {
    private final Path jar;
    private final Path data;
    private final Path work;
    private final List<String> flags;
    private final int port;
    private Process process;
    private int starts;

    KomekProcess(Path jar, Path work, String name, List<String> flags) {
        this.jar = jar;
        this.work = work;
        this.data = work.resolve(name);
        this.flags = flags;
        this.port = freePort();
    }

    static int freePort() {
        try (var s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    int port() {
        return port;
    }

    Path data() {
        return data;
    }

    long pid() {
        return process.pid();
    }

    Path log() {
        return work.resolve(data.getFileName() + "-" + starts + ".log");
    }

    /** Starts serving and waits for its ready line (at most 3 minutes). */
    KomekProcess start() {
        starts++;
        var cmd = new ArrayList<>(List.of(
                "java",
                "-Xmx1g",
                "-jar",
                jar.toString(),
                "serve",
                "--port",
                Integer.toString(port),
                "--data",
                data.toString()));
        cmd.addAll(flags);
        try {
            process = new ProcessBuilder(cmd)
                    .redirectErrorStream(true)
                    .redirectOutput(log().toFile())
                    .start();
            record(process.pid());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        while (System.nanoTime() < deadline) {
            if (logText().contains("komek ready at")) {
                return this;
            }
            if (!process.isAlive()) {
                throw new IllegalStateException("komek serve exited with " + process.exitValue() + ":\n" + tail());
            }
            sleep(200);
        }
        throw new IllegalStateException("komek serve was not ready within 3 minutes:\n" + tail());
    }

    String logText() {
        try {
            return Files.exists(log()) ? Files.readString(log(), StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            return "";
        }
    }

    String tail() {
        String t = logText();
        return t.length() > 3000 ? t.substring(t.length() - 3000) : t;
    }

    /** {@code kill -9} of the java process: no shutdown hook runs; PostgreSQL is left running, as after a crash. */
    void kill9() {
        process.destroyForcibly();
        try {
            process.waitFor(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** SIGTERM, as an operator stops it; komek stops its PostgreSQL. */
    void stop() {
        if (process == null || !process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The CLI on this data directory (it connects to the running server's PostgreSQL, or starts its own). */
    Cli cli(String stdin, String... args) {
        var cmd = new ArrayList<>(List.of("java", "-jar", jar.toString()));
        cmd.addAll(List.of(args));
        if (!args[0].equals("generate")) {
            cmd.addAll(List.of("--data", data.toString()));
        }
        try {
            Path out = Files.createTempFile(work, "cli", ".out");
            Process p = new ProcessBuilder(cmd)
                    .redirectErrorStream(true)
                    .redirectOutput(out.toFile())
                    .start();
            record(p.pid());
            p.getOutputStream().write(stdin.getBytes(StandardCharsets.UTF_8));
            p.getOutputStream().close();
            return new Cli(p, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A running CLI command: its process and the file its output goes to. */
    record Cli(Process process, Path output) {
        /** Waits (at most 10 minutes) and returns the output; fails when the command did. */
        String done() {
            try {
                if (!process.waitFor(10, TimeUnit.MINUTES)) {
                    process.destroyForcibly();
                    throw new IllegalStateException("a CLI command ran over 10 minutes");
                }
                String text = Files.readString(output);
                if (process.exitValue() != 0) {
                    throw new IllegalStateException("CLI exit " + process.exitValue() + ": " + text);
                }
                return text;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    /** The embedded PostgreSQL's postmaster pid and port, from its {@code postmaster.pid} (lines 1 and 4). */
    Optional<long[]> postmaster() {
        try {
            var lines = Files.readAllLines(data.resolve("postgres/postmaster.pid"));
            return Optional.of(new long[] {
                Long.parseLong(lines.get(0).trim()), Long.parseLong(lines.get(3).trim())
            });
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** Output of {@code jcmd <pid> <command>}. */
    String jcmd(String... command) {
        var cmd = new ArrayList<>(List.of("jcmd", Long.toString(pid())));
        cmd.addAll(List.of(command));
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            p.waitFor(2, TimeUnit.MINUTES);
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private void record(long pid) {
        try {
            Files.writeString(work.resolve("pids"), pid + "\n", StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Stops komek, then any PostgreSQL it left running (immediate shutdown of that one postmaster, by its pid). */
    @Override
    public void close() {
        stop();
        postmaster()
                .ifPresent(pm -> ProcessHandle.of(pm[0]).ifPresent(h -> {
                    if (h.info().command().map(c -> c.contains("postgres")).orElse(false)) {
                        try {
                            new ProcessBuilder("kill", "-QUIT", Long.toString(pm[0]))
                                    .start()
                                    .waitFor();
                            h.onExit().get(30, TimeUnit.SECONDS);
                        } catch (Exception e) {
                            h.destroyForcibly();
                        }
                    }
                }));
    }
}
