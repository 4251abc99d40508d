package kz.komek.attack;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The reliability and security suite ({@code scripts/attack.sh}): starts komek from a copy of the jar on a
 * throw-away data directory and a free loopback port, runs each part against it and prints one line per part.
 * Exit status 1 when any part fails.
 *
 * <pre>
 * AttackMain --jar COPY.jar --work DIR [--quick] [--parts localdb,crawl,fuzz,xss,soak,votes,import]
 * </pre>
 */
public final class AttackMain {
    static final List<String> ALL = List.of("localdb", "crawl", "fuzz", "xss", "soak", "votes", "import");

    private AttackMain() {}

    /** The command line: the jar copy to serve, the work directory, --quick, the parts to run. */
    record Options(Path jar, Path work, boolean quick, Set<String> parts) {
        static Options parse(String[] args) {
            Path jar = null;
            Path work = null;
            boolean quick = false;
            Set<String> parts = new LinkedHashSet<>(ALL);
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--jar" -> jar = Path.of(args[++i]);
                    case "--work" -> work = Path.of(args[++i]);
                    case "--quick" -> quick = true;
                    case "--parts" -> parts = new LinkedHashSet<>(Arrays.asList(args[++i].split(",")));
                    default -> throw new IllegalArgumentException("unknown argument " + args[i]);
                }
            }
            if (jar == null || work == null) {
                throw new IllegalArgumentException("usage: AttackMain --jar COPY.jar --work DIR [--quick] [--parts "
                        + String.join(",", ALL) + "]");
            }
            return new Options(jar, work, quick, parts);
        }
    }

    public static void main(String[] args) throws Exception {
        Options o = Options.parse(args);
        Path jar = o.jar();
        Path work = o.work();
        boolean quick = o.quick();
        Set<String> parts = o.parts();
        Files.createDirectories(work);
        Path repo = Path.of("").toAbsolutePath();
        var results = new ArrayList<Part>();
        var started = LocalDateTime.now().truncatedTo(ChronoUnit.SECONDS);
        System.out.println(
                "komek attack suite, " + started + (quick ? " (--quick)" : " (full)") + ", work dir " + work);

        Set<String> onMain = new LinkedHashSet<>(parts);
        onMain.retainAll(List.of("localdb", "crawl", "fuzz", "xss", "soak"));
        if (!onMain.isEmpty()) {
            // one server for the parts that need no kill: the demo content, the default limits
            try (var server = new KomekProcess(jar, work, "main", List.of()).start()) {
                var token = signUp(server);
                var session = Admin.signIn(server.port(), Admin.NAME, Admin.PASSWORD);
                var target = new Target(new Raw(server.port(), 15_000), Optional.of(session), Optional.of(token));
                var routes = Target.routes(repo);
                for (String part : onMain) {
                    results.add(run(part, () -> switch (part) {
                        case "localdb" -> new LocalUserDb(server).run();
                        case "crawl" -> crawl(target, routes, quick);
                        case "fuzz" -> new BodyFuzz(target, routes).run(quick ? 3_000 : 10_000, 8, 12);
                        case "xss" ->
                            new Xss(server.port(), token, session.cookie(), work)
                                    .run(quick ? Xss.Scope.quick() : Xss.Scope.full());
                        case "soak" -> new Soak(server, quick ? Duration.ofSeconds(30) : Duration.ofMinutes(10)).run();
                        default -> throw new IllegalStateException(part);
                    }));
                    if (!signedIn(server.port(), session)) {
                        System.out.println("    WARNING: the attacker's admin session ended during " + part
                                + ": later parts reach the admin's form handlers only as far as the gate");
                    }
                }
                String errors = logErrors(server);
                if (!errors.isEmpty()) {
                    System.out.println("server log of the main server: errors logged\n" + errors);
                }
            }
        }
        if (parts.contains("votes")) {
            results.add(run("votes", () -> new VoteKill(jar, work, quick).run()));
        }
        if (parts.contains("import")) {
            results.add(run("import", () -> new ImportKill(jar, work, quick).run()));
        }

        System.out.println();
        System.out.println("== komek attack suite: " + (quick ? "--quick" : "full") + " run of " + started + ", "
                + Duration.between(started, LocalDateTime.now()).toSeconds() + " s ==");
        for (var r : results) {
            System.out.println(r.line());
        }
        boolean failed = results.stream().anyMatch(r -> r.status() == Part.Status.FAIL);
        System.exit(failed ? 1 : 0);
    }

    interface PartRun {
        Part run() throws Exception;
    }

    private static Part run(String name, PartRun part) {
        long t0 = System.nanoTime();
        Part p;
        try {
            p = part.run();
        } catch (Exception | AssertionError e) {
            p = Part.of(name, "the part itself failed: " + e, false, List.of());
            e.printStackTrace(System.out);
        }
        System.out.println(p.line() + "  (" + (System.nanoTime() - t0) / 1_000_000_000 + " s)");
        p.details().forEach(d -> System.out.println("    " + d));
        return p;
    }

    private static Part crawl(Target target, List<Target.Route> routes, boolean quick) throws InterruptedException {
        var crawl = new Crawl(target, routes);
        int catalogue = crawl.catalogue(1).size();
        int n = quick ? 10_000 : Math.max(10_000, catalogue);
        long t0 = System.nanoTime();
        Tally t = crawl.run(n, 8, 1);
        double s = (System.nanoTime() - t0) / 1e9;
        boolean pass = t.serverErrors() == 0 && t.traces() == 0;
        return Part.of(
                "malformed-crawl",
                String.format(
                        "%d requests (%d routes, catalogue %d) in %.0f s: %d × 5xx, %d stack traces, %d unanswered; %s",
                        t.sent(),
                        routes.size(),
                        catalogue,
                        s,
                        t.serverErrors(),
                        t.traces(),
                        t.unanswered(),
                        t.statusSummary()),
                pass,
                t.samples());
    }

    /** The attacker's account: an admin made with the CLI, as an operator does, and an API token of theirs. */
    static String signUp(KomekProcess server) {
        server.cli(Admin.PASSWORD + "\n", "user", "add", "--name", Admin.NAME, "--role", "admin")
                .done();
        server.cli(Admin.PASSWORD + "\n", "user", "add", "--name", "victim", "--role", "editor")
                .done();
        String out = server.cli("", "token", "create", "--user", Admin.NAME, "--name", "attack")
                .done();
        return out.lines()
                .filter(l -> l.startsWith("komek_"))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("no token in: " + out));
    }

    static boolean signedIn(int port, Target.Session session) {
        var r = Admin.send(
                java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + port + "/admin"))
                        .header("Cookie", "komek_admin=" + session.cookie())
                        .GET()
                        .build());
        return r.statusCode() == 200;
    }

    /** ERROR lines the server logged (an unexpected exception is logged once with its trace). */
    static String logErrors(KomekProcess server) {
        var sb = new StringBuilder();
        server.logText()
                .lines()
                .filter(l -> l.contains(" ERROR "))
                .limit(20)
                .forEach(l -> sb.append("    ").append(l).append('\n'));
        return sb.toString();
    }
}
