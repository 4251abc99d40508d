package kz.komek.content;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import kz.komek.bundle.Bundle;
import kz.komek.bundle.nuxt.NuxtPayloadReader;
import kz.komek.i18n.Locale;
import kz.komek.testing.TestApp;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every seed answer on every platform against a reviewed golden file in {@code src/test/resources/golden/seed/}.
 * After a deliberate change, regenerate with {@code mvn test -Dtest=SeedAnswersGoldenTest -Dkomek.golden.update=true}
 * and review the diff.
 */
class SeedAnswersGoldenTest {
    private static final Path GOLDEN = Path.of("src/test/resources/golden/seed");
    private static final AnswerRenderer RENDERER = new AnswerRenderer(ContentConfig.defaults());

    static Stream<Arguments> answers() {
        var seed = new NuxtPayloadReader()
                .read(TestApp.resource("/demo/kz-bonus-save-general.payload.txt"), "client")
                .bundle();
        var cases = new ArrayList<Arguments>();
        for (Bundle.Question q : seed.questions()) {
            for (Platform p : Platform.values()) {
                cases.add(Arguments.of(q.id(), p, q.locales().get("kz").content()));
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "q{0} on {1}")
    @MethodSource("answers")
    void rendersAsReviewed(long id, Platform platform, String content) throws IOException {
        String rendered = RENDERER.render(content, platform, Locale.KZ);
        String name = id + "-" + platform.code() + ".html";
        if (Boolean.getBoolean("komek.golden.update")) {
            Files.createDirectories(GOLDEN);
            Files.writeString(GOLDEN.resolve(name), rendered, StandardCharsets.UTF_8);
        }
        try (InputStream in = getClass().getResourceAsStream("/golden/seed/" + name)) {
            assertThat(in)
                    .as("golden file " + name + " (see the class comment to create it)")
                    .isNotNull();
            assertThat(rendered).isEqualTo(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    @ParameterizedTest(name = "q{0} on {1}")
    @MethodSource("answers")
    void showsExactlyOneVariantAndNoRawMacro(long id, Platform platform, String content) {
        String rendered = RENDERER.render(content, platform, Locale.KZ);
        assertThat(rendered).doesNotContain("вставка").doesNotContain("_only");
        String shown = Jsoup.parseBodyFragment(rendered).text();
        for (Element span : Jsoup.parseBodyFragment(content).select("[class*=_only]")) {
            // the words before any macro: macros render differently per platform by design
            String text = span.ownText().split("%\\s*вставка")[0].strip();
            List<String> others = span.parent() == null
                    ? List.of()
                    : span.siblingElements().stream().map(Element::ownText).toList();
            // only phrases that tell the variants apart say which one was kept
            if (text.length() < 12 || others.stream().anyMatch(o -> o.contains(text))) {
                continue;
            }
            boolean mine = span.hasClass(platform.spanClass());
            assertThat(shown.contains(text))
                    .as("q%d on %s: \"%s\" (%s)", id, platform, text, span.className())
                    .isEqualTo(mine);
        }
    }
}
