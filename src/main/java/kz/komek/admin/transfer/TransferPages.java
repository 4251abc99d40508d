package kz.komek.admin.transfer;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.UploadedFile;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Optional;
import kz.komek.admin.AdminAccess;
import kz.komek.admin.AdminFrame;
import kz.komek.admin.AdminKit;
import kz.komek.admin.AdminLocale;
import kz.komek.admin.AdminText;
import kz.komek.admin.Principal;
import kz.komek.admin.Role;
import kz.komek.admin.audit.AuditLog;
import kz.komek.bundle.BundleException;
import kz.komek.bundle.HeapBudget;
import kz.komek.bundle.ImportReport;
import kz.komek.bundle.VotePolicy;
import kz.komek.http.BadRequestException;
import kz.komek.http.BodyTooLargeException;
import kz.komek.http.NotFoundException;
import kz.komek.i18n.Locale;

/**
 * {@code /admin/transfer}: upload a file, see what importing it would change (a dry run), then apply it. Between the
 * two posts the upload waits in PostgreSQL ({@link PendingImports}), so the "Apply" may reach any node; only its
 * uploader may apply it, within an hour. Applying imports again for real: when the database changed since and the
 * import now fails, nothing is written and the error is shown.
 */
public final class TransferPages {
    private final AdminKit kit;
    private final Transfer transfer;
    private final PendingImports pending;
    private final AuditLog audit;
    private final long maxBytes;

    TransferPages(AdminKit kit, Transfer transfer, PendingImports pending, AuditLog audit, long maxBytes) {
        this.kit = kit;
        this.transfer = transfer;
        this.pending = pending;
        this.audit = audit;
        this.maxBytes = maxBytes;
    }

    /** {@code GET /admin/transfer}: the export link and the upload form. */
    public void form(Context ctx) {
        Principal p = kit.access().require(ctx, Role.PUBLISHER);
        render(
                ctx,
                HttpStatus.OK,
                page(ctx, p, Optional.empty(), Optional.empty(), Optional.empty(), "", "", VotePolicy.DEFAULT, false));
    }

    /**
     * {@code POST /admin/transfer} (multipart: {@code file}, {@code site}, {@code votes}): dry run, then the report.
     */
    public void upload(Context ctx) {
        Principal p = kit.access().require(ctx, Role.PUBLISHER);
        Locale locale = AdminLocale.of(ctx);
        UploadedFile file = ctx.uploadedFile("file");
        String site = Optional.ofNullable(ctx.formParam("site")).orElse("").strip();
        VotePolicy votes;
        try {
            votes = TransferApi.votes(ctx.formParam("votes"));
        } catch (BadRequestException e) {
            refused(ctx, p, e.getMessage(), Optional.empty(), "", site, VotePolicy.DEFAULT);
            return;
        }
        if (file == null || file.size() == 0) {
            refused(ctx, p, AdminText.TRANSFER_NO_FILE.in(locale), Optional.empty(), "", site, votes);
            return;
        }
        String name = fileName(file.filename());
        byte[] body;
        try (InputStream in = file.content()) {
            body = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
        } catch (IOException e) {
            throw new BundleException(name, "cannot read the upload: " + e.getMessage());
        }
        if (body.length > maxBytes) {
            throw new BodyTooLargeException(maxBytes);
        }
        Transfer.Parsed parsed;
        ImportReport report;
        try {
            parsed = transfer.parse(body, site);
            report = transfer.dryRun(parsed, votes);
        } catch (HeapBudget.TooLarge e) {
            render(
                    ctx,
                    HttpStatus.CONTENT_TOO_LARGE,
                    page(
                            ctx,
                            p,
                            Optional.empty(),
                            Optional.of(AdminText.TRANSFER_INVALID.in(locale) + " " + e.getMessage()),
                            Optional.empty(),
                            name,
                            site,
                            votes,
                            false));
            return;
        } catch (BundleException e) {
            refused(
                    ctx,
                    p,
                    AdminText.TRANSFER_INVALID.in(locale) + " " + e.getMessage(),
                    Optional.empty(),
                    name,
                    site,
                    votes);
            return;
        }
        String id = pending.save(p.userId(), name, Transfer.site(site), votes, parsed.sha256(), body);
        render(
                ctx,
                HttpStatus.OK,
                page(
                        ctx,
                        p,
                        Optional.of(report(report, locale)),
                        Optional.empty(),
                        Optional.of(id),
                        name,
                        site,
                        votes,
                        false));
    }

    /** {@code POST /admin/transfer/apply} ({@code pending}): imports for real, then to the result page (303). */
    public void apply(Context ctx) {
        Principal p = kit.access().require(ctx, Role.PUBLISHER);
        Locale locale = AdminLocale.of(ctx);
        var upload = pending.find(ctx.formParam("pending"), p.userId())
                .orElseThrow(() -> new NotFoundException(AdminText.TRANSFER_EXPIRED.in(locale)));
        Transfer.Applied applied;
        try {
            var parsed = transfer.parse(upload.body(), upload.site());
            applied = transfer.apply(
                    parsed,
                    upload.votes(),
                    upload.fileName(),
                    AdminAccess.actor(ctx, p),
                    h -> pending.delete(h, upload.id()));
        } catch (BundleException e) {
            refused(
                    ctx,
                    p,
                    AdminText.TRANSFER_APPLY_FAILED.in(locale) + " " + e.getMessage(),
                    Optional.of(upload.id()),
                    upload.fileName(),
                    upload.site(),
                    upload.votes());
            return;
        }
        ctx.redirect(AdminFrame.withLang("/admin/transfer/imports/" + applied.auditId(), locale), HttpStatus.SEE_OTHER);
    }

    /** {@code GET /admin/transfer/imports/{id}}: what an applied import did, from its audit row (the importer's own). */
    public void result(Context ctx) {
        Principal p = kit.access().require(ctx, Role.PUBLISHER);
        Locale locale = AdminLocale.of(ctx);
        long id;
        try {
            id = Long.parseLong(ctx.pathParam("id"));
        } catch (NumberFormatException e) {
            throw new NotFoundException("there is no import " + ctx.pathParam("id"));
        }
        var filter = new AuditLog.Filter(
                Optional.empty(),
                Optional.of("bundle.import"),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.of(id + 1),
                1,
                Optional.empty());
        AuditLog.Entry entry = audit.list(filter, p).stream()
                .filter(e -> e.id() == id)
                .findFirst()
                .orElseThrow(() -> new NotFoundException("there is no import " + id));
        JsonNode after = entry.after().orElseThrow(() -> new NotFoundException("there is no import " + id));
        // rows from before votes were kept say nothing of them: those imports replaced the counts
        VotePolicy votes =
                after.hasNonNull("votes") ? VotePolicy.parse(after.get("votes").asText()) : VotePolicy.REPLACE;
        var report = new TransferPage.Report(
                List.of(
                        row(AdminText.TRANSFER_SITES.in(locale), after, "sites"),
                        row(AdminText.TRANSFER_SECTIONS.in(locale), after, "sections"),
                        row(AdminText.TRANSFER_QUESTIONS.in(locale), after, "questions")),
                List.of(),
                0,
                new TransferPage.Votes(
                        votes, List.of(), after.path("votes_changed").asInt()),
                List.of());
        render(
                ctx,
                HttpStatus.OK,
                page(
                        ctx,
                        p,
                        Optional.of(report),
                        Optional.empty(),
                        Optional.empty(),
                        after.path("file").asText(""),
                        "",
                        votes,
                        true));
    }

    /** One row of the result page from the audit row's summary (older rows have no "unchanged": 0). */
    private static TransferPage.Row row(String label, JsonNode after, String kind) {
        return new TransferPage.Row(
                label,
                after.path(kind + "_created").asLong(),
                after.path(kind + "_updated").asLong(),
                after.path(kind + "_unchanged").asLong());
    }

    private static TransferPage.Row row(String label, ImportReport.Counts c) {
        return new TransferPage.Row(label, c.created(), c.updated(), c.unchanged());
    }

    private static TransferPage.Report report(ImportReport r, Locale locale) {
        return TransferPage.Report.of(
                List.of(
                        row(AdminText.TRANSFER_SITES.in(locale), r.sites()),
                        row(AdminText.TRANSFER_SECTIONS.in(locale), r.sections()),
                        row(AdminText.TRANSFER_QUESTIONS.in(locale), r.questions())),
                r.changedQuestions(),
                TransferPage.Votes.of(r.votes(), r.voteChanges()),
                r.notes());
    }

    /** The upload's own name, without a path some browsers send, at most 255 characters. */
    private static String fileName(String raw) {
        if (raw == null) {
            return "";
        }
        String name = raw.substring(Math.max(raw.lastIndexOf('/'), raw.lastIndexOf('\\')) + 1)
                .replaceAll("\\p{Cntrl}", "")
                .strip();
        return name.length() > 255 ? name.substring(0, 255) : name;
    }

    private TransferPage page(
            Context ctx,
            Principal p,
            Optional<TransferPage.Report> report,
            Optional<String> error,
            Optional<String> pendingId,
            String fileName,
            String site,
            VotePolicy votes,
            boolean applied) {
        return new TransferPage(
                AdminFrame.of(ctx, kit.access(), p, "transfer", AdminText.TRANSFER_TITLE),
                report,
                error,
                pendingId,
                fileName,
                site,
                votes,
                applied);
    }

    /** The page again with why an upload or its apply was refused: a 400. */
    private void refused(
            Context ctx,
            Principal p,
            String why,
            Optional<String> pendingId,
            String fileName,
            String site,
            VotePolicy votes) {
        render(
                ctx,
                HttpStatus.BAD_REQUEST,
                page(ctx, p, Optional.empty(), Optional.of(why), pendingId, fileName, site, votes, false));
    }

    private void render(Context ctx, HttpStatus status, TransferPage page) {
        kit.render(ctx, status, "admin/transfer.jte", page);
    }
}
