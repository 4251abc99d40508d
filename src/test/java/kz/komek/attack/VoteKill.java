package kz.komek.attack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * 200 concurrent voters, each a reader with their own visitor cookie voting once on each of a few hundred
 * questions in their own order (so every vote the server takes adds exactly one to a question's up or down count),
 * first to the end, then with a {@code kill -9} of the server in the middle of the load and a restart on the same
 * data directory. Per question and side, from the exports before and after:
 *
 * <pre>acknowledged (200) ≤ stored − before ≤ acknowledged + unknown (no answer, or 5xx)</pre>
 *
 * Below the bound a vote the server confirmed was lost; above it a vote was counted twice (or one that was refused
 * with a 4xx, or never sent, was counted).
 */
final class VoteKill {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int VOTERS = 200;

    private final Path jar;
    private final Path work;
    private final boolean quick;

    VoteKill(Path jar, Path work, boolean quick) {
        this.jar = jar;
        this.work = work;
        this.quick = quick;
    }

    /** Counts per question and side: [up, down]. */
    static final class Ledger {
        final Map<Long, long[]> acked = new ConcurrentHashMap<>();
        final Map<Long, long[]> unknown = new ConcurrentHashMap<>();
        final LongAdder refused = new LongAdder();
        final LongAdder sent = new LongAdder();

        void add(Map<Long, long[]> m, long id, boolean up) {
            long[] c = m.computeIfAbsent(id, k -> new long[2]);
            synchronized (c) {
                c[up ? 0 : 1]++;
            }
        }

        long total(Map<Long, long[]> m) {
            return m.values().stream().mapToLong(c -> c[0] + c[1]).sum();
        }
    }

    Part run() throws Exception {
        try (var server = new KomekProcess(jar, work, "votes", List.of("--vote-limit", "0", "--no-demo")).start()) {
            Path bundle = work.resolve("votes.bundle.json");
            // every voter votes once on each question: 200 × 60 votes (--quick) or 200 × 300 before the kill run
            server.cli("", "generate", "--questions", quick ? "60" : "300", "--seed", "12", "--out", bundle.toString())
                    .done();
            server.cli("", "import", bundle.toString()).done();
            List<Long> ids = publicIds(server);

            // 1: all voters to the end, no kill
            var before = counts(server, "votes-0.json");
            var calm = vote(server, ids, Duration.ofMinutes(5), -1);
            var after = counts(server, "votes-1.json");
            var checkCalm = check(before, after, calm);

            // 2: kill -9 mid-load, restart on the same data
            long killAfter = quick ? 3_000 : 8_000;
            var killed = vote(server, ids, Duration.ofMinutes(5), killAfter);
            server.start();
            var restarted = counts(server, "votes-2.json");
            var checkKill = check(after, restarted, killed);
            boolean stillVotes = ping(server, ids.get(0));

            boolean pass = checkCalm.isEmpty() && checkKill.isEmpty() && stillVotes;
            var details = new ArrayList<String>();
            checkCalm.stream().limit(10).forEach(d -> details.add("calm: " + d));
            checkKill.stream().limit(10).forEach(d -> details.add("kill -9: " + d));
            if (!stillVotes) {
                details.add("after the restart a vote was not taken");
            }
            return Part.of(
                    "votes-kill-9",
                    String.format(
                            "%d voters × %d questions; calm: %d sent, %d acknowledged, %d stored, %d lost, %d doubled;"
                                    + " kill -9 after %.0f s: %d sent, %d acknowledged, %d unanswered/5xx, %d stored,"
                                    + " %d lost, %d doubled; votes taken after restart: %s",
                            VOTERS,
                            ids.size(),
                            calm.sent.sum(),
                            calm.total(calm.acked),
                            stored(before, after),
                            count(checkCalm, "lost"),
                            count(checkCalm, "doubled"),
                            killAfter / 1000.0,
                            killed.sent.sum(),
                            killed.total(killed.acked),
                            killed.total(killed.unknown),
                            stored(after, restarted),
                            count(checkKill, "lost"),
                            count(checkKill, "doubled"),
                            stillVotes ? "yes" : "NO"),
                    pass,
                    details);
        }
    }

    private static long count(List<String> problems, String kind) {
        return problems.stream().filter(p -> p.startsWith(kind)).count();
    }

    private static long stored(Map<Long, long[]> before, Map<Long, long[]> after) {
        long n = 0;
        for (var e : after.entrySet()) {
            long[] b = before.getOrDefault(e.getKey(), new long[2]);
            n += e.getValue()[0] - b[0] + e.getValue()[1] - b[1];
        }
        return n;
    }

    /** The bound, per question and side; one line per breach ("lost …" or "doubled …"). */
    static List<String> check(Map<Long, long[]> before, Map<Long, long[]> after, Ledger ledger) {
        var problems = new ArrayList<String>();
        var ids = new java.util.TreeSet<>(after.keySet());
        ids.addAll(ledger.acked.keySet());
        for (long id : ids) {
            long[] b = before.getOrDefault(id, new long[2]);
            long[] a = after.getOrDefault(id, new long[2]);
            long[] ack = ledger.acked.getOrDefault(id, new long[2]);
            long[] unk = ledger.unknown.getOrDefault(id, new long[2]);
            for (int side = 0; side < 2; side++) {
                long delta = a[side] - b[side];
                String name = side == 0 ? "up" : "down";
                if (delta < ack[side]) {
                    problems.add(
                            "lost: question " + id + " " + name + ": stored +" + delta + ", acknowledged " + ack[side]);
                } else if (delta > ack[side] + unk[side]) {
                    problems.add("doubled: question " + id + " " + name + ": stored +" + delta + ", acknowledged "
                            + ack[side] + " + unknown " + unk[side]);
                }
            }
        }
        return problems;
    }

    /** The questions a reader can vote on: every question of the export with a published text. */
    private List<Long> publicIds(KomekProcess server) throws Exception {
        var probe = HttpClient.newHttpClient();
        var ids = new ArrayList<Long>();
        for (JsonNode q :
                JSON.readTree(export(server, "votes-ids.json").toFile()).get("questions")) {
            long id = q.get("id").asLong();
            var r = probe.send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/api/v1/questions/" + id))
                            .GET()
                            .build(),
                    HttpResponse.BodyHandlers.discarding());
            if (r.statusCode() == 200) {
                ids.add(id);
            }
        }
        return ids;
    }

    private Path export(KomekProcess server, String name) {
        Path file = work.resolve(name);
        server.cli("", "export", file.toString()).done();
        return file;
    }

    private Map<Long, long[]> counts(KomekProcess server, String name) throws Exception {
        var counts = new HashMap<Long, long[]>();
        for (JsonNode q : JSON.readTree(export(server, name).toFile()).get("questions")) {
            JsonNode v = q.get("votes");
            counts.put(
                    q.get("id").asLong(),
                    v == null || v.isNull()
                            ? new long[2]
                            : new long[] {v.path("up").asLong(), v.path("down").asLong()});
        }
        return counts;
    }

    /** The voters, until done or {@code killAfterMillis} (then kill -9 and wait for every voter to give up). */
    private Ledger vote(KomekProcess server, List<Long> ids, Duration max, long killAfterMillis) throws Exception {
        var ledger = new Ledger();
        var random = new SecureRandom();
        var threads = new ArrayList<Thread>();
        long deadline = System.nanoTime() + max.toNanos();
        var http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(3))
                .build();
        var dead = new AtomicLong();
        for (int v = 0; v < VOTERS; v++) {
            byte[] bytes = new byte[16];
            random.nextBytes(bytes);
            String visitor = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
            var order = new ArrayList<>(ids);
            Collections.shuffle(order, new Random(v));
            var th = new Thread(() -> {
                for (long id : order) {
                    if (System.nanoTime() > deadline || dead.get() > 0) {
                        return;
                    }
                    boolean up = (id + visitor.charAt(0)) % 3 != 0;
                    ledger.sent.increment();
                    try {
                        var r = http.send(
                                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port()
                                                + "/api/v1/questions/" + id + "/votes"))
                                        .header("Content-Type", "application/json")
                                        .header("Cookie", "komek_visitor=" + visitor)
                                        .timeout(Duration.ofSeconds(20))
                                        .POST(HttpRequest.BodyPublishers.ofString("{\"useful\": " + up + "}"))
                                        .build(),
                                HttpResponse.BodyHandlers.ofString());
                        if (r.statusCode() == 200) {
                            ledger.add(ledger.acked, id, up);
                        } else if (r.statusCode() >= 500) {
                            ledger.add(ledger.unknown, id, up);
                        } else {
                            ledger.refused.increment();
                        }
                    } catch (Exception e) {
                        ledger.add(ledger.unknown, id, up);
                        if (killAfterMillis >= 0) {
                            dead.incrementAndGet(); // the server is gone: this voter stops, as a reader would
                            return;
                        }
                    }
                }
            });
            th.start();
            threads.add(th);
        }
        if (killAfterMillis >= 0) {
            Thread.sleep(killAfterMillis);
            server.kill9();
        }
        for (var th : threads) {
            th.join();
        }
        return ledger;
    }

    private static boolean ping(KomekProcess server, long id) throws Exception {
        var r = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(
                                        "http://127.0.0.1:" + server.port() + "/api/v1/questions/" + id + "/votes"))
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString("{\"useful\": true}"))
                                .build(),
                        HttpResponse.BodyHandlers.discarding());
        return r.statusCode() == 200;
    }

    static boolean exists(Path p) {
        return Files.exists(p);
    }
}
