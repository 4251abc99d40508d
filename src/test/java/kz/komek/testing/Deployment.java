package kz.komek.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The production set-up of {@code docs/deploy.md}, started from its own files: komek nodes as {@code komek@.service}
 * and {@code komek.env} start them (the jar, as a process of its own), and nginx with {@code nginx/komek.conf}.
 * Only addresses, ports and paths change, at the places the files mark; a file that no longer has such a place
 * fails here, so the guide cannot drift from what is tested.
 */
public final class Deployment {
    public static final Path GUIDE = Path.of("docs", "deploy");
    static final String READY_PATH = System.getProperty("komek.ready", "/health/ready");

    private Deployment() {}

    /** What the unit file says: its environment lines, its command, and how long systemd waits for a stop. */
    public record Unit(Map<String, String> environment, List<String> command, Duration stopTimeout) {
        public static Unit read(String instance) {
            List<String> lines = lines(GUIDE.resolve("komek@.service"));
            var env = new LinkedHashMap<String, String>();
            List<String> command = null;
            Duration stop = null;
            boolean envFile = false;
            for (String raw : lines) {
                String line = raw.strip();
                if (line.startsWith("EnvironmentFile=")) {
                    envFile = line.equals("EnvironmentFile=/etc/komek/komek.env");
                } else if (line.startsWith("Environment=")) {
                    String kv = line.substring("Environment=".length()).replace("%i", instance);
                    env.put(kv.substring(0, kv.indexOf('=')), kv.substring(kv.indexOf('=') + 1));
                } else if (line.startsWith("ExecStart=")) {
                    command = List.of(line.substring("ExecStart=".length()).split(" +"));
                } else if (line.startsWith("TimeoutStopSec=")) {
                    stop = Duration.ofSeconds(Long.parseLong(line.substring("TimeoutStopSec=".length())));
                }
            }
            if (!envFile || command == null || stop == null) {
                throw new IllegalStateException("komek@.service lacks EnvironmentFile=/etc/komek/komek.env,"
                        + " ExecStart= or TimeoutStopSec=");
            }
            return new Unit(env, command, stop);
        }
    }

    /** The guide's {@code komek.env}: {@code NAME=value} lines. */
    public static Map<String, String> environmentFile() {
        var env = new LinkedHashMap<String, String>();
        for (String raw : lines(GUIDE.resolve("komek.env"))) {
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            env.put(line.substring(0, line.indexOf('=')), line.substring(line.indexOf('=') + 1));
        }
        return env;
    }

    /** A komek node started as the unit starts it, with {@code overrides} over the environment file's values. */
    public static final class Node implements AutoCloseable {
        private final int port;
        private final Path dir;
        private final Map<String, String> overrides;
        private final Path jar;
        private Process process;
        private Path log;
        private int starts;

        public Node(int port, Path dir, Path jar, Map<String, String> overrides) {
            this.port = port;
            this.dir = dir;
            this.jar = jar;
            this.overrides = overrides;
        }

        public int port() {
            return port;
        }

        public String url(String path) {
            return "http://127.0.0.1:" + port + path;
        }

        /** Starts the node and waits until {@code /health/ready} says it is ready. */
        public Node start() {
            Unit unit = Unit.read(Integer.toString(port));
            var env = new LinkedHashMap<>(environmentFile());
            env.putAll(unit.environment());
            env.put("KOMEK_DATA", dir.resolve("data").toString());
            env.putAll(overrides);
            var command = new ArrayList<String>();
            for (String part : unit.command()) {
                if (part.equals("/usr/bin/java")) {
                    command.add(ProcessHandle.current().info().command().orElse("java"));
                } else if (part.equals("/opt/komek/komek.jar")) {
                    command.add(jar.toString());
                } else {
                    command.add(part);
                }
            }
            log = dir.resolve("node-" + port + "-" + (++starts) + ".log");
            try {
                Files.createDirectories(dir);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            var pb = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
            pb.environment().putAll(env);
            try {
                process = pb.start();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            awaitReady(Duration.ofSeconds(90));
            return this;
        }

        public void awaitReady(Duration within) {
            long until = System.nanoTime() + within.toNanos();
            while (System.nanoTime() < until) {
                if (!process.isAlive()) {
                    throw new IllegalStateException(
                            "node " + port + " exited with " + process.exitValue() + ":\n" + tail());
                }
                if (status(READY_PATH) == 200) {
                    return;
                }
                sleep(100);
            }
            throw new IllegalStateException("node " + port + " not ready within " + within + ":\n" + tail());
        }

        /** The status of a GET, or -1 when the node cannot be reached. */
        public int status(String path) {
            try {
                return HTTP.send(
                                HttpRequest.newBuilder(URI.create(url(path)))
                                        .timeout(Duration.ofSeconds(3))
                                        .build(),
                                HttpResponse.BodyHandlers.discarding())
                        .statusCode();
            } catch (IOException e) {
                return -1;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return -1;
            }
        }

        /** SIGTERM, as systemd stops a unit; waits as long as the unit's TimeoutStopSec, then fails. */
        public int stop() {
            process.destroy();
            Duration timeout = Unit.read(Integer.toString(port)).stopTimeout();
            try {
                if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                    process.destroyForcibly();
                    throw new IllegalStateException(
                            "node " + port + " did not stop within " + timeout + ":\n" + tail());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            return process.exitValue();
        }

        public String tail() {
            try {
                String all = Files.readString(log, StandardCharsets.UTF_8);
                return all.length() > 6000 ? all.substring(all.length() - 6000) : all;
            } catch (IOException e) {
                return "(no log: " + e + ")";
            }
        }

        @Override
        public void close() {
            if (process != null && process.isAlive()) {
                process.destroyForcibly();
            }
        }
    }

    /** nginx from Debian, with the guide's configuration. */
    public static final class Nginx implements AutoCloseable {
        private final Process process;
        private final Path dir;
        private final int port;

        private Nginx(Process process, Path dir, int port) {
            this.process = process;
            this.dir = dir;
            this.port = port;
        }

        public static Path binary() {
            for (String p : new String[] {"/usr/sbin/nginx", "/usr/bin/nginx"}) {
                if (Files.isExecutable(Path.of(p))) {
                    return Path.of(p);
                }
            }
            return null;
        }

        public static Nginx start(Path dir, int port, int nodeA, int nodeB) {
            String conf = read(GUIDE.resolve("nginx").resolve("komek.conf"));
            conf = replaceMarked(conf, "node a", "127.0.0.1:8081", "127.0.0.1:" + nodeA);
            conf = replaceMarked(conf, "node b", "127.0.0.1:8082", "127.0.0.1:" + nodeB);
            conf = replaceMarked(
                    conf,
                    "cache",
                    "/var/cache/nginx/komek",
                    dir.resolve("cache").toString());
            conf = replaceMarked(conf, "nginx", "listen 80;", "listen 127.0.0.1:" + port + ";");
            try {
                Files.createDirectories(dir.resolve("cache"));
                Files.createDirectories(dir.resolve("temp"));
                Files.writeString(dir.resolve("komek.conf"), conf);
                Files.writeString(dir.resolve("nginx.conf"), """
                        # the main file a Debian package would have, reduced to what a test needs
                        %s
                        worker_processes 1;
                        pid %s;
                        error_log %s warn;
                        events { worker_connections 1024; }
                        http {
                            access_log %s;
                            client_body_temp_path %s/body;
                            proxy_temp_path %s/proxy;
                            fastcgi_temp_path %s/fastcgi;
                            uwsgi_temp_path %s/uwsgi;
                            scgi_temp_path %s/scgi;
                            include %s;
                        }
                        """.formatted(
                                "root".equals(System.getProperty("user.name")) ? "user root;" : "",
                                dir.resolve("nginx.pid"),
                                dir.resolve("error.log"),
                                dir.resolve("access.log"),
                                dir.resolve("temp"),
                                dir.resolve("temp"),
                                dir.resolve("temp"),
                                dir.resolve("temp"),
                                dir.resolve("temp"),
                                dir.resolve("komek.conf")));
                var check = new ProcessBuilder(
                                binary().toString(),
                                "-t",
                                "-e",
                                dir.resolve("error.log").toString(),
                                "-p",
                                dir.toString(),
                                "-c",
                                dir.resolve("nginx.conf").toString())
                        .redirectErrorStream(true)
                        .start();
                String said = new String(check.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                if (check.waitFor() != 0) {
                    throw new IllegalStateException("nginx -t refuses the guide's configuration:\n" + said);
                }
                Process p = new ProcessBuilder(
                                binary().toString(),
                                "-e",
                                dir.resolve("error.log").toString(),
                                "-p",
                                dir.toString(),
                                "-c",
                                dir.resolve("nginx.conf").toString(),
                                "-g",
                                "daemon off;")
                        .redirectErrorStream(true)
                        .redirectOutput(dir.resolve("nginx.out").toFile())
                        .start();
                var nginx = new Nginx(p, dir, port);
                long until = System.nanoTime() + Duration.ofSeconds(10).toNanos();
                while (System.nanoTime() < until) {
                    try (var s = new java.net.Socket("127.0.0.1", port)) {
                        return nginx;
                    } catch (IOException e) {
                        sleep(50);
                    }
                }
                p.destroyForcibly();
                throw new IllegalStateException(
                        "nginx did not listen on " + port + ":\n" + read(dir.resolve("error.log")));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }

        public int port() {
            return port;
        }

        public String errors() {
            return read(dir.resolve("error.log"));
        }

        @Override
        public void close() {
            process.destroy();
            try {
                if (!process.waitFor(10, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                process.destroyForcibly();
            }
        }
    }

    /** Replaces {@code what} on the line marked {@code # test: mark}; fails when the guide has no such line. */
    static String replaceMarked(String text, String mark, String what, String with) {
        Matcher m = Pattern.compile("(?m)^(.*)(#\\s*test:\\s*" + Pattern.quote(mark) + ")\\s*$")
                .matcher(text);
        if (!m.find() || !m.group(1).contains(what)) {
            throw new IllegalStateException("the guide's nginx configuration has no line with \"" + what
                    + "\" marked \"# test: " + mark + "\"");
        }
        String line = m.group(1).replace(what, with) + m.group(2);
        return text.substring(0, m.start()) + line + text.substring(m.end());
    }

    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private static List<String> lines(Path file) {
        return List.of(read(file).split("\n"));
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
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
}
