package kz.komek.deflection;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import kz.komek.testing.SharedCorpus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The committed labelled chat messages ({@code src/test/resources/deflection/}) are what {@link ChatMessages} makes
 * from the shared corpus, and their labels hold together: ids exist, the halves share no question, a fifth or so is
 * unanswerable, personal data is where the label says, and no query of the search dev set slipped in.
 */
class ChatMessagesTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path DIR = Path.of("src/test/resources/deflection");
    private static final Set<String> NOISE = Set.of("typo", "layout", "translit", "lowercase", "mixed");

    @Test
    void committedFilesAreWhatTheGeneratorMakes(@TempDir Path tmp) throws IOException {
        Path corpus = SharedCorpus.file("corpus/dala-help.bundle.json");
        for (var split : Map.of("fit", 1L, "check", 2L).entrySet()) {
            String name = "messages-" + split.getKey() + ".jsonl";
            ChatMessages.generate(corpus, tmp.resolve(name), split.getValue(), split.getKey());
            assertThat(Files.mismatch(tmp.resolve(name), DIR.resolve(name)))
                    .as(
                            "%s regenerated with seed %d differs from the committed file at this byte; rerun "
                                    + "ChatMessages and commit",
                            name, split.getValue())
                    .isEqualTo(-1L);
        }
    }

    @Test
    void labelsHoldTogether() throws IOException {
        JsonNode bundle =
                JSON.readTree(SharedCorpus.file("corpus/dala-help.bundle.json").toFile());
        Map<Long, String> siteOf = new HashMap<>();
        bundle.path("questions")
                .forEach(q -> siteOf.put(q.path("id").asLong(), q.path("site").asText()));

        Map<String, Set<Long>> sources = new HashMap<>();
        for (String split : List.of("fit", "check")) {
            List<JsonNode> lines = read("messages-" + split + ".jsonl");
            assertThat(lines).as(split).hasSizeBetween(600, 1100);
            Set<Long> own = new HashSet<>();
            int unanswerable = 0;
            int noLocale = 0;
            for (JsonNode m : lines) {
                String text = m.path("message").asText();
                assertThat(text).as("message").isNotBlank();
                String site = m.path("site").asText();
                assertThat(site).isIn("client", "partner");
                assertThat(m.path("kind").asText()).isNotBlank();
                m.path("noise").forEach(n -> assertThat(n.asText()).isIn(NOISE));
                assertThat(m.path("noise").size()).isLessThanOrEqualTo(2);
                m.path("pii")
                        .forEach(p -> assertThat(text).as("pii of %s", text).contains(p.asText()));
                JsonNode locale = m.path("locale");
                if (locale.isNull()) {
                    noLocale++;
                } else {
                    assertThat(locale.asText()).isIn("ru", "kz");
                }
                List<Long> relevant = new ArrayList<>();
                m.path("relevant").forEach(r -> relevant.add(r.asLong()));
                for (long id : relevant) {
                    assertThat(siteOf).as("relevant id %d of %s", id, text).containsKey(id);
                    assertThat(siteOf.get(id)).as("site of %d", id).isEqualTo(site);
                }
                if (relevant.isEmpty()) {
                    unanswerable++;
                    assertThat(m.path("source").isNull())
                            .as("source of an unanswerable message")
                            .isTrue();
                    assertThat(m.path("kind").asText()).startsWith("unanswerable");
                } else {
                    long source = m.path("source").asLong();
                    assertThat(relevant).as("relevant of %s", text).contains(source);
                    own.addAll(relevant);
                }
            }
            double share = (double) unanswerable / lines.size();
            assertThat(share).as("share of unanswerable messages in %s", split).isBetween(0.15, 0.25);
            assertThat((double) noLocale / lines.size())
                    .as("share without locale")
                    .isBetween(0.2, 0.4);
            sources.put(split, own);
        }
        Set<Long> shared = new HashSet<>(sources.get("fit"));
        shared.retainAll(sources.get("check"));
        assertThat(shared).as("questions in both fit and check").isEmpty();
    }

    /**
     * The dev queries are read here only to prove no overlap; the failure names line numbers, not queries. Both sides
     * are compared in lower case without punctuation. A dev query that is itself a run of words of a corpus title is
     * corpus text, not the dev set's, also when typed on the wrong keyboard layout or in Latin letters: a message that
     * keeps a title as it is (kind "verbatim", rule 1) or types it with layout or translit noise (rule 5) may contain
     * it, so such queries are left out of the check. A message must not equal any query; it must not contain one of
     * three words or more (a two-word run of corpus words turns up by chance: one layout-typed pair did).
     */
    @Test
    void noDevQueryIsInAnyMessage() throws IOException {
        JsonNode bundle =
                JSON.readTree(SharedCorpus.file("corpus/dala-help.bundle.json").toFile());
        Path dev = SharedCorpus.file("corpus/queries-dev.jsonl");
        List<String> titles = new ArrayList<>();
        for (JsonNode q : bundle.path("questions")) {
            for (JsonNode l : q.path("locales")) {
                String title = l.path("title").asText();
                titles.add(plain(title));
                titles.add(plain(ChatMessages.layout(title, false)));
                for (boolean qk : List.of(true, false)) {
                    for (boolean sh : List.of(true, false)) {
                        titles.add(plain(ChatMessages.translit(title, qk, sh)));
                    }
                }
            }
        }
        List<String> messages = new ArrayList<>();
        for (String split : List.of("fit", "check")) {
            read("messages-" + split + ".jsonl")
                    .forEach(m -> messages.add(plain(m.path("message").asText())));
        }
        List<Integer> found = new ArrayList<>();
        List<String> devLines = Files.readAllLines(dev);
        for (int i = 0; i < devLines.size(); i++) {
            if (devLines.get(i).isBlank()) {
                continue;
            }
            String q = plain(JSON.readTree(devLines.get(i)).path("q").asText());
            if (q.isBlank() || titles.stream().anyMatch(t -> t.contains(q))) {
                continue;
            }
            boolean longEnough = q.strip().split(" ").length >= 3;
            if (messages.stream().anyMatch(m -> m.equals(q) || (longEnough && m.contains(q)))) {
                found.add(i + 1);
            }
        }
        assertThat(found).as("lines of queries-dev.jsonl found in a message").isEmpty();
    }

    /** Lower case, words only, one space between them, and a space at both ends so words match whole. */
    private static String plain(String text) {
        return " "
                + String.join(" ", text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+"))
                        .strip() + " ";
    }

    private static List<JsonNode> read(String name) throws IOException {
        List<JsonNode> out = new ArrayList<>();
        for (String line : Files.readAllLines(DIR.resolve(name))) {
            out.add(JSON.readTree(line));
        }
        return out;
    }
}
