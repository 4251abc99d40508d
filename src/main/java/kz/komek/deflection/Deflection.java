package kz.komek.deflection;

import io.javalin.http.Context;
import java.time.Clock;
import java.util.function.Function;
import java.util.function.Supplier;
import kz.komek.Config;
import kz.komek.catalog.CatalogStore;
import kz.komek.content.AnswerRenderer;
import kz.komek.content.Platform;
import kz.komek.search.AnswerEvidence;
import kz.komek.storage.ClientAllowances;
import org.jdbi.v3.core.Jdbi;

/** The feature's parts, built once: the service, its API and its limit. */
public final class Deflection {
    private final Deflections deflections;
    private final DeflectionApi api;
    private final MessageLimit limit;
    private final HandoffPages pages;

    public Deflection(
            Jdbi jdbi,
            AnswerEvidence evidence,
            CatalogStore catalog,
            AnswerRenderer answers,
            Clock clock,
            Config.Feedback feedback,
            Function<Context, Platform> platformOf,
            Supplier<String> defaultSite,
            kz.komek.catalog.CatalogPages frames,
            kz.komek.catalog.ReaderKit kit) {
        this.deflections = new Deflections(jdbi, evidence, Confidence.shipped(), catalog, answers, clock);
        this.limit = new MessageLimit(new ClientAllowances(jdbi), feedback.messagesPerMinute(), feedback.trustProxy());
        this.api = new DeflectionApi(deflections, limit, platformOf, defaultSite);
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

    MessageLimit limit() {
        return limit;
    }
}
