package kz.komek.admin.audit;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import kz.komek.admin.AdminText;
import kz.komek.admin.Role;
import kz.komek.i18n.Locale;

/**
 * What an audit row stores as codes (its object's type, the keys and values of its before/after summaries), in the
 * reader's language. The rows stay as written (the API and scripts read them); a code komek does not know is shown
 * as stored, marked as code.
 */
final class AuditWords {
    /** The object types komek writes, in the filter's order. */
    static final Map<String, AdminText> OBJECTS = objects();

    private static final Map<String, AdminText> FIELDS = Map.ofEntries(
            Map.entry("revision", AdminText.AUDIT_REVISION),
            Map.entry("status", AdminText.AUDIT_STATUS),
            Map.entry("published_revision", AdminText.AUDIT_PUBLISHED_REVISION),
            Map.entry("section", AdminText.AUDIT_SECTION),
            Map.entry("title", AdminText.AUDIT_TITLE_FIELD),
            Map.entry("published", AdminText.AUDIT_PUBLISHED),
            Map.entry("phrasings", AdminText.AUDIT_PHRASINGS),
            Map.entry("copy_of", AdminText.AUDIT_COPY_OF),
            Map.entry("restored_from", AdminText.AUDIT_RESTORED_FROM),
            Map.entry("site", AdminText.AUDIT_SITE),
            Map.entry("path", AdminText.AUDIT_PATH),
            Map.entry("position", AdminText.AUDIT_POSITION),
            Map.entry("titles", AdminText.AUDIT_TITLES),
            Map.entry("from", AdminText.AUDIT_FROM_PATH),
            Map.entry("questions_moved", AdminText.AUDIT_QUESTIONS_MOVED),
            Map.entry("revisions_added", AdminText.AUDIT_REVISIONS_ADDED),
            Map.entry("sections_removed", AdminText.AUDIT_SECTIONS_REMOVED),
            Map.entry("order", AdminText.AUDIT_ORDER),
            Map.entry("role", AdminText.AUDIT_ROLE),
            Map.entry("disabled", AdminText.AUDIT_DISABLED),
            Map.entry("user", AdminText.AUDIT_USER),
            Map.entry("label", AdminText.AUDIT_LABEL),
            Map.entry("address", AdminText.AUDIT_ADDRESS),
            Map.entry("question", AdminText.AUDIT_QUESTION),
            Map.entry("locale", AdminText.AUDIT_LANGUAGE),
            Map.entry("phrase", AdminText.AUDIT_PHRASE),
            Map.entry("ru", AdminText.Q_IN_RUSSIAN),
            Map.entry("kz", AdminText.Q_IN_KAZAKH),
            Map.entry("file", AdminText.AUDIT_FILE),
            Map.entry("notes", AdminText.AUDIT_NOTES),
            Map.entry("votes", AdminText.AUDIT_VOTES),
            Map.entry("votes_changed", AdminText.AUDIT_VOTES_CHANGED));

    /** An import's counts: {@code sections_updated}. */
    private static final Map<String, AdminText> KINDS = Map.of(
            "sites", AdminText.TRANSFER_SITES,
            "sections", AdminText.TRANSFER_SECTIONS,
            "questions", AdminText.TRANSFER_QUESTIONS);

    private static final Map<String, AdminText> COUNTS = Map.of(
            "created", AdminText.TRANSFER_NEW,
            "updated", AdminText.TRANSFER_UPDATED,
            "unchanged", AdminText.TRANSFER_UNCHANGED);

    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm:ss");

    /** An import's id is its file's SHA-256: its first characters tell it apart. */
    private static final int SHORT_ID = 12;

    private AuditWords() {}

    private static Map<String, AdminText> objects() {
        var m = new java.util.LinkedHashMap<String, AdminText>();
        m.put("question", AdminText.OBJECT_QUESTION);
        m.put("section", AdminText.OBJECT_SECTION);
        m.put("user", AdminText.OBJECT_USER);
        m.put("token", AdminText.OBJECT_TOKEN);
        m.put("session", AdminText.OBJECT_SESSION);
        m.put("bundle", AdminText.OBJECT_BUNDLE);
        m.put("word_pair", AdminText.OBJECT_WORD_PAIR);
        return java.util.Collections.unmodifiableMap(m);
    }

    /** {@code вопрос 456}; an import by the start of its file's hash. */
    static String object(String type, String id, Locale locale) {
        AdminText t = OBJECTS.get(type);
        String shown = type.equals("bundle") && id.length() > SHORT_ID ? id.substring(0, SHORT_ID) + "…" : id;
        return (t == null ? type : t.in(locale)) + " " + shown;
    }

    /** A summary's key in words; empty for one komek does not know. */
    static Optional<String> field(String key, Locale locale) {
        AdminText t = FIELDS.get(key);
        if (t != null) {
            return Optional.of(t.in(locale));
        }
        int underscore = key.lastIndexOf('_');
        if (underscore > 0
                && KINDS.containsKey(key.substring(0, underscore))
                && COUNTS.containsKey(key.substring(underscore + 1))) {
            return Optional.of(AdminText.AUDIT_COUNT.format(
                    locale,
                    KINDS.get(key.substring(0, underscore)).in(locale).toLowerCase(java.util.Locale.ROOT),
                    COUNTS.get(key.substring(underscore + 1)).in(locale).toLowerCase(java.util.Locale.ROOT)));
        }
        return Optional.empty();
    }

    /** A summary's value for people: statuses, roles, yes and no, languages, dates, lists and titles. */
    static String value(String key, JsonNode n, Locale locale) {
        if (n == null || n.isNull()) {
            return "—";
        }
        if (n.isBoolean()) {
            return (n.booleanValue() ? AdminText.VALUE_YES : AdminText.VALUE_NO).in(locale);
        }
        if (n.isArray()) {
            var items = new ArrayList<String>();
            n.forEach(e -> items.add(value("", e, locale)));
            return String.join(", ", items);
        }
        if (n.isObject()) {
            // titles {"ru": …, "kz": …} and phrasings {"ru": 2}: per language
            List<String> parts = new ArrayList<>();
            n.properties()
                    .forEach(e -> parts.add(field(e.getKey(), locale).orElse(e.getKey()) + ": "
                            + value(e.getKey(), e.getValue(), locale)));
            return parts.isEmpty() ? "—" : String.join("; ", parts);
        }
        String text = n.asText();
        return switch (key) {
            case "status" -> status(text).map(t -> t.in(locale)).orElse(text);
            case "role" -> Role.parse(text).map(r -> AdminText.role(r, locale)).orElse(text);
            case "votes" -> votes(text).map(t -> t.in(locale)).orElse(text);
            case "locale" ->
                Locale.parse(text)
                        .map(l -> (l == Locale.KZ ? AdminText.WORDS_KZ : AdminText.WORDS_RU).in(locale))
                        .orElse(text);
            case "published" -> dateTime(text);
            default -> text;
        };
    }

    private static Optional<AdminText> status(String code) {
        return Optional.ofNullable(
                switch (code) {
                    case "draft" -> AdminText.Q_STATUS_DRAFT;
                    case "published" -> AdminText.Q_STATUS_PUBLISHED;
                    case "scheduled" -> AdminText.Q_STATUS_SCHEDULED;
                    case "deleted" -> AdminText.Q_STATUS_DELETED;
                    default -> null;
                });
    }

    private static Optional<AdminText> votes(String code) {
        return Optional.ofNullable(
                switch (code) {
                    case "keep" -> AdminText.VOTES_KEEP;
                    case "replace" -> AdminText.VOTES_REPLACE;
                    case "add" -> AdminText.VOTES_ADD;
                    default -> null;
                });
    }

    private static String dateTime(String iso) {
        try {
            return SHOWN.format(LocalDateTime.parse(iso));
        } catch (DateTimeParseException e) {
            return iso;
        }
    }
}
