package kz.komek.bundle;

import static kz.komek.bundle.BundleFields.*;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import kz.komek.catalog.MaterialKind;
import kz.komek.catalog.MaterialText;
import kz.komek.catalog.VideoSource;

/**
 * Reads and writes the {@code materials} of a bundle (bundle-format.md, "Section kinds"): videos and documents.
 * Problems name the record and field as every bundle problem does ({@code material 9001, field locales.ru.url: …});
 * whether a material's section exists and is of its kind is the importer's to check.
 */
public final class MaterialJson {
    static final int MAX_DESCRIPTION = 10_000;
    private static final int MAX_URL = 2_000;
    private static final Pattern FORMAT = Pattern.compile("[A-Za-z0-9]{1,16}");

    private static final Set<String> MATERIAL = Set.of("id", "site", "section", "kind", "position", "locales");
    /** A material's fields in one locale, in the order the format lists them. */
    static final List<String> LOCALE_FIELDS =
            List.of("title", "url", "description", "duration", "format", "size", "updated", "published");

    private static final Set<String> TEXT = Set.copyOf(LOCALE_FIELDS);

    private final ObjectMapper mapper = new ObjectMapper();

    /** The bundle's materials, in their order; ids must be unique among them. */
    List<Bundle.Material> materials(JsonNode root) {
        var ids = new java.util.HashSet<Long>();
        return each(root, "materials", (n, at) -> {
            long id = positiveLong(n.get("id"), at, "id");
            String where = "material " + id;
            unique(ids, id, where, "id listed twice (ids are unique among materials)");
            return material(n, id, where);
        });
    }

    /**
     * Reads and validates one material record for material {@code id}: its {@code id} may be left out, but must
     * not name another material (the admin's editing shape, a revision's stored form).
     */
    public Bundle.Material read(JsonNode n, long id) {
        String where = "material " + id;
        object(n, where);
        if (n.hasNonNull("id")) {
            long given = positiveLong(n.get("id"), where, "id");
            if (given != id) {
                throw BundleException.field(
                        where, "id", BundleException.Kind.OTHER, "names material " + given + ", not " + id);
            }
        }
        return material(n, id, where);
    }

    private Bundle.Material material(JsonNode n, long id, String where) {
        String site = siteSlug(n.get("site"), where, "site");
        String section = sectionPath(n.get("section"), where, "section");
        String kindCode = BundleFields.text(n.get("kind"), where, "kind");
        MaterialKind kind = MaterialKind.parse(kindCode)
                .orElseThrow(() -> BundleException.field(
                        where,
                        "kind",
                        BundleException.Kind.OTHER,
                        "expected video or document, found \"" + kindCode + "\""));
        int position = n.hasNonNull("position") ? nonNegativeInt(n.get("position"), where, "position") : 0;
        JsonNode localesNode = n.get("locales");
        if (localesNode == null || !localesNode.isObject() || localesNode.isEmpty()) {
            throw BundleException.field(
                    where,
                    "locales",
                    BundleException.Kind.OTHER,
                    "expected an object with at least one locale (\"ru\", \"kz\")");
        }
        var texts = new LinkedHashMap<String, Bundle.MaterialLocale>();
        for (var e : localesNode.properties()) {
            String code = locale(JsonNodeFactory.instance.textNode(e.getKey()), where, "locales")
                    .code();
            texts.put(code, localeText(e.getValue(), kind, where, "locales." + code));
        }
        return new Bundle.Material(id, site, section, kind, position, texts, extra(n, MATERIAL, where, ""));
    }

    private Bundle.MaterialLocale localeText(JsonNode n, MaterialKind kind, String where, String field) {
        object(n, where + ", field " + field);
        String title = BundleFields.text(n.get("title"), where, field + ".title");
        if (title.isBlank()) {
            throw BundleException.field(where, field + ".title", BundleException.Kind.EMPTY, "is empty");
        }
        atMost(title, BundleJson.MAX_TITLE, where, field + ".title");
        String url =
                atMost(BundleFields.text(n.get("url"), where, field + ".url").strip(), MAX_URL, where, field + ".url");
        url(url, kind, where, field + ".url");
        Optional<String> description = optionalText(n.get("description"), where, field + ".description");
        description.ifPresent(d -> atMost(d, MAX_DESCRIPTION, where, field + ".description"));
        Optional<String> duration = optionalText(n.get("duration"), where, field + ".duration");
        Optional<String> format = optionalText(n.get("format"), where, field + ".format");
        Optional<Long> size = n.hasNonNull("size")
                ? Optional.of(nonNegativeLong(n.get("size"), where, field + ".size"))
                : Optional.empty();
        if (kind == MaterialKind.VIDEO) {
            onlyFor(format.isPresent(), "document", where, field + ".format");
            onlyFor(size.isPresent(), "document", where, field + ".size");
            duration.ifPresent(d -> {
                if (MaterialText.parseDuration(d).isEmpty()) {
                    throw BundleException.field(
                            where,
                            field + ".duration",
                            BundleException.Kind.OTHER,
                            "expected an ISO 8601 duration such as PT2M31S, found \"" + d + "\"");
                }
            });
        } else {
            onlyFor(duration.isPresent(), "video", where, field + ".duration");
            format.ifPresent(f -> {
                if (!FORMAT.matcher(f).matches()) {
                    throw BundleException.field(
                            where,
                            field + ".format",
                            BundleException.Kind.OTHER,
                            "expected a file format such as pdf or docx (1 to 16 letters and digits), found \"" + f
                                    + "\"");
                }
            });
        }
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
                value -> LocalDateTime.parse(value, BundleJson.PUBLISHED),
                BundleException.Kind.NOT_A_DATE_TIME,
                "not an ISO local date-time (yyyy-MM-ddTHH:mm:ss[.ffffff])");
        return new Bundle.MaterialLocale(
                title,
                url,
                description,
                duration,
                format,
                size,
                updated,
                published,
                extra(n, TEXT, where, field + "."));
    }

    /**
     * A link readers' browsers follow or play: https only (a page served over https must not load or send readers to
     * plain http), and for a video one that a page can play.
     */
    private static void url(String url, MaterialKind kind, String where, String field) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw BundleException.field(where, field, BundleException.Kind.OTHER, "not a link: \"" + url + "\"");
        }
        if (!"https".equals(uri.getScheme()) || uri.getHost() == null || uri.getRawUserInfo() != null) {
            throw BundleException.field(
                    where,
                    field,
                    BundleException.Kind.OTHER,
                    "expected an https link (https://…), found \""
                            + (url.length() > 120 ? url.substring(0, 120) + "…" : url) + "\"");
        }
        if (kind == MaterialKind.VIDEO) {
            VideoSource.problem(url).ifPresent(problem -> {
                throw BundleException.field(where, field, BundleException.Kind.OTHER, problem);
            });
        }
    }

    private static void onlyFor(boolean present, String kind, String where, String field) {
        if (present) {
            // the kind it is for travels as the argument, for pages that say it in their own words
            throw BundleException.field(
                    where, field, BundleException.Kind.OTHER, "is for " + kind + "s only; leave it out here", kind);
        }
    }

    /** One material as a bundle lists it: fields in the format's order, absent ones left out. */
    public ObjectNode node(Bundle.Material m) {
        ObjectNode o = mapper.createObjectNode();
        o.put("id", m.id());
        o.put("site", m.site());
        o.put("section", m.section());
        o.put("kind", m.kind().code());
        o.put("position", m.position());
        ObjectNode texts = o.putObject("locales");
        m.locales().forEach((code, t) -> {
            ObjectNode l = texts.putObject(code);
            l.put("title", t.title());
            l.put("url", t.url());
            t.description().ifPresent(d -> l.put("description", d));
            t.duration().ifPresent(d -> l.put("duration", d));
            t.format().ifPresent(f -> l.put("format", f));
            t.size().ifPresent(s -> l.put("size", s));
            t.updated().ifPresent(d -> l.put("updated", d.toString()));
            // as short as it reads back: seconds always, a fraction only when there is one
            t.published().ifPresent(p -> l.put("published", BundleJson.PUBLISHED.format(p)));
            t.extra().forEach(l::set);
        });
        m.extra().forEach(o::set);
        return o;
    }
}
