package kz.komek.content;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;

/**
 * Coverage-guided fuzzing of the sanitizer (Jazzer; see docs/fuzzing.md). Without {@code JAZZER_FUZZ=1} it replays
 * the committed inputs in {@code HtmlSanitizerFuzzTestInputs/}: seeds and past findings.
 */
class HtmlSanitizerFuzzTest {
    private final HtmlSanitizer sanitizer = new HtmlSanitizer();

    /**
     * Whatever comes in, what comes out is safe in a page as a browser parses it (no script or other active
     * element, no event handler, no script URL, no hiding style: {@link HostileHtmlTest#assertSafe}), an untouched
     * answer is the very input string, and sanitizing the output again changes nothing (stored answers stay put).
     */
    @FuzzTest(maxDuration = "45s", maxExecutions = 10000)
    void sanitizedAnswersAreSafeAndStable(byte[] input) {
        String html = new String(input, StandardCharsets.UTF_8);
        Sanitized once = sanitizer.sanitize(html);
        HostileHtmlTest.assertSafe(once.html());
        if (!once.changed()) {
            assertThat(once.html()).isSameAs(html);
        }
        Sanitized twice = sanitizer.sanitize(once.html());
        assertThat(twice.removed()).as("notes on sanitizing the output again").isEmpty();
        assertThat(twice.html()).isEqualTo(once.html());
    }
}
