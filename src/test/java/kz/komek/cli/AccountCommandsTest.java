package kz.komek.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Stream;
import kz.komek.Config;
import kz.komek.testing.TestApp;
import kz.komek.testing.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code user …} and {@code token …} run as {@code main} runs them, against a real database and a running app. */
class AccountCommandsTest {
    private static final String PASSWORD = "correct horse battery";

    private Config.DbUrl db;
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @BeforeEach
    void freshDatabase() {
        db = TestDatabase.fresh();
    }

    private int withInput(String stdin, String... args) {
        out.getBuffer().setLength(0);
        err.getBuffer().setLength(0);
        String[] all = Stream.concat(
                        Arrays.stream(args),
                        Stream.of("--db-url", db.url(), "--db-user", db.user(), "--db-password", db.password()))
                .toArray(String[]::new);
        return Cli.run(
                new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
                new PrintWriter(out, true),
                new PrintWriter(err, true),
                all);
    }

    private int run(String... args) {
        return withInput("", args);
    }

    @Test
    void userAddTakesThePasswordFromTheFirstLineOfStandardInput() {
        assertThat(withInput(
                        PASSWORD + "\nignored second line\n", "user", "add", "--name", "aigerim", "--role", "editor"))
                .as(err.toString())
                .isZero();
        assertThat(out.toString()).contains("added user aigerim (editor)");
        assertThat(run("user", "list")).isZero();
        assertThat(out.toString()).containsPattern("aigerim\\s+editor\\s+\\S+\\s+active");
    }

    @Test
    void anEmptyOrShortPasswordIsRefusedAndNothingIsAdded() {
        assertThat(withInput("", "user", "add", "--name", "a", "--role", "admin"))
                .isEqualTo(Cli.BAD_INPUT);
        assertThat(err.toString()).contains("komek user add: no password on standard input");
        assertThat(withInput("\n", "user", "add", "--name", "a", "--role", "admin"))
                .isEqualTo(Cli.BAD_INPUT);
        assertThat(err.toString()).contains("no password");
        assertThat(withInput("short\n", "user", "add", "--name", "a", "--role", "admin"))
                .isEqualTo(Cli.BAD_INPUT);
        assertThat(err.toString()).contains("the password is 5 characters long; it needs at least 10");
        // ten characters, counted as people count them (Cyrillic letters are one each)
        assertThat(withInput("құпиясөз12\n", "user", "add", "--name", "b", "--role", "admin"))
                .isZero();
        assertThat(run("user", "list")).isZero();
        assertThat(out.toString()).doesNotContainPattern("\\sa\\s").containsPattern("\\sb\\s");
    }

    @Test
    void aCommonPasswordOrTheUsersNameIsRefusedSayingWhy() {
        for (String common : new String[] {"qwerty12345", "Password123", "1q2w3e4r5t"}) {
            assertThat(withInput(common + "\n", "user", "add", "--name", "dana", "--role", "editor"))
                    .as(common)
                    .isEqualTo(Cli.BAD_INPUT);
            assertThat(err.toString()).contains("the password is on a list of common passwords");
        }
        assertThat(withInput("Nurlan.Bekov\n", "user", "add", "--name", "nurlan.bekov", "--role", "editor"))
                .isEqualTo(Cli.BAD_INPUT);
        assertThat(err.toString()).contains("the password is the user name");
        assertThat(withInput("Жаз-2024 таудағы үй\n", "user", "add", "--name", "dana", "--role", "editor"))
                .as(err.toString())
                .isZero();
        assertThat(withInput("qwerty123456\n", "user", "password", "--name", "dana"))
                .isEqualTo(Cli.BAD_INPUT);
        assertThat(err.toString()).contains("is on a list of common passwords");
        assertThat(run("user", "list")).isZero();
        assertThat(out.toString()).contains("dana").doesNotContain("nurlan");
    }

    @Test
    void aNulInAUserNameIsBadInputNamingTheOption() {
        assertThat(withInput(PASSWORD + "\n", "user", "add", "--name", "dana\u0000", "--role", "editor"))
                .isEqualTo(Cli.BAD_INPUT);
        assertThat(err.toString())
                .contains("komek user add: --name: a user name is")
                .contains("which contains a NUL character (U+0000)")
                .doesNotContain("PSQLException");
        assertThat(run("token", "create", "--user", "dana\u0000")).isEqualTo(Cli.BAD_INPUT);
        assertThat(err.toString()).contains("--user: a user name is").contains("NUL character");
    }

    @Test
    void aTakenNameABadNameOrAnUnknownRoleIsBadInput() {
        assertThat(withInput(PASSWORD + "\n", "user", "add", "--name", "Aigerim", "--role", "editor"))
                .isZero();
        assertThat(withInput(PASSWORD + "\n", "user", "add", "--name", "aigerim", "--role", "admin"))
                .isEqualTo(Cli.BAD_INPUT);
        assertThat(err.toString()).contains("a user named \"aigerim\" already exists");
        assertThat(withInput(PASSWORD + "\n", "user", "add", "--name", "two words", "--role", "admin"))
                .isEqualTo(Cli.BAD_INPUT);
        assertThat(err.toString()).contains("1 to 64 Latin letters");
        assertThat(withInput(PASSWORD + "\n", "user", "add", "--name", "boss", "--role", "owner"))
                .isEqualTo(Cli.BAD_INPUT);
        assertThat(err.toString()).contains("--role must be one of viewer, editor, publisher, admin");
        assertThat(run("user", "add", "--name", "x")).isEqualTo(Cli.USAGE);
    }

    @Test
    void aCreatedTokenWorksAsBearerUntilRevokedWhileTheServerRuns() throws Exception {
        try (var app = TestApp.empty(c -> c.withDb(Optional.of(db)))) {
            assertThat(withInput(PASSWORD + "\n", "user", "add", "--name", "ci-bot", "--role", "publisher"))
                    .isZero();
            assertThat(run("token", "create", "--user", "ci-bot", "--name", "deploy"))
                    .as(err.toString())
                    .isZero();
            String token = out.toString().strip();
            assertThat(token).matches("komek_[A-Za-z0-9_-]{43}");
            assertThat(err.toString()).contains("shown once");

            var me = app.send(HttpRequest.newBuilder(URI.create(app.url("/api/v1/admin/me")))
                    .header("Authorization", "Bearer " + token)
                    .build());
            assertThat(me.statusCode()).isEqualTo(200);
            assertThat(me.body()).contains("\"name\":\"ci-bot\"").contains("\"role\":\"publisher\"");

            // only the hash is stored
            long stored = app.app()
                    .jdbi()
                    .withHandle(h -> h.createQuery(
                                    "select count(*) from api_token where encode(hash, 'escape') like '%' || :t || '%'")
                            .bind("t", token.substring(6, 20))
                            .mapTo(Long.class)
                            .one());
            assertThat(stored).isZero();

            assertThat(run("token", "list")).isZero();
            assertThat(out.toString()).contains("ci-bot").contains("deploy").contains("active");
            assertThat(out.toString()).doesNotContain(token);
            String id = out.toString().lines().skip(1).findFirst().orElseThrow().split("\\s+")[0];

            assertThat(run("token", "revoke", "--id", id)).isZero();
            var refused = app.send(HttpRequest.newBuilder(URI.create(app.url("/api/v1/admin/me")))
                    .header("Authorization", "Bearer " + token)
                    .build());
            assertThat(refused.statusCode()).isEqualTo(401);
            assertThat(run("token", "list", "--user", "ci-bot")).isZero();
            assertThat(out.toString()).contains("revoked");
        }
    }

    @Test
    void disablingAUserStopsTheirTokens() throws Exception {
        try (var app = TestApp.empty(c -> c.withDb(Optional.of(db)))) {
            withInput(PASSWORD + "\n", "user", "add", "--name", "leaver", "--role", "editor");
            run("token", "create", "--user", "leaver");
            String token = out.toString().strip();
            assertThat(run("user", "disable", "--name", "LEAVER")).isZero();
            assertThat(out.toString()).contains("disabled leaver");
            var r = app.send(HttpRequest.newBuilder(URI.create(app.url("/api/v1/admin/me")))
                    .header("Authorization", "Bearer " + token)
                    .build());
            assertThat(r.statusCode()).isEqualTo(401);
            assertThat(run("user", "list")).isZero();
            assertThat(out.toString()).containsPattern("leaver\\s+editor\\s+\\S+\\s+disabled");
            assertThat(run("token", "create", "--user", "leaver")).isEqualTo(Cli.BAD_INPUT);
            assertThat(err.toString()).contains("disabled");
            assertThat(run("user", "enable", "--name", "leaver")).isZero();
        }
    }

    @Test
    void unknownUsersAndTokensAreBadInput() {
        assertThat(run("token", "create", "--user", "ghost")).isEqualTo(Cli.BAD_INPUT);
        assertThat(err.toString()).contains("there is no user \"ghost\"");
        assertThat(run("user", "disable", "--name", "ghost")).isEqualTo(Cli.BAD_INPUT);
        assertThat(run("token", "revoke", "--id", "999")).isEqualTo(Cli.BAD_INPUT);
        assertThat(err.toString()).contains("there is no token 999");
    }

    @Test
    void userPasswordAndRoleChangeTheAccountAndAreAuditedAsTheConsole() {
        assertThat(withInput(PASSWORD + "\n", "user", "add", "--name", "dana", "--role", "viewer"))
                .isZero();
        assertThat(run("user", "role", "--name", "dana", "--role", "publisher"))
                .as(err.toString())
                .isZero();
        assertThat(out.toString()).contains("dana is now publisher");
        assertThat(run("user", "role", "--name", "dana", "--role", "boss")).isEqualTo(Cli.BAD_INPUT);
        assertThat(err.toString()).contains("--role must be one of");
        assertThat(withInput("short\n", "user", "password", "--name", "dana")).isEqualTo(Cli.BAD_INPUT);
        assertThat(err.toString()).contains("at least 10");
        assertThat(withInput("another horse battery\n", "user", "password", "--name", "dana"))
                .as(err.toString())
                .isZero();
        assertThat(withInput("another horse battery\n", "user", "password", "--name", "nobody"))
                .isEqualTo(Cli.BAD_INPUT);
        try (var app = TestApp.empty(c -> c.withDb(Optional.of(db)))) {
            var rows = app.app()
                    .jdbi()
                    .withHandle(h -> h.createQuery(
                                    "select actor_id is null as console, actor_name, action, object_id from audit_log"
                                            + " order by id")
                            .mapToMap()
                            .list());
            assertThat(rows)
                    .extracting(r -> r.get("action"))
                    .containsExactly("user.create", "user.role", "user.password");
            assertThat(rows).allSatisfy(r -> {
                assertThat(r.get("console")).isEqualTo(true);
                assertThat((String) r.get("actor_name")).startsWith("cli:");
                assertThat(r.get("object_id")).isEqualTo("dana");
            });
            // the new password signs in; the role holds
            var user = app.app()
                    .accounts()
                    .user(new kz.komek.admin.accounts.UserName("dana"))
                    .orElseThrow();
            assertThat(user.role()).isEqualTo(kz.komek.admin.Role.PUBLISHER);
        }
    }
}
