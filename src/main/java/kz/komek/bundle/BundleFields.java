package kz.komek.bundle;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.regex.Pattern;
import kz.komek.catalog.SectionKind;
import kz.komek.catalog.SectionPath;
import kz.komek.i18n.Locale;
import kz.komek.i18n.StorableText;

/**
 * The readers of a bundle's fields: each checks one JSON value and names the record and field of a problem
 * ({@code question 456, field locales.ru.title: …}), so an editor can find it in a large file.
 */
final class BundleFields {
    private static final Pattern SLUG = Pattern.compile("[a-z0-9][a-z0-9_-]{0,62}");

    private BundleFields() {}

    /** Each object of the bundle's array {@code field}, read with where it stands ({@code sites[3]}). */
    static <T> List<T> each(JsonNode root, String field, BiFunction<JsonNode, String, T> read) {
        var out = new ArrayList<T>();
        int i = 0;
        for (JsonNode n : array(root.get(field), "bundle", field)) {
            String where = field + "[" + i++ + "]";
            object(n, where);
            out.add(read.apply(n, where));
        }
        return out;
    }

    static <K> void unique(Set<K> seen, K key, String where, String problem) {
        if (!seen.add(key)) {
            throw new BundleException(where, problem);
        }
    }

    static Iterable<JsonNode> array(JsonNode n, String where, String field) {
        if (n == null || n.isNull()) {
            return List.of();
        }
        if (!n.isArray()) {
            throw BundleException.field(
                    where, field, BundleException.Kind.OTHER, "expected an array, found " + kind(n));
        }
        return n;
    }

    static void object(JsonNode n, String where) {
        if (n == null || !n.isObject()) {
            throw new BundleException(where, "expected an object, found " + kind(n));
        }
    }

    static String text(JsonNode n, String where, String field) {
        if (n == null || n.isNull()) {
            throw BundleException.field(where, field, BundleException.Kind.MISSING, "is missing");
        }
        if (!n.isTextual()) {
            throw BundleException.field(
                    where, field, BundleException.Kind.OTHER, "expected a string, found " + kind(n));
        }
        return storable(n.asText(), where, field);
    }

    /**
     * {@code s} when PostgreSQL can store it as text ({@link StorableText}): refused here, naming the field, rather
     * than failing the whole write later.
     */
    static String storable(String s, String where, String field) {
        StorableText.problem(s).ifPresent(problem -> {
            throw BundleException.field(where, field, BundleException.Kind.NOT_STORABLE, problem);
        });
        return s;
    }

    static Optional<String> optionalText(JsonNode n, String where, String field) {
        if (n == null || n.isNull()) {
            return Optional.empty();
        }
        // "" and null both mean "derive the default", but an export must give back what was imported.
        return Optional.of(text(n, where, field));
    }

    /** An optional date or time, read by {@code parse}; {@code expected} names its format in a problem. */
    static <T> Optional<T> optionalTime(
            JsonNode n,
            String where,
            String field,
            Function<String, T> parse,
            BundleException.Kind kind,
            String expected) {
        if (n == null || n.isNull()) {
            return Optional.empty();
        }
        String s = text(n, where, field);
        try {
            return Optional.of(parse.apply(s));
        } catch (DateTimeParseException e) {
            throw BundleException.field(where, field, kind, expected + ": \"" + s + "\"");
        }
    }

    /** {@code text} when it has at most {@code max} characters. */
    static String atMost(String text, int max, String where, String field) {
        if (text.length() > max) {
            throw BundleException.field(
                    where, field, BundleException.Kind.TOO_LONG, "longer than " + max + " characters", max);
        }
        return text;
    }

    static boolean bool(JsonNode n, String where, String field) {
        if (!n.isBoolean()) {
            throw BundleException.field(
                    where, field, BundleException.Kind.OTHER, "expected true or false, found " + kind(n));
        }
        return n.asBoolean();
    }

    static long positiveLong(JsonNode n, String where, String field) {
        if (n == null || !n.isIntegralNumber() || !n.canConvertToLong() || n.asLong() <= 0) {
            throw BundleException.field(
                    where, field, BundleException.Kind.NOT_A_NUMBER, "expected a positive integer, found " + kind(n));
        }
        return n.asLong();
    }

    static long nonNegativeLong(JsonNode n, String where, String field) {
        if (n == null || !n.isIntegralNumber() || !n.canConvertToLong() || n.asLong() < 0) {
            throw BundleException.field(
                    where, field, BundleException.Kind.NOT_A_NUMBER, "expected a whole number ≥ 0, found " + kind(n));
        }
        return n.asLong();
    }

    static int nonNegativeInt(JsonNode n, String where, String field) {
        if (n == null || !n.isIntegralNumber() || !n.canConvertToInt() || n.asInt() < 0) {
            throw BundleException.field(
                    where, field, BundleException.Kind.NOT_A_NUMBER, "expected a whole number ≥ 0, found " + kind(n));
        }
        return n.asInt();
    }

    /** A site's slug: a slug, and none of the paths the server keeps for itself. */
    static String siteSlug(JsonNode n, String where, String field) {
        String s = slug(n, where, field);
        if (Bundle.RESERVED_SITES.contains(s)) {
            throw other(where, field, "\"" + s + "\" is kept for komek's own pages; name the site otherwise");
        }
        return s;
    }

    static String slug(JsonNode n, String where, String field) {
        String s = text(n, where, field);
        if (!SLUG.matcher(s).matches()) {
            throw other(where, field, "expected a lowercase slug (a-z, 0-9, '-', '_'), found \"" + s + "\"");
        }
        return s;
    }

    /** A field's problem that no translated kind names: the page shows its English. */
    private static BundleException other(String where, String field, String problem) {
        return BundleException.field(where, field, BundleException.Kind.OTHER, problem);
    }

    static String sectionPath(JsonNode n, String where, String field) {
        String s = text(n, where, field);
        var problem = SectionPath.problem(s);
        if (problem.isPresent()) {
            throw BundleException.field(where, field, BundleException.Kind.OTHER, problem.get());
        }
        return s;
    }

    /** A section's {@code kind}: questions when absent. */
    static SectionKind sectionKind(JsonNode n, String where) {
        if (n == null || n.isNull()) {
            return SectionKind.QUESTIONS;
        }
        String code = text(n, where, "kind");
        return SectionKind.parse(code)
                .orElseThrow(
                        () -> other(where, "kind", "expected questions, videos or documents, found \"" + code + "\""));
    }

    static Locale locale(JsonNode n, String where, String field) {
        String s = text(n, where, field);
        return Locale.parse(s)
                .orElseThrow(() -> BundleException.field(
                        where,
                        field,
                        BundleException.Kind.OTHER,
                        "unknown locale \"" + s + "\" (komek serves ru and kz)"));
    }

    static Map<String, String> titles(JsonNode n, String where, String field) {
        var titles = new LinkedHashMap<String, String>();
        if (n == null || n.isNull()) {
            return titles;
        }
        object(n, where + ", field " + field);
        for (var e : n.properties()) {
            String code = locale(JsonNodeFactory.instance.textNode(e.getKey()), where, field)
                    .code();
            String title = text(e.getValue(), where, field + "." + code);
            if (title.isBlank() || title.length() > BundleJson.MAX_TITLE) {
                throw BundleException.field(
                        where,
                        field + "." + code,
                        BundleException.Kind.OTHER,
                        "must have 1 to " + BundleJson.MAX_TITLE + " characters");
            }
            titles.put(code, title);
        }
        return titles;
    }

    /** The fields this version does not know, kept for the round trip; their text must be storable too. */
    static Map<String, JsonNode> extra(JsonNode n, Set<String> known, String where, String prefix) {
        var extra = new LinkedHashMap<String, JsonNode>();
        for (var e : n.properties()) {
            if (!known.contains(e.getKey())) {
                storable(e.getKey(), where, prefix + e.getKey());
                storableTree(e.getValue(), where, prefix + e.getKey());
                extra.put(e.getKey(), e.getValue());
            }
        }
        return extra;
    }

    private static void storableTree(JsonNode n, String where, String field) {
        if (n.isTextual()) {
            storable(n.asText(), where, field);
        } else if (n.isArray()) {
            for (int i = 0; i < n.size(); i++) {
                storableTree(n.get(i), where, field + "[" + i + "]");
            }
        } else if (n.isObject()) {
            for (var e : n.properties()) {
                storable(e.getKey(), where, field + "." + e.getKey());
                storableTree(e.getValue(), where, field + "." + e.getKey());
            }
        }
    }

    /**
     * Puts a question's {@code phrasings} (an object of lists by locale) into its texts. They belong to a locale's
     * text: a record that gives a locale gives all its phrasings (none when it lists none), so a locale's phrasings
     * can only be given with its text.
     */
    static void phrasings(JsonNode n, String where, Map<String, Bundle.QuestionLocale> texts) {
        if (n == null || n.isNull()) {
            return;
        }
        object(n, where + ", field phrasings");
        for (var e : n.properties()) {
            String code = locale(JsonNodeFactory.instance.textNode(e.getKey()), where, "phrasings")
                    .code();
            String field = "phrasings." + code;
            Bundle.QuestionLocale text = texts.get(code);
            if (text == null) {
                throw BundleException.field(
                        where,
                        field,
                        BundleException.Kind.OTHER,
                        "the question has no " + code + " text in locales; phrasings go with their text");
            }
            var list = new ArrayList<String>();
            int i = 0;
            for (JsonNode p : array(e.getValue(), where, field)) {
                list.add(text(p, where, field + "[" + i++ + "]"));
            }
            texts.put(code, text.withPhrasings(phrasings(list, where, field)));
        }
    }

    /** The phrasings of one locale, checked; a problem names the phrasing ({@code phrasings.ru[2]}). */
    static Phrasings phrasings(List<String> list, String where, String field) {
        try {
            return new Phrasings(list);
        } catch (Phrasings.Invalid e) {
            String at = e.index() < 0 ? field : field + "[" + e.index() + "]";
            BundleException.Kind kind = switch (e.problem()) {
                case EMPTY -> BundleException.Kind.EMPTY;
                case TOO_LONG -> BundleException.Kind.TOO_LONG;
                case TOO_MANY -> BundleException.Kind.TOO_MANY;
                case DUPLICATE -> BundleException.Kind.DUPLICATE;
                case MARKUP -> BundleException.Kind.MARKUP;
                case NOT_TRIMMED -> BundleException.Kind.OTHER;
            };
            throw BundleException.field(
                    where, at, kind, e.getMessage(), e.args().toArray());
        }
    }

    static String kind(JsonNode n) {
        if (n == null || n.isMissingNode()) {
            return "nothing";
        }
        String s = n.toString();
        return s.length() > 60 ? s.substring(0, 60) + "…" : s;
    }
}
