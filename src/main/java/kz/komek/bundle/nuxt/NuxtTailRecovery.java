package kz.komek.bundle.nuxt;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Rebuilds what survives of the question whose object was cut off: its last values.
 *
 * <p>devalue writes an object, then each value it had not written before, in key order. So the plain values
 * between the cut and the first surviving container are the last new values of a cut-off object. When the
 * surviving question objects share one key order, the values are matched to keys in that order by their shape (a
 * {@code dd.MM.yyyy} date is {@code updatedDate}, a path ending in {@code q<id>} is {@code canonical}...). Where
 * more than one matching fits, keys that every surviving question shares with earlier ones (so never write
 * there) are taken to be shared here too; a key still ambiguous is left unrecovered.
 */
final class NuxtTailRecovery {
    private static final Pattern DATE = Pattern.compile("\\d{2}\\.\\d{2}\\.\\d{4}|\\d{4}-\\d{2}-\\d{2}");
    private static final Pattern DATE_TIME = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}.*");
    static final Pattern QUESTION_PATH = Pattern.compile("/(?:[^/\\s]+/)*q(\\d{1,18})");
    private static final Pattern HTML_TAG = Pattern.compile("</?[a-zA-Z][^>]*>");

    /** A question rebuilt from the tail: {@code fields} holds recovered values, the rest are UNKNOWN. */
    record Tail(long id, Map<String, NuxtField> fields, List<String> recovered, boolean fragment) {}

    private record Value(JsonNode node, boolean fragment) {}

    private NuxtTailRecovery() {}

    static Optional<Tail> recover(
            NuxtCutPayload cut,
            List<String> keyOrder,
            Set<String> alwaysShared,
            Set<Long> survivingIds,
            List<String> findings) {
        List<Value> values = new ArrayList<>();
        cut.fragment().ifPresent(text -> values.add(new Value(TextNode.valueOf(text), true)));
        for (JsonNode element : cut.elements()) {
            if (element.isContainerNode()) {
                break;
            }
            values.add(new Value(element, false));
        }
        if (values.isEmpty()) {
            return Optional.empty();
        }
        String lost = values.size() + " value(s) right after the cut belong to an object stored before it";
        if (keyOrder.isEmpty() || values.size() > keyOrder.size()) {
            findings.add(lost + "; they do not match a question's fields and are ignored");
            return Optional.empty();
        }
        List<int[]> matchings = new ArrayList<>();
        match(values, keyOrder, 0, 0, new int[values.size()], matchings);
        List<int[]> preferred = new ArrayList<>();
        for (int[] matching : matchings) {
            boolean usesShared = false;
            for (int key : matching) {
                usesShared |= alwaysShared.contains(keyOrder.get(key));
            }
            if (!usesShared) {
                preferred.add(matching);
            }
        }
        List<int[]> candidates = preferred.isEmpty() ? matchings : preferred;
        Map<String, NuxtField> fields = new LinkedHashMap<>();
        keyOrder.forEach(key -> fields.put(key, NuxtField.UNKNOWN));
        List<String> recovered = new ArrayList<>();
        boolean fragment = false;
        for (int v = 0; v < values.size() && !candidates.isEmpty(); v++) {
            int key = candidates.get(0)[v];
            final int at = v;
            if (candidates.stream().allMatch(m -> m[at] == key)) {
                fields.put(keyOrder.get(key), NuxtField.of(values.get(v).node()));
                recovered.add(keyOrder.get(key));
                fragment |= values.get(v).fragment() && keyOrder.get(key).equals("content");
            }
        }
        NuxtField canonical = fields.get("canonical");
        Matcher path = canonical != null && canonical.isText()
                ? QUESTION_PATH.matcher(canonical.value().textValue())
                : null;
        if (path == null || !path.matches()) {
            findings.add(lost + "; no canonical among them gives the question's id, so they are ignored");
            return Optional.empty();
        }
        long id = Long.parseLong(path.group(1));
        if (survivingIds.contains(id) || id <= 0) {
            findings.add(lost + "; their canonical names question " + id
                    + ", which is in the payload already, so they are ignored");
            return Optional.empty();
        }
        if (!preferred.isEmpty() && preferred.size() < matchings.size()) {
            findings.add("question " + id + ": its values were matched to fields assuming that "
                    + String.join(", ", alwaysShared)
                    + " point at earlier values, as they do in every surviving question object");
        }
        return Optional.of(new Tail(id, fields, recovered, fragment));
    }

    /** Every increasing assignment of values to keys that fits the values' shapes. */
    private static void match(List<Value> values, List<String> keys, int v, int from, int[] at, List<int[]> out) {
        if (v == values.size()) {
            out.add(at.clone());
            return;
        }
        for (int k = from; k <= keys.size() - (values.size() - v); k++) {
            if (fits(keys.get(k), values.get(v))) {
                at[v] = k;
                match(values, keys, v + 1, k + 1, at, out);
            }
        }
    }

    private static boolean fits(String key, Value value) {
        JsonNode node = value.node();
        if (node.isNull()) {
            return !key.equals("id");
        }
        String text = node.isTextual() ? node.textValue() : null;
        boolean html = text != null && HTML_TAG.matcher(text).find();
        if (value.fragment()) {
            // the end of some string: any free-text field
            return key.equals("content") || !html && (key.equals("title") || key.startsWith("meta_tag_"));
        }
        switch (key) {
            case "id":
                return node.isIntegralNumber();
            case "usefulness":
                return node.isNumber();
            case "pinned":
            case "voted":
            case "no_index":
            case "no_follow":
                return node.isBoolean();
            case "updatedDate":
                return text != null && DATE.matcher(text).matches();
            case "publication_date":
                return text != null && DATE_TIME.matcher(text).matches();
            case "canonical":
                return text != null && QUESTION_PATH.matcher(text).matches();
            case "content":
                return text != null && !isStructured(text);
            case "title":
            case "meta_tag_title":
            case "meta_tag_description":
            case "meta_tag_h1":
                return text != null && !html && !isStructured(text);
            default:
                return true; // a key this reader does not know
        }
    }

    private static boolean isStructured(String text) {
        return DATE.matcher(text).matches()
                || DATE_TIME.matcher(text).matches()
                || QUESTION_PATH.matcher(text).matches();
    }
}
