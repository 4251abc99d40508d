package kz.komek.deflection;

import io.micrometer.core.instrument.MeterRegistry;
import java.util.function.Supplier;
import kz.komek.Config;
import kz.komek.catalog.CatalogPages;
import kz.komek.catalog.CatalogStore;
import kz.komek.catalog.ReaderKit;
import kz.komek.catalog.Site;
import kz.komek.search.AnswerEvidence;
import kz.komek.storage.ClientAllowances;
import org.jdbi.v3.core.Jdbi;

/** The feature's parts, built once: the service, its API and its pages, which share one message limit. */
public final class Deflection {
    private final Deflections deflections;
    private final DeflectionApi api;
    private final HandoffPages pages;

    public Deflection(
            Jdbi jdbi,
            AnswerEvidence evidence,
            CatalogStore catalog,
            ReaderKit kit,
            CatalogPages frames,
            Config config,
            MeterRegistry registry) {
        var answers = kit.answers();
        this.deflections = new Deflections(jdbi, evidence, Confidence.shipped(), catalog, answers, kit.clock());
        deflections.register(registry);
        var feedback = config.feedback();
        var limit = new MessageLimit(new ClientAllowances(jdbi), feedback.messagesPerMinute(), feedback.trustProxy());
        // a caller that names no site asks the first one, as the search API does
        Supplier<String> firstSite =
                () -> catalog.sites().stream().map(Site::slug).findFirst().orElse("client");
        this.api = new DeflectionApi(deflections, limit, kit::platform, firstSite);
        this.pages = new HandoffPages(deflections, limit, frames, kit, answers.config());
    }

    public HandoffPages pages() {
        return pages;
    }

    public Deflections deflections() {
        return deflections;
    }

    public DeflectionApi api() {
        return api;
    }
}
