package kz.komek.bundle;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;

/**
 * Coverage-guided fuzzing of the bundle reader (Jazzer; see docs/fuzzing.md). Without {@code JAZZER_FUZZ=1} it
 * replays the committed inputs in {@code BundleJsonFuzzTestInputs/}: seeds and past findings.
 */
class BundleJsonFuzzTest {
    private final BundleJson json = new BundleJson();

    /**
     * Any text is either read or refused with a {@link BundleException} naming where; any other exception or error
     * is a bug. What it reads, written out again, reads back to the same bundle and the same text: an export
     * always imports.
     */
    @FuzzTest(maxDuration = "45s", maxExecutions = 300000)
    void readsABundleOrRefusesIt(byte[] input) {
        String text = new String(input, StandardCharsets.UTF_8);
        Bundle bundle;
        try {
            bundle = json.read(text);
        } catch (BundleException refused) {
            assertThat(refused.getMessage()).isNotBlank();
            return;
        }
        String written = json.write(bundle);
        Bundle again;
        try {
            again = json.read(written);
        } catch (BundleException e) {
            throw new AssertionError("a bundle it read cannot be read again once written: " + e, e);
        }
        assertThat(again).isEqualTo(bundle);
        assertThat(json.write(again)).isEqualTo(written);
    }
}
