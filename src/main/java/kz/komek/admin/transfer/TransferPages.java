package kz.komek.admin.transfer;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.UploadedFile;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
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
import kz.komek.bundle.BundleSource;
import kz.komek.bundle.HeapBudget;
import kz.komek.bundle.ImportReport;
import kz.komek.bundle.VotePolicy;
import kz.komek.http.BadRequestException;
import kz.komek.http.BodyTooLargeException;
import kz.komek.http.NotFoundException;
import kz.komek.i18n.Locale;
import kz.komek.progress.Progress;

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
    private final TransferJobs<Outcome> jobs;
    private final Duration patience;

    /**
     * @param patience how long a request waits for its check or import before it leads to the progress page
     */
    TransferPages(
            AdminKit kit, Transfer transfer, PendingImports pending, AuditLog audit, long maxBytes, Duration patience) {
        this.kit = kit;
        this.transfer = transfer;
        this.pending = pending;
        this.audit = audit;
        this.maxBytes = maxBytes;
        this.jobs = new TransferJobs<>(kit.clock());
        this.patience = patience;
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
     * {@code POST /admin/transfer} (multipart: {@code file}, {@code site}, {@code votes}): the upload is kept in a
     * private temporary file and checked (a dry run) on a thread of its own. A check done within {@link #patience}
     * shows its report at once, as always; a longer one leads to its progress page (303).
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
        Spooled spooled = spool(file, name);
        var job = jobs.start(p.userId(), progress -> check(spooled, name, site, votes, locale, p.userId(), progress));
        finish(ctx, p, job);
    }

    /** An upload in a temporary file only its owner (this process's user) can read, and its SHA-256. */
    private record Spooled(Path file, byte[] sha256) {}

    /** Copies the upload to a private temporary file, hashing it on the way; past {@code --max-body}: 413. */
    private Spooled spool(UploadedFile file, String name) {
        Path tmp = null;
        try (InputStream in = file.content()) {
            tmp = Files.createTempFile("komek-upload", ".json"); // owner-only (0600) on POSIX
            var sha = MessageDigest.getInstance("SHA-256");
            long size = 0;
            byte[] buffer = new byte[1 << 16];
            try (var out = Files.newOutputStream(tmp)) {
                for (int n; (n = in.read(buffer)) > 0; ) {
                    size += n;
                    if (size > maxBytes) {
                        throw new BodyTooLargeException(maxBytes);
                    }
                    sha.update(buffer, 0, n);
                    out.write(buffer, 0, n);
                }
            }
            Spooled spooled = new Spooled(tmp, sha.digest());
            tmp = null;
            return spooled;
        } catch (IOException e) {
            throw new BundleException(name, "cannot read the upload: " + e.getMessage());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        } finally {
            deleteQuietly(tmp);
        }
    }

    /** The dry run of a spooled upload, on the job's thread; keeps the upload for "Apply" when it can be applied. */
    private Outcome check(
            Spooled spooled,
            String name,
            String site,
            VotePolicy votes,
            Locale locale,
            long userId,
            Progress progress) {
        try {
            var parsed = transfer.parse(BundleSource.file(spooled.file()), site, spooled.sha256(), progress);
            ImportReport report = transfer.dryRun(parsed, votes, progress);
            String id = pending.save(userId, name, Transfer.site(site), votes, spooled.sha256(), spooled.file());
            return new Outcome.Checked(report, id, name, site, votes);
        } catch (HeapBudget.TooLarge e) {
            return new Outcome.Refused(
                    HttpStatus.CONTENT_TOO_LARGE,
                    AdminText.TRANSFER_INVALID.in(locale) + " " + e.getMessage(),
                    Optional.empty(),
                    name,
                    site,
                    votes);
        } catch (BundleException e) {
            return new Outcome.Refused(
                    HttpStatus.BAD_REQUEST,
                    AdminText.TRANSFER_INVALID.in(locale) + " " + e.getMessage(),
                    Optional.empty(),
                    name,
                    site,
                    votes);
        } catch (IOException e) {
            return new Outcome.Refused(
                    HttpStatus.BAD_REQUEST,
                    AdminText.TRANSFER_INVALID.in(locale) + " " + name + ": cannot read the upload: " + e.getMessage(),
                    Optional.empty(),
                    name,
                    site,
                    votes);
        } finally {
            deleteQuietly(spooled.file());
        }
    }

    /**
     * {@code POST /admin/transfer/apply} ({@code pending}): imports for real on a thread of its own, then to the
     * result page (303), directly when done within {@link #patience}, else by way of its progress page.
     */
    public void apply(Context ctx) {
        Principal p = kit.access().require(ctx, Role.PUBLISHER);
        Locale locale = AdminLocale.of(ctx);
        var upload = pending.find(ctx.formParam("pending"), p.userId())
                .orElseThrow(() -> new NotFoundException(AdminText.TRANSFER_EXPIRED.in(locale)));
        var actor = AdminAccess.actor(ctx, p);
        var job = jobs.start(p.userId(), progress -> {
            try {
                var parsed = transfer.parse(
                        BundleSource.bytes("body", upload.body()), upload.site(), upload.sha256(), progress);
                var applied = transfer.apply(
                        parsed,
                        upload.votes(),
                        upload.fileName(),
                        actor,
                        h -> pending.delete(h, upload.id()),
                        progress);
                return new Outcome.Applied(applied.auditId());
            } catch (BundleException e) {
                return new Outcome.Refused(
                        HttpStatus.BAD_REQUEST,
                        AdminText.TRANSFER_APPLY_FAILED.in(locale) + " " + e.getMessage(),
                        Optional.of(upload.id()),
                        upload.fileName(),
                        upload.site(),
                        upload.votes());
            }
        });
        finish(ctx, p, job);
    }

    /**
     * {@code GET /admin/transfer/jobs/{id}}: a running check or import of the signed-in user, with how far it got;
     * its script reads it again every {@link #REFRESH_SECONDS} s and follows the job in place until it leads to what
     * the job gave. No refresh of the whole page (a Refresh header, a meta refresh): it would take a screen reader's
     * and a keyboard's place on the page away every time (WCAG 2.2.1); without the script, a link loads it again.
     */
    public void job(Context ctx) {
        Principal p = kit.access().require(ctx, Role.PUBLISHER);
        Locale locale = AdminLocale.of(ctx);
        var job = jobs.find(ctx.pathParam("id"), p.userId())
                .orElseThrow(() -> new NotFoundException(AdminText.TRANSFER_NO_JOB.in(locale)));
        var done = job.done();
        if (done.isPresent()) {
            show(ctx, p, done.get());
            return;
        }
        var snapshot = job.progress().snapshot();
        render(
                ctx,
                HttpStatus.OK,
                page(ctx, p, Optional.empty(), Optional.empty(), Optional.empty(), "", "", VotePolicy.DEFAULT, false)
                        .running(new TransferPage.Running(
                                snapshot.phase(),
                                snapshot.unit(),
                                snapshot.pace(),
                                REFRESH_SECONDS,
                                AdminFrame.withLang("/admin/transfer/jobs/" + job.id(), locale))));
    }

    /** Seconds between two reads of a progress page by its script. */
    static final int REFRESH_SECONDS = 2;

    /** What a finished job gives its page. */
    sealed interface Outcome {
        /** A dry run's report, and the upload kept for "Apply". */
        record Checked(ImportReport report, String pendingId, String fileName, String site, VotePolicy votes)
                implements Outcome {}

        /** An import applied: its audit row. */
        record Applied(long auditId) implements Outcome {}

        /** Refused, nothing changed: why, and the upload to apply again when there is one. */
        record Refused(
                HttpStatus status,
                String why,
                Optional<String> pendingId,
                String fileName,
                String site,
                VotePolicy votes)
                implements Outcome {}
    }

    /** The job's answer if it ends within {@link #patience}; otherwise to its progress page (303). */
    private void finish(Context ctx, Principal p, TransferJobs.Job<Outcome> job) {
        var done = jobs.await(job, patience);
        if (done.isPresent()) {
            show(ctx, p, done.get());
        } else {
            ctx.redirect(
                    AdminFrame.withLang("/admin/transfer/jobs/" + job.id(), AdminLocale.of(ctx)), HttpStatus.SEE_OTHER);
        }
    }

    private void show(Context ctx, Principal p, Outcome outcome) {
        Locale locale = AdminLocale.of(ctx);
        if (outcome instanceof Outcome.Checked c) {
            render(
                    ctx,
                    HttpStatus.OK,
                    page(
                            ctx,
                            p,
                            Optional.of(report(c.report(), locale)),
                            Optional.empty(),
                            Optional.of(c.pendingId()),
                            c.fileName(),
                            c.site(),
                            c.votes(),
                            false));
        } else if (outcome instanceof Outcome.Applied a) {
            ctx.redirect(AdminFrame.withLang("/admin/transfer/imports/" + a.auditId(), locale), HttpStatus.SEE_OTHER);
        } else if (outcome instanceof Outcome.Refused r) {
            render(
                    ctx,
                    r.status(),
                    page(
                            ctx,
                            p,
                            Optional.empty(),
                            Optional.of(r.why()),
                            r.pendingId(),
                            r.fileName(),
                            r.site(),
                            r.votes(),
                            false));
        }
    }

    private static void deleteQuietly(Path file) {
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException ignored) {
                // a temporary file left behind is the system's to clean
            }
        }
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
                        row(AdminText.TRANSFER_QUESTIONS.in(locale), after, "questions"),
                        row(AdminText.TRANSFER_MATERIALS.in(locale), after, "materials")),
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
                        row(AdminText.TRANSFER_QUESTIONS.in(locale), r.questions()),
                        row(AdminText.TRANSFER_MATERIALS.in(locale), r.materials())),
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
