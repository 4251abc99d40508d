package kz.komek.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;

/**
 * The shared test corpus beside the clone ({@code ../shared}). A user's clone has none: tests that need it skip,
 * visibly. Under {@code CI=true} it must be there, and its absence fails the test instead.
 */
public final class SharedCorpus {
    private SharedCorpus() {}

    public static Path file(String relative) {
        String override = System.getenv("KOMEK_SHARED");
        Path root = override != null && !override.isBlank() ? Path.of(override) : Path.of("..", "shared");
        Path file = root.resolve(relative).toAbsolutePath().normalize();
        if (!Files.isRegularFile(file)) {
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                throw new AssertionError("CI=true but the shared corpus file is missing: " + file);
            }
            Assumptions.abort("shared corpus not found at " + file + " (skipped outside CI)");
        }
        return file;
    }
}
