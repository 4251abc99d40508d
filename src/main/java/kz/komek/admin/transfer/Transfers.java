package kz.komek.admin.transfer;

import java.time.Duration;
import kz.komek.admin.AdminKit;
import kz.komek.admin.audit.AuditLog;
import kz.komek.bundle.BundleStore;
import kz.komek.bundle.HeapBudget;
import org.jdbi.v3.core.Jdbi;

/** Import and export in the admin, built once by {@code App}: the JSON API and the pages. Keeps no state but its counts. */
public final class Transfers {
    /**
     * How long an upload's request waits for its check or import: a small file is answered at once, as before; a
     * larger one leads to a page that shows how far it got.
     */
    static final Duration PATIENCE = Duration.ofSeconds(3);

    private final TransferApi api;
    private final TransferPages pages;
    private final ImportMeters meters;

    /** @param maxBytes the largest upload ({@code --max-body}) */
    public Transfers(Jdbi jdbi, BundleStore bundles, AuditLog audit, AdminKit kit, long maxBytes) {
        var transfer = new Transfer(jdbi, bundles, audit, HeapBudget::ofThisJvm);
        this.meters = transfer.meters;
        this.api = new TransferApi(kit.access(), transfer, kit.clock());
        this.pages = new TransferPages(kit, transfer, new PendingImports(jdbi), audit, maxBytes, PATIENCE);
    }

    /** Publishes the imports' progress and outcomes (see {@link ImportMeters}). */
    public void register(io.micrometer.core.instrument.MeterRegistry registry) {
        meters.register(registry);
    }

    public TransferApi api() {
        return api;
    }

    public TransferPages pages() {
        return pages;
    }
}
