package kz.komek.bundle.nuxt;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import kz.komek.bundle.BundleException;

/**
 * Rebuilds a value serialised with {@code devalue} (the format of Nuxt 3's {@code __NUXT_DATA__}) as a Jackson tree.
 *
 * <p>The payload is a flat JSON array: element 0 is the root, containers hold indices into the array, and
 * negative indices are special values. Mapping to JSON: {@code undefined} drops an object key (and is
 * {@code null} in an array), NaN/±Infinity/-0 become double nodes, Set becomes an array, Map an array of
 * {@code [key, value]} pairs (keys need not be strings), Date an ISO string, RegExp {@code "/source/flags"},
 * BigInt a big-integer node, and Vue wrappers (Reactive, Ref, ...) are unwrapped. A shared index yields the same
 * node instance in every place it is used; a value that contains itself cannot be a tree and is rejected.
 *
 * <p>An instance can also read the tail of a payload cut off at the front: {@code offset} is the absolute index
 * of the first element it holds, and a reference below it fails with a message naming the hidden index.
 */
final class DevalueParser {
    static final int UNDEFINED = -1;
    /** A hole in an array; some devalue versions used -2 for {@code null}, so outside arrays it reads as null. */
    static final int HOLE = -2;

    static final int NAN = -3;
    static final int POSITIVE_INFINITY = -4;
    static final int NEGATIVE_INFINITY = -5;
    static final int NEGATIVE_ZERO = -6;

    /** Deep enough for any page state; protects the stack from hostile nesting. */
    private static final int MAX_DEPTH = 1_000;

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /** Payloads may hold long HTML strings; the 50 MB cap is enforced by the reader. */
    static final ObjectMapper JSON = JsonMapper.builder(JsonFactory.builder()
                    .streamReadConstraints(StreamReadConstraints.builder()
                            .maxStringLength(64 * 1024 * 1024)
                            .build())
                    .build())
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private final List<JsonNode> elements;
    private final int offset;
    private final JsonNode[] hydrated;
    private final boolean[] inProgress;
    private int depth;

    DevalueParser(List<JsonNode> elements, int offset) {
        this.elements = elements;
        this.offset = offset;
        this.hydrated = new JsonNode[elements.size()];
        this.inProgress = new boolean[elements.size()];
    }

    /** Parses a whole payload (the JSON text of the array) and returns its root value. */
    static JsonNode parse(String json) {
        JsonNode top = readJson(json);
        if (top.isIntegralNumber() && top.canConvertToInt() && top.intValue() < 0) {
            // devalue writes a lone special (undefined, NaN, ...) as the bare negative number
            return special(top.intValue());
        }
        if (!top.isArray() || top.isEmpty()) {
            throw new BundleException("payload", "not a devalue payload: expected a non-empty JSON array");
        }
        return new DevalueParser(elementsOf(top), 0).hydrate(0);
    }

    static JsonNode readJson(String json) {
        try {
            return JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new BundleException("payload", "not valid JSON: " + e.getOriginalMessage(), e);
        }
    }

    static List<JsonNode> elementsOf(JsonNode array) {
        List<JsonNode> list = new ArrayList<>(array.size());
        array.forEach(list::add);
        return list;
    }

    int offset() {
        return offset;
    }

    int size() {
        return elements.size();
    }

    boolean isVisible(int index) {
        return index >= offset && index - offset < elements.size();
    }

    /** The raw element at an absolute index (which must be visible). */
    JsonNode raw(int index) {
        return elements.get(index - offset);
    }

    /** The value at an absolute index; {@link MissingNode} stands for {@code undefined}. */
    JsonNode hydrate(int index) {
        if (index < 0) {
            return special(index);
        }
        if (index < offset) {
            throw new BundleException("devalue index " + index, "stored before the cut, not in the payload");
        }
        int local = index - offset;
        if (local >= elements.size()) {
            throw new BundleException(
                    "devalue index " + index,
                    "out of range: the payload ends at index " + (offset + elements.size() - 1));
        }
        if (hydrated[local] != null) {
            return hydrated[local];
        }
        if (inProgress[local]) {
            throw new BundleException("devalue index " + index, "cycle: the value contains itself");
        }
        if (depth >= MAX_DEPTH) {
            throw new BundleException("devalue index " + index, "nested deeper than " + MAX_DEPTH + " levels");
        }
        inProgress[local] = true;
        depth++;
        try {
            JsonNode value = build(index, elements.get(local));
            hydrated[local] = value;
            return value;
        } finally {
            depth--;
            inProgress[local] = false;
        }
    }

    private JsonNode build(int index, JsonNode element) {
        if (element.isObject()) {
            ObjectNode object = NODES.objectNode();
            for (Map.Entry<String, JsonNode> field : element.properties()) {
                JsonNode value = hydrate(ref(index, field.getValue()));
                if (!value.isMissingNode()) {
                    object.set(field.getKey(), value);
                }
            }
            return object;
        }
        if (element.isArray()) {
            if (!element.isEmpty() && element.get(0).isTextual()) {
                return wrapper(index, element.get(0).textValue(), element);
            }
            ArrayNode array = NODES.arrayNode(element.size());
            for (JsonNode item : element) {
                int ref = ref(index, item);
                array.add(ref == HOLE ? NODES.nullNode() : orNull(hydrate(ref)));
            }
            return array;
        }
        return element; // primitives stand for themselves
    }

    private JsonNode wrapper(int index, String type, JsonNode element) {
        JsonNode arg = element.size() > 1 ? element.get(1) : MissingNode.getInstance();
        switch (type) {
            case "Date":
                // devalue writes "" for an invalid date
                return arg.isTextual() && !arg.textValue().isEmpty() ? arg : NODES.nullNode();
            case "RegExp":
                return NODES.textNode("/" + arg.asText() + "/"
                        + (element.size() > 2 ? element.get(2).asText() : ""));
            case "BigInt":
                try {
                    return NODES.numberNode(new BigInteger(arg.asText()));
                } catch (NumberFormatException e) {
                    throw new BundleException("devalue index " + index, "BigInt is not an integer: " + arg);
                }
            case "Object": // a boxed primitive, written inline
                return arg.isMissingNode() ? NODES.nullNode() : arg;
            case "Set": {
                ArrayNode set = NODES.arrayNode();
                for (int i = 1; i < element.size(); i++) {
                    set.add(orNull(hydrate(ref(index, element.get(i)))));
                }
                return set;
            }
            case "Map": {
                ArrayNode map = NODES.arrayNode();
                for (int i = 1; i + 1 < element.size(); i += 2) {
                    map.add(NODES.arrayNode()
                            .add(orNull(hydrate(ref(index, element.get(i)))))
                            .add(orNull(hydrate(ref(index, element.get(i + 1))))));
                }
                return map;
            }
            case "null": { // an object without prototype: inline keys, indexed values
                ObjectNode object = NODES.objectNode();
                for (int i = 1; i + 1 < element.size(); i += 2) {
                    JsonNode value = hydrate(ref(index, element.get(i + 1)));
                    if (!value.isMissingNode()) {
                        object.set(element.get(i).asText(), value);
                    }
                }
                return object;
            }
            case "EmptyRef":
            case "EmptyShallowRef":
                return emptyRef(index, arg);
            default:
                // Reactive, ShallowReactive, Ref, ShallowRef and other Nuxt revivers receive the hydrated argument;
                // unknown inline types (typed arrays, URL) keep their literal text
                if (arg.isIntegralNumber()) {
                    return hydrate(ref(index, arg));
                }
                return arg.isMissingNode() ? NODES.nullNode() : arg;
        }
    }

    /** Nuxt stores an empty ref's value as JSON text, {@code "_"} for undefined and {@code "0n"} for 0n. */
    private JsonNode emptyRef(int index, JsonNode arg) {
        if (!arg.isIntegralNumber()) {
            return NODES.nullNode();
        }
        JsonNode text = hydrate(ref(index, arg));
        if (!text.isTextual() || text.textValue().equals("_")) {
            return text.isTextual() ? NODES.nullNode() : orNull(text);
        }
        if (text.textValue().equals("0n")) {
            return NODES.numberNode(BigInteger.ZERO);
        }
        try {
            return JSON.readTree(text.textValue());
        } catch (JsonProcessingException e) {
            return text; // not JSON: Nuxt keeps such a value as the string itself
        }
    }

    private static int ref(int index, JsonNode item) {
        return ref("devalue index " + index, item);
    }

    private static int ref(String where, JsonNode item) {
        if (!item.isIntegralNumber() || !item.canConvertToInt()) {
            throw new BundleException(where, "expected an index, found " + abbreviate(item));
        }
        return item.intValue();
    }

    private static JsonNode special(int index) {
        switch (index) {
            case UNDEFINED:
                return MissingNode.getInstance();
            case HOLE:
                return NODES.nullNode();
            case NAN:
                return NODES.numberNode(Double.NaN);
            case POSITIVE_INFINITY:
                return NODES.numberNode(Double.POSITIVE_INFINITY);
            case NEGATIVE_INFINITY:
                return NODES.numberNode(Double.NEGATIVE_INFINITY);
            case NEGATIVE_ZERO:
                return NODES.numberNode(-0.0d);
            default:
                throw new BundleException("devalue index " + index, "unknown special value");
        }
    }

    private static JsonNode orNull(JsonNode node) {
        return node.isMissingNode() ? NODES.nullNode() : node;
    }

    /**
     * The indices a raw element refers to (negative specials left out), for anchoring a cut payload; empty for
     * primitives and inline wrappers (Date, RegExp, BigInt, Object). Fails on a container holding a non-index.
     */
    static int[] references(String where, JsonNode element) {
        List<JsonNode> refs = new ArrayList<>();
        if (element.isObject()) {
            element.forEach(refs::add);
        } else if (element.isArray() && !element.isEmpty() && element.get(0).isTextual()) {
            String type = element.get(0).textValue();
            for (int i = 1; i < element.size(); i++) {
                boolean inline = type.equals("Date")
                        || type.equals("RegExp")
                        || type.equals("BigInt")
                        || type.equals("Object")
                        || (type.equals("null") && i % 2 == 1);
                if (!inline && element.get(i).isIntegralNumber()) {
                    refs.add(element.get(i));
                }
            }
        } else if (element.isArray()) {
            element.forEach(refs::add);
        }
        return refs.stream()
                .mapToInt(item -> ref(where, item))
                .filter(i -> i >= 0)
                .toArray();
    }

    static String abbreviate(JsonNode node) {
        String text = node.toString();
        return text.length() > 60 ? text.substring(0, 57) + "..." : text;
    }
}
