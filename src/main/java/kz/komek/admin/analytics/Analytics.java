package kz.komek.admin.analytics;

import java.time.Clock;
import java.time.Duration;
import kz.komek.admin.AdminKit;
import org.jdbi.v3.core.Jdbi;

/**
 * The analytics room, built once by {@code App}: the page and its CSV files, the JSON API, and the upkeep that prunes
 * by the retention (started with the app, closed with it).
 */
public final class Analytics implements AutoCloseable {
    /** How often each node prunes: the deletes are per day, so hourly is plenty. */
    static final Duration UPKEEP_EVERY = Duration.ofHours(1);

    private final AnalyticsPages pages;
    private final AnalyticsApi api;
    private final AnalyticsUpkeep upkeep;

    /** @param retentionDays days raw events and readers' words are kept */
    public Analytics(Jdbi jdbi, AdminKit kit, Clock clock, int retentionDays) {
        var store = new AnalyticsStore(jdbi, clock.getZone());
        this.pages = new AnalyticsPages(kit, store, clock);
        this.api = new AnalyticsApi(kit.access(), store, clock);
        this.upkeep = new AnalyticsUpkeep(jdbi, clock, retentionDays);
    }

    public AnalyticsPages pages() {
        return pages;
    }

    public AnalyticsApi api() {
        return api;
    }

    public AnalyticsUpkeep upkeep() {
        return upkeep;
    }

    public Analytics start() {
        upkeep.start(UPKEEP_EVERY);
        return this;
    }

    @Override
    public void close() {
        upkeep.close();
    }
}
