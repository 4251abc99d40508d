package kz.komek.feedback;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import kz.komek.Config;
import kz.komek.http.ClientAddress;
import kz.komek.testing.TestApp;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

/** The vote limit per client address, over real HTTP: every request of a test comes from 127.0.0.1. */
class VoteLimitTest {
    private static TestApp app(UnaryOperator<Config.Feedback> feedback) {
        return TestApp.withBundle("/fixtures/mini.bundle.json", c -> c.withFeedback(feedback.apply(c.feedback())));
    }

    private static HttpResponse<String> vote(TestApp app, String... headers) {
        var b = HttpRequest.newBuilder(URI.create(app.url("/api/v1/questions/700/votes")))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"useful\": true}"));
        if (headers.length > 0) {
            b.headers(headers);
        }
        return app.send(b.build());
    }

    @Test
    void pastTheLimitVotesAre429WithRetryAfter() throws Exception {
        try (var app = app(f -> f.withVotesPerMinute(3))) {
            for (int i = 0; i < 3; i++) {
                assertThat(vote(app).statusCode()).as("vote " + (i + 1)).isEqualTo(200);
            }
            var refused = vote(app);
            assertThat(refused.statusCode()).isEqualTo(429);
            // one vote comes back every 20 s at 3 a minute
            assertThat(refused.headers().firstValue("Retry-After").map(Long::parseLong))
                    .hasValueSatisfying(s -> assertThat(s).isBetween(1L, 20L));
            assertThat(refused.headers().firstValue("Content-Type"))
                    .hasValueSatisfying(c -> assertThat(c).contains("json"));
            assertThat(new ObjectMapper().readTree(refused.body()).get("error").asText())
                    .contains("too many votes")
                    .contains("3 a minute");
            // the form gets a page, in the page's language, and the vote is not counted
            var form = Http.voteForm(
                    app, "/client/kz/bonus/save/partners/q700", Map.of("useful", "true"), Optional.empty());
            assertThat(form.statusCode()).isEqualTo(429);
            assertThat(form.headers().firstValue("Retry-After")).isPresent();
            var page = Jsoup.parse(form.body());
            assertThat(page.select("h1").text()).isEqualTo("Сұраулар тым көп");
            assertThat(page.select(".detail").text()).contains("секундтан кейін");
            assertThat(new FeedbackStore(app.app().jdbi()).votes(700)).hasSize(3);
        }
    }

    @Test
    void aLimitOfZeroTurnsItOff() {
        try (var app = app(f -> f.withVotesPerMinute(0))) {
            for (int i = 0; i < 40; i++) {
                assertThat(vote(app).statusCode()).as("vote " + (i + 1)).isEqualTo(200);
            }
        }
    }

    @Test
    void behindATrustedProxyEachForwardedAddressHasItsOwnAllowance() {
        try (var app = app(f -> f.withVotesPerMinute(2).withTrustProxy(true))) {
            // the last entry is what our proxy saw; the first one is whatever the client claimed
            assertThat(vote(app, "X-Forwarded-For", "10.9.9.9, 203.0.113.7").statusCode())
                    .isEqualTo(200);
            assertThat(vote(app, "X-Forwarded-For", "10.8.8.8, 203.0.113.7").statusCode())
                    .isEqualTo(200);
            assertThat(vote(app, "X-Forwarded-For", "10.7.7.7, 203.0.113.7").statusCode())
                    .as("a new first entry does not make a new client")
                    .isEqualTo(429);
            assertThat(vote(app, "X-Forwarded-For", "203.0.113.8").statusCode()).isEqualTo(200);
        }
    }

    @Test
    void withoutTrustForwardedAddressesAreIgnored() {
        try (var app = app(f -> f.withVotesPerMinute(2))) {
            assertThat(vote(app, "X-Forwarded-For", "203.0.113.1").statusCode()).isEqualTo(200);
            assertThat(vote(app, "X-Forwarded-For", "203.0.113.2").statusCode()).isEqualTo(200);
            assertThat(vote(app, "X-Forwarded-For", "203.0.113.3").statusCode()).isEqualTo(429);
        }
    }

    @Test
    void ipv6ClientsAreCountedPerSlash64() {
        assertThat(ClientAddress.key("2001:db8:1:2:aaaa::1")).isEqualTo(ClientAddress.key("2001:db8:1:2:bbbb::9"));
        assertThat(ClientAddress.key("2001:db8:1:2::1")).isNotEqualTo(ClientAddress.key("2001:db8:1:3::1"));
        assertThat(ClientAddress.key("[2001:db8:1:2::1]:443")).isEqualTo(ClientAddress.key("2001:db8:1:2::5"));
        assertThat(ClientAddress.key("203.0.113.7:5678")).isEqualTo("203.0.113.7");
        assertThat(ClientAddress.key("::ffff:203.0.113.7")).isEqualTo("203.0.113.7");
        assertThat(ClientAddress.key("not-an-address")).isEqualTo("not-an-address");
    }
}
