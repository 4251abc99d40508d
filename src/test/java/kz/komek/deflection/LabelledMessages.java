package kz.komek.deflection;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import kz.komek.i18n.Locale;
import kz.komek.testing.SharedCorpus;
import kz.komek.testing.TestApp;

/**
 * The labelled chat messages ({@code src/test/resources/deflection/messages-*.jsonl}, made from the corpus by
 * {@link ChatMessages}), and a help center holding the corpus to ask them of.
 */
final class LabelledMessages {
    record Message(
            String text, String site, Optional<Locale> locale, Set<Long> relevant, String kind, List<String> pii) {
        boolean answerable() {
            return !relevant.isEmpty();
        }
    }

    private LabelledMessages() {}

    static List<Message> read(String name) {
        var json = new ObjectMapper();
        var out = new ArrayList<Message>();
        try (var in = LabelledMessages.class.getResourceAsStream("/deflection/" + name)) {
            if (in == null) {
                throw new IllegalStateException("/deflection/" + name + " is not on the test class path");
            }
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.isBlank()) {
                    continue;
                }
                JsonNode n = json.readTree(line);
                var relevant = new HashSet<Long>();
                n.path("relevant").forEach(r -> relevant.add(r.asLong()));
                var pii = new ArrayList<String>();
                n.path("pii").forEach(p -> pii.add(p.asText()));
                out.add(new Message(
                        n.get("message").asText(),
                        n.path("site").asText("client"),
                        n.path("locale").isTextual()
                                ? Locale.parse(n.get("locale").asText())
                                : Optional.empty(),
                        relevant,
                        n.path("kind").asText(""),
                        pii));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    /** A help center holding the shared corpus, searchable, its lexicon learned; skips (visibly) without it. */
    static TestApp corpusApp() throws IOException {
        String bundle = java.nio.file.Files.readString(SharedCorpus.file("corpus/dala-help.bundle.json"));
        var app = TestApp.empty();
        try {
            app.app().bundles().importBundle(new kz.komek.bundle.BundleJson().read(bundle), List.of());
            app.app().syncSearch();
            app.app().learnLexicon();
            return app;
        } catch (RuntimeException e) {
            app.close();
            throw e;
        }
    }
}
