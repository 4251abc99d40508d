package kz.komek.ops;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;

/**
 * Whether this node should be sent readers (decision 0041): the database answers, its schema is the one this jar
 * migrates to, search is current or catching up (pages are served meanwhile; a node whose index is being rebuilt would
 * find nothing, or answer from an index of another schema), and the node is not draining. A load balancer asks it
 * every second or two, and anyone may: it costs memory reads and, a few times a second at most, one short query.
 */
public final class Readiness {
    /** How far search is behind the content. */
    public enum SearchState {
        CURRENT("current"),
        CATCHING_UP("catching_up"),
        REBUILDING("rebuilding");

        private final String code;

        SearchState(String code) {
            this.code = code;
        }

        public String code() {
            return code;
        }
    }

    /**
     * What a check found.
     *
     * @param appliedMigration the database's newest migration; empty when the database did not answer
     * @param expectedMigration the newest migration this jar has
     * @param contentVersion the content version this node knows (from memory)
     * @param indexedVersion the version searchers see; -1 for a new index
     */
    public record Report(
            Optional<String> appliedMigration,
            String expectedMigration,
            long contentVersion,
            long indexedVersion,
            SearchState search,
            boolean draining) {
        public boolean database() {
            return appliedMigration.isPresent();
        }

        /**
         * Whether the database has every migration this jar needs. A newer schema is fine: migrations only add
         * (decision 0044), so a node of the release before keeps serving while a new one has migrated, as a rolling
         * upgrade needs.
         */
        public boolean migrationsCurrent() {
            return appliedMigration
                    .filter(applied -> org.flywaydb.core.api.MigrationVersion.fromVersion(applied)
                                    .compareTo(org.flywaydb.core.api.MigrationVersion.fromVersion(expectedMigration))
                            >= 0)
                    .isPresent();
        }

        public boolean ready() {
            return database() && migrationsCurrent() && search != SearchState.REBUILDING && !draining;
        }

        /** The body of {@code /health/ready}. */
        public Map<String, Object> json() {
            var body = new LinkedHashMap<String, Object>();
            body.put("status", ready() ? "UP" : "DOWN");
            body.put("database", database() ? "UP" : "DOWN");
            var migrations = new LinkedHashMap<String, Object>();
            migrations.put("applied", appliedMigration.orElse(null));
            migrations.put("expected", expectedMigration);
            migrations.put("current", migrationsCurrent());
            body.put("migrations", migrations);
            var index = new LinkedHashMap<String, Object>();
            index.put("content_version", contentVersion);
            index.put("indexed_version", indexedVersion);
            index.put("lag", lag(contentVersion, indexedVersion));
            index.put("state", search.code());
            body.put("search", index);
            body.put("draining", draining);
            return body;
        }
    }

    private final DatabaseProbe database;
    private final String expectedMigration;
    private final LongSupplier contentVersion;
    private final LongSupplier indexedVersion;
    private final BooleanSupplier rebuilding;
    private volatile boolean draining;

    /**
     * @param expectedMigration the newest migration this jar has
     * @param contentVersion the content version as this node knows it, from memory
     * @param indexedVersion the version the search index's searchers see
     * @param rebuilding whether the index is being built anew
     */
    public Readiness(
            DatabaseProbe database,
            String expectedMigration,
            LongSupplier contentVersion,
            LongSupplier indexedVersion,
            BooleanSupplier rebuilding) {
        this.database = database;
        this.expectedMigration = expectedMigration;
        this.contentVersion = contentVersion;
        this.indexedVersion = indexedVersion;
        this.rebuilding = rebuilding;
    }

    public Report report() {
        boolean stopping = draining;
        // a draining node is not ready whatever the database says: its last word will do, without a wait
        var answer = stopping ? database.last() : database.now();
        long content = contentVersion.getAsLong();
        long indexed = indexedVersion.getAsLong();
        SearchState search = rebuilding.getAsBoolean()
                ? SearchState.REBUILDING
                : indexed >= content ? SearchState.CURRENT : SearchState.CATCHING_UP;
        return new Report(answer.appliedMigration(), expectedMigration, content, indexed, search, stopping);
    }

    /** From now on the node is not ready: it is about to stop (SIGTERM). Never undone. */
    public void drain() {
        draining = true;
    }

    public boolean draining() {
        return draining;
    }

    /** Versions the index lags behind the content; a new index (-1) lags by all of them. */
    static long lag(long content, long indexed) {
        return Math.max(0, content - indexed);
    }

    /**
     * Publishes {@code komek.search.index.lag} (content versions the index is behind) and {@code komek.draining}.
     * Neither asks the database.
     */
    public void register(MeterRegistry registry) {
        Gauge.builder("komek.search.index.lag", () -> lag(contentVersion.getAsLong(), indexedVersion.getAsLong()))
                .description("content versions this node's search index is behind the content it knows")
                .baseUnit("versions")
                .register(registry);
        Gauge.builder("komek.search.index.rebuilding", () -> rebuilding.getAsBoolean() ? 1 : 0)
                .description("1 while this node's search index is being built anew")
                .register(registry);
        Gauge.builder("komek.draining", () -> draining ? 1 : 0)
                .description("1 once the node is stopping: not ready, finishing what it serves")
                .register(registry);
    }
}
