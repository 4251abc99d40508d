package kz.komek.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import kz.komek.testing.MiniLm;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The encoder on a real model: all-MiniLM-L6-v2, English only, from a test jar. */
class SentenceEncoderTest {
    private static SentenceEncoder encoder;

    @BeforeAll
    static void load() {
        encoder = SentenceEncoder.load(MiniLm.dir());
    }

    @AfterAll
    static void close() {
        encoder.close();
    }

    private static double cosine(float[] a, float[] b) {
        double dot = 0;
        for (int i = 0; i < a.length; i++) {
            dot += a[i] * b[i];
        }
        return dot;
    }

    @Test
    void vectorsHaveTheModelsWidthAndLengthOne() {
        assertThat(encoder.dimensions()).isEqualTo(384);
        for (float[] v : encoder.passages(List.of("Refund of a payment", "", "a".repeat(5000)))) {
            assertThat(v).hasSize(384);
            double length = Math.sqrt(cosine(v, v));
            assertThat(length).isCloseTo(1.0, within(1e-4));
        }
    }

    @Test
    void aParaphraseIsCloserThanAnUnrelatedSentence() {
        float[] query = encoder.query("how do I get my money back");
        float[][] p = encoder.passages(List.of("Refund of a payment", "Changing the colour of the app's theme"));
        assertThat(cosine(query, p[0])).isGreaterThan(cosine(query, p[1]) + 0.1);
        assertThat(cosine(query, p[0])).isGreaterThan(encoder.minSimilarity());
        assertThat(cosine(query, p[1])).isLessThan(encoder.minSimilarity());
    }

    @Test
    void aBatchGivesEachTextTheVectorItHasAlone() {
        // padding to the longest text of a batch must not reach the shorter texts' means
        String shortText = "Refund of a payment";
        String longText = "To close your account, open the settings, choose the account and press close; "
                + "the balance is paid to your card within three days.";
        float[][] batch = encoder.passages(List.of(shortText, longText));
        assertThat(cosine(batch[0], encoder.passages(List.of(shortText))[0])).isCloseTo(1.0, within(1e-4));
        assertThat(cosine(batch[1], encoder.passages(List.of(longText))[0])).isCloseTo(1.0, within(1e-4));
    }

    @Test
    void theSettingsFileSetsPrefixesTokensAndTheFusion(@TempDir Path dir) throws Exception {
        Files.createSymbolicLink(dir.resolve("model.onnx"), MiniLm.dir().resolve("model.onnx"));
        Files.createSymbolicLink(dir.resolve("tokenizer.json"), MiniLm.dir().resolve("tokenizer.json"));
        Files.writeString(
                dir.resolve(SentenceEncoder.SETTINGS),
                "query_prefix = query:\npassage_prefix=passage:\nmax_tokens=64\nmin_similarity=0.8\nvector_weight=0.25\n");
        try (var e5Like = SentenceEncoder.load(dir)) {
            assertThat(e5Like.minSimilarity()).isEqualTo(0.8);
            assertThat(e5Like.vectorWeight()).isEqualTo(0.25);
            // "query: " and "passage: " go before the text, a space after the colon
            assertThat(cosine(e5Like.query("refund"), encoder.query("query: refund")))
                    .isCloseTo(1.0, within(1e-4));
            assertThat(cosine(e5Like.passages(List.of("refund"))[0], encoder.query("passage: refund")))
                    .isCloseTo(1.0, within(1e-4));
            assertThat(cosine(e5Like.query("refund"), encoder.query("refund"))).isLessThan(0.999);
            // 64 tokens: what follows them changes nothing
            String longText = "word ".repeat(100);
            assertThat(cosine(e5Like.passages(List.of(longText + "refund"))[0], e5Like.passages(List.of(longText))[0]))
                    .isCloseTo(1.0, within(1e-4));
        }
        Files.writeString(dir.resolve(SentenceEncoder.SETTINGS), "vector_weight=half\n");
        assertThatThrownBy(() -> SentenceEncoder.load(dir))
                .isInstanceOf(SentenceEncoder.Unusable.class)
                .hasMessageStartingWith(
                        "--embedding-model " + dir + ": " + SentenceEncoder.SETTINGS + ": not a number");
    }

    @Test
    void aDirectoryWithoutTheFilesIsRefusedInOneLine(@TempDir Path dir) throws Exception {
        assertThatThrownBy(() -> SentenceEncoder.load(dir.resolve("missing")))
                .isInstanceOf(SentenceEncoder.Unusable.class)
                .hasMessage("--embedding-model " + dir.resolve("missing") + ": not a directory");
        Files.writeString(dir.resolve("model.onnx"), "not a model");
        assertThatThrownBy(() -> SentenceEncoder.load(dir))
                .isInstanceOf(SentenceEncoder.Unusable.class)
                .hasMessage("--embedding-model " + dir + ": no readable tokenizer.json there");
        Files.copy(MiniLm.dir().resolve("tokenizer.json"), dir.resolve("tokenizer.json"));
        assertThatThrownBy(() -> SentenceEncoder.load(dir))
                .isInstanceOf(SentenceEncoder.Unusable.class)
                .hasMessageStartingWith("--embedding-model " + dir + ": model.onnx cannot be loaded: ")
                .hasMessageNotContaining("\n");
    }
}
