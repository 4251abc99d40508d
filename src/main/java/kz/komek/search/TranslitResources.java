package kz.komek.search;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;

/** Word lists under {@code src/main/resources/search/}: UTF-8, one entry per line, {@code #} starts a comment. */
final class TranslitResources {

    private TranslitResources() {}

    /** Reads a UTF-8 word list: one entry per line, {@code #} starts a comment, lower-cased. */
    static List<String> list(String resource) {
        InputStream in = TranslitResources.class.getClassLoader().getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalStateException("missing resource " + resource);
        }
        List<String> out = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (String line; (line = r.readLine()) != null; ) {
                int hash = line.indexOf('#');
                String w = (hash >= 0 ? line.substring(0, hash) : line).strip().toLowerCase(java.util.Locale.ROOT);
                if (!w.isEmpty()) {
                    out.add(w);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Collections.unmodifiableList(out);
    }

    static Set<String> words(String resource) {
        return Set.copyOf(list(resource));
    }
}
