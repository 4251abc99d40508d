package kz.komek.feedback;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.util.Optional;
import kz.komek.testing.TestApp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Voting through the JSON API, over real HTTP, on the mini fixture, reset before each test. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class VotesApiTest {
    private final ObjectMapper mapper = new ObjectMapper();
    private TestApp app;
    private FeedbackStore store;

    @BeforeAll
    void start() {
        app = TestApp.withBundle(
                "/fixtures/mini.bundle.json", c -> c.withFeedback(c.feedback().withVotesPerMinute(0)));
        store = new FeedbackStore(app.app().jdbi());
    }

    @BeforeEach
    void reset() {
        Http.resetVotes(app);
    }

    @AfterAll
    void stop() {
        app.close();
    }

    private JsonNode json(HttpResponse<String> r, int status) throws Exception {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
        assertThat(r.headers().firstValue("Content-Type"))
                .hasValueSatisfying(c -> assertThat(c).contains("json"));
        return mapper.readTree(r.body());
    }

    private JsonNode question(long id, Optional<String> cookie) throws Exception {
        return json(Http.get(app, "/api/v1/questions/" + id + "?locale=ru", cookie), 200);
    }

    @Test
    void aVoteIsCountedOncePerVisitor() throws Exception {
        var first = Http.voteJson(app, 700, "{\"useful\": true}", Optional.empty());
        JsonNode body = json(first, 200);
        assertThat(body.get("voted").asBoolean()).isTrue();
        assertThat(body.get("votes").get("up").asLong()).isEqualTo(1);
        assertThat(body.get("votes").get("down").asLong()).isZero();
        assertThat(body.get("usefulness").asDouble()).isEqualTo(1.0);
        String visitor = Http.visitor(first);

        JsonNode again = json(Http.voteJson(app, 700, "{\"useful\": true}", Optional.of(visitor)), 200);
        assertThat(again.get("votes").get("up").asLong())
                .as("the same visitor again")
                .isEqualTo(1);
        assertThat(question(700, Optional.empty()).get("votes").get("up").asLong())
                .isEqualTo(1);
        assertThat(store.votes(700)).hasSize(1);
    }

    @Test
    void aSecondVoteReplacesTheFirst() throws Exception {
        String visitor = Http.visitor(Http.voteJson(app, 700, "{\"useful\": true}", Optional.empty()));
        JsonNode changed = json(
                Http.voteJson(
                        app,
                        700,
                        "{\"useful\": false, \"reason\": \"outdated\", \"comment\": \"Тариф уже другой\"}",
                        Optional.of(visitor)),
                200);
        assertThat(changed.get("votes").get("up").asLong()).isZero();
        assertThat(changed.get("votes").get("down").asLong()).isEqualTo(1);
        assertThat(changed.get("useful").asBoolean()).isFalse();

        JsonNode back = json(Http.voteJson(app, 700, "{\"useful\": true}", Optional.of(visitor)), 200);
        assertThat(back.get("votes").get("up").asLong()).isEqualTo(1);
        assertThat(back.get("votes").get("down").asLong()).isZero();
        var stored = store.votes(700);
        assertThat(stored).hasSize(1);
        assertThat(stored.get(0).useful()).isTrue();
        assertThat(stored.get(0).reason()).as("a useful vote has no reason").isEmpty();
    }

    @Test
    void theReasonCommentLocaleAndTimeAreStoredForEditors() throws Exception {
        json(
                Http.voteJson(
                        app,
                        462,
                        "{\"useful\": false, \"reason\": \"unclear\", \"comment\": \"  Не понял,\\r\\nгде это\\u0000 \"}",
                        Optional.empty()),
                200);
        json(Http.voteJson(app, 462, "{\"useful\": false, \"reason\": \"no_answer\"}", Optional.empty()), 200);
        json(
                app.send(java.net.http.HttpRequest.newBuilder(
                                java.net.URI.create(app.url("/api/v1/questions/462/votes?locale=kz")))
                        .header("Content-Type", "application/json")
                        .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{\"useful\": false}"))
                        .build()),
                200);
        var votes = store.votes(462);
        assertThat(votes).hasSize(3);
        assertThat(votes)
                .anySatisfy(v -> {
                    assertThat(v.reason()).contains("unclear");
                    assertThat(v.comment()).contains("Не понял,\nгде это");
                    assertThat(v.locale().code()).isEqualTo("ru");
                    assertThat(v.at()).isNotNull();
                })
                .anySatisfy(v -> {
                    assertThat(v.reason()).contains("no_answer");
                    assertThat(v.comment()).isEmpty();
                })
                .anySatisfy(v -> {
                    assertThat(v.reason()).isEmpty();
                    assertThat(v.locale().code()).isEqualTo("kz");
                });
    }

    @Test
    void votedIsTrueOnlyForTheVisitorWhoVoted() throws Exception {
        String visitor = Http.visitor(Http.voteJson(app, 462, "{\"useful\": true}", Optional.empty()));
        String other = Http.visitor(Http.voteJson(app, 456, "{\"useful\": true}", Optional.empty()));
        assertThat(question(462, Optional.of(visitor)).get("voted").asBoolean()).isTrue();
        assertThat(question(462, Optional.of(other)).get("voted").asBoolean())
                .as("a visitor who voted on another question")
                .isFalse();
        assertThat(question(462, Optional.empty()).get("voted").asBoolean()).isFalse();
        assertThat(question(456, Optional.of(visitor)).get("voted").asBoolean()).isFalse();
    }

    @Test
    void theImportedRatioIsAPriorWorthTwentyVotes() throws Exception {
        // 456 has only the seed's ratio 0.89: one "not useful" vote gives (0 + 20·0.89) / (1 + 20) = 0.848
        JsonNode r = json(Http.voteJson(app, 456, "{\"useful\": false}", Optional.empty()), 200);
        assertThat(r.get("usefulness").asDouble()).isEqualTo(0.85);
        assertThat(question(456, Optional.empty()).get("usefulness").asDouble()).isEqualTo(0.85);
        // 462 has counts (3 up, 1 down) and no ratio: votes simply add
        JsonNode counted = json(Http.voteJson(app, 462, "{\"useful\": false}", Optional.empty()), 200);
        assertThat(counted.get("votes").get("up").asLong()).isEqualTo(3);
        assertThat(counted.get("votes").get("down").asLong()).isEqualTo(2);
        assertThat(counted.get("usefulness").asDouble()).isEqualTo(0.6);
    }

    @Test
    void votesAndTheImportedRatioSurviveExportAndImport() throws Exception {
        json(Http.voteJson(app, 456, "{\"useful\": false}", Optional.empty()), 200);
        var json = new kz.komek.bundle.BundleJson();
        String exported = json.write(app.app().bundles().export());
        var q456 = mapper.readTree(exported).get("questions").findParents("id").stream()
                .filter(n -> n.get("id").asLong() == 456)
                .findFirst()
                .orElseThrow();
        assertThat(q456.get("votes").get("down").asLong()).isEqualTo(1);
        assertThat(q456.get("usefulness").asDouble()).isEqualTo(0.89);
        try (var other = TestApp.empty()) {
            other.app().bundles().importBundle(json.read(exported), java.util.List.of());
            assertThat(mapper.readTree(
                                    other.get("/api/v1/questions/456?locale=ru").body())
                            .get("usefulness")
                            .asDouble())
                    .isEqualTo(0.85);
        }
    }

    @Test
    void anImportKeepsTheVotesReadersCast() throws Exception {
        json(Http.voteJson(app, 456, "{\"useful\": true}", Optional.empty()), 200);
        json(Http.voteJson(app, 456, "{\"useful\": false}", Optional.empty()), 200);

        var report = app.app()
                .bundles()
                .importBundle(
                        new kz.komek.bundle.BundleJson().read(TestApp.resource("/fixtures/mini.bundle.json")),
                        java.util.List.of());

        assertThat(report.voteChanges()).isEmpty();
        JsonNode q = question(456, Optional.empty());
        assertThat(q.get("votes").toString()).isEqualTo("{\"up\":1,\"down\":1}");
        // (1 + 20 · 0.89) / (2 + 20): the imported ratio and both readers' votes
        assertThat(q.get("usefulness").asDouble()).isEqualTo(0.85);
    }

    @Test
    void theCookieIsLongLivedHttpOnlyAndLax() {
        String header = Http.setCookie(Http.voteJson(app, 700, "{\"useful\": true}", Optional.empty()));
        assertThat(header)
                .matches(VisitorCookie.NAME + "=[A-Za-z0-9_-]{22};.*")
                .containsIgnoringCase("HttpOnly")
                .containsIgnoringCase("SameSite=Lax")
                .contains("Path=/")
                .containsIgnoringCase("Max-Age=63072000")
                .doesNotContainIgnoringCase("Secure");
        var overHttps = app.send(
                java.net.http.HttpRequest.newBuilder(java.net.URI.create(app.url("/api/v1/questions/700/votes")))
                        .header("Content-Type", "application/json")
                        .header("X-Forwarded-Proto", "https")
                        .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{\"useful\": true}"))
                        .build());
        assertThat(Http.setCookie(overHttps)).containsIgnoringCase("Secure");
    }

    @Test
    void aCookieKomekDidNotIssueIsReplaced() {
        var r = Http.voteJson(app, 700, "{\"useful\": true}", Optional.of("forged'value"));
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(Http.visitor(r)).matches("[A-Za-z0-9_-]{22}");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "{\"useful\": tru",
                "[true]",
                "\"useful\"",
                "",
                "{}",
                "{\"useful\": \"yes\"}",
                "{\"useful\": true} {\"useful\": false}",
                "{\"useful\": false, \"reason\": \"boring\"}",
                "{\"useful\": false, \"reason\": 3}",
                "{\"useful\": false, \"comment\": [\"a\"]}",
                "{\"useful\": true, \"reason\": \"unclear\"}"
            })
    void badVotesAre400WithAMessage(String body) throws Exception {
        JsonNode r = json(Http.voteJson(app, 700, body, Optional.empty()), 400);
        assertThat(r.get("error").asText()).isNotBlank();
        assertThat(store.votes(700)).isEmpty();
    }

    @Test
    void anUnknownReasonNamesTheKnownOnes() throws Exception {
        JsonNode r =
                json(Http.voteJson(app, 700, "{\"useful\": false, \"reason\": \"boring\"}", Optional.empty()), 400);
        assertThat(r.get("error").asText()).contains("boring").contains("no_answer, unclear, outdated, other");
    }

    @Test
    void commentsUpToAThousandCharactersAreKept() throws Exception {
        String longest = "ә".repeat(1000);
        json(Http.voteJson(app, 700, "{\"useful\": false, \"comment\": \"" + longest + "\"}", Optional.empty()), 200);
        assertThat(store.votes(700).get(0).comment()).contains(longest);
        JsonNode tooLong = json(
                Http.voteJson(app, 700, "{\"useful\": false, \"comment\": \"" + longest + "ә\"}", Optional.empty()),
                400);
        assertThat(tooLong.get("error").asText()).contains("1001").contains("1000");
    }

    @Test
    void unknownOrUnpublishedQuestionsAre404AndBadIdsOrLocales400() throws Exception {
        assertThat(json(Http.voteJson(app, 123456, "{\"useful\": true}", Optional.empty()), 404)
                        .get("error")
                        .asText())
                .contains("123456");
        json(Http.voteJson(app, 999, "{\"useful\": true}", Optional.empty()), 404); // scheduled for 2099
        var badId = app.post("/api/v1/questions/abc/votes", "application/json", "{\"useful\": true}");
        json(badId, 400);
        var badLocale = app.post("/api/v1/questions/700/votes?locale=en", "application/json", "{\"useful\": true}");
        json(badLocale, 400);
    }

    @Test
    void votesFromAnotherSitesPageAreRefused() throws Exception {
        var r = app.send(
                java.net.http.HttpRequest.newBuilder(java.net.URI.create(app.url("/api/v1/questions/700/votes")))
                        .header("Content-Type", "application/json")
                        .header("Sec-Fetch-Site", "cross-site")
                        .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{\"useful\": true}"))
                        .build());
        json(r, 403);
        assertThat(store.votes(700)).isEmpty();
    }

    /**
     * While an import holds a question's row, a vote on it does not wait holding a pooled connection: it is refused
     * at once with 503 and Retry-After, and goes through once the row is free.
     */
    @Test
    void aVoteOnARowAnImportHoldsIsRefusedQuicklyNotQueued() throws Exception {
        try (var importer = app.app().jdbi().open()) {
            importer.begin();
            importer.createQuery("select 1 from question where id = 700 for update")
                    .mapTo(Integer.class)
                    .one();
            // without a lock timeout the vote would wait for the import: the test fails after 10 s instead of hanging
            var refused = java.util.concurrent.CompletableFuture.supplyAsync(
                            () -> Http.voteJson(app, 700, "{\"useful\": true}", Optional.empty()))
                    .get(10, java.util.concurrent.TimeUnit.SECONDS);
            assertThat(refused.statusCode()).as(refused.body()).isEqualTo(503);
            assertThat(refused.headers().firstValue("Retry-After")).hasValue("1");
            importer.rollback();
        }
        json(Http.voteJson(app, 700, "{\"useful\": true}", Optional.empty()), 200);
    }
}
