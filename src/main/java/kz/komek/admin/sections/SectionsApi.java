package kz.komek.admin.sections;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import kz.komek.admin.Actor;
import kz.komek.admin.AdminAccess;
import kz.komek.admin.Principal;
import kz.komek.admin.Role;
import kz.komek.admin.questions.EditedQuestion;
import kz.komek.http.BadRequestException;
import kz.komek.http.NotFoundException;

/**
 * The editors' JSON API for the help center's structure ({@code /api/v1/admin/sections…}) and for placing
 * questions in it ({@code /api/v1/admin/questions/{id}/place}, {@code …/crosslist}); described in
 * {@code src/main/resources/openapi.json}. Sections are named by their numeric id, so paths with slashes never
 * appear in a URL.
 */
public final class SectionsApi {
    private final SectionEditor sections;
    private final Placement placement;
    private final AdminAccess access;
    private final ObjectMapper mapper = new ObjectMapper();
    private final JsonNodeFactory nodes = JsonNodeFactory.instance;

    public SectionsApi(SectionEditor sections, Placement placement, AdminAccess access) {
        this.sections = sections;
        this.placement = placement;
        this.access = access;
    }

    /** {@code GET /api/v1/admin/sections}: every site's tree with titles, positions and question counts. */
    public void tree(Context ctx) {
        Principal who = access.require(ctx, Role.VIEWER);
        ObjectNode out = nodes.objectNode();
        ArrayNode sites = out.putArray("sites");
        for (SectionEditor.SiteTree t : sections.tree(who)) {
            ObjectNode site = sites.addObject();
            site.put("site", t.site());
            ObjectNode titles = site.putObject("titles");
            t.titles().forEach(titles::put);
            ArrayNode list = site.putArray("sections");
            t.sections().forEach(n -> list.add(node(n)));
        }
        ctx.json(out);
    }

    /** {@code POST /api/v1/admin/sections} {@code {"site", "path", "titles": {"ru", "kz"}, "position"?}}. */
    public void create(Context ctx) {
        Principal who = access.require(ctx, Role.PUBLISHER);
        JsonNode body = body(ctx, "section", Set.of("site", "path", "titles", "position"));
        SectionEditor.Node created = sections.create(
                text(body, "site", "section"),
                text(body, "path", "section"),
                titles(body, "section", true),
                optionalInt(body, "position", "section"),
                actor(ctx, who));
        ctx.status(201).json(node(created));
    }

    /** {@code GET /api/v1/admin/sections/{id}}: the section and its questions (live and drafts). */
    public void section(Context ctx) {
        Principal who = access.require(ctx, Role.VIEWER);
        long id = id(ctx, "section id");
        SectionEditor.Detail d =
                sections.detail(id, who).orElseThrow(() -> new NotFoundException("there is no section " + id));
        ObjectNode out = node(d.section());
        ArrayNode list = out.putArray("question_list");
        for (SectionStore.Listed q : d.questions()) {
            ObjectNode o = list.addObject();
            o.put("id", q.id());
            o.put("position", q.position());
            o.put("pinned", q.pinned());
            o.put("live", q.live());
            o.put("draft_pending", q.draftPending());
            o.put("canonical", q.canonical());
            ObjectNode titles = o.putObject("titles");
            q.titles().forEach(titles::put);
        }
        ctx.json(out);
    }

    /** {@code PATCH /api/v1/admin/sections/{id}} {@code {"titles": {"ru": "…", "kz": ""}}} (empty removes). */
    public void retitle(Context ctx) {
        Principal who = access.require(ctx, Role.PUBLISHER);
        long id = id(ctx, "section id");
        JsonNode body = body(ctx, "section " + id, Set.of("titles"));
        ctx.json(node(sections.retitle(id, titles(body, "section " + id, true), actor(ctx, who))));
    }

    /** {@code DELETE /api/v1/admin/sections/{id}}: 204, or 409 naming how many questions keep it. */
    public void delete(Context ctx) {
        Principal who = access.require(ctx, Role.PUBLISHER);
        sections.delete(id(ctx, "section id"), actor(ctx, who));
        ctx.status(204);
    }

    /** {@code POST /api/v1/admin/sections/{id}/move} {@code {"path": "bonus/new"}}. */
    public void move(Context ctx) {
        Principal who = access.require(ctx, Role.PUBLISHER);
        long id = id(ctx, "section id");
        JsonNode body = body(ctx, "move", Set.of("path"));
        ctx.json(node(sections.move(id, text(body, "path", "move"), actor(ctx, who))));
    }

    /** {@code POST /api/v1/admin/sections/order} {@code {"site", "parent": "bonus" | null, "ids": [3, 1, 2]}}. */
    public void order(Context ctx) {
        Principal who = access.require(ctx, Role.PUBLISHER);
        JsonNode body = body(ctx, "order", Set.of("site", "parent", "ids"));
        String site = text(body, "site", "order");
        Optional<String> parent = Optional.ofNullable(body.get("parent"))
                .filter(p -> !p.isNull())
                .map(p -> {
                    if (!p.isTextual()) {
                        throw new BadRequestException("order, field parent: expected a section path or null");
                    }
                    return p.asText();
                });
        JsonNode ids = body.get("ids");
        if (ids == null || !ids.isArray()) {
            throw new BadRequestException("order, field ids: expected an array of section ids");
        }
        var list = new ArrayList<Long>();
        for (JsonNode i : ids) {
            if (!i.canConvertToLong() || !i.isIntegralNumber()) {
                throw new BadRequestException("order, field ids: expected section ids (numbers), got " + i);
            }
            list.add(i.asLong());
        }
        ObjectNode out = nodes.objectNode();
        ArrayNode arr = out.putArray("sections");
        sections.reorder(site, parent, list, actor(ctx, who)).forEach(n -> arr.add(node(n)));
        ctx.json(out);
    }

    /**
     * {@code POST /api/v1/admin/questions/{id}/place} {@code {"site"?, "section"?, "position"?, "pinned"?}}: a new
     * revision; published at once for a publisher when nothing else was pending, else a draft.
     */
    public void place(Context ctx) {
        Principal who = access.require(ctx, Role.EDITOR);
        long id = id(ctx, "question id");
        String what = "question " + id;
        JsonNode body = body(ctx, what, Set.of("site", "section", "position", "pinned"));
        Optional<Boolean> pinned = Optional.ofNullable(body.get("pinned"))
                .filter(p -> !p.isNull())
                .map(p -> {
                    if (!p.isBoolean()) {
                        throw new BadRequestException(what + ", field pinned: expected true or false");
                    }
                    return p.asBoolean();
                });
        EditedQuestion q = placement.place(
                id,
                optionalText(body, "site", what),
                optionalText(body, "section", what),
                optionalInt(body, "position", what),
                pinned,
                actor(ctx, who));
        ObjectNode out = nodes.objectNode();
        out.put("id", q.record().id());
        out.put("site", q.record().site());
        out.put("section", q.record().section());
        out.put("position", q.record().position());
        out.put("pinned", q.record().pinned());
        out.put("status", q.status().code());
        out.put("revision", q.revision());
        if (q.publishedRevision().isPresent()) {
            out.put("published_revision", q.publishedRevision().get());
        } else {
            out.putNull("published_revision");
        }
        ctx.json(out);
    }

    /** {@code POST /api/v1/admin/questions/{id}/crosslist} {@code {"site", "section"}}: 201 {@code {"id"}}. */
    public void crossList(Context ctx) {
        Principal who = access.require(ctx, Role.EDITOR);
        long id = id(ctx, "question id");
        String what = "cross-listing of question " + id;
        JsonNode body = body(ctx, what, Set.of("site", "section"));
        long copy = placement.crossList(id, text(body, "site", what), text(body, "section", what), actor(ctx, who));
        ObjectNode out = nodes.objectNode();
        out.put("id", copy);
        out.put("copy_of", id);
        ctx.status(201).json(out);
    }

    // --- JSON ---

    ObjectNode node(SectionEditor.Node n) {
        ObjectNode o = nodes.objectNode();
        o.put("id", n.id());
        o.put("site", n.site());
        o.put("path", n.path());
        o.put("parent", n.parentPath().orElse(null));
        o.put("depth", n.depth());
        o.put("position", n.position());
        o.put("kind", n.kind());
        ObjectNode titles = o.putObject("titles");
        n.titles().forEach(titles::put);
        // what it lists: questions, or videos or documents in a section of that kind
        ObjectNode counts = o.putObject("questions");
        counts.put("live", n.live());
        counts.put("drafts", n.drafts());
        return o;
    }

    private JsonNode body(Context ctx, String what, Set<String> known) {
        JsonNode body;
        try {
            body = mapper.readTree(ctx.body().isBlank() ? "{}" : ctx.body());
        } catch (java.io.IOException e) {
            throw new BadRequestException(what + ": the body is not JSON");
        }
        if (body == null || !body.isObject()) {
            throw new BadRequestException(what + ": expected a JSON object");
        }
        body.fieldNames().forEachRemaining(name -> {
            if (!known.contains(name)) {
                throw new BadRequestException(what + ": unknown field \"" + name + "\" (known: "
                        + known.stream().sorted().toList() + ")");
            }
        });
        return body;
    }

    private static String text(JsonNode body, String field, String what) {
        return optionalText(body, field, what)
                .orElseThrow(() -> new BadRequestException(what + ", field " + field + ": is missing"));
    }

    private static Optional<String> optionalText(JsonNode body, String field, String what) {
        JsonNode n = body.get(field);
        if (n == null || n.isNull()) {
            return Optional.empty();
        }
        if (!n.isTextual() || n.asText().isBlank()) {
            throw new BadRequestException(what + ", field " + field + ": expected non-empty text");
        }
        return Optional.of(n.asText());
    }

    private static Optional<Integer> optionalInt(JsonNode body, String field, String what) {
        JsonNode n = body.get(field);
        if (n == null || n.isNull()) {
            return Optional.empty();
        }
        if (!n.isIntegralNumber() || !n.canConvertToInt()) {
            throw new BadRequestException(what + ", field " + field + ": expected a whole number");
        }
        return Optional.of(n.asInt());
    }

    private static Map<String, String> titles(JsonNode body, String what, boolean required) {
        JsonNode t = body.get("titles");
        if (t == null || t.isNull()) {
            if (required) {
                throw new BadRequestException(what + ", field titles: is missing (an object {\"ru\": …, \"kz\": …})");
            }
            return Map.of();
        }
        if (!t.isObject()) {
            throw new BadRequestException(what + ", field titles: expected an object {\"ru\": …, \"kz\": …}");
        }
        var out = new LinkedHashMap<String, String>();
        t.properties().forEach(e -> {
            JsonNode v = e.getValue();
            if (!v.isNull() && !v.isTextual()) {
                throw new BadRequestException(what + ", field titles." + e.getKey() + ": expected text or null");
            }
            out.put(e.getKey(), v.isNull() ? "" : v.asText());
        });
        return out;
    }

    private static Actor actor(Context ctx, Principal who) {
        return Actor.of(who, ctx.header("X-Request-Id"));
    }

    static long id(Context ctx, String what) {
        String s = ctx.pathParam("id");
        try {
            long n = Long.parseLong(s);
            if (n > 0) {
                return n;
            }
        } catch (NumberFormatException e) {
            // below
        }
        throw new BadRequestException(what + ": expected a positive number, was \"" + s + "\"");
    }
}
