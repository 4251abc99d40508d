package kz.komek.bundle.nuxt;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import kz.komek.bundle.Bundle;
import kz.komek.bundle.BundleException;
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
    static final String DEFAULT_LOCALE = "ru";
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
    private static final Pattern LOCALE = Pattern.compile("[a-z]{2}");
    private static final Pattern SEGMENT = Pattern.compile("[A-Za-z0-9_.-]+");
    private static final Pattern QUESTION_SEGMENT = Pattern.compile("q\\d+");
    private static final DateTimeFormatter DAY_MONTH_YEAR =
            DateTimeFormatter.ofPattern("dd.MM.uuuu").withResolverStyle(ResolverStyle.STRICT);

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
        String slug = site == null || site.isBlank() ? DEFAULT_SITE : site.strip();
        if (!SITE.matcher(slug).matches()) {
            throw new BundleException("site", "not a site slug: \"" + slug + "\"");
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
        Route route = wholeRoute(root, elements, site);
        List<Draft> drafts = new ArrayList<>();
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
            drafts.add(new Draft(id.longValue(), fields, extra, false, false));
        }
        return assemble(site, route, drafts, null, findings, false);
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

    private static Route wholeRoute(JsonNode root, List<JsonNode> elements, String site) {
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
                    Route route = Route.parse(field.getValue().textValue(), site);
                    if (route != null) {
                        return route;
                    }
                }
            }
            node.forEach(queue::addLast);
        }
        return lastElementRoute(elements, site);
    }

    private static Route lastElementRoute(List<JsonNode> elements, String site) {
        JsonNode last = elements.get(elements.size() - 1);
        Route route = last.isTextual() ? Route.parse(last.textValue(), site) : null;
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
            List<Draft> drafts = new ArrayList<>();
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
                Draft draft = draft(index, element, uses);
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
                drafts.add(0, new Draft(t.id(), t.fields(), Map.of(), true, t.fragment()));
                tailFindings.add("question " + t.id() + ": only the end of its record survives (its object was"
                        + " stored before the cut); recovered " + String.join(", ", t.recovered())
                        + "; the id is taken from its canonical "
                        + t.fields().get("canonical").value().textValue()
                        + " and the record is marked incomplete");
            }
            findings.addAll(hidden.findings(drafts.size() - (tail.isPresent() ? 1 : 0)));
            findings.addAll(tailFindings);
            findings.add(0, cutNote);
            return assemble(site, route(), drafts, hidden, findings, true);
        }

        private Draft draft(int index, JsonNode object, List<NuxtHiddenValues.Use> uses) {
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
            return new Draft(id, fields, extra, false, false);
        }

        private Route route() {
            for (JsonNode element : cut.elements()) {
                if (!element.isObject()) {
                    continue;
                }
                for (String key : ROUTE_KEYS) {
                    JsonNode ref = element.get(key);
                    if (ref != null && ref.isIntegralNumber() && parser.isVisible(ref.intValue())) {
                        JsonNode value = parser.raw(ref.intValue());
                        Route route = value.isTextual() ? Route.parse(value.textValue(), site) : null;
                        if (route != null) {
                            return route;
                        }
                    }
                }
            }
            return lastElementRoute(cut.elements(), site);
        }
    }

    // ---- mapping to the bundle ----

    /** A question as read from the payload, before its fields are checked and converted. */
    private record Draft(
            long id, Map<String, NuxtField> fields, Map<String, JsonNode> extra, boolean tail, boolean fragment) {}

    /** The page's route: {@code /{locale}/{section path}}, optionally with the site first or a question last. */
    private record Route(String path, String locale, String section) {
        static Route parse(String raw, String site) {
            String path = raw.strip().replaceAll("[?#].*$", "");
            if (!path.startsWith("/")) {
                return null;
            }
            List<String> segments = new ArrayList<>();
            for (String segment : path.split("/")) {
                if (!segment.isEmpty()) {
                    segments.add(segment);
                }
            }
            if (segments.size() > 1
                    && segments.get(0).equals(site)
                    && LOCALE.matcher(segments.get(1)).matches()) {
                segments.remove(0);
            }
            if (segments.size() < 2 || !LOCALE.matcher(segments.get(0)).matches()) {
                return null;
            }
            List<String> section = new ArrayList<>(segments.subList(1, segments.size()));
            if (QUESTION_SEGMENT.matcher(section.get(section.size() - 1)).matches()) {
                section.remove(section.size() - 1); // a question page: its section is the rest
            }
            if (section.isEmpty()
                    || !section.stream().allMatch(s -> SEGMENT.matcher(s).matches())) {
                return null;
            }
            if (section.size() > 3) {
                throw new BundleException(
                        "route " + raw, "a section path has 1 to 3 levels, this one has " + section.size());
            }
            return new Route(raw, segments.get(0), String.join("/", section));
        }
    }

    private static NuxtImport assemble(
            String site,
            Route route,
            List<Draft> drafts,
            NuxtHiddenValues hidden,
            List<String> findings,
            boolean truncated) {
        if (drafts.isEmpty()) {
            throw new BundleException(
                    "payload", "no question found: no object with id, title, content and the other question fields");
        }
        if (kz.komek.i18n.Locale.parse(route.locale()).isEmpty()) {
            throw new BundleException(
                    "route " + route.path(), "unknown locale \"" + route.locale() + "\" (komek serves ru and kz)");
        }
        kz.komek.catalog.SectionPath.problem(route.section()).ifPresent(problem -> {
            throw new BundleException("route " + route.path(), problem);
        });
        List<String> head = new ArrayList<>();
        head.add("locale " + route.locale() + " and section " + route.section() + " are taken from the route "
                + route.path());
        head.add("site " + site + " is given by the caller; its title is left empty (existing titles are kept)");
        List<Bundle.Section> sections = new ArrayList<>();
        String[] segments = route.section().split("/");
        for (int i = 1; i <= segments.length; i++) {
            String path = String.join("/", List.of(segments).subList(0, i));
            sections.add(new Bundle.Section(site, path, Optional.empty(), Map.of(), Map.of()));
        }
        head.add("sections " + sections.stream().map(Bundle.Section::path).collect(Collectors.joining(", "))
                + ": titles and positions "
                + (truncated ? "were stored before the cut" : "are not read from the payload")
                + "; left empty (existing ones are kept, a new section goes last)");
        List<Bundle.Question> questions = new ArrayList<>();
        Map<String, List<Long>> voted = new TreeMap<>();
        for (Draft draft : drafts) {
            Bundle.Question question = new QuestionMapping(draft, site, route, hidden, truncated, findings, voted)
                    .toQuestion(questions.size() + 1);
            if (question != null) {
                questions.add(question);
            }
        }
        if (questions.isEmpty()) {
            throw new BundleException("payload", "no question could be recovered");
        }
        head.add("question positions follow their order in the payload ("
                + questions.stream().map(q -> String.valueOf(q.id())).collect(Collectors.joining(", "))
                + "), first is position 1");
        head.add("votes: the payload shows only the ratio usefulness, which is kept; vote counts are left unset");
        voted.forEach((value, ids) -> findings.add("voted is per visitor and not stored; it is " + value + " for"
                + " question" + (ids.size() == 1 ? " " : "s ")
                + ids.stream().map(String::valueOf).collect(Collectors.joining(", "))));
        // the note on the cut (if any) comes first, then what applies to all questions, then per question
        List<String> all = new ArrayList<>(findings.subList(0, truncated ? 1 : 0));
        all.addAll(head);
        all.addAll(findings.subList(truncated ? 1 : 0, findings.size()));
        Bundle bundle = new Bundle(
                List.of(route.locale()),
                DEFAULT_LOCALE,
                List.of(new Bundle.Site(site, Map.of(), Map.of())),
                sections,
                questions,
                Map.of());
        return new NuxtImport(bundle, all, truncated);
    }

    /** Checks and converts the fields of one question, noting every value it could not take as given. */
    private static final class QuestionMapping {
        private final Draft draft;
        private final String site;
        private final Route route;
        private final NuxtHiddenValues hidden;
        private final boolean truncated;
        private final List<String> findings;
        private final Map<String, List<Long>> voted;
        private final String where;
        private final List<String> notes = new ArrayList<>();
        private final List<String> unrecovered = new ArrayList<>();
        private boolean incomplete;

        QuestionMapping(
                Draft draft,
                String site,
                Route route,
                NuxtHiddenValues hidden,
                boolean truncated,
                List<String> findings,
                Map<String, List<Long>> voted) {
            this.draft = draft;
            this.site = site;
            this.route = route;
            this.hidden = hidden;
            this.truncated = truncated;
            this.findings = findings;
            this.voted = voted;
            this.where = "question " + draft.id();
            this.incomplete = draft.tail();
        }

        Bundle.Question toQuestion(int position) {
            String title = text("title");
            if (title == null || title.isBlank()) {
                String metaTitle = text("meta_tag_title");
                if (metaTitle == null || metaTitle.isBlank()) {
                    if (!truncated) {
                        throw new BundleException(where + ", title", "missing, and no meta title to take it from");
                    }
                    findings.add(where + ": neither its title nor its meta title survives; skipped");
                    return null;
                }
                title = withoutTagline(metaTitle);
                boolean lost = field("title").state() == NuxtField.State.HIDDEN
                        || field("title").state() == NuxtField.State.UNKNOWN;
                incomplete |= lost;
                notes.add("title taken from its meta title"
                        + (lost ? " (the payload was cut before it)" : " (the title is empty)") + ": \"" + title
                        + "\"");
            }
            String content = text("content");
            if (content == null) {
                content = "";
                lostOrNote("content", "no content; stored as empty");
            } else if (draft.fragment()) {
                notes.add("content is only the end of the answer (the payload was cut in the middle of it); kept as"
                        + " a fragment");
            }
            Optional<LocalDate> updated = Optional.ofNullable(text("updatedDate"))
                    .filter(s -> !s.isBlank())
                    .map(this::updated);
            if (updated.isEmpty()) {
                lostOrNote("updatedDate", null);
            }
            Optional<LocalDateTime> published = Optional.ofNullable(text("publication_date"))
                    .filter(s -> !s.isBlank())
                    .map(this::published);
            if (published.isEmpty()) {
                lostOrNote("publication_date", null);
            }
            Optional<Double> usefulness = usefulness();
            boolean pinned = flag("pinned");
            boolean noIndex = flag("no_index");
            boolean noFollow = flag("no_follow");
            voted();
            Optional<String> metaTitle = meta("meta_tag_title");
            Optional<String> metaDescription = meta("meta_tag_description");
            Optional<String> metaH1 = meta("meta_tag_h1");
            String canonical = canonical();
            if (!unrecovered.isEmpty()) {
                notes.add(String.join(", ", unrecovered)
                        + " not in the surviving part; flags set to false, the rest left unset");
            }
            notes.forEach(note -> findings.add(where + ": " + note));
            Bundle.QuestionLocale locale = new Bundle.QuestionLocale(
                    title,
                    content,
                    updated,
                    published,
                    metaTitle,
                    metaDescription,
                    metaH1,
                    noIndex,
                    noFollow,
                    draft.extra());
            return new Bundle.Question(
                    draft.id(),
                    site,
                    route.section(),
                    position,
                    pinned,
                    canonical,
                    Optional.empty(),
                    usefulness,
                    incomplete,
                    Map.of(route.locale(), locale),
                    Map.of());
        }

        private NuxtField field(String key) {
            return draft.fields().getOrDefault(key, NuxtField.ABSENT);
        }

        /** The string value of a field, or null if it is not a known string; fails on another type. */
        private String text(String key) {
            NuxtField field = field(key);
            if (field.state() != NuxtField.State.VALUE || field.value().isNull()) {
                return null;
            }
            if (!field.value().isTextual()) {
                throw new BundleException(
                        where + ", " + key, "expected a string, found " + DevalueParser.abbreviate(field.value()));
            }
            return field.value().textValue();
        }

        /** Notes a field whose value was lost to the cut (and marks the record incomplete), else {@code note}. */
        private void lostOrNote(String key, String note) {
            NuxtField field = field(key);
            if (field.state() == NuxtField.State.HIDDEN) {
                incomplete = true;
                notes.add(key + " stored before the cut (index " + field.index() + "); left unset");
            } else if (field.state() == NuxtField.State.UNKNOWN) {
                incomplete = true;
                unrecovered.add(key);
            } else if (note != null) {
                notes.add(note);
            }
        }

        private LocalDate updated(String text) {
            try {
                return LocalDate.parse(text.strip(), DAY_MONTH_YEAR);
            } catch (DateTimeParseException e) {
                try {
                    return LocalDate.parse(text.strip());
                } catch (DateTimeParseException e2) {
                    throw new BundleException(where + ", updatedDate", "not a dd.MM.yyyy date: \"" + text + "\"");
                }
            }
        }

        private LocalDateTime published(String text) {
            try {
                return LocalDateTime.parse(text.strip());
            } catch (DateTimeParseException e) {
                try {
                    return OffsetDateTime.parse(text.strip()).toLocalDateTime(); // a Date revived as ISO UTC
                } catch (DateTimeParseException e2) {
                    throw new BundleException(
                            where + ", publication_date", "not an ISO local date-time: \"" + text + "\"");
                }
            }
        }

        private Optional<Double> usefulness() {
            NuxtField field = field("usefulness");
            switch (field.state()) {
                case HIDDEN:
                    EnumSet<NuxtHiddenValues.Kind> domain = hidden.domain(field.index());
                    if (domain.equals(EnumSet.of(NuxtHiddenValues.Kind.NULL))) {
                        notes.add("usefulness points at index " + field.index()
                                + ", stored before the cut, which is null: no ratio; left unset");
                    } else {
                        notes.add("usefulness stored before the cut (index " + field.index() + ", "
                                + NuxtHiddenValues.describe(domain) + "); left unset");
                    }
                    return Optional.empty();
                case UNKNOWN:
                    unrecovered.add("usefulness");
                    return Optional.empty();
                case ABSENT:
                    return Optional.empty();
                default:
                    JsonNode value = field.value();
                    if (value.isNull()) {
                        return Optional.empty();
                    }
                    if (!value.isNumber()) {
                        throw new BundleException(
                                where + ", usefulness", "expected a number, found " + DevalueParser.abbreviate(value));
                    }
                    double ratio = value.doubleValue();
                    if (!(ratio >= 0 && ratio <= 1)) {
                        notes.add("usefulness " + value + " is not a ratio between 0 and 1; left unset");
                        return Optional.empty();
                    }
                    return Optional.of(ratio);
            }
        }

        private boolean flag(String key) {
            NuxtField field = field(key);
            switch (field.state()) {
                case HIDDEN:
                    Boolean value = hidden.flag(field.index());
                    if (value == null) {
                        notes.add(key + " points at index " + field.index() + ", stored before the cut, whose value"
                                + " cannot be told; set to false");
                        return false;
                    }
                    return value; // explained once per index
                case UNKNOWN:
                    unrecovered.add(key);
                    return false;
                case ABSENT:
                    return false;
                default:
                    if (field.value().isNull()) {
                        notes.add(key + " is null; treated as false");
                        return false;
                    }
                    if (!field.value().isBoolean()) {
                        throw new BundleException(
                                where + ", " + key,
                                "expected true or false, found " + DevalueParser.abbreviate(field.value()));
                    }
                    return field.value().booleanValue();
            }
        }

        private void voted() {
            NuxtField field = field("voted");
            String value = "unknown";
            if (field.state() == NuxtField.State.VALUE && field.value().isBoolean()) {
                value = String.valueOf(field.value().booleanValue());
            } else if (field.state() == NuxtField.State.VALUE && field.value().isNull()) {
                value = "false";
            } else if (field.state() == NuxtField.State.HIDDEN && hidden.flag(field.index()) != null) {
                value = String.valueOf(hidden.flag(field.index()));
            }
            voted.computeIfAbsent(value, v -> new ArrayList<>()).add(draft.id());
        }

        /** An SEO override; empty or null means "derive the default". */
        private Optional<String> meta(String key) {
            NuxtField field = field(key);
            if (field.state() == NuxtField.State.HIDDEN) {
                EnumSet<NuxtHiddenValues.Kind> domain = hidden.domain(field.index());
                notes.add(key + " points at index " + field.index() + ", stored before the cut ("
                        + (domain.equals(EnumSet.of(NuxtHiddenValues.Kind.NULL))
                                ? "null"
                                : NuxtHiddenValues.describe(domain) + ": an override or empty")
                        + "); left unset, so the default is derived");
                return Optional.empty();
            }
            if (field.state() == NuxtField.State.UNKNOWN) {
                unrecovered.add(key);
                return Optional.empty();
            }
            String text = text(key);
            return text == null || text.isEmpty() ? Optional.empty() : Optional.of(text);
        }

        private String canonical() {
            String canonical = text("canonical");
            if (canonical == null || canonical.isBlank()) {
                String own = "/" + route.section() + "/q" + draft.id();
                NuxtField field = field("canonical");
                if (field.state() == NuxtField.State.HIDDEN) {
                    incomplete = true;
                    notes.add("canonical stored before the cut (index " + field.index() + "); " + own + " assumed");
                } else {
                    notes.add("no canonical; " + own + " assumed");
                }
                return own;
            }
            Matcher path = NuxtTailRecovery.QUESTION_PATH.matcher(canonical);
            if (!path.matches()) {
                notes.add("canonical " + canonical + " does not end in q<id>; kept as given");
            } else if (Long.parseLong(path.group(1)) != draft.id()) {
                notes.add("canonical " + canonical + " names another question (" + path.group(1) + "); kept as given");
            }
            return canonical;
        }
    }

    /** Meta titles read {@code <question>\n✔ <site tagline>}: the question is the part before the tagline. */
    static String withoutTagline(String metaTitle) {
        int mark = metaTitle.lastIndexOf('✔');
        String title = mark < 0 ? metaTitle : metaTitle.substring(0, mark);
        title = title.strip();
        return title.isEmpty() ? metaTitle.strip() : title;
    }
}
