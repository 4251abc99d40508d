package kz.komek.attack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import kz.komek.admin.Role;
import kz.komek.admin.accounts.Password;
import kz.komek.admin.accounts.UserName;
import kz.komek.testing.AdminHttp;
import kz.komek.testing.Browser;
import kz.komek.testing.TestApp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The attack suite's smaller parts in every build ({@code scripts/attack.sh} runs them all, bigger, against the
 * jar): 2,000 requests of the malformed-request crawl, 600 mutated bodies, and a sample of the XSS vectors in
 * Chromium, against the app on a free port with the demo content, signed in as an admin where a route needs it.
 */
class AttackSuiteTest {
    private static TestApp app;
    private static Target target;
    private static AdminHttp.Session session;
    private static String token;

    @BeforeAll
    static void start() {
        app = TestApp.withDemo();
        var admin = new AdminHttp(app);
        token = admin.token(Admin.NAME, Role.ADMIN);
        app.app().accounts().addUser(new UserName("victim"), Role.EDITOR, new Password(AdminHttp.PASSWORD));
        session = admin.session(Admin.NAME, AdminHttp.PASSWORD);
        target = new Target(
                new Raw(app.app().port(), 10_000),
                Optional.of(new Target.Session(session.cookie(), session.csrf())),
                Optional.of(token));
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    @Test
    void twoThousandMalformedRequestsGetNoServerErrorAndShowNoStackTrace() throws InterruptedException {
        var crawl = new Crawl(target, Target.routes(Path.of("")));
        long seed = seed();
        Tally t = crawl.run(crawl.catalogue(seed), 2_000, 8);
        assertThat(t.serverErrors() + t.traces())
                .as("seed %d: %s%n%s", seed, t.statusSummary(), String.join("\n", t.samples()))
                .isZero();
    }

    @Test
    void mutatedBodiesOnEveryRouteGetNoServerError() throws InterruptedException {
        long seed = seed();
        Part p = new BodyFuzz(target, Target.routes(Path.of(""))).run(600, 8, seed);
        assertThat(p.status())
                .as("seed %d: %s%n%s", seed, p.figures(), String.join("\n", p.details()))
                .isEqualTo(Part.Status.PASS);
    }

    @Test
    void xssVectorsInEveryFieldRunInNoPageWithOrWithoutTheCsp() throws Exception {
        Browser.assumeInstalled();
        Path work = Files.createTempDirectory("komek-xss");
        try {
            Part p = new Xss(app.app().port(), token, session.cookie(), work).run(Xss.Scope.sample());
            assertThat(p.status())
                    .as(p.figures() + "\n" + String.join("\n", p.details()))
                    .isEqualTo(Part.Status.PASS);
        } finally {
            for (Path f : List.of(work.resolve("xss.bundle.json"), work)) {
                Files.deleteIfExists(f);
            }
        }
    }

    /**
     * The same sample in every build, so CI judges a commit as the machine that pushed it did (decision 0025);
     * {@code mvn verify -Dkomek.attack.seed=N} tries another (a failure message names the seed it used).
     */
    private static long seed() {
        return Long.getLong("komek.attack.seed", 20_261_206L);
    }
}
