package kz.komek.admin.questions;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.difflib.DiffUtils;
import com.github.difflib.patch.AbstractDelta;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import kz.komek.admin.AdminText;
import kz.komek.i18n.Locale;

/**
 * One changed field of a question between two revisions, as the diff page shows it: text fields (and lists of
 * texts, a line each) word by word (java-diff-utils over words, spaces and tags), anything else whole before and
 * after, a yes or no in the editor's language. Segments are plain text, escaped by the template like every other
 * value.
 */
public record TextDiff(
        String field, FieldName name, List<Segment> segments, Optional<String> before, Optional<String> after) {
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

    /**
     * The changes as the page shows them: a group of fields added or removed whole (a locale, the phrasings) is
     * shown field by field, each named.
     */
    public static List<TextDiff> of(List<FieldChange> changes, Locale locale) {
        var out = new ArrayList<TextDiff>();
        for (FieldChange c : changes) {
            expand(c, out, locale);
        }
        return out;
    }

    private static void expand(FieldChange c, List<TextDiff> out, Locale locale) {
        JsonNode a = c.before().filter(n -> !n.isNull()).orElse(null);
        JsonNode b = c.after().filter(n -> !n.isNull()).orElse(null);
        boolean group = (a == null || a.isObject()) && (b == null || b.isObject()) && (a != null || b != null);
        if (!group) {
            out.add(of(c, locale));
            return;
        }
        var names = new LinkedHashSet<String>();
        if (a != null) {
            a.fieldNames().forEachRemaining(names::add);
        }
        if (b != null) {
            b.fieldNames().forEachRemaining(names::add);
        }
        for (String n : names) {
            Optional<JsonNode> before = Optional.ofNullable(a == null ? null : a.get(n));
            Optional<JsonNode> after = Optional.ofNullable(b == null ? null : b.get(n));
            if (!before.equals(after)) {
                expand(new FieldChange(c.field() + "." + n, before, after), out, locale);
            }
        }
    }

    public static TextDiff of(FieldChange change, Locale locale) {
        FieldName name = FieldName.of(change.field(), locale);
        Optional<JsonNode> a = change.before().filter(n -> !n.isNull());
        Optional<JsonNode> b = change.after().filter(n -> !n.isNull());
        if (DATES.contains(change.field().substring(change.field().lastIndexOf('.') + 1))) {
            // a date is one word: shown whole, before and after, as people write it
            return new TextDiff(change.field(), name, List.of(), a.map(TextDiff::date), b.map(TextDiff::date));
        }
        boolean texts =
                a.map(TextDiff::isText).orElse(true) && b.map(TextDiff::isText).orElse(true);
        if (texts && (a.isPresent() || b.isPresent())) {
            List<String> from = tokens(a.map(TextDiff::text).orElse(""));
            List<String> to = tokens(b.map(TextDiff::text).orElse(""));
            if (from.size() <= MAX_TOKENS && to.size() <= MAX_TOKENS) {
                return new TextDiff(change.field(), name, words(from, to), Optional.empty(), Optional.empty());
            }
        }
        return new TextDiff(
                change.field(), name, List.of(), a.map(n -> shown(n, locale)), b.map(n -> shown(n, locale)));
    }

    /** A text, or a list of texts (the phrasings), which is diffed as lines. */
    private static boolean isText(JsonNode n) {
        if (n.isArray()) {
            for (JsonNode e : n) {
                if (!e.isTextual()) {
                    return false;
                }
            }
            return true;
        }
        return n.isTextual();
    }

    private static String text(JsonNode n) {
        if (n.isArray()) {
            var lines = new ArrayList<String>();
            n.forEach(e -> lines.add(e.asText()));
            return String.join("\n", lines);
        }
        return n.asText();
    }

    private static final Set<String> DATES = Set.of("updated", "published");

    private static String date(JsonNode n) {
        String iso = n.asText();
        try {
            return DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm:ss").format(LocalDateTime.parse(iso));
        } catch (DateTimeParseException e) {
            try {
                return DateTimeFormatter.ofPattern("dd.MM.yyyy").format(LocalDate.parse(iso));
            } catch (DateTimeParseException notADate) {
                return iso;
            }
        }
    }

    private static String shown(JsonNode n, Locale locale) {
        if (n.isBoolean()) {
            return (n.booleanValue() ? AdminText.VALUE_YES : AdminText.VALUE_NO).in(locale);
        }
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
