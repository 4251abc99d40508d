package kz.komek.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * A real sentence-embedding model for tests: all-MiniLM-L6-v2 (English only, 384 dimensions) and its
 * tokenizer.json, as LangChain4j's jar ships them (a test dependency; only its two files are used). Copied once
 * into a directory laid out as {@code --embedding-model} wants it.
 */
public final class MiniLm {
    private MiniLm() {}

    /** A directory with {@code model.onnx} and {@code tokenizer.json}; extracted once per machine. */
    public static Path dir() {
        Path dir = Path.of(System.getProperty("java.io.tmpdir"), "komek-test-all-minilm-l6-v2");
        try {
            Files.createDirectories(dir);
            copy("/all-minilm-l6-v2.onnx", dir.resolve("model.onnx"));
            copy("/all-minilm-l6-v2-tokenizer.json", dir.resolve("tokenizer.json"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return dir;
    }

    private static void copy(String resource, Path to) throws IOException {
        try (InputStream in = MiniLm.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("no " + resource + " on the test classpath (langchain4j's jar)");
            }
            long size = in.available();
            if (Files.exists(to) && Files.size(to) == size) {
                return; // extracted by an earlier run
            }
            // a temporary file first: a test running beside this one never sees half a model
            Path part = Files.createTempFile(to.getParent(), to.getFileName().toString(), ".part");
            Files.copy(in, part, StandardCopyOption.REPLACE_EXISTING);
            Files.move(part, to, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        }
    }
}
