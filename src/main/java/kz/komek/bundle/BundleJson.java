package kz.komek.bundle;

import static kz.komek.bundle.BundleFields.*;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.Writer;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoField;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import kz.komek.catalog.CatalogUrls;
import kz.komek.catalog.QuestionText;
import kz.komek.catalog.SectionKind;
import kz.komek.i18n.Locale;

/**
 * Reads and writes {@code komek-bundle/1} JSON. Reading validates every field and names the record and field
 * of the first problem; fields it does not know are kept in the records' {@code extra} maps.
 */
public final class BundleJson {
    static final int MAX_TITLE = 1_000;
    static final int MAX_CONTENT = 1_000_000;
    private static final Pattern CANONICAL = Pattern.compile("(/[a-z0-9][a-z0-9_-]*)+/q[0-9]+");

    /** Microseconds, as PostgreSQL keeps them, so an export reads back to the same text. */
    static final DateTimeFormatter PUBLISHED = new java.time.format.DateTimeFormatterBuilder()
            .appendPattern("uuuu-MM-dd'T'HH:mm:ss")
            .optionalStart()
            .appendFraction(ChronoField.MICRO_OF_SECOND, 0, 6, true)
            .optionalEnd()
            .toFormatter();

    private static final Set<String> TOP =
            Set.of("format", "locales", "default_locale", "sites", "sections", "questions", "materials");
    private static final Set<String> SITE = Set.of("slug", "title");
    private static final Set<String> SECTION = Set.of("site", "path", "position", "kind", "title");
    private static final Set<String> QUESTION = Set.of(
            "id",
            "site",
            "section",
            "position",
            "pinned",
            "canonical",
            "votes",
            "usefulness",
            "incomplete",
            "locales",
            "phrasings");
    /** A question's fields in one locale, in the order the format lists them. */
    public static final List<String> LOCALE_FIELDS = List.of(
            "title",
            "content",
            "updated",
            "published",
            "meta_title",
            "meta_description",
            "meta_h1",
            "no_index",
            "no_follow");

    private static final Set<String> TEXT = Set.copyOf(LOCALE_FIELDS);

    private final ObjectMapper mapper;
    private final MaterialJson materials;

    public BundleJson() {
        mapper = new ObjectMapper()
                .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
                .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
                .enable(SerializationFeature.INDENT_OUTPUT);
        mapper.getFactory()
                .setStreamReadConstraints(StreamReadConstraints.builder()
                        .maxStringLength(MAX_CONTENT * 4)
                        .build());
        materials = new MaterialJson();
    }

    /**
     * Whether a question's canonical is one a bundle may carry: a path inside the site ending in {@code q{id}}, such
     * as {@code /bonus/save/general/q456}.
     */
    public static boolean isCanonical(String path) {
        return CANONICAL.matcher(path).matches();
    }

    /** Parses and validates a bundle document. */
    public Bundle read(String json) {
        JsonNode root;
        try {
            root = mapper.readTree(json);
        } catch (JsonProcessingException e) {
            throw notJson("bundle", e);
        }
        if (root == null || !root.isObject()) {
            throw notAnObject();
        }
        Bundle head = head(root);
        var ids = new HashSet<Long>();
        List<Bundle.Question> questions = each(root, "questions", (n, at) -> questionAt(n, at, ids));
        return new Bundle(
                head.locales(),
                head.defaultLocale(),
                head.sites(),
                head.sections(),
                questions,
                materials(root),
                topExtra(root));
    }

    static BundleException notJson(String where, JsonProcessingException e) {
        var loc = e.getLocation();
        return new BundleException(
                where,
                "not valid JSON"
                        + (loc == null ? "" : " at line " + loc.getLineNr() + ", column " + loc.getColumnNr())
                        + ": " + e.getOriginalMessage());
    }

    static BundleException notAnObject() {
        return new BundleException("bundle", "expected a JSON object with \"format\": \"" + Bundle.FORMAT + "\"");
    }

    /**
     * A bundle's format, locales, sites and sections, checked in that order; without its questions and unknown
     * fields (a streamed import reads those on its own).
     */
    Bundle head(JsonNode root) {
        JsonNode format = root.get("format");
        if (format == null || !format.isTextual() || !format.asText().equals(Bundle.FORMAT)) {
            throw new BundleException(
                    "bundle, field format",
                    "expected \"" + Bundle.FORMAT + "\", found " + (format == null ? "nothing" : format.toString()));
        }
        List<String> locales = new ArrayList<>();
        JsonNode localesNode = root.get("locales");
        if (localesNode != null) {
            for (JsonNode l : array(localesNode, "bundle", "locales")) {
                locales.add(locale(l, "bundle", "locales").code());
            }
        }
        String defaultLocale = Locale.DEFAULT.code();
        if (root.hasNonNull("default_locale")) {
            defaultLocale = locale(root.get("default_locale"), "bundle", "default_locale")
                    .code();
        }
        var siteSlugs = new HashSet<String>();
        List<Bundle.Site> sites = each(root, "sites", (n, at) -> {
            String slug = siteSlug(n.get("slug"), at, "slug");
            String where = "site " + slug;
            unique(siteSlugs, slug, where, "listed twice");
            return new Bundle.Site(slug, titles(n.get("title"), where, "title"), extra(n, SITE, where, ""));
        });
        var sectionKeys = new HashSet<String>();
        List<Bundle.Section> sections = each(root, "sections", (n, at) -> {
            String site = siteSlug(n.get("site"), at, "site");
            String path = sectionPath(n.get("path"), at, "path");
            String where = "section " + site + "/" + path;
            unique(sectionKeys, site + "/" + path, where, "listed twice");
            Optional<Integer> position = n.hasNonNull("position")
                    ? Optional.of(nonNegativeInt(n.get("position"), where, "position"))
                    : Optional.empty();
            return new Bundle.Section(
                    site,
                    path,
                    position,
                    titles(n.get("title"), where, "title"),
                    extra(n, SECTION, where, ""),
                    sectionKind(n.get("kind"), where));
        });
        return new Bundle(locales, defaultLocale, sites, sections, List.of(), Map.of());
    }

    /** The bundle's materials (videos, documents), checked; they are few, and read whole. */
    List<Bundle.Material> materials(JsonNode root) {
        return materials.materials(root);
    }

    /** The bundle's own fields this version does not know, kept for the round trip. */
    Map<String, JsonNode> topExtra(JsonNode root) {
        return extra(root, TOP, "bundle", "");
    }

    /**
     * The question record at {@code at} ({@code questions[7]}) of a bundle whose ids so far are {@code ids}: its id
     * must be new.
     */
    Bundle.Question questionAt(JsonNode n, String at, Set<Long> ids) {
        long id = positiveLong(n.get("id"), at, "id");
        String where = "question " + id;
        unique(ids, id, where, "id listed twice");
        return question(n, id, where);
    }

    private Bundle.Question question(JsonNode n, long id, String where) {
        String site = siteSlug(n.get("site"), where, "site");
        String section = sectionPath(n.get("section"), where, "section");
        int position = n.hasNonNull("position") ? nonNegativeInt(n.get("position"), where, "position") : 0;
        boolean pinned = n.hasNonNull("pinned") && bool(n.get("pinned"), where, "pinned");
        String canonical = CatalogUrls.questionPath(section, id);
        if (n.hasNonNull("canonical")) {
            canonical = text(n.get("canonical"), where, "canonical");
            if (!isCanonical(canonical)) {
                throw BundleException.field(
                        where,
                        "canonical",
                        BundleException.Kind.OTHER,
                        "expected a path inside the site ending in q{id}, such as /bonus/save/general/q456, found "
                                + n.get("canonical"));
            }
        }
        Optional<Bundle.Votes> votes = Optional.empty();
        if (n.hasNonNull("votes")) {
            JsonNode v = n.get("votes");
            object(v, where + ", field votes");
            votes = Optional.of(new Bundle.Votes(
                    nonNegativeLong(v.get("up"), where, "votes.up"),
                    nonNegativeLong(v.get("down"), where, "votes.down")));
        }
        Optional<Double> usefulness = Optional.empty();
        if (n.hasNonNull("usefulness")) {
            JsonNode u = n.get("usefulness");
            if (!u.isNumber() || u.asDouble() < 0 || u.asDouble() > 1) {
                throw BundleException.field(
                        where, "usefulness", BundleException.Kind.OTHER, "expected a ratio from 0 to 1, found " + u);
            }
            usefulness = Optional.of(u.asDouble());
        }
        boolean incomplete = n.hasNonNull("incomplete") && bool(n.get("incomplete"), where, "incomplete");
        JsonNode localesNode = n.get("locales");
        if (localesNode == null || !localesNode.isObject() || localesNode.isEmpty()) {
            throw BundleException.field(
                    where,
                    "locales",
                    BundleException.Kind.OTHER,
                    "expected an object with at least one locale (\"ru\", \"kz\")");
        }
        var texts = new LinkedHashMap<String, Bundle.QuestionLocale>();
        for (var e : localesNode.properties()) {
            String code = locale(JsonNodeFactory.instance.textNode(e.getKey()), where, "locales")
                    .code();
            texts.put(code, questionText(e.getValue(), where, "locales." + code));
        }
        phrasings(n.get("phrasings"), where, texts);
        return new Bundle.Question(
                id,
                site,
                section,
                position,
                pinned,
                canonical,
                votes,
                usefulness,
                incomplete,
                texts,
                extra(n, QUESTION, where, ""));
    }

    private Bundle.QuestionLocale questionText(JsonNode n, String where, String field) {
        object(n, where + ", field " + field);
        String title = text(n.get("title"), where, field + ".title");
        if (title.isBlank()) {
            throw BundleException.field(where, field + ".title", BundleException.Kind.EMPTY, "is empty");
        }
        atMost(title, MAX_TITLE, where, field + ".title");
        String content = atMost(
                n.hasNonNull("content") ? text(n.get("content"), where, field + ".content") : "",
                MAX_CONTENT,
                where,
                field + ".content");
        Optional<LocalDate> updated = optionalTime(
                n.get("updated"),
                where,
                field + ".updated",
                LocalDate::parse,
                BundleException.Kind.NOT_A_DATE,
                "not an ISO date (yyyy-MM-dd)");
        Optional<LocalDateTime> published = optionalTime(
                n.get("published"),
                where,
                field + ".published",
                value -> LocalDateTime.parse(value, PUBLISHED),
                BundleException.Kind.NOT_A_DATE_TIME,
                "not an ISO local date-time (yyyy-MM-ddTHH:mm:ss[.ffffff])");
        return new Bundle.QuestionLocale(
                title,
                content,
                updated,
                published,
                optionalText(n.get("meta_title"), where, field + ".meta_title"),
                optionalText(n.get("meta_description"), where, field + ".meta_description"),
                optionalText(n.get("meta_h1"), where, field + ".meta_h1"),
                n.hasNonNull("no_index") && bool(n.get("no_index"), where, field + ".no_index"),
                n.hasNonNull("no_follow") && bool(n.get("no_follow"), where, field + ".no_follow"),
                extra(n, TEXT, where, field + "."));
    }

    /** Writes a bundle as pretty-printed JSON, fields in the order bundle-format.md shows them. */
    public String write(Bundle bundle) {
        ObjectNode root = head(bundle);
        ArrayNode questions = root.putArray("questions");
        bundle.questions().forEach(q -> questions.add(questionNode(q)));
        // only when there are some: a bundle without materials is written as before they existed
        if (!bundle.materials().isEmpty()) {
            ArrayNode list = root.putArray("materials");
            bundle.materials().forEach(m -> list.add(materials.node(m)));
        }
        bundle.extra().forEach(root::set);
        try {
            return mapper.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a JSON tree", e);
        }
    }

    /**
     * Streams a bundle too large to hold: byte for byte what {@link #write(Bundle)} gives, but the questions are
     * written one at a time as {@code questions} hands them over (those of {@code head} are not written; its
     * materials are, after the questions).
     */
    public void write(Writer out, Bundle head, Consumer<Consumer<Bundle.Question>> questions) throws IOException {
        try (JsonGenerator g = mapper.createGenerator(out)) {
            g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            g.writeStartObject();
            for (var field : head(head).properties()) {
                g.writeFieldName(field.getKey());
                g.writeTree(field.getValue());
            }
            g.writeArrayFieldStart("questions");
            IOException[] failure = new IOException[1];
            questions.accept(q -> {
                if (failure[0] == null) {
                    try {
                        g.writeTree(questionNode(q));
                    } catch (IOException e) {
                        failure[0] = e;
                    }
                }
            });
            if (failure[0] != null) {
                throw failure[0];
            }
            g.writeEndArray();
            if (!head.materials().isEmpty()) {
                g.writeArrayFieldStart("materials");
                for (var m : head.materials()) {
                    g.writeTree(materials.node(m));
                }
                g.writeEndArray();
            }
            for (var field : head.extra().entrySet()) {
                g.writeFieldName(field.getKey());
                g.writeTree(field.getValue());
            }
            g.writeEndObject();
        }
        out.write("\n");
        out.flush();
    }

    /** A bundle's fields before its questions. */
    private ObjectNode head(Bundle bundle) {
        ObjectNode root = mapper.createObjectNode();
        root.put("format", Bundle.FORMAT);
        ArrayNode locales = root.putArray("locales");
        bundle.locales().forEach(locales::add);
        root.put("default_locale", bundle.defaultLocale());
        ArrayNode sites = root.putArray("sites");
        for (var s : bundle.sites()) {
            ObjectNode o = sites.addObject();
            o.put("slug", s.slug());
            o.set("title", titlesNode(s.title()));
            s.extra().forEach(o::set);
        }
        ArrayNode sections = root.putArray("sections");
        for (var s : bundle.sections()) {
            ObjectNode o = sections.addObject();
            o.put("site", s.site());
            o.put("path", s.path());
            s.position().ifPresent(p -> o.put("position", p));
            if (s.kind() != SectionKind.QUESTIONS) {
                o.put("kind", s.kind().code());
            }
            o.set("title", titlesNode(s.title()));
            s.extra().forEach(o::set);
        }
        return root;
    }

    /** One question record as a bundle lists it (the admin's editing shape and a revision's stored form). */
    public ObjectNode questionNode(Bundle.Question q) {
        ObjectNode o = mapper.createObjectNode();
        o.put("id", q.id());
        o.put("site", q.site());
        o.put("section", q.section());
        o.put("position", q.position());
        o.put("pinned", q.pinned());
        o.put("canonical", q.canonical());
        q.votes().ifPresent(v -> o.putObject("votes").put("up", v.up()).put("down", v.down()));
        q.usefulness().ifPresent(u -> o.put("usefulness", u));
        if (q.incomplete()) {
            o.put("incomplete", true);
        }
        ObjectNode texts = o.putObject("locales");
        q.locales().forEach((code, t) -> {
            ObjectNode l = texts.putObject(code);
            l.put("title", t.title());
            l.put("content", t.content());
            l.put("updated", t.updated().map(LocalDate::toString).orElse(null));
            l.put(
                    "published",
                    t.published().map(QuestionText.PUBLISHED_FORMAT::format).orElse(null));
            l.put("meta_title", t.metaTitle().orElse(null));
            l.put("meta_description", t.metaDescription().orElse(null));
            l.put("meta_h1", t.metaH1().orElse(null));
            l.put("no_index", t.noIndex());
            l.put("no_follow", t.noFollow());
            t.extra().forEach(l::set);
        });
        // only when there are some: a question without them is written as before phrasings existed
        if (q.locales().values().stream().anyMatch(t -> !t.phrasings().isEmpty())) {
            ObjectNode phrasings = o.putObject("phrasings");
            q.locales().forEach((code, t) -> {
                if (!t.phrasings().isEmpty()) {
                    ArrayNode list = phrasings.putArray(code);
                    t.phrasings().texts().forEach(list::add);
                }
            });
        }
        q.extra().forEach(o::set);
        return o;
    }

    /**
     * Reads and validates one question record (a bundle's {@code questions[i]}) for question {@code id}: its
     * {@code id} may be left out, but must not name another question. Problems are named like an import's:
     * {@code question 456, field locales.ru.title: is empty}.
     */
    public Bundle.Question readQuestion(JsonNode n, long id) {
        String where = "question " + id;
        object(n, where);
        if (n.has("id") && !n.get("id").isNull()) {
            long given = positiveLong(n.get("id"), where, "id");
            if (given != id) {
                throw BundleException.field(
                        where, "id", BundleException.Kind.OTHER, "names question " + given + ", not " + id);
            }
        }
        return question(n, id, where);
    }

    /** Parses JSON text into a tree, naming the line and column of a syntax error. */
    public JsonNode tree(String json, String where) {
        try {
            JsonNode n = mapper.readTree(json);
            if (n == null) {
                throw new BundleException(where, "expected a JSON object, found nothing");
            }
            return n;
        } catch (JsonProcessingException e) {
            throw notJson(where, e);
        }
    }

    private ObjectNode titlesNode(Map<String, String> titles) {
        ObjectNode o = mapper.createObjectNode();
        titles.forEach(o::put);
        return o;
    }

    ObjectMapper mapper() {
        return mapper;
    }
}
