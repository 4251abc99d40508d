package kz.komek.admin.questions;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import kz.komek.bundle.Bundle;
import kz.komek.bundle.BundleException;
import kz.komek.bundle.BundleJson;
import kz.komek.catalog.CatalogUrls;

/**
 * The question editor's form, kept as the editor typed it: a refused save shows the page again with every field
 * as it was sent, so nothing typed is lost. {@link #record} turns it into a bundle record, validated as an import
 * or the API would validate it (errors name the field).
 *
 * <p>Fields: {@code place} ({@code site/section path}), {@code position}, {@code pinned}, {@code canonical}
 * (empty: the question's own page), {@code note}, and per locale {@code ru.present}, {@code ru.title},
 * {@code ru.content}, {@code ru.updated}, {@code ru.published}, {@code ru.meta_title}, {@code ru.meta_description},
 * {@code ru.meta_h1}, {@code ru.no_index}, {@code ru.no_follow}, {@code ru.phrasings} (one phrasing a line).
 */
public record QuestionForm(Map<String, String> values) {
    public static final List<String> LOCALES = List.of("ru", "kz");
    /** Whether the locale is there at all, the bundle's fields of a locale, then its phrasings (one a line). */
    static final List<String> LOCALE_FIELDS = Stream.of(
                    Stream.of("present"), BundleJson.LOCALE_FIELDS.stream(), Stream.of("phrasings"))
            .flatMap(s -> s)
            .toList();

    private static final List<String> COMMON = List.of("place", "position", "pinned", "canonical", "note");
    private static final List<String> BOOLEANS = List.of("present", "no_index", "no_follow");
    /** What a {@code datetime-local} input shows and sends. */
    static final DateTimeFormatter LOCAL_INPUT = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss");

    private static final int MAX_FIELD = 1_000_000;

    public QuestionForm {
        values = Map.copyOf(values);
    }

    /** The form of a stored record. */
    public static QuestionForm of(Bundle.Question q) {
        var v = new LinkedHashMap<String, String>();
        v.put("place", q.site() + "/" + q.section());
        v.put("position", Integer.toString(q.position()));
        v.put("pinned", q.pinned() ? "on" : "");
        v.put("canonical", q.canonical().equals(CatalogUrls.questionPath(q.section(), q.id())) ? "" : q.canonical());
        q.locales().forEach((code, t) -> {
            v.put(code + ".present", "on");
            v.put(code + ".title", t.title());
            v.put(code + ".content", t.content());
            v.put(code + ".updated", t.updated().map(Object::toString).orElse(""));
            v.put(
                    code + ".published",
                    t.published().map(p -> LOCAL_INPUT.format(p)).orElse(""));
            v.put(code + ".meta_title", t.metaTitle().orElse(""));
            v.put(code + ".meta_description", t.metaDescription().orElse(""));
            v.put(code + ".meta_h1", t.metaH1().orElse(""));
            v.put(code + ".no_index", t.noIndex() ? "on" : "");
            v.put(code + ".no_follow", t.noFollow() ? "on" : "");
            v.put(code + ".phrasings", String.join("\n", t.phrasings().texts()));
        });
        return new QuestionForm(v);
    }

    /** A new question's form, listed in {@code site}/{@code section} when given, with both locales to fill. */
    public static QuestionForm blank(Optional<String> site, Optional<String> section) {
        var v = new LinkedHashMap<String, String>();
        if (site.isPresent() && section.isPresent()) {
            v.put("place", site.get() + "/" + section.get());
        }
        v.put("position", "0");
        LOCALES.forEach(l -> v.put(l + ".present", "on"));
        return new QuestionForm(v);
    }

    /**
     * This form with a title filled in for {@code locale} (the analytics page's zero-result searches start a question
     * with what readers typed): control characters dropped, at most 200 characters; nothing for another locale or an
     * empty title. The editor still saves it.
     */
    public QuestionForm withTitle(Optional<String> locale, Optional<String> title) {
        String t = kz.komek.i18n.StorableText.withoutControls(title.orElse("")).strip();
        String l = locale.orElse("ru");
        if (t.isEmpty() || !LOCALES.contains(l)) {
            return this;
        }
        var v = new LinkedHashMap<>(values);
        v.put(l + ".title", t.length() > 200 ? t.substring(0, 200) : t);
        return new QuestionForm(v);
    }

    /** The form as the browser sent it; fields the form does not have are ignored. */
    public static QuestionForm from(Context ctx) {
        var v = new LinkedHashMap<String, String>();
        for (String name : COMMON) {
            put(v, name, ctx.formParam(name));
        }
        for (String locale : LOCALES) {
            for (String field : LOCALE_FIELDS) {
                put(v, locale + "." + field, ctx.formParam(locale + "." + field));
            }
        }
        return new QuestionForm(v);
    }

    private static void put(Map<String, String> v, String name, String value) {
        if (value != null) {
            if (value.length() > MAX_FIELD) {
                throw new BundleException("form field " + name, "is longer than " + MAX_FIELD + " characters");
            }
            v.put(name, value);
        }
    }

    public String value(String name) {
        return values.getOrDefault(name, "");
    }

    public boolean checked(String name) {
        return !value(name).isEmpty();
    }

    public Optional<String> note() {
        return Optional.of(value("note").strip()).filter(s -> !s.isEmpty());
    }

    /**
     * The bundle record of question {@code id} this form describes. What the form does not show ({@code extra}
     * fields of an import, a locale's unknown fields) is kept from {@code base}, the latest revision. A
     * publication time typed to the second keeps {@code base}'s finer time when it is the same second.
     *
     * @throws BundleException naming the field when a value is not valid
     */
    public Bundle.Question record(long id, Optional<Bundle.Question> base, BundleJson json) {
        ObjectNode node = base.map(json::questionNode).orElseGet(JsonNodeFactory.instance::objectNode);
        String where = "question " + id;
        node.put("id", id);
        node.remove("votes");
        node.remove("usefulness");
        String place = value("place").strip();
        int slash = place.indexOf('/');
        if (slash <= 0 || slash == place.length() - 1) {
            throw BundleException.field(
                    where, "section", BundleException.Kind.MISSING, "choose the section the question is listed in");
        }
        String site = place.substring(0, slash);
        String section = place.substring(slash + 1);
        node.put("site", site);
        node.put("section", section);
        try {
            node.put("position", Integer.parseInt(value("position").strip()));
        } catch (NumberFormatException e) {
            throw BundleException.field(
                    where,
                    "position",
                    BundleException.Kind.NOT_A_NUMBER,
                    "expected a whole number, found \"" + value("position") + "\"");
        }
        node.put("pinned", checked("pinned"));
        String canonical = value("canonical").strip();
        node.put("canonical", canonical.isEmpty() ? CatalogUrls.questionPath(section, id) : canonical);
        ObjectNode oldLocales = node.has("locales") && node.get("locales").isObject()
                ? (ObjectNode) node.get("locales")
                : JsonNodeFactory.instance.objectNode();
        ObjectNode locales = JsonNodeFactory.instance.objectNode();
        ObjectNode phrasings = JsonNodeFactory.instance.objectNode();
        for (String code : LOCALES) {
            if (!checked(code + ".present")) {
                continue;
            }
            ObjectNode l = oldLocales.has(code) && oldLocales.get(code).isObject()
                    ? ((ObjectNode) oldLocales.get(code)).deepCopy()
                    : JsonNodeFactory.instance.objectNode();
            l.put("title", value(code + ".title").strip());
            l.put("content", value(code + ".content"));
            text(l, "updated", value(code + ".updated"));
            // a datetime-local input leaves out zero seconds ("2026-12-01T09:00"); the bundle format writes them
            String published = value(code + ".published").strip();
            if (published.matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}")) {
                published += ":00";
            }
            String typed = published;
            Optional<LocalDateTime> kept = base.flatMap(
                            b -> Optional.ofNullable(b.locales().get(code)))
                    .flatMap(Bundle.QuestionLocale::published)
                    .filter(p -> typed.equals(LOCAL_INPUT.format(p.truncatedTo(ChronoUnit.SECONDS))));
            if (kept.isEmpty()) {
                text(l, "published", published);
            }
            text(l, "meta_title", value(code + ".meta_title"));
            text(l, "meta_description", value(code + ".meta_description"));
            text(l, "meta_h1", value(code + ".meta_h1"));
            l.put("no_index", checked(code + ".no_index"));
            l.put("no_follow", checked(code + ".no_follow"));
            locales.set(code, l);
            // one a line, each trimmed; empty lines are only spacing
            List<String> lines = value(code + ".phrasings")
                    .lines()
                    .map(String::strip)
                    .filter(line -> !line.isEmpty())
                    .toList();
            if (!lines.isEmpty()) {
                lines.forEach(phrasings.putArray(code)::add);
            }
        }
        // a locale komek does not show in the form (a third one from an import) stays as it was, phrasings too
        JsonNode oldPhrasings = node.path("phrasings");
        oldLocales.fieldNames().forEachRemaining(code -> {
            if (!LOCALES.contains(code)) {
                locales.set(code, oldLocales.get(code));
                if (oldPhrasings.has(code)) {
                    phrasings.set(code, oldPhrasings.get(code));
                }
            }
        });
        if (locales.isEmpty()) {
            throw BundleException.field(
                    where, "locales", BundleException.Kind.EMPTY, "a question needs its text in at least one language");
        }
        node.set("locales", locales);
        if (phrasings.isEmpty()) {
            node.remove("phrasings");
        } else {
            node.set("phrasings", phrasings);
        }
        return json.readQuestion(node, id);
    }

    private static void text(ObjectNode l, String field, String value) {
        String v = value.strip();
        if (v.isEmpty()) {
            l.putNull(field);
        } else {
            l.put(field, v);
        }
    }
}
