package kz.komek.bundle.nuxt;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import kz.komek.bundle.Bundle;
import kz.komek.bundle.BundleException;
import kz.komek.bundle.BundleJson;

/**
 * Coverage-guided fuzzing of the Nuxt payload reader (Jazzer; see docs/fuzzing.md). Without {@code JAZZER_FUZZ=1}
 * it replays the committed inputs in {@code NuxtPayloadReaderFuzzTestInputs/}: seeds and past findings.
 */
class NuxtPayloadReaderFuzzTest {
    private final NuxtPayloadReader reader = new NuxtPayloadReader();
    private final BundleJson json = new BundleJson();

    /**
     * Any text is either read or refused with a {@link BundleException} (which the import turns into exit 1 and a
     * line naming the problem); any other exception or error is a bug. What it reads is a bundle the JSON reader
     * accepts as it is: the import stores it without that check, and an export of it must import again.
     */
    @FuzzTest(maxDuration = "45s", maxExecutions = 25000)
    void readsAPayloadOrRefusesIt(byte[] input) {
        String text = new String(input, StandardCharsets.UTF_8);
        NuxtImport read;
        try {
            read = reader.read(text, null);
        } catch (BundleException refused) {
            assertThat(refused.getMessage()).isNotBlank();
            return;
        }
        Bundle bundle = read.bundle();
        assertThat(bundle.questions()).isNotEmpty();
        assertThat(bundle.questions()).allSatisfy(q -> assertThat(q.site()).isEqualTo(NuxtPayloadReader.DEFAULT_SITE));
        String written = json.write(bundle);
        Bundle again;
        try {
            again = json.read(written);
        } catch (BundleException e) {
            throw new AssertionError("the payload reader made a bundle its own export cannot import: " + e, e);
        }
        assertThat(json.write(again)).isEqualTo(written);
    }
}
