package kz.komek.content;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import kz.komek.i18n.Locale;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.ParseError;
import org.jsoup.parser.Parser;

/**
 * Coverage-guided fuzzing of the answer renderer (Jazzer; see docs/fuzzing.md). Without {@code JAZZER_FUZZ=1} it
 * replays the committed inputs in {@code AnswerRendererFuzzTestInputs/}: seeds and past findings.
 */
class AnswerRendererFuzzTest {
    private static final Set<String> PLATFORM_CLASSES =
            Set.of(Platform.DESKTOP.spanClass(), Platform.MOBILE.spanClass(), Platform.APP.spanClass());

    private final HtmlSanitizer sanitizer = new HtmlSanitizer();
    /** A small cache: each input is compiled once (raw and sanitized), then rendered six ways from the template. */
    private final AnswerRenderer renderer = new AnswerRenderer(ContentConfig.defaults(), 4);

    /**
     * An answer as stored (sanitized) and as it might be stored (raw: the compiler is the last line of defence)
     * renders on every platform, in both locales, to HTML that is safe in a page ({@link HostileHtmlTest#assertSafe})
     * and carries no platform-span class (each platform gets its variant without the markers). A stored answer's
     * rendering also reads without a single parse error in an HTML5 parser (the tree a browser builds is the one
     * the renderer wrote: nothing re-nested, no tag swallowed). That one is not asked of raw input: only sanitized
     * answers are ever stored (decision 0006), and raw markup that an HTML5 parser itself re-nests (a list item
     * foster-parented out of a table into another) need not survive a second parse unchanged to be safe. A stored
     * answer's text for search ({@link AnswerRenderer#text}) has the characters an HTML5 parser finds in its
     * rendering, in the same order; where words break may differ around markup that real answers do not have
     * ({@link PlainTextTest} asks for jsoup's very text on every real answer).
     */
    @FuzzTest(maxDuration = "45s", maxExecutions = 8000)
    void everyPlatformGetsSafeWellFormedHtml(byte[] input) {
        String html = new String(input, StandardCharsets.UTF_8);
        String stored = sanitizer.sanitize(html).html();
        for (String answer : List.of(html, stored)) {
            for (Platform platform : Platform.values()) {
                for (Locale locale : Locale.values()) {
                    String out = renderer.render(answer, platform, locale);
                    String where = platform + "/" + locale + " of " + abbreviate(answer) + " → " + abbreviate(out);
                    HostileHtmlTest.assertSafe(out);
                    Parser parser = Parser.htmlParser().setTrackErrors(5);
                    Element body = Document.createShell("").body();
                    body.appendChildren(parser.parseFragmentInput(out, body, ""));
                    List<String> errors = parser.getErrors().stream()
                            .map(ParseError::toString)
                            .toList();
                    if (answer == stored) {
                        assertThat(errors).as("HTML parse errors in " + where).isEmpty();
                        assertThat(withoutSpaces(renderer.text(answer, platform, locale)))
                                .as("text for search of " + where)
                                .isEqualTo(withoutSpaces(body.text()));
                    }
                    assertThat(body.getAllElements())
                            .as("platform classes left in " + where)
                            .allSatisfy(e -> assertThat(e.classNames()).doesNotContainAnyElementsOf(PLATFORM_CLASSES));
                }
            }
        }
    }

    private static String withoutSpaces(String s) {
        return s.replaceAll("\\s+", "");
    }

    private static String abbreviate(String s) {
        return s.length() <= 300 ? s : s.substring(0, 300) + "… (" + s.length() + " chars)";
    }
}
