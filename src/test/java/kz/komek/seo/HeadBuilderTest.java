package kz.komek.seo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import kz.komek.Config;
import kz.komek.i18n.Locale;
import org.junit.jupiter.api.Test;

/** The head builder and the public origin, without a server. */
class HeadBuilderTest {
    private static final String RU = "https://help.example.kz/client/ru/bonus";
    private static final String KZ = "https://help.example.kz/client/kz/bonus";

    private static PageFacts section(Locale locale, Robots robots, String canonical, Map<Locale, String> versions) {
        String url = locale == Locale.RU ? RU : KZ;
        return new PageFacts(
                PageFacts.Kind.SECTION,
                locale,
                "Бонусы",
                "Ответы",
                robots,
                url,
                canonical,
                versions,
                "komek",
                "https://help.example.kz",
                List.of(new PageFacts.Crumb("Клиентам", "https://help.example.kz/client/ru/")),
                Optional.empty());
    }

    @Test
    void robotsTagOnlyWhenSomethingIsForbidden() {
        assertThat(new Robots(true, true).content()).isEmpty();
        assertThat(new Robots(false, true).content()).hasValue("noindex");
        assertThat(new Robots(true, false).content()).hasValue("nofollow");
        assertThat(new Robots(false, false).content()).hasValue("noindex, nofollow");
    }

    @Test
    void alternatesNeedAnIndexedSelfCanonicalPageInTwoLocales() {
        var both = Map.of(Locale.KZ, KZ, Locale.RU, RU);
        assertThat(HeadBuilder.alternates(section(Locale.KZ, Robots.ALL, KZ, both)))
                .containsExactly(
                        new Head.Alternate("ru-RU", RU),
                        new Head.Alternate("kk-KZ", KZ),
                        new Head.Alternate("x-default", RU));
        assertThat(HeadBuilder.alternates(section(Locale.KZ, Robots.ALL, KZ, Map.of(Locale.KZ, KZ))))
                .isEmpty();
        assertThat(HeadBuilder.alternates(section(Locale.KZ, new Robots(false, true), KZ, both)))
                .isEmpty();
        assertThat(HeadBuilder.alternates(section(Locale.KZ, Robots.ALL, RU, both)))
                .isEmpty();
    }

    @Test
    void scriptSafeJsonStillParsesToTheSameValue() throws Exception {
        var mapper = new ObjectMapper();
        String hostile = "</script><!--<script>&\u2028\u2029";
        String safe = HeadBuilder.scriptSafe(mapper.writeValueAsString(Map.of("headline", hostile)));
        assertThat(safe).doesNotContain("<", ">", "&", "\u2028", "\u2029");
        assertThat(mapper.readTree(safe).path("headline").asText()).isEqualTo(hostile);
    }

    @Test
    void titlesBecomeOneLine() {
        var p = section(Locale.RU, Robots.ALL, RU, Map.of());
        var head = new HeadBuilder()
                .build(new PageFacts(
                        p.kind(),
                        p.locale(),
                        "Вопрос?\n ✔ Справка  komek ",
                        p.description(),
                        p.robots(),
                        p.url(),
                        p.canonical(),
                        p.versions(),
                        p.siteName(),
                        p.origin(),
                        p.crumbs(),
                        p.article()));
        assertThat(head.title()).isEqualTo("Вопрос? ✔ Справка komek");
        assertThat(head.openGraph().orElseThrow().title()).isEqualTo("Вопрос? ✔ Справка komek");
    }

    @Test
    void originIsTheConfiguredBaseUrlElseTheRequestsHost() {
        assertThat(new PublicOrigin(Optional.of("https://help.example.kz/")).of("http", "evil.example"))
                .isEqualTo("https://help.example.kz");
        var fromRequest = new PublicOrigin(Optional.empty());
        assertThat(fromRequest.of("http", "Localhost:8080")).isEqualTo("http://localhost:8080");
        assertThat(fromRequest.of("https", "[::1]:8443")).isEqualTo("https://[::1]:8443");
        // a Host header that is not a host must not reach a canonical link
        assertThat(fromRequest.of("http", "evil.example/\"><script>")).isEqualTo("http://localhost");
        assertThat(fromRequest.of("http", null)).isEqualTo("http://localhost");
        assertThatThrownBy(() -> new PublicOrigin(Optional.of("help.example.kz")))
                .isInstanceOf(IllegalArgumentException.class);
        var config = Config.forTests(Path.of("unused"));
        assertThatThrownBy(() -> config.withBaseUrl(Optional.of("help.example.kz")))
                .hasMessageContaining("--base-url");
        assertThatThrownBy(() -> config.withBaseUrl(Optional.of("https://help.example.kz/?x=1")))
                .hasMessageContaining("--base-url");
        assertThat(config.withBaseUrl(Optional.of("https://help.example.kz/help/"))
                        .baseUrl())
                .hasValue("https://help.example.kz/help");
    }
}
