package kz.komek.admin.materials;

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
import kz.komek.bundle.Bundle;
import kz.komek.bundle.BundleException;
import kz.komek.bundle.MaterialJson;
import kz.komek.catalog.MaterialKind;

/**
 * The material editor's form, kept as the editor typed it (a refused save shows it again as it was), and turned
 * into a bundle record checked as an import checks one ({@link #record}).
 *
 * <p>Fields: {@code place} ({@code site/section path} of a videos or documents section, whose kind is the
 * material's), {@code position}, {@code note}, and per locale {@code ru.present}, {@code ru.title}, {@code ru.url},
 * {@code ru.description}, {@code ru.duration}, {@code ru.format}, {@code ru.size}, {@code ru.updated},
 * {@code ru.published}.
 */
public record MaterialForm(Map<String, String> values) {
    public static final List<String> LOCALES = List.of("ru", "kz");
    /** A locale's fields, in the order the form shows them. */
    public static final List<String> LOCALE_FIELDS =
            List.of("present", "title", "url", "description", "duration", "format", "size", "updated", "published");

    private static final List<String> COMMON = List.of("place", "position", "note");
    /** What a {@code datetime-local} input shows and sends. */
    static final DateTimeFormatter LOCAL_INPUT = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss");

    private static final int MAX_FIELD = 20_000;

    public MaterialForm {
        values = Map.copyOf(values);
    }

    /** The form of a stored record. */
    public static MaterialForm of(Bundle.Material m) {
        var v = new LinkedHashMap<String, String>();
        v.put("place", m.site() + "/" + m.section());
        v.put("position", Integer.toString(m.position()));
        m.locales().forEach((code, t) -> {
            v.put(code + ".present", "on");
            v.put(code + ".title", t.title());
            v.put(code + ".url", t.url());
            v.put(code + ".description", t.description().orElse(""));
            v.put(code + ".duration", t.duration().orElse(""));
            v.put(code + ".format", t.format().orElse(""));
            v.put(code + ".size", t.size().map(Object::toString).orElse(""));
            v.put(code + ".updated", t.updated().map(Object::toString).orElse(""));
            v.put(code + ".published", t.published().map(LOCAL_INPUT::format).orElse(""));
        });
        return new MaterialForm(v);
    }

    /** A new material's form, in {@code site}/{@code section} when given, with both locales to fill. */
    public static MaterialForm blank(Optional<String> site, Optional<String> section) {
        var v = new LinkedHashMap<String, String>();
        if (site.isPresent() && section.isPresent()) {
            v.put("place", site.get() + "/" + section.get());
        }
        v.put("position", "0");
        LOCALES.forEach(l -> v.put(l + ".present", "on"));
        return new MaterialForm(v);
    }

    /** The form as the browser sent it; fields the form does not have are ignored. */
    public static MaterialForm from(Context ctx) {
        var v = new LinkedHashMap<String, String>();
        for (String name : COMMON) {
            put(v, name, ctx.formParam(name));
        }
        for (String locale : LOCALES) {
            for (String field : LOCALE_FIELDS) {
                put(v, locale + "." + field, ctx.formParam(locale + "." + field));
            }
        }
        return new MaterialForm(v);
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
     * The bundle record of material {@code id} this form describes; its kind is the one {@code kindOf} gives the
     * chosen section (a videos section lists videos). What the form does not show (unknown fields of an import, a
     * third locale) is kept from {@code base}, the latest revision; a publication time typed to the second keeps
     * {@code base}'s finer time when it is the same second.
     *
     * @throws BundleException naming the field when a value is not valid
     */
    public Bundle.Material record(
            long id,
            Optional<Bundle.Material> base,
            java.util.function.Function<String, Optional<MaterialKind>> kindOf,
            MaterialJson json) {
        ObjectNode node = base.map(json::node).orElseGet(JsonNodeFactory.instance::objectNode);
        String where = "material " + id;
        node.put("id", id);
        String place = value("place").strip();
        int slash = place.indexOf('/');
        Optional<MaterialKind> kind = kindOf.apply(place);
        if (slash <= 0 || slash == place.length() - 1 || kind.isEmpty()) {
            throw BundleException.field(
                    where, "section", BundleException.Kind.MISSING, "choose a videos or documents section");
        }
        node.put("site", place.substring(0, slash));
        node.put("section", place.substring(slash + 1));
        node.put("kind", kind.get().code());
        try {
            node.put("position", Integer.parseInt(value("position").strip()));
        } catch (NumberFormatException e) {
            throw BundleException.field(
                    where,
                    "position",
                    BundleException.Kind.NOT_A_NUMBER,
                    "expected a whole number, found \"" + value("position") + "\"");
        }
        ObjectNode oldLocales = node.path("locales").isObject()
                ? (ObjectNode) node.get("locales")
                : JsonNodeFactory.instance.objectNode();
        ObjectNode locales = JsonNodeFactory.instance.objectNode();
        for (String code : LOCALES) {
            if (!checked(code + ".present")) {
                continue;
            }
            ObjectNode l = oldLocales.path(code).isObject()
                    ? ((ObjectNode) oldLocales.get(code)).deepCopy()
                    : JsonNodeFactory.instance.objectNode();
            l.put("title", value(code + ".title").strip());
            l.put("url", value(code + ".url").strip());
            text(l, "description", value(code + ".description"));
            text(l, "duration", value(code + ".duration"));
            text(l, "format", value(code + ".format"));
            String size = value(code + ".size").strip();
            if (size.isEmpty()) {
                l.remove("size");
            } else if (size.matches("-?[0-9]{1,18}")) {
                l.put("size", Long.parseLong(size));
            } else {
                l.put("size", size); // refused by the record's check, naming the field
            }
            text(l, "updated", value(code + ".updated"));
            // a datetime-local input leaves out zero seconds ("2026-12-01T09:00"); the bundle format writes them
            String published = value(code + ".published").strip();
            if (published.matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}")) {
                published += ":00";
            }
            String typed = published;
            Optional<LocalDateTime> kept = base.flatMap(
                            b -> Optional.ofNullable(b.locales().get(code)))
                    .flatMap(Bundle.MaterialLocale::published)
                    .filter(p -> typed.equals(LOCAL_INPUT.format(p.truncatedTo(ChronoUnit.SECONDS))));
            if (kept.isEmpty()) {
                text(l, "published", published);
            }
            locales.set(code, l);
        }
        // a locale komek does not show in the form (a third one from an import) stays as it was
        oldLocales.fieldNames().forEachRemaining(code -> {
            if (!LOCALES.contains(code)) {
                locales.set(code, oldLocales.get(code));
            }
        });
        if (locales.isEmpty()) {
            throw BundleException.field(
                    where, "locales", BundleException.Kind.EMPTY, "a material needs its text in at least one language");
        }
        node.set("locales", locales);
        return json.read(node, id);
    }

    /** An optional text field: left out when empty, as a bundle leaves it out. */
    private static void text(ObjectNode l, String field, String value) {
        String v = value.strip();
        if (v.isEmpty()) {
            l.remove(field);
        } else {
            l.put(field, v);
        }
    }
}
