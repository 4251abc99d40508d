package kz.komek;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import kz.komek.admin.Role;
import kz.komek.admin.accounts.Accounts;
import kz.komek.admin.accounts.Password;
import kz.komek.admin.accounts.UserName;
import kz.komek.testing.Deployment;
import kz.komek.testing.TcpProxy;
import kz.komek.testing.TestApp;
import kz.komek.testing.TestDatabase;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The deployment of {@code docs/deploy.md}, proven: PostgreSQL (Debian's in CI), two komek nodes started from the
 * guide's systemd unit and environment file, and Debian's nginx with the guide's configuration in front. Each node
 * reaches the database through a {@link TcpProxy}, so the test can cut it off. Every client request comes from a
 * loopback address of its own (127.0.x.y), as readers come from addresses of their own.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MultiNodeIT {
    private static final int VOTE_LIMIT = 5;
    private static final String PAGE = "/client/ru/bonus/save/general/q456";
    private static final String DESKTOP =
            "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 Chrome/131.0 Safari/537.36";
    private static final String IPHONE =
            "Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 Mobile/15E148 Safari/604.1";
    private static final String APP = "Mozilla/5.0 (Linux; Android 14) AppleWebKit/537.36 Mobile KomekApp/5.12";

    static Path dir;
    static Jdbi jdbi;
    static TcpProxy dbForA;
    static TcpProxy dbForB;
    static Deployment.Node a;
    static Deployment.Node b;
    static Deployment.Nginx nginx;
    static String token;

    @BeforeAll
    static void deploy() throws Exception {
        boolean ci = "true".equals(System.getenv("CI"));
        if (Deployment.Nginx.binary() == null) {
            Assumptions.assumeTrue(ci, "SKIPPED: no nginx here (apt-get install nginx); CI installs it");
            throw new IllegalStateException("CI=true but there is no nginx: .ci/run installs it");
        }
        Path jar = Path.of(System.getProperty("komek.jar", "target/komek.jar"));
        assertThat(jar).as("the jar `mvn package` builds").exists();
        dir = Files.createTempDirectory("komek-multinode");
        var db = TestDatabase.fresh();
        jdbi = Jdbi.create(db.url(), db.user(), db.password());
        var target = java.net.URI.create(db.url().substring("jdbc:".length()));
        dbForA = new TcpProxy(target.getHost(), target.getPort());
        dbForB = new TcpProxy(target.getHost(), target.getPort());
        // the content, imported as an operator does before the first start
        Path bundle = dir.resolve("content.json");
        Files.writeString(bundle, TestApp.resource("/fixtures/mini.bundle.json"));
        var env = new LinkedHashMap<String, String>(Deployment.environmentFile());
        env.put("KOMEK_DB_URL", db.url());
        env.put("KOMEK_DB_USER", db.user());
        env.put("KOMEK_DB_PASSWORD", db.password());
        var importing = new ProcessBuilder(
                        ProcessHandle.current().info().command().orElse("java"),
                        "-jar",
                        jar.toString(),
                        "import",
                        bundle.toString())
                .redirectErrorStream(true);
        importing.environment().putAll(env);
        Process p = importing.start();
        String said = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor()).as(said).isZero();
        var accounts = new Accounts(jdbi);
        accounts.addUser(new UserName("bolat"), Role.PUBLISHER, new Password("correct horse battery"));
        token = accounts.createToken(new UserName("bolat"), "multinode").value();

        int portA = freePort();
        int portB = freePort();
        a = node(portA, dbForA, jar, db);
        b = node(portB, dbForB, jar, db);
        a.start();
        b.start();
        nginx = Deployment.Nginx.start(dir.resolve("nginx"), freePort(), portA, portB);
    }

    private static Deployment.Node node(int port, TcpProxy proxy, Path jar, kz.komek.Config.DbUrl db) {
        var overrides = new LinkedHashMap<String, String>();
        overrides.put("KOMEK_DB_URL", db.url().replaceFirst("//[^/]+/", "//127.0.0.1:" + proxy.port() + "/"));
        overrides.put("KOMEK_DB_USER", db.user());
        overrides.put("KOMEK_DB_PASSWORD", db.password());
        overrides.put("KOMEK_VOTE_LIMIT", Integer.toString(VOTE_LIMIT));
        // the test's nodes share one host: each has its own metrics port, away from the guide's
        overrides.put("KOMEK_METRICS_PORT", Integer.toString(freePort()));
        return new Deployment.Node(port, dir.resolve("node-" + port), jar, overrides);
    }

    @AfterAll
    static void undeploy() {
        for (AutoCloseable c : new AutoCloseable[] {nginx, a, b, dbForA, dbForB}) {
            if (c != null) {
                try {
                    c.close();
                } catch (Exception e) {
                    // closing the rest anyway
                }
            }
        }
    }

    @Test
    @Order(1)
    void nginxKeepsOneCopyPerPlatformAndNeverOneWithAReadersVote() {
        for (String agent : List.of(DESKTOP, IPHONE, APP)) {
            var direct = Wire.get("127.0.2.1", a.port(), PAGE, Map.of("User-Agent", agent));
            assertThat(direct.status()).isEqualTo(200);
            // twice in one quarter-second window: the second is served by nginx from its cache
            Response second = null;
            for (int i = 0; i < 10; i++) {
                Wire.get("127.0.2.2", nginx.port(), PAGE, Map.of("User-Agent", agent));
                second = Wire.get("127.0.2.3", nginx.port(), PAGE, Map.of("User-Agent", agent));
                if (second.header("X-Cache").equals("HIT")) {
                    break;
                }
            }
            assertThat(second.header("X-Cache")).as(agent).isEqualTo("HIT");
            assertThat(second.body()).as("what nginx serves to " + agent).isEqualTo(direct.body());
        }
        // one cached copy per platform: the app's page is not the desktop's
        assertThat(Wire.get("127.0.2.4", nginx.port(), PAGE, Map.of("User-Agent", APP))
                        .body())
                .isNotEqualTo(Wire.get("127.0.2.4", nginx.port(), PAGE, Map.of("User-Agent", DESKTOP))
                        .body());
        // gzip to whom takes it, plain bytes to whom does not, from the same cache
        var gz = Wire.get("127.0.2.5", nginx.port(), PAGE, Map.of("Accept-Encoding", "gzip"));
        assertThat(gz.header("Content-Encoding")).isEqualTo("gzip");
        var plain = Wire.get("127.0.2.5", nginx.port(), PAGE, Map.of());
        assertThat(plain.header("Content-Encoding")).isEmpty();
        assertThat(plain.body()).contains("<html");
        // a reader who voted goes past the cache to komek, and nothing of theirs is stored
        var voter = Wire.get("127.0.2.6", nginx.port(), PAGE, Map.of("Cookie", "komek_votes=456y; komek_visitor=abc"));
        assertThat(voter.header("X-Cache")).isEqualTo("BYPASS");
        assertThat(voter.body()).contains("aria-pressed=\"true\"");
        assertThat(Wire.get("127.0.2.7", nginx.port(), PAGE, Map.of()).body()).doesNotContain("aria-pressed=\"true\"");
    }

    @Test
    @Order(2)
    void aPublishThroughNodeAIsSeenThroughNginxOnBothNodesWithinASecond() throws InterruptedException {
        String page = "/client/ru/bonus/spend/q5000";
        String search = "/api/v1/search?site=client&locale=ru&q="
                + URLEncoder.encode("зебровые бонусы", StandardCharsets.UTF_8);
        String sitemap = "/sitemaps/client-ru-1.xml";
        // each is in nginx's cache and in both nodes' before the publish
        for (int i = 0; i < 3; i++) {
            assertThat(Wire.get("127.0.3.1", nginx.port(), page, Map.of()).status())
                    .isEqualTo(404);
            assertThat(Wire.get("127.0.3.1", nginx.port(), search, Map.of()).body())
                    .doesNotContain("\"id\":5000");
            assertThat(Wire.get("127.0.3.1", nginx.port(), sitemap, Map.of()).body())
                    .doesNotContain("/q5000");
        }
        var draft = Wire.request(
                "127.0.3.2",
                a.port(),
                "PUT",
                "/api/v1/admin/questions/5000",
                Map.of("Authorization", "Bearer " + token, "Content-Type", "application/json"),
                """
                {"id": 5000, "site": "client", "section": "bonus/spend", "position": 9,
                 "locales": {"ru": {"title": "Как получить зебровые бонусы?",
                                    "content": "<p>Зебра приносит бонусы по вторникам.</p>"}}}
                """);
        assertThat(draft.status()).as(draft.body()).isEqualTo(200);
        var published = Wire.request(
                "127.0.3.2",
                a.port(),
                "POST",
                "/api/v1/admin/questions/5000/publish",
                Map.of("Authorization", "Bearer " + token),
                "");
        assertThat(published.status()).as(published.body()).isEqualTo(200);
        long start = System.nanoTime();
        // every check in each round, so that no check waits for the others
        var checks = new LinkedHashMap<String, java.util.function.BooleanSupplier>();
        checks.put(
                "page",
                () -> Wire.get("127.0.3.3", nginx.port(), page, Map.of()).status() == 200);
        checks.put(
                "search",
                () -> Wire.get("127.0.3.3", nginx.port(), search, Map.of())
                        .body()
                        .contains("\"id\":5000"));
        checks.put(
                "sitemap",
                () -> Wire.get("127.0.3.3", nginx.port(), sitemap, Map.of())
                        .body()
                        .contains("/q5000"));
        for (var node : List.of(a, b)) {
            String n = node == a ? "node a " : "node b ";
            checks.put(
                    n + "page",
                    () -> Wire.get("127.0.3.4", node.port(), page, Map.of()).status() == 200);
            checks.put(
                    n + "search",
                    () -> Wire.get("127.0.3.4", node.port(), search, Map.of())
                            .body()
                            .contains("\"id\":5000"));
            checks.put(
                    n + "sitemap",
                    () -> Wire.get("127.0.3.4", node.port(), sitemap, Map.of())
                            .body()
                            .contains("/q5000"));
        }
        // each check polls on a thread of its own, so that none waits for the others
        var seen = new java.util.concurrent.ConcurrentHashMap<String, Long>();
        var pollers = new ArrayList<Thread>();
        for (var check : checks.entrySet()) {
            var poller = new Thread(() -> {
                long limit = start + Duration.ofSeconds(10).toNanos();
                while (System.nanoTime() < limit) {
                    if (check.getValue().getAsBoolean()) {
                        seen.put(check.getKey(), (System.nanoTime() - start) / 1_000_000);
                        return;
                    }
                    pause(10);
                }
            });
            poller.start();
            pollers.add(poller);
        }
        for (var poller : pollers) {
            poller.join();
        }
        checks.keySet().forEach(k -> seen.putIfAbsent(k, Long.MAX_VALUE));
        System.out.println("ms from the publish until seen: " + new java.util.TreeMap<>(seen));
        assertThat(seen.values())
                .as("ms until seen: " + seen)
                .allSatisfy(ms -> assertThat(ms).isLessThan(1_000));
    }

    @Test
    @Order(3)
    void aClientsVoteLimitHoldsAcrossBothNodes() {
        var through = new ArrayList<Integer>();
        for (int i = 0; i < 2 * VOTE_LIMIT; i++) {
            through.add(vote("127.0.4.1", nginx.port(), 456).status());
        }
        assertThat(through.stream().filter(s -> s == 200)).hasSize(VOTE_LIMIT);
        assertThat(through.stream().filter(s -> s == 429)).hasSize(VOTE_LIMIT);
        // nginx says who the client is: another address has its own allowance
        assertThat(vote("127.0.4.3", nginx.port(), 456).status()).isEqualTo(200);
        // straight to the nodes, one after the other: still N in all
        var direct = new ArrayList<Integer>();
        for (int i = 0; i < 2 * VOTE_LIMIT; i++) {
            direct.add(vote("127.0.4.2", (i % 2 == 0 ? a : b).port(), 456).status());
        }
        assertThat(direct.subList(0, VOTE_LIMIT)).containsOnly(200);
        assertThat(direct.subList(VOTE_LIMIT, 2 * VOTE_LIMIT)).containsOnly(429);
    }

    @Test
    @Order(4)
    void aRollingRestartUnderLoadFailsNoRequestAndLosesNoVote() throws Exception {
        long votesBefore = votes(700);
        var stop = new AtomicBoolean();
        var failures = new ConcurrentLinkedQueue<String>();
        var requests = new AtomicInteger();
        var accepted = new AtomicInteger();
        var clients = new AtomicInteger();
        var load = new ArrayList<Thread>();
        for (int t = 0; t < 4; t++) {
            boolean voter = t % 2 == 0;
            var thread = new Thread(() -> {
                // bounded: a few minutes at most, whatever happens to the nodes
                long until = System.nanoTime() + Duration.ofMinutes(4).toNanos();
                while (!stop.get() && System.nanoTime() < until) {
                    int c = clients.incrementAndGet();
                    String from = "127.0." + (10 + c / 250 % 200) + "." + (1 + c % 250);
                    Response r;
                    try {
                        if (voter) {
                            r = vote(from, nginx.port(), 700);
                        } else if (c % 3 == 0) {
                            // a reader who voted once: past nginx's cache, to a node
                            r = Wire.get(from, nginx.port(), PAGE, Map.of("Cookie", "komek_visitor=load" + c));
                        } else {
                            r = Wire.get(from, nginx.port(), PAGE, Map.of());
                        }
                    } catch (UncheckedIOException e) {
                        failures.add((voter ? "vote" : "read") + ": " + e.getCause());
                        continue;
                    }
                    requests.incrementAndGet();
                    if (r.status() != 200) {
                        failures.add((voter ? "vote" : "read") + ": HTTP " + r.status() + " "
                                + r.body().lines().findFirst().orElse(""));
                    } else if (voter) {
                        accepted.incrementAndGet();
                    }
                    pause(5);
                }
            });
            thread.start();
            load.add(thread);
        }
        Thread.sleep(1_000);
        var exits = new ArrayList<Integer>();
        for (var node : List.of(a, b)) {
            // as `systemctl restart komek@PORT` does, one node at a time, the next once this one is ready
            exits.add(node.stop());
            node.start();
            // nginx marks a node it could not reach as failed for fail_timeout (2 s), and learns that it is back
            // only by trying it after that: the guide waits 3 s before stopping the next one
            Thread.sleep(3_000);
        }
        Thread.sleep(1_000);
        stop.set(true);
        for (var t : load) {
            t.join();
        }
        System.out.println("rolling restart: " + requests + " requests, " + accepted + " votes, failures "
                + failures.size() + ", exit codes " + exits);
        assertThat(failures).as("failed requests").isEmpty();
        assertThat(requests.get()).as("the load ran throughout").isGreaterThan(200);
        assertThat(votes(700) - votesBefore)
                .as("votes stored, against votes acknowledged")
                .isEqualTo(accepted.get());
        assertThat(nginx.errors()).doesNotContain("[alert]", "[emerg]");
    }

    @Test
    @Order(5)
    void aNodeWithoutItsDatabaseIsNotReadyAndIsAgainOnceItsBack() {
        assertThat(b.status("/health/ready")).isEqualTo(200);
        dbForB.cut();
        try {
            long cut = System.nanoTime();
            assertThat(until(cut, () -> new Response(b.status("/health/ready"), Map.of(), ""), r -> r.status() == 503))
                    .as("ms until not ready")
                    .isLessThan(10_000);
            assertThat(b.status("/health/live")).as("alive all the same").isEqualTo(200);
            assertThat(a.status("/health/ready"))
                    .as("the other node is not concerned")
                    .isEqualTo(200);
        } finally {
            dbForB.mend();
        }
        long mended = System.nanoTime();
        assertThat(until(mended, () -> new Response(b.status("/health/ready"), Map.of(), ""), r -> r.status() == 200))
                .as("ms until ready again")
                .isLessThan(15_000);
    }

    private static Response vote(String from, int port, long question) {
        return Wire.request(
                from,
                port,
                "POST",
                "/api/v1/questions/" + question + "/votes",
                Map.of("Content-Type", "application/json"),
                "{\"useful\": true}");
    }

    private static long votes(long question) {
        return jdbi.withHandle(h -> h.createQuery("select count(*) from vote where question_id = :q")
                .bind("q", question)
                .mapTo(Long.class)
                .one());
    }

    /** Milliseconds from {@code start} until {@code done} holds, polling every 20 ms for up to 20 s. */
    private static long until(long start, java.util.function.Supplier<Response> get, Predicate<Response> done) {
        long limit = start + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < limit) {
            if (done.test(get.get())) {
                return (System.nanoTime() - start) / 1_000_000;
            }
            pause(20);
        }
        return Long.MAX_VALUE;
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static int freePort() {
        try (var s = new java.net.ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    record Response(int status, Map<String, String> headers, String body) {
        String header(String name) {
            return headers.getOrDefault(name.toLowerCase(Locale.ROOT), "");
        }
    }

    /**
     * HTTP/1.0 over a socket bound to a loopback address of the caller's choice, read to the end: the JDK's client
     * cannot choose its source address, and readers must come from addresses of their own.
     */
    static final class Wire {
        static Response get(String from, int port, String path, Map<String, String> headers) {
            return request(from, port, "GET", path, headers, null);
        }

        static Response request(
                String from, int port, String method, String path, Map<String, String> headers, String body) {
            try (var socket = new Socket()) {
                socket.bind(new InetSocketAddress(from, 0));
                socket.connect(new InetSocketAddress("127.0.0.1", port), 3_000);
                socket.setSoTimeout(30_000);
                byte[] payload = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
                var head = new StringBuilder(method + " " + path + " HTTP/1.0\r\nHost: help.example.kz\r\n");
                headers.forEach((k, v) -> head.append(k).append(": ").append(v).append("\r\n"));
                if (body != null) {
                    head.append("Content-Length: ").append(payload.length).append("\r\n");
                }
                head.append("\r\n");
                OutputStream out = socket.getOutputStream();
                out.write(head.toString().getBytes(StandardCharsets.UTF_8));
                out.write(payload);
                out.flush();
                InputStream in = socket.getInputStream();
                byte[] all = in.readAllBytes();
                int split = indexOf(all, "\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                if (split < 0) {
                    throw new IOException("no complete response head from " + port + ": " + all.length + " bytes");
                }
                String[] lines = new String(all, 0, split, StandardCharsets.ISO_8859_1).split("\r\n");
                int status = Integer.parseInt(lines[0].split(" ")[1]);
                var h = new LinkedHashMap<String, String>();
                for (int i = 1; i < lines.length; i++) {
                    int colon = lines[i].indexOf(':');
                    h.put(
                            lines[i].substring(0, colon).strip().toLowerCase(Locale.ROOT),
                            lines[i].substring(colon + 1).strip());
                }
                byte[] rest = java.util.Arrays.copyOfRange(all, split + 4, all.length);
                if ("gzip".equals(h.get("content-encoding"))) {
                    var unzipped = new ByteArrayOutputStream();
                    try (var gz = new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(rest))) {
                        gz.transferTo(unzipped);
                    }
                    rest = unzipped.toByteArray();
                }
                return new Response(status, h, new String(rest, StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private static int indexOf(byte[] data, byte[] what) {
            outer:
            for (int i = 0; i + what.length <= data.length; i++) {
                for (int j = 0; j < what.length; j++) {
                    if (data[i + j] != what[j]) {
                        continue outer;
                    }
                }
                return i;
            }
            return -1;
        }
    }
}
