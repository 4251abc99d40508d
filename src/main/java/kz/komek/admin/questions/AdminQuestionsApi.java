package kz.komek.admin.questions;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import kz.komek.admin.Actor;
import kz.komek.admin.AdminAccess;
import kz.komek.admin.Principal;
import kz.komek.admin.Role;
import kz.komek.admin.audit.AuditLog;
import kz.komek.bundle.BundleJson;
import kz.komek.http.BadFieldException;
import kz.komek.http.BadRequestException;

/**
 * The editors' JSON API for questions ({@code /api/v1/admin/questions/…}) and the audit log
 * ({@code /api/v1/admin/audit}); described in {@code src/main/resources/openapi.json}. Bodies are bundle records
 * (bundle-format.md) plus {@code status}, {@code revision} and {@code published_revision}.
 */
public final class AdminQuestionsApi {
    private final AdminAccess access;
    /** Fields of a question the API reports and a client may send back unchanged; a PUT ignores them. */
    private static final Set<String> REPORTED = Set.of("status", "revision", "published_revision", "findings");

    private static final int MAX_NOTE = 1_000;

    private final QuestionEditor editor;
    private final AuditLog audit;
    private final BundleJson json = new BundleJson();
    private final JsonNodeFactory nodes = JsonNodeFactory.instance;

    public AdminQuestionsApi(QuestionEditor editor, AuditLog audit, AdminAccess access) {
        this.access = access;
        this.editor = editor;
        this.audit = audit;
    }

    /** {@code GET /api/v1/admin/questions/{id}}: the latest revision with its status. */
    public void question(Context ctx) {
        Principal who = principal(ctx, Role.VIEWER);
        long id = id(ctx);
        EditedQuestion q = editor.existing(id, who);
        // the revision, for a PUT that must not land on top of someone else's (If-Match)
        ctx.header("ETag", "\"" + q.revision() + "\"");
        ctx.json(body(q));
    }

    /** {@code PUT /api/v1/admin/questions/{id}}: saves the record as a new draft revision, plus an optional note. */
    public void saveDraft(Context ctx) {
        Principal who = principal(ctx, Role.EDITOR);
        long id = id(ctx);
        JsonNode tree = json.tree(ctx.body(), "question " + id);
        if (!tree.isObject()) {
            throw new BadRequestException("question " + id + ": expected a JSON object (a bundle question record)");
        }
        ObjectNode record = ((ObjectNode) tree).deepCopy();
        REPORTED.forEach(record::remove);
        Optional<String> note = Optional.ofNullable(record.remove("note"))
                .filter(n -> !n.isNull())
                .map(n -> {
                    if (!n.isTextual() || n.asText().length() > MAX_NOTE) {
                        throw new BadRequestException("question " + id + ", field note: expected text of at most "
                                + MAX_NOTE + " characters");
                    }
                    return n.asText();
                })
                .filter(n -> !n.isBlank());
        SavedDraft saved = editor.save(
                id, json.readQuestion(record, id), ifMatch(ctx), SaveAction.NEW_REVISION, note, actor(ctx, who));
        ObjectNode out = body(saved.question());
        ArrayNode findings = out.putArray("findings");
        saved.findings()
                .forEach(f -> findings.addObject()
                        .put("locale", f.locale())
                        .put("kind", f.kind())
                        .put("detail", f.detail()));
        ctx.json(out);
    }

    /** {@code POST …/publish}, body empty or {@code {"at": "2025-09-01T09:00:00"}} (local time of the help center). */
    public void publish(Context ctx) {
        Principal who = principal(ctx, Role.PUBLISHER);
        long id = id(ctx);
        Optional<LocalDateTime> at = Optional.empty();
        if (!ctx.body().isBlank()) {
            JsonNode body = json.tree(ctx.body(), "publish");
            if (!body.isObject()) {
                throw new BadRequestException(
                        "publish: expected a JSON object such as {\"at\": \"2025-09-01T09:00:00\"}");
            }
            body.fieldNames().forEachRemaining(name -> {
                if (!name.equals("at")) {
                    throw new BadRequestException("publish: unknown field \"" + name + "\" (only \"at\")");
                }
            });
            JsonNode given = body.get("at");
            if (given != null && !given.isNull()) {
                at = Optional.of(localDateTime(given, "publish, field at"));
            }
        }
        ctx.json(body(editor.publish(id, at, actor(ctx, who))));
    }

    /** {@code POST …/unpublish}. */
    public void unpublish(Context ctx) {
        Principal who = principal(ctx, Role.PUBLISHER);
        ctx.json(body(editor.unpublish(id(ctx), actor(ctx, who))));
    }

    /** {@code DELETE /api/v1/admin/questions/{id}}. */
    public void delete(Context ctx) {
        Principal who = principal(ctx, Role.PUBLISHER);
        ctx.json(body(editor.delete(id(ctx), actor(ctx, who))));
    }

    /** {@code GET …/revisions}: newest first. */
    public void revisions(Context ctx) {
        Principal who = principal(ctx, Role.VIEWER);
        long id = id(ctx);
        ObjectNode out = nodes.objectNode();
        out.put("id", id);
        ArrayNode list = out.putArray("revisions");
        for (RevisionInfo r : editor.revisions(id, who)) {
            ObjectNode o = list.addObject();
            o.put("revision", r.revision());
            ObjectNode author = o.putObject("author");
            r.authorId().ifPresentOrElse(a -> author.put("id", a), () -> author.putNull("id"));
            author.put("name", r.authorName());
            o.put("created_at", r.createdAt().toString());
            o.put("note", r.note().orElse(null));
            o.put("published_at", r.publishedAt().map(Instant::toString).orElse(null));
            o.put("live", r.live());
        }
        ctx.json(out);
    }

    /** {@code POST …/revisions/{rev}/restore}: the old revision becomes a new draft. */
    public void restore(Context ctx) {
        Principal who = principal(ctx, Role.EDITOR);
        long id = id(ctx);
        int revision = (int) positive(ctx.pathParam("rev"), "revision", Integer.MAX_VALUE);
        ctx.json(body(editor.restore(id, revision, actor(ctx, who))));
    }

    /** {@code GET …/diff?from=1&to=3}: the fields that differ. */
    public void diff(Context ctx) {
        Principal who = principal(ctx, Role.VIEWER);
        long id = id(ctx);
        int from = (int) positive(required(ctx, "from"), "from", Integer.MAX_VALUE);
        int to = (int) positive(required(ctx, "to"), "to", Integer.MAX_VALUE);
        ObjectNode out = nodes.objectNode();
        out.put("id", id).put("from", from).put("to", to);
        ArrayNode changes = out.putArray("changes");
        for (FieldChange c : editor.diff(id, from, to, who)) {
            ObjectNode o = changes.addObject();
            o.put("field", c.field());
            o.set("before", c.before().orElse(null));
            o.set("after", c.after().orElse(null));
        }
        ctx.json(out);
    }

    /**
     * {@code GET /api/v1/admin/audit?actor=&action=&object_type=&object_id=&from=&to=&before=&limit=}: newest
     * first; an admin reads every row, anyone else their own.
     */
    public void audit(Context ctx) {
        Principal who = principal(ctx, Role.VIEWER);
        int limit = Optional.ofNullable(ctx.queryParam("limit"))
                .map(s -> (int) positive(s, "limit", AuditLog.MAX_LIMIT))
                .orElse(100);
        var filter = new AuditLog.Filter(
                Optional.ofNullable(ctx.queryParam("actor")).map(s -> positive(s, "actor", Long.MAX_VALUE)),
                text(ctx, "action"),
                text(ctx, "object_type"),
                text(ctx, "object_id"),
                Optional.ofNullable(ctx.queryParam("from")).map(s -> instant(s, "from")),
                Optional.ofNullable(ctx.queryParam("to")).map(s -> instant(s, "to")),
                Optional.ofNullable(ctx.queryParam("before")).map(s -> positive(s, "before", Long.MAX_VALUE)),
                limit,
                Optional.empty());
        List<AuditLog.Entry> entries = audit.list(filter, who);
        ObjectNode out = nodes.objectNode();
        ArrayNode list = out.putArray("entries");
        for (AuditLog.Entry e : entries) {
            ObjectNode o = list.addObject();
            o.put("id", e.id());
            o.put("at", e.at().toString());
            ObjectNode actor = o.putObject("actor");
            e.actorId().ifPresentOrElse(a -> actor.put("id", a), () -> actor.putNull("id"));
            actor.put("name", e.actorName());
            o.put("action", e.action());
            o.putObject("object").put("type", e.objectType()).put("id", e.objectId());
            o.set("before", e.before().orElse(null));
            o.set("after", e.after().orElse(null));
            o.put("request_id", e.requestId().orElse(null));
        }
        // the next page: the rows before the oldest of this one
        if (entries.size() == limit) {
            out.put("next_before", entries.get(entries.size() - 1).id());
        } else {
            out.putNull("next_before");
        }
        ctx.json(out);
    }

    private ObjectNode body(EditedQuestion q) {
        ObjectNode o = json.questionNode(q.record());
        o.put("status", q.status().code());
        o.put("revision", q.revision());
        if (q.publishedRevision().isPresent()) {
            o.put("published_revision", q.publishedRevision().get());
        } else {
            o.putNull("published_revision");
        }
        return o;
    }

    /** The request's principal if its role includes {@code needed}: else 401 or 403 (see {@link AdminAccess}). */
    private Principal principal(Context ctx, Role needed) {
        return access.require(ctx, needed);
    }

    private static Actor actor(Context ctx, Principal who) {
        return QuestionHttp.actor(ctx, who);
    }

    private static long id(Context ctx) {
        return positive(ctx.pathParam("id"), "question id", Long.MAX_VALUE);
    }

    /**
     * {@code If-Match: "3"} (the ETag of a GET): save only if revision 3 is still the latest, else 409. Without the
     * header a PUT saves on top of whatever is latest.
     */
    private static Optional<Integer> ifMatch(Context ctx) {
        String v = ctx.header("If-Match");
        if (v == null || v.isBlank()) {
            return Optional.empty();
        }
        String tag = v.strip();
        if (tag.startsWith("W/")) {
            tag = tag.substring(2);
        }
        if (tag.length() >= 2 && tag.startsWith("\"") && tag.endsWith("\"")) {
            tag = tag.substring(1, tag.length() - 1);
        }
        try {
            int revision = Integer.parseInt(tag);
            if (revision >= 0) {
                return Optional.of(revision);
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw new BadRequestException(
                "header If-Match: expected the ETag of a GET, a revision number in quotes such as \"3\", found " + v);
    }

    private static long positive(String s, String what, long max) {
        try {
            long n = Long.parseLong(s);
            if (n > 0 && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw new BadRequestException(what + ": expected a whole number from 1 to " + max + ", found \"" + s + "\"");
    }

    private static String required(Context ctx, String name) {
        String v = ctx.queryParam(name);
        if (v == null || v.isBlank()) {
            throw new BadRequestException("query parameter " + name + " is required");
        }
        return v;
    }

    private static Optional<String> text(Context ctx, String name) {
        return Optional.ofNullable(ctx.queryParam(name))
                .filter(s -> !s.isBlank())
                .map(s -> BadFieldException.storable("audit", name, s));
    }

    private static LocalDateTime localDateTime(JsonNode n, String where) {
        if (n.isTextual()) {
            try {
                return LocalDateTime.parse(n.asText(), DateTimeFormatter.ISO_LOCAL_DATE_TIME);
            } catch (DateTimeParseException e) {
                // answered below
            }
        }
        throw new BadRequestException(
                where + ": expected a local date-time such as \"2025-09-01T09:00:00\", found " + n);
    }

    private static Instant instant(String s, String what) {
        try {
            return OffsetDateTime.parse(s).toInstant();
        } catch (DateTimeParseException e) {
            throw new BadRequestException(
                    what + ": expected a date-time with offset such as 2025-09-01T09:00:00Z, found \"" + s + "\"");
        }
    }
}
