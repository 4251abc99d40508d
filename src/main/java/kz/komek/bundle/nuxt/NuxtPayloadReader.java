package kz.komek.bundle.nuxt;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.EnumMap;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import kz.komek.bundle.Bundle;
import kz.komek.bundle.BundleException;
import kz.komek.bundle.BundleJson;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;

/**
 * Reads the page state of a Nuxt 3 help-center page ({@code __NUXT_DATA__}, devalue format) into a {@link Bundle}:
 * the questions the page lists, their section (from the page's route) and locale.
 *
 * <p>A payload may be cut off at the front (a saved or logged page): then the reader keeps the questions whose
 * objects survive, restores what it safely can of the values stored before the cut, rebuilds the question whose
 * object was cut off from its last values (marked {@code incomplete}), and says in {@link NuxtImport#findings()}
 * what it inferred, what it left unset and why.
 */
public final class NuxtPayloadReader {
    public static final String DEFAULT_SITE = "client";
    static final long MAX_BYTES = 50L * 1024 * 1024;

    /** The fields of a question object in the payload, in the order the help center writes them. */
    static final List<String> QUESTION_KEYS = List.of(
            "id",
            "title",
            "content",
            "updatedDate",
            "usefulness",
            "pinned",
            "voted",
            "meta_tag_title",
            "meta_tag_description",
            "meta_tag_h1",
            "no_index",
            "no_follow",
            "publication_date",
            "canonical");

    private static final Set<String> ROUTE_KEYS = Set.of("path", "route", "fullPath");
    private static final Pattern SITE = Pattern.compile("[a-z0-9][a-z0-9_-]{0,63}");

    public NuxtPayloadReader() {}

    /**
     * Parses a devalue payload (raw array text, possibly cut off at the front, or an HTML page with
     * {@code __NUXT_DATA__}).
     *
     * @param site the site slug the questions belong to; {@code null} or blank means {@value #DEFAULT_SITE}
     * @throws BundleException if the text is not such a payload, names no route or no question, or its indices do
     *     not line up
     */
    public NuxtImport read(String text, String site) {
        NuxtImport read = parse(text, site);
        // A payload's strings are JavaScript's: one may hold what PostgreSQL cannot store (a lone surrogate, NUL).
        // Whatever a bundle would be refused for is refused here too, naming its field, by komek's own reader.
        var json = new BundleJson();
        json.read(json.write(read.bundle()));
        return read;
    }

    private NuxtImport parse(String text, String site) {
        String slug = site == null || site.isBlank() ? DEFAULT_SITE : site.strip();
        if (!SITE.matcher(slug).matches()) {
            throw new BundleException("site", "not a site slug: \"" + slug + "\"");
        }
        if (Bundle.RESERVED_SITES.contains(slug)) {
            throw new BundleException(
                    "site", "\"" + slug + "\" is kept for komek's own pages; name the site otherwise");
        }
        if (text == null || text.isBlank()) {
            throw new BundleException("payload", "empty text");
        }
        if (utf8Length(text) > MAX_BYTES) {
            throw new BundleException("payload", "more than 50 MB; refusing to read it");
        }
        String body = strip(text);
        if (body.startsWith("<") || !body.startsWith("[") && body.contains("__NUXT_DATA__")) {
            body = strip(nuxtData(body));
        }
        if (body.startsWith("{")) {
            throw new BundleException(
                    "payload", "a JSON object, not a devalue array (is it a komek bundle? read it as one)");
        }
        if (body.startsWith("[")) {
            JsonNode top;
            try {
                top = DevalueParser.readJson(body);
            } catch (BundleException notWhole) {
                try {
                    return new Recovery(body, slug).run(); // cut right before an array element
                } catch (BundleException alsoNotCut) {
                    throw notWhole;
                }
            }
            return fromWholePayload(top, slug);
        }
        return new Recovery(body, slug).run();
    }

    /** Cheap sniff: true for devalue arrays (whole or cut at the front) and HTML with {@code __NUXT_DATA__}. */
    public static boolean looksLikePayload(String text) {
        if (text == null) {
            return false;
        }
        String body = strip(text);
        if (body.isEmpty() || body.startsWith("{")) {
            return false; // a komek bundle is a JSON object
        }
        if (body.startsWith("[")) {
            return true;
        }
        if (body.contains("__NUXT_DATA__")) {
            return true;
        }
        // a payload cut at the front starts anywhere but still ends the array and holds devalue objects
        return body.endsWith("]") && body.contains("\":") && !body.startsWith("<");
    }

    private static String nuxtData(String html) {
        Element script = Jsoup.parse(html).getElementById("__NUXT_DATA__");
        if (script == null) {
            throw new BundleException(
                    "payload", "an HTML page without <script id=\"__NUXT_DATA__\">: not a Nuxt 3 page payload");
        }
        return script.data();
    }

    private static String strip(String text) {
        String body = text.strip();
        return body.startsWith("\uFEFF") ? body.substring(1).strip() : body;
    }

    /** The UTF-8 size, counted without copying a text that may be tens of megabytes. */
    private static long utf8Length(String text) {
        long bytes = 0;
        for (int i = 0; i < text.length() && bytes <= MAX_BYTES; i++) {
            char c = text.charAt(i);
            // a surrogate pair takes 4 bytes: 2 for each half
            bytes += c < 0x80 ? 1 : c < 0x800 || Character.isSurrogate(c) ? 2 : 3;
        }
        return bytes;
    }

    // ---- whole payloads ----

    private static NuxtImport fromWholePayload(JsonNode top, String site) {
        if (!top.isArray() || top.isEmpty()) {
            throw new BundleException("payload", "not a devalue payload: expected a non-empty JSON array");
        }
        List<JsonNode> elements = DevalueParser.elementsOf(top);
        JsonNode root = new DevalueParser(elements, 0).hydrate(0);
        List<String> findings = new ArrayList<>();
        NuxtRoute route = wholeRoute(root, elements, site);
        List<NuxtMapping.Draft> drafts = new ArrayList<>();
        Map<Long, JsonNode> seen = new LinkedHashMap<>();
        for (JsonNode object : questionObjects(root)) {
            JsonNode id = object.get("id");
            if (id == null || !id.isIntegralNumber() || id.longValue() <= 0) {
                throw new BundleException(
                        "question #" + (drafts.size() + 1) + " in the payload",
                        "id: not a positive integer: " + (id == null ? "missing" : DevalueParser.abbreviate(id)));
            }
            JsonNode earlier = seen.putIfAbsent(id.longValue(), object);
            if (earlier != null) {
                if (!earlier.equals(object)) {
                    findings.add("question " + id.longValue() + ": listed twice with different values; the first"
                            + " is kept");
                }
                continue;
            }
            Map<String, NuxtField> fields = new LinkedHashMap<>();
            QUESTION_KEYS.forEach(key -> fields.put(key, NuxtField.of(object.get(key))));
            Map<String, JsonNode> extra = new LinkedHashMap<>();
            object.properties().forEach(e -> {
                if (!QUESTION_KEYS.contains(e.getKey())) {
                    extra.put(e.getKey(), e.getValue());
                }
            });
            drafts.add(new NuxtMapping.Draft(id.longValue(), fields, extra, false, false));
        }
        return NuxtMapping.assemble(site, route, drafts, null, findings, false);
    }

    /** Question objects in the order a depth-first walk meets them, which is devalue's index order. */
    private static List<JsonNode> questionObjects(JsonNode root) {
        List<JsonNode> found = new ArrayList<>();
        collect(root, found, Collections.newSetFromMap(new IdentityHashMap<>()));
        return found;
    }

    private static void collect(JsonNode node, List<JsonNode> found, Set<JsonNode> visited) {
        if (!node.isContainerNode() || !visited.add(node)) {
            return; // shared nodes are walked once, or a DAG could take exponential time
        }
        if (node.isObject() && isQuestion(node.fieldNames())) {
            found.add(node);
            return;
        }
        for (JsonNode child : node) {
            collect(child, found, visited);
        }
    }

    static boolean isQuestion(Iterator<String> names) {
        Set<String> keys = new LinkedHashSet<>();
        names.forEachRemaining(keys::add);
        if (!keys.containsAll(List.of("id", "title", "content"))) {
            return false;
        }
        keys.retainAll(QUESTION_KEYS);
        return keys.size() >= 6; // id, title, content and at least three more question fields
    }

    private static NuxtRoute wholeRoute(JsonNode root, List<JsonNode> elements, String site) {
        // Nuxt keeps the route as the root's "path"; look near the root first, then at the last element
        Deque<JsonNode> queue = new ArrayDeque<>(List.of(root));
        Set<JsonNode> visited = Collections.newSetFromMap(new IdentityHashMap<>());
        while (!queue.isEmpty()) {
            JsonNode node = queue.removeFirst();
            if (!node.isContainerNode() || !visited.add(node)) {
                continue;
            }
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                if (ROUTE_KEYS.contains(field.getKey()) && field.getValue().isTextual()) {
                    NuxtRoute route = NuxtRoute.parse(field.getValue().textValue(), site);
                    if (route != null) {
                        return route;
                    }
                }
            }
            node.forEach(queue::addLast);
        }
        return lastElementRoute(elements, site);
    }

    private static NuxtRoute lastElementRoute(List<JsonNode> elements, String site) {
        JsonNode last = elements.get(elements.size() - 1);
        NuxtRoute route = last.isTextual() ? NuxtRoute.parse(last.textValue(), site) : null;
        if (route == null) {
            throw new BundleException(
                    "payload",
                    "no route found: expected a page path such as \"/kz/bonus/save/general\" under \"path\" or"
                            + " \"route\", or as the last element");
        }
        return route;
    }

    // ---- payloads cut at the front ----

    /** One read of a payload cut off at the front. */
    private static final class Recovery {
        private final String site;
        private final NuxtCutPayload cut;
        private final DevalueParser parser;
        private final List<String> findings = new ArrayList<>();

        Recovery(String body, String site) {
            this.site = site;
            this.cut = NuxtCutPayload.read(body);
            this.parser = new DevalueParser(cut.elements(), cut.offset());
        }

        NuxtImport run() {
            String cutNote = "the payload is cut off at the front: " + cut.skippedChars()
                    + " characters before the first"
                    + " whole element are the end of element " + (cut.offset() - 1) + "; the surviving elements are"
                    + " indices " + cut.offset() + " to "
                    + (cut.offset() + cut.elements().size() - 1)
                    + " (restored from " + cut.anchoringContainers() + " containers whose first new value follows"
                    + " them, all consistent)";
            List<NuxtMapping.Draft> drafts = new ArrayList<>();
            List<NuxtHiddenValues.Use> uses = new ArrayList<>();
            List<String> keyOrder = null;
            Set<String> alwaysShared = new LinkedHashSet<>(QUESTION_KEYS);
            Set<Long> ids = new LinkedHashSet<>();
            for (int local = 0; local < cut.elements().size(); local++) {
                JsonNode element = cut.elements().get(local);
                if (!element.isObject() || !isQuestion(element.fieldNames())) {
                    continue;
                }
                int index = cut.offset() + local;
                NuxtMapping.Draft draft = draft(index, element, uses);
                if (!ids.add(draft.id())) {
                    findings.add("question " + draft.id() + ": listed twice; the first is kept");
                    continue;
                }
                drafts.add(draft);
                List<String> keys = new ArrayList<>();
                element.fieldNames().forEachRemaining(keys::add);
                keyOrder = keyOrder == null ? keys : keyOrder.equals(keys) ? keyOrder : List.of();
                element.properties().forEach(e -> {
                    if (e.getValue().intValue() > index) {
                        alwaysShared.remove(e.getKey()); // this question wrote a new value for it
                    }
                });
            }
            Map<NuxtHiddenValues.Kind, Integer> visible = new EnumMap<>(NuxtHiddenValues.Kind.class);
            for (int local = cut.elements().size() - 1; local >= 0; local--) {
                JsonNode element = cut.elements().get(local);
                int index = cut.offset() + local;
                if (element.isBoolean()) {
                    visible.put(
                            element.booleanValue() ? NuxtHiddenValues.Kind.TRUE : NuxtHiddenValues.Kind.FALSE, index);
                } else if (element.isNull()) {
                    visible.put(NuxtHiddenValues.Kind.NULL, index);
                }
            }
            NuxtHiddenValues hidden = new NuxtHiddenValues(uses, visible, drafts.size());
            List<String> tailFindings = new ArrayList<>();
            Optional<NuxtTailRecovery.Tail> tail = NuxtTailRecovery.recover(
                    cut, keyOrder == null ? List.of() : keyOrder, alwaysShared, ids, tailFindings);
            if (tail.isPresent()) {
                NuxtTailRecovery.Tail t = tail.get();
                drafts.add(0, new NuxtMapping.Draft(t.id(), t.fields(), Map.of(), true, t.fragment()));
                tailFindings.add("question " + t.id() + ": only the end of its record survives (its object was"
                        + " stored before the cut); recovered " + String.join(", ", t.recovered())
                        + "; the id is taken from its canonical "
                        + t.fields().get("canonical").value().textValue()
                        + " and the record is marked incomplete");
            }
            findings.addAll(hidden.findings(drafts.size() - (tail.isPresent() ? 1 : 0)));
            findings.addAll(tailFindings);
            findings.add(0, cutNote);
            return NuxtMapping.assemble(site, route(), drafts, hidden, findings, true);
        }

        private NuxtMapping.Draft draft(int index, JsonNode object, List<NuxtHiddenValues.Use> uses) {
            Map<String, NuxtField> fields = new LinkedHashMap<>();
            Map<String, JsonNode> extra = new LinkedHashMap<>();
            long id = -1;
            for (Map.Entry<String, JsonNode> e : object.properties()) {
                int ref = e.getValue().intValue();
                NuxtField field;
                if (ref >= 0 && ref < cut.offset()) {
                    field = NuxtField.hidden(ref);
                } else {
                    try {
                        field = NuxtField.of(parser.hydrate(ref));
                    } catch (BundleException ex) {
                        throw new BundleException(
                                "question object at index " + index + ", " + e.getKey(), ex.getMessage(), ex);
                    }
                }
                if (e.getKey().equals("id")) {
                    if (field.state() != NuxtField.State.VALUE
                            || !field.value().isIntegralNumber()
                            || field.value().longValue() <= 0) {
                        throw new BundleException(
                                "question object at index " + index,
                                "id: not a positive integer in the surviving part (index " + ref + ")");
                    }
                    id = field.value().longValue();
                }
                if (QUESTION_KEYS.contains(e.getKey())) {
                    fields.put(e.getKey(), field);
                } else if (field.state() == NuxtField.State.VALUE) {
                    extra.put(e.getKey(), field.value());
                }
            }
            for (Map.Entry<String, NuxtField> e : fields.entrySet()) {
                if (e.getValue().state() == NuxtField.State.HIDDEN) {
                    uses.add(new NuxtHiddenValues.Use(e.getValue().index(), e.getKey(), id));
                }
            }
            QUESTION_KEYS.forEach(key -> fields.putIfAbsent(key, NuxtField.ABSENT));
            return new NuxtMapping.Draft(id, fields, extra, false, false);
        }

        private NuxtRoute route() {
            for (JsonNode element : cut.elements()) {
                if (!element.isObject()) {
                    continue;
                }
                for (String key : ROUTE_KEYS) {
                    JsonNode ref = element.get(key);
                    if (ref != null && ref.isIntegralNumber() && parser.isVisible(ref.intValue())) {
                        JsonNode value = parser.raw(ref.intValue());
                        NuxtRoute route = value.isTextual() ? NuxtRoute.parse(value.textValue(), site) : null;
                        if (route != null) {
                            return route;
                        }
                    }
                }
            }
            return lastElementRoute(cut.elements(), site);
        }
    }
}
