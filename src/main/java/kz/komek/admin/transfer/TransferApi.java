package kz.komek.admin.transfer;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import kz.komek.admin.AdminAccess;
import kz.komek.admin.Principal;
import kz.komek.admin.Role;
import kz.komek.bundle.ImportReport;
import kz.komek.bundle.VotePolicy;
import kz.komek.http.BadRequestException;

/**
 * {@code POST /api/v1/admin/import?dry_run=} and {@code GET /api/v1/admin/export}, for publishers and admins: an
 * import changes what readers see at once (no drafts), as publishing does; an export holds everything public.
 */
public final class TransferApi {
    private final AdminAccess access;
    private final Transfer transfer;
    private final Clock clock;

    TransferApi(AdminAccess access, Transfer transfer, Clock clock) {
        this.access = access;
        this.transfer = transfer;
        this.clock = clock;
    }

    /**
     * The body is a bundle or a Nuxt page payload ({@code site=} names its questions' site; {@code votes=} what
     * happens to stored questions' vote counts, {@code keep} unless named). A bad record is a 400 naming it, and
     * nothing is written; a body over {@code --max-body} a 413, before anything is read when its length is
     * announced, else as soon as reading passes the limit (never read whole).
     */
    public void importBundle(Context ctx) {
        Principal p = access.require(ctx, Role.PUBLISHER);
        boolean dryRun = dryRun(ctx.queryParam("dry_run"));
        VotePolicy votes = votes(ctx.queryParam("votes"));
        var parsed = transfer.parse(ctx.bodyAsBytes(), ctx.queryParam("site"));
        if (dryRun) {
            ctx.json(json(transfer.dryRun(parsed, votes), true, null));
            return;
        }
        var applied = transfer.apply(parsed, votes, "", AdminAccess.actor(ctx, p), h -> {});
        ctx.json(json(applied.report(), false, applied.auditId()));
    }

    /** The whole help center as a {@code komek-bundle/1} download, named with today's date. */
    public void export(Context ctx) {
        access.require(ctx, Role.PUBLISHER);
        ctx.header("Content-Disposition", "attachment; filename=\"" + fileName(clock) + "\"");
        ctx.contentType("application/json; charset=utf-8");
        // streamed as the rows come: a large help center is never held whole
        try (Writer out = new BufferedWriter(new OutputStreamWriter(ctx.outputStream(), StandardCharsets.UTF_8))) {
            transfer.export(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String fileName(Clock clock) {
        return "komek-" + LocalDate.now(clock) + ".bundle.json";
    }

    static boolean dryRun(String raw) {
        if (raw == null || raw.equals("false")) {
            return false;
        }
        if (raw.equals("true")) {
            return true;
        }
        throw new BadRequestException("dry_run: expected true or false, was \"" + raw + "\"");
    }

    /** {@code votes=} of the API and the upload form: {@link VotePolicy#DEFAULT} when absent or empty. */
    static VotePolicy votes(String raw) {
        if (raw == null || raw.isEmpty()) {
            return VotePolicy.DEFAULT;
        }
        try {
            return VotePolicy.parse(raw);
        } catch (IllegalArgumentException e) {
            throw new BadRequestException("votes: " + e.getMessage());
        }
    }

    private static void counts(ObjectNode o, ImportReport.Counts c) {
        o.put("created", c.created()).put("updated", c.updated()).put("unchanged", c.unchanged());
    }

    static ObjectNode json(ImportReport r, boolean dryRun, Long auditId) {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("dry_run", dryRun);
        counts(o.putObject("sites"), r.sites());
        counts(o.putObject("sections"), r.sections());
        counts(o.putObject("questions"), r.questions());
        counts(o.putObject("materials"), r.materials());
        ArrayNode changed = o.putArray("changed_questions");
        r.changedQuestions().forEach(changed::add);
        o.put("votes", r.votes().code());
        ArrayNode voteChanges = o.putArray("vote_changes");
        for (var c : r.voteChanges()) {
            ObjectNode change = voteChanges.addObject().put("id", c.question());
            votes(change.putObject("before"), c.before());
            votes(change.putObject("after"), c.after());
        }
        ArrayNode notes = o.putArray("notes");
        r.notes().forEach(notes::add);
        if (auditId == null) {
            o.putNull("audit_id");
        } else {
            o.put("audit_id", auditId);
        }
        return o;
    }

    /** {@code {"up": 76, "down": 25, "usefulness": 0.75}}, nulls where nothing is stored. */
    private static void votes(ObjectNode o, ImportReport.VoteCounts v) {
        if (v.counts().isPresent()) {
            o.put("up", v.counts().get().up()).put("down", v.counts().get().down());
        } else {
            o.putNull("up").putNull("down");
        }
        if (v.usefulness().isPresent()) {
            o.put("usefulness", v.usefulness().get());
        } else {
            o.putNull("usefulness");
        }
    }
}
