package kz.komek.admin.questions;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.Optional;
import kz.komek.admin.AdminFrame;
import kz.komek.admin.AdminKit;
import kz.komek.admin.AdminLocale;
import kz.komek.admin.AdminText;
import kz.komek.admin.Principal;
import kz.komek.admin.Role;
import kz.komek.http.BadRequestException;

/**
 * A question's history in the admin: every revision with who saved it and which one readers see, the difference
 * between any two, and restoring an old one as the latest draft (through {@link QuestionEditor}).
 */
public final class RevisionPages {
    private final AdminKit kit;
    private final QuestionEditor editor;

    public RevisionPages(AdminKit kit, QuestionEditor editor) {
        this.kit = kit;
        this.editor = editor;
    }

    /** {@code GET /admin/questions/{id}/revisions}: every revision, newest first, to compare or restore. */
    public void revisions(Context ctx) {
        Principal who = kit.access().require(ctx, Role.VIEWER);
        long id = QuestionHttp.id(ctx.pathParam("id"));
        EditedQuestion q = editor.existing(id, who);
        var frame = AdminFrame.of(ctx, kit.access(), who, "sections", AdminText.Q_REVISIONS_TITLE);
        Optional<String> done =
                Optional.ofNullable(ctx.queryParam("done")).map(d -> Done.of(d).in(AdminLocale.of(ctx)));
        kit.render(
                ctx,
                HttpStatus.OK,
                "admin/question/revisions.jte",
                new RevisionsPage(
                        frame,
                        q,
                        q.title(frame.locale()),
                        editor.revisions(id, who),
                        done,
                        kit.clock().getZone()));
    }

    /** {@code POST /admin/questions/{id}/revisions/{rev}/restore}: the old revision becomes the latest draft. */
    public void restore(Context ctx) {
        Principal who = kit.access().require(ctx, Role.EDITOR);
        long id = QuestionHttp.id(ctx.pathParam("id"));
        int revision = (int) QuestionHttp.id(ctx.pathParam("rev"));
        EditedQuestion q = editor.restore(id, revision, QuestionHttp.actor(ctx, who));
        ctx.redirect(
                QuestionHttp.href(
                        ctx,
                        "/admin/questions/" + id + "?done=" + Done.RESTORED.code() + "&from=" + revision + "&to="
                                + q.revision()),
                HttpStatus.SEE_OTHER);
    }

    /** {@code GET /admin/questions/{id}/diff?from=A&to=B}: what changed, field by field, words marked. */
    public void diff(Context ctx) {
        Principal who = kit.access().require(ctx, Role.VIEWER);
        long id = QuestionHttp.id(ctx.pathParam("id"));
        int from = (int) QuestionHttp.id(required(ctx, "from"));
        int to = (int) QuestionHttp.id(required(ctx, "to"));
        EditedQuestion q = editor.existing(id, who);
        var frame = AdminFrame.of(ctx, kit.access(), who, "sections", AdminText.Q_DIFF_TITLE);
        var changes = TextDiff.of(editor.diff(id, from, to, who), frame.locale());
        kit.render(
                ctx,
                HttpStatus.OK,
                "admin/question/diff.jte",
                new DiffPage(frame, id, q.title(frame.locale()), from, to, changes));
    }

    private static String required(Context ctx, String name) {
        String v = ctx.queryParam(name);
        if (v == null || v.isBlank()) {
            throw new BadRequestException("query parameter " + name + " is required");
        }
        return v;
    }
}
