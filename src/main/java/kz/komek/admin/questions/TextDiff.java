package kz.komek.admin.questions;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.difflib.DiffUtils;
import com.github.difflib.patch.AbstractDelta;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One changed field of a question between two revisions, as the diff page shows it: text fields word by word
 * (java-diff-utils over words, spaces and tags), anything else as its JSON before and after. Segments are plain
 * text, escaped by the template like every other value.
 */
public record TextDiff(String field, List<Segment> segments, Optional<String> before, Optional<String> after) {
    /** Above this many tokens on a side, the whole before and after are shown instead of a word diff. */
    private static final int MAX_TOKENS = 20_000;

    private static final Pattern TOKENS = Pattern.compile("<[^>]*>|\\s+|[^\\s<]+");

    public enum Kind {
        SAME,
        REMOVED,
        ADDED
    }

    public record Segment(Kind kind, String text) {
        public boolean removed() {
            return kind == Kind.REMOVED;
        }

        public boolean added() {
            return kind == Kind.ADDED;
        }
    }

    public TextDiff {
        segments = List.copyOf(segments);
    }

    public boolean inline() {
        return !segments.isEmpty();
    }

    public static TextDiff of(FieldChange change) {
        Optional<JsonNode> a = change.before().filter(n -> !n.isNull());
        Optional<JsonNode> b = change.after().filter(n -> !n.isNull());
        boolean texts = a.map(JsonNode::isTextual).orElse(true)
                && b.map(JsonNode::isTextual).orElse(true);
        if (texts && (a.isPresent() || b.isPresent())) {
            List<String> from = tokens(a.map(JsonNode::asText).orElse(""));
            List<String> to = tokens(b.map(JsonNode::asText).orElse(""));
            if (from.size() <= MAX_TOKENS && to.size() <= MAX_TOKENS) {
                return new TextDiff(change.field(), words(from, to), Optional.empty(), Optional.empty());
            }
        }
        return new TextDiff(change.field(), List.of(), a.map(TextDiff::shown), b.map(TextDiff::shown));
    }

    private static String shown(JsonNode n) {
        return n.isTextual() ? n.asText() : n.toString();
    }

    static List<String> tokens(String text) {
        var out = new ArrayList<String>();
        var m = TOKENS.matcher(text);
        while (m.find()) {
            out.add(m.group());
        }
        return out;
    }

    private static List<Segment> words(List<String> from, List<String> to) {
        var out = new ArrayList<Segment>();
        int at = 0;
        for (AbstractDelta<String> d : DiffUtils.diff(from, to).getDeltas()) {
            int start = d.getSource().getPosition();
            add(out, Kind.SAME, from.subList(at, start));
            add(out, Kind.REMOVED, d.getSource().getLines());
            add(out, Kind.ADDED, d.getTarget().getLines());
            at = start + d.getSource().size();
        }
        add(out, Kind.SAME, from.subList(at, from.size()));
        return out;
    }

    private static void add(List<Segment> out, Kind kind, List<String> tokens) {
        if (!tokens.isEmpty()) {
            out.add(new Segment(kind, String.join("", tokens)));
        }
    }
}
