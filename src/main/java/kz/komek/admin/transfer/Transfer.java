package kz.komek.admin.transfer;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.Writer;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.LongFunction;
import java.util.regex.Pattern;
import kz.komek.admin.Actor;
import kz.komek.admin.audit.AuditLog;
import kz.komek.bundle.BundleException;
import kz.komek.bundle.BundleInput;
import kz.komek.bundle.BundleJson;
import kz.komek.bundle.BundleReader;
import kz.komek.bundle.BundleSource;
import kz.komek.bundle.BundleStore;
import kz.komek.bundle.HeapBudget;
import kz.komek.bundle.ImportReport;
import kz.komek.bundle.VotePolicy;
import kz.komek.bundle.nuxt.NuxtImport;
import kz.komek.bundle.nuxt.NuxtPayloadReader;
import kz.komek.progress.Progress;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Import and export from the admin (API and UI): the CLI's steps (UTF-8 text, a Nuxt payload or a bundle, one
 * transaction, the same report) plus the audit row {@code bundle.import}, written in the import's transaction. A dry
 * run rolls everything back, audit row included: it changed nothing, so there is nothing to log.
 */
final class Transfer {
    private static final Logger log = LoggerFactory.getLogger(Transfer.class);
    private static final Pattern SITE = Pattern.compile("[a-z0-9][a-z0-9_-]{0,62}");

    private final Jdbi jdbi;
    private final BundleStore bundles;
    private final AuditLog audit;
    private final BundleJson json = new BundleJson();
    private final BundleReader reader = new BundleReader();
    private final LongFunction<HeapBudget> heap;
    final ImportMeters meters = new ImportMeters();

    /**
     * @param heap the heap reading a page payload of so many bytes may take ({@link HeapBudget#ofThisJvm}; tests:
     *     less)
     */
    Transfer(Jdbi jdbi, BundleStore bundles, AuditLog audit, LongFunction<HeapBudget> heap) {
        this.jdbi = jdbi;
        this.bundles = bundles;
        this.audit = audit;
        this.heap = heap;
    }

    /** An upload read: the bundle, what reading it noticed, and the SHA-256 that names it in the audit log. */
    record Parsed(BundleInput input, List<String> findings, byte[] sha256) {}

    /** Reads an upload the request holds, as the CLI reads a file; a {@link BundleException} names record and field. */
    Parsed parse(byte[] body, String site) {
        return parse(BundleSource.bytes("body", body), site, sha256(body), Progress.NONE);
    }

    /**
     * Reads an upload as the CLI reads a file: a bundle streamed (checked whole now, its questions read again as they
     * are written), a page payload whole within the heap ({@link HeapBudget}). {@code progress} hears of the checking.
     */
    Parsed parse(BundleSource source, String site, byte[] sha256, Progress progress) {
        try {
            return read(source, site, sha256, progress);
        } catch (RuntimeException e) {
            meters.refused(); // an import that ends here has failed as surely as one the database refused
            throw e;
        }
    }

    private Parsed read(BundleSource source, String site, byte[] sha256, Progress progress) {
        if (source.size() == 0) {
            throw new BundleException("body", "is empty: send a komek-bundle/1 JSON document or a Nuxt page payload");
        }
        if (BundleReader.isBundle(source)) {
            return new Parsed(reader.scan(source, progress), List.of(), sha256);
        }
        // a page payload (or no bundle at all): the text and tree live only inside the reading
        return heap.apply(source.size()).read("body", source.size(), () -> {
            String text;
            try (var in = source.open()) {
                text = StandardCharsets.UTF_8
                        .newDecoder()
                        .onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT)
                        .decode(ByteBuffer.wrap(in.readAllBytes()))
                        .toString();
            } catch (CharacterCodingException e) {
                throw new BundleException("body", "is not UTF-8 text");
            } catch (IOException e) {
                throw new BundleException("body", "cannot read: " + e.getMessage());
            }
            if (NuxtPayloadReader.looksLikePayload(text)) {
                NuxtImport nuxt = new NuxtPayloadReader().read(text, site(site));
                return new Parsed(BundleInput.of(nuxt.bundle()), nuxt.findings(), sha256);
            }
            return new Parsed(BundleInput.of(json.read(text)), List.of(), sha256);
        });
    }

    /** The site a page payload's questions go to: {@code client} unless named. */
    static String site(String raw) {
        String s = raw == null || raw.isBlank() ? NuxtPayloadReader.DEFAULT_SITE : raw.strip();
        if (!SITE.matcher(s).matches()) {
            throw new BundleException("site", "expected a site slug (a-z, 0-9, _, -), was \"" + s + "\"");
        }
        return s;
    }

    /** Checks and counts, changes nothing. */
    ImportReport dryRun(Parsed parsed, VotePolicy votes) {
        return dryRun(parsed, votes, Progress.NONE);
    }

    ImportReport dryRun(Parsed parsed, VotePolicy votes, Progress progress) {
        return meters.run(
                progress,
                "dry_run",
                p -> jdbi.inTransaction(h -> {
                    ImportReport report = bundles.importBundle(h, parsed.input(), parsed.findings(), votes, p);
                    h.rollback();
                    return report;
                }));
    }

    /** What an applied import did, and the audit row that says so. */
    record Applied(ImportReport report, long auditId) {}

    /**
     * Imports for real, all or nothing, with its audit row; {@code alsoInTransaction} runs in the same transaction
     * (the UI deletes its pending upload there).
     */
    Applied apply(Parsed parsed, VotePolicy votes, String fileName, Actor actor, Consumer<Handle> alsoInTransaction) {
        return apply(parsed, votes, fileName, actor, alsoInTransaction, Progress.NONE);
    }

    Applied apply(
            Parsed parsed,
            VotePolicy votes,
            String fileName,
            Actor actor,
            Consumer<Handle> alsoInTransaction,
            Progress progress) {
        Applied applied = meters.run(
                progress,
                "applied",
                p -> jdbi.inTransaction(h -> {
                    ImportReport report = bundles.importBundle(h, parsed.input(), parsed.findings(), votes, p);
                    alsoInTransaction.accept(h);
                    String sha = HexFormat.of().formatHex(parsed.sha256());
                    long id = audit.append(
                            h,
                            actor,
                            new AuditLog.Change(
                                    "bundle.import",
                                    "bundle",
                                    sha,
                                    Optional.empty(),
                                    Optional.of(summary(report, fileName))));
                    return new Applied(report, id);
                }));
        log.info(
                "admin: bundle imported by {}: {} questions new, {} updated, votes {}: {} questions' counts changed",
                actor.principal().name(),
                applied.report().questionsCreated(),
                applied.report().questionsUpdated(),
                votes.code(),
                applied.report().voteChanges().size());
        return applied;
    }

    /** The whole help center, streamed to {@code out}. */
    void export(Writer out) throws IOException {
        bundles.export(out, Progress.NONE);
    }

    private static void counts(ObjectNode o, String kind, ImportReport.Counts c) {
        o.put(kind + "_created", c.created());
        o.put(kind + "_updated", c.updated());
        o.put(kind + "_unchanged", c.unchanged());
    }

    /**
     * The audit row's summary: the counts, the vote policy and how many stored questions' counts it changed, how many
     * notes, the file's name when it had one.
     */
    private static ObjectNode summary(ImportReport r, String fileName) {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        counts(o, "sites", r.sites());
        counts(o, "sections", r.sections());
        counts(o, "questions", r.questions());
        counts(o, "materials", r.materials());
        o.put("votes", r.votes().code());
        o.put("votes_changed", r.voteChanges().size());
        o.put("notes", r.notes().size());
        if (!fileName.isEmpty()) {
            o.put("file", fileName);
        }
        return o;
    }

    static byte[] sha256(byte[] body) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(body);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
