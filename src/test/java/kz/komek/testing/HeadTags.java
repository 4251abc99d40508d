package kz.komek.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jsoup.nodes.Document;

/** What a page's head tells search engines, read from parsed HTML; a tag present twice fails the test. */
public final class HeadTags {
    private static final ObjectMapper JSON = new ObjectMapper();

    private HeadTags() {}

    /** hreflang → href, in document order. */
    public static Map<String, String> hreflang(Document doc) {
        var result = new LinkedHashMap<String, String>();
        doc.select("head link[rel=alternate][hreflang]").forEach(l -> result.put(l.attr("hreflang"), l.attr("href")));
        return result;
    }

    public static String canonical(Document doc) {
        assertThat(doc.select("head link[rel=canonical]")).hasSize(1);
        return doc.select("head link[rel=canonical]").attr("href");
    }

    public static Optional<String> robots(Document doc) {
        var meta = doc.select("head meta[name=robots]");
        assertThat(meta.size()).isLessThanOrEqualTo(1);
        return meta.isEmpty() ? Optional.empty() : Optional.of(meta.attr("content"));
    }

    public static String og(Document doc, String property) {
        return doc.select("head meta[property=" + property + "]").attr("content");
    }

    /** Every JSON-LD block, parsed as JSON: a block that does not parse fails the test. */
    public static List<JsonNode> jsonLd(Document doc) throws Exception {
        var blocks = new ArrayList<JsonNode>();
        for (var script : doc.select("script[type=application/ld+json]")) {
            blocks.add(JSON.readTree(script.data()));
        }
        return blocks;
    }

    public static JsonNode ofType(List<JsonNode> blocks, String type) {
        return blocks.stream()
                .filter(b -> b.path("@type").asText().equals(type))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no " + type + " in " + blocks));
    }
}
