package kz.komek.bundle.nuxt;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.stream.Collectors;
import kz.komek.bundle.Bundle;
import kz.komek.bundle.BundleException;
import kz.komek.bundle.BundleJson;
import kz.komek.catalog.CatalogUrls;
import kz.komek.i18n.Excerpt;

/**
 * A payload's questions, as read, mapped to a {@link Bundle}: each field checked and converted, every value that
 * could not be taken as given noted, and the notes that apply to the whole page put first.
 */
final class NuxtMapping {
    static final String DEFAULT_LOCALE = "ru";
    private static final DateTimeFormatter DAY_MONTH_YEAR =
            DateTimeFormatter.ofPattern("dd.MM.uuuu").withResolverStyle(ResolverStyle.STRICT);

    private NuxtMapping() {}

    /** A question as read from the payload, before its fields are checked and converted. */
    record Draft(long id, Map<String, NuxtField> fields, Map<String, JsonNode> extra, boolean tail, boolean fragment) {}

    /** The page's questions as a bundle of its route's site, section and locale, with every finding. */
    static NuxtImport assemble(
            String site,
            NuxtRoute route,
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
        private final NuxtRoute route;
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
                NuxtRoute route,
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
                String own = CatalogUrls.questionPath(route.section(), draft.id());
                NuxtField field = field("canonical");
                if (field.state() == NuxtField.State.HIDDEN) {
                    incomplete = true;
                    notes.add("canonical stored before the cut (index " + field.index() + "); " + own + " assumed");
                } else {
                    notes.add("no canonical; " + own + " assumed");
                }
                return own;
            }
            if (!BundleJson.isCanonical(canonical)) {
                // The import stores what this reader gives without the bundle reader's checks, and a bundle refuses
                // such a canonical: kept, it would make an export that cannot be imported again (found by fuzzing).
                String own = CatalogUrls.questionPath(route.section(), draft.id());
                notes.add("canonical \"" + Excerpt.of(canonical, 80) + "\" is not a path inside the site ending in"
                        + " q<id>; " + own + " assumed");
                return own;
            }
            Matcher path = NuxtTailRecovery.QUESTION_PATH.matcher(canonical);
            if (!path.matches() || Long.parseLong(path.group(1)) != draft.id()) {
                notes.add("canonical " + canonical + " names another question"
                        + (path.matches() ? " (" + path.group(1) + ")" : "") + "; kept as given");
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
