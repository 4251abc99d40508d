package kz.komek.bundle.nuxt;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import kz.komek.bundle.BundleException;

/**
 * The surviving tail of a devalue payload cut off at the front, with the absolute indices of its elements
 * restored.
 *
 * <p>Reading: the text starts anywhere (inside a string, an object...), so the first element we trust is the one
 * after the first comma from which the rest reads as {@code element, ..., element]} to the end; the text before
 * that comma is the tail of an element cut in half. Anchoring: devalue reserves a container's index before
 * flattening its children, so the first child it did not share is stored right after it ({@code A + 1}). The
 * offset is the one that makes this hold for the most containers; it must then break it for none.
 *
 * @param offset absolute devalue index of the first surviving element
 * @param fragment the decoded tail of the string element cut in half (absolute index {@code offset - 1}), if it was
 *     one
 */
record NuxtCutPayload(
        List<JsonNode> elements, int offset, int skippedChars, Optional<String> fragment, int anchoringContainers) {
    /** Wrong start candidates fail within a few characters; this bounds hostile input, not real payloads. */
    private static final int MAX_START_CANDIDATES = 200_000;

    /** How many containers propose offsets; the chosen one is then checked against all of them. */
    private static final int PROPOSING_CONTAINERS = 32;

    /** Reads the tail of a cut payload; fails if no element boundary or no consistent offset is found. */
    static NuxtCutPayload read(String body) {
        char[] chars = body.toCharArray();
        int comma = firstBoundary(chars);
        List<JsonNode> elements;
        chars[comma] = '['; // read the tail as an array of its own
        try (JsonParser parser = DevalueParser.JSON.createParser(chars, comma, chars.length - comma)) {
            elements = DevalueParser.elementsOf(DevalueParser.JSON.readTree(parser));
        } catch (IOException e) {
            throw new BundleException("payload", "cannot read the elements after the cut: " + e.getMessage(), e);
        }
        int[][] refs = new int[elements.size()][];
        for (int i = 0; i < elements.size(); i++) {
            refs[i] = DevalueParser.references("payload element " + (i + 1) + " after the cut", elements.get(i));
        }
        int offset = solveOffset(refs, elements.size());
        return new NuxtCutPayload(
                elements, offset, comma, stringTail(body.substring(0, comma)), countAnchors(refs, offset));
    }

    private static int firstBoundary(char[] chars) {
        int candidates = 0;
        // position 0 is never trusted: the text may start inside a number or a literal that happens to parse
        for (int i = 0; i < chars.length; i++) {
            if (chars[i] != ',') {
                continue;
            }
            if (++candidates > MAX_START_CANDIDATES) {
                break;
            }
            chars[i] = '[';
            try {
                if (readsToTheEnd(chars, i)) {
                    return i;
                }
            } finally {
                chars[i] = ',';
            }
        }
        throw new BundleException(
                "payload",
                "not a devalue payload: no point in the text from which the rest reads as array elements up to a"
                        + " closing ']' (is it cut at the end too?)");
    }

    private static boolean readsToTheEnd(char[] chars, int start) {
        try (JsonParser parser = DevalueParser.JSON.createParser(chars, start, chars.length - start)) {
            parser.nextToken(); // the '[' put in place of the comma
            JsonToken token;
            while ((token = parser.nextToken()) != JsonToken.END_ARRAY) {
                if (token == null) {
                    return false;
                }
                parser.skipChildren();
            }
            return parser.nextToken() == null;
        } catch (IOException e) {
            return false;
        }
    }

    private static int solveOffset(int[][] refs, int size) {
        TreeSet<Integer> candidates = new TreeSet<>();
        int proposing = 0;
        for (int local = 0; local < refs.length && proposing < PROPOSING_CONTAINERS; local++) {
            if (refs[local].length == 0) {
                continue;
            }
            proposing++;
            for (int ref : refs[local]) {
                // if ref is this container's first new child, the container sits at ref - 1
                int offset = ref - 1 - local;
                if (offset >= 1) {
                    candidates.add(offset);
                }
            }
        }
        if (candidates.isEmpty()) {
            throw new BundleException(
                    "payload", "cannot restore indices: no surviving object refers to a surviving element");
        }
        // Each container whose first new child follows it votes for one offset. Under the true offset every such
        // container agrees; a too-large offset breaks no rule (children merely look shared) but anchors fewer.
        List<Integer> ranked = new ArrayList<>(candidates);
        ranked.sort(Comparator.comparingInt((Integer offset) -> countAnchors(refs, offset))
                .reversed());
        int best = ranked.get(0);
        if (ranked.size() > 1 && countAnchors(refs, ranked.get(1)) == countAnchors(refs, best)) {
            throw new BundleException(
                    "payload",
                    "cannot restore indices: offsets " + best + " and " + ranked.get(1)
                            + " fit the surviving objects equally well");
        }
        String problem = violation(refs, size, best);
        if (problem != null) {
            throw new BundleException(
                    "payload",
                    "inconsistent indices: the surviving elements start at index " + best + " according to "
                            + countAnchors(refs, best) + " containers, but " + problem);
        }
        return best;
    }

    /** Why an offset cannot be right, or null if every container agrees with it. */
    private static String violation(int[][] refs, int size, int offset) {
        for (int local = 0; local < refs.length; local++) {
            int index = offset + local;
            int firstNew = Integer.MAX_VALUE;
            int lastNew = -1;
            for (int ref : refs[local]) {
                if (ref > index) {
                    firstNew = Math.min(firstNew, ref);
                    lastNew = Math.max(lastNew, ref);
                }
            }
            if (lastNew < 0) {
                continue; // only shared values: says nothing about the offset
            }
            if (firstNew != index + 1) {
                return "the element at index " + index + " would first refer to new index " + firstNew + ", not "
                        + (index + 1);
            }
            if (lastNew - offset >= size) {
                return "the element at index " + index + " would refer to index " + lastNew
                        + ", past the end of the payload";
            }
        }
        return null;
    }

    private static int countAnchors(int[][] refs, int offset) {
        int anchors = 0;
        for (int local = 0; local < refs.length; local++) {
            for (int ref : refs[local]) {
                if (ref == offset + local + 1) {
                    anchors++;
                    break;
                }
            }
        }
        return anchors;
    }

    /**
     * Decodes the text before the first element if it is the end of a JSON string ({@code ...tail"}). Its first
     * characters may be the rest of an escape sequence cut in half; the caller reports it as a fragment.
     */
    private static Optional<String> stringTail(String head) {
        if (head.length() < 1 || head.charAt(head.length() - 1) != '"') {
            return Optional.empty();
        }
        String inner = head.substring(0, head.length() - 1);
        for (int i = 0; i < inner.length(); i++) {
            char c = inner.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '"') {
                return Optional.empty(); // an unescaped quote: the cut element was not a string
            }
        }
        try {
            JsonNode node = DevalueParser.JSON.readTree("\"" + inner + "\"");
            return Optional.of(node.textValue());
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
