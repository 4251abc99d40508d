package kz.komek.testing;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.Optional;
import java.util.TreeSet;

/** The first place where two JSON trees differ, as a path, so a failing round trip says where. */
public final class JsonDiff {
    private JsonDiff() {}

    public static Optional<String> firstDifference(JsonNode expected, JsonNode actual) {
        return diff("$", expected, actual);
    }

    private static Optional<String> diff(String path, JsonNode a, JsonNode b) {
        if (a.isObject() && b.isObject()) {
            var names = new TreeSet<String>();
            a.fieldNames().forEachRemaining(names::add);
            b.fieldNames().forEachRemaining(names::add);
            for (String n : names) {
                if (!a.has(n) || !b.has(n)) {
                    return Optional.of(path + "." + n + ": only in " + (a.has(n) ? "expected" : "actual") + " ("
                            + (a.has(n) ? a.get(n) : b.get(n)) + ")");
                }
                var d = diff(path + "." + n, a.get(n), b.get(n));
                if (d.isPresent()) {
                    return d;
                }
            }
            return Optional.empty();
        }
        if (a.isArray() && b.isArray()) {
            Iterator<JsonNode> ia = a.elements();
            Iterator<JsonNode> ib = b.elements();
            int i = 0;
            while (ia.hasNext() && ib.hasNext()) {
                var d = diff(path + "[" + i++ + "]", ia.next(), ib.next());
                if (d.isPresent()) {
                    return d;
                }
            }
            if (a.size() != b.size()) {
                return Optional.of(path + ": " + a.size() + " elements expected, " + b.size() + " found");
            }
            return Optional.empty();
        }
        return a.equals(b) ? Optional.empty() : Optional.of(path + ": expected " + a + ", found " + b);
    }
}
