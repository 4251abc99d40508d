package kz.komek;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import io.javalin.Javalin;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Clock;
import java.util.Optional;
import kz.komek.admin.accounts.Accounts;
import kz.komek.admin.accounts.AdminAccounts;
import kz.komek.admin.analytics.Analytics;
import kz.komek.admin.audit.AuditLog;
import kz.komek.admin.materials.MaterialEditor;
import kz.komek.admin.materials.MaterialPages;
import kz.komek.admin.questions.AdminQuestionsApi;
import kz.komek.admin.questions.Lint;
import kz.komek.admin.questions.LintApi;
import kz.komek.admin.questions.QuestionEditor;
import kz.komek.admin.questions.QuestionPages;
import kz.komek.admin.questions.QuestionWrites;
import kz.komek.admin.questions.RevisionPages;
import kz.komek.admin.sections.Placement;
import kz.komek.admin.sections.SectionEditor;
import kz.komek.admin.sections.SectionPages;
import kz.komek.admin.sections.SectionsApi;
import kz.komek.admin.transfer.Transfers;
import kz.komek.admin.words.WordsPages;
import kz.komek.bundle.BundleStore;
import kz.komek.catalog.CatalogApi;
import kz.komek.catalog.CatalogMemory;
import kz.komek.catalog.CatalogPages;
import kz.komek.catalog.CatalogStore;
import kz.komek.catalog.CurrentState;
import kz.komek.catalog.PageCache;
import kz.komek.catalog.PageDates;
import kz.komek.catalog.QuestionMoves;
import kz.komek.catalog.ReaderKit;
import kz.komek.cli.Cli;
import kz.komek.content.AnswerRenderer;
import kz.komek.deflection.Deflection;
import kz.komek.feedback.Feedback;
import kz.komek.generate.DemoContent;
import kz.komek.ops.DatabaseProbe;
import kz.komek.ops.MetricsListener;
import kz.komek.ops.Readiness;
import kz.komek.search.AnswerEvidence;
import kz.komek.search.LexiconUpkeep;
import kz.komek.search.ReaderWords;
import kz.komek.search.SearchApi;
import kz.komek.search.SearchCounter;
import kz.komek.search.SearchDocuments;
import kz.komek.search.SearchIndex;
import kz.komek.search.SearchMisses;
import kz.komek.search.SearchPages;
import kz.komek.search.SearchService;
import kz.komek.search.SearchStore;
import kz.komek.search.SearchSync;
import kz.komek.search.SentenceEncoder;
import kz.komek.search.Synonyms;
import kz.komek.seo.PublicOrigin;
import kz.komek.sitemap.SitemapPages;
import kz.komek.sitemap.SitemapStore;
import kz.komek.sitemap.Sitemaps;
import kz.komek.storage.ContentChanges;
import kz.komek.storage.Database;
import kz.komek.web.GracefulStop;
import kz.komek.web.Routes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The composition root: builds every part with {@code new}. Tests call {@link #create} like {@code serve} does. */
public final class App implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(App.class);

    /** Memory for rendered pages (see PageCache): a few thousand pages of a large help center. */
    private static final long PAGE_CACHE_BYTES = 64L << 20;

    /** What the app built: closed in {@link #close}, and lent to tests and the CLI beside HTTP. */
    private record Parts(
            Database database,
            Javalin javalin,
            CatalogStore catalog,
            BundleStore bundles,
            SearchIndex searchIndex,
            Optional<SentenceEncoder> encoder,
            ContentChanges contentChanges,
            CurrentState current,
            SearchSync searchSync,
            LexiconUpkeep lexicon,
            ReaderWords readerWords,
            SearchMisses searchMisses,
            SearchCounter searchCounter,
            Analytics analytics,
            Feedback feedback,
            QuestionEditor editor,
            Placement placement,
            AuditLog audit,
            AdminAccounts admin,
            PrometheusMeterRegistry registry,
            Readiness readiness,
            DatabaseProbe probe,
            Deflection deflection) {}

    private final Config config;
    private final Parts parts;
    /** {@code /metrics} on a port of its own, when asked for; opened by {@link #start}. */
    private volatile Optional<MetricsListener> metrics = Optional.empty();

    private final java.util.concurrent.atomic.AtomicBoolean closed = new java.util.concurrent.atomic.AtomicBoolean();

    private App(Config config, Parts parts) {
        this.config = config;
        this.parts = parts;
    }

    private void drain() {
        var ops = config.operations();
        parts.readiness().drain();
        if (parts.javalin().jettyServer().started() && ops.drainDelay().compareTo(java.time.Duration.ZERO) > 0) {
            log.info(
                    "draining: /health/ready says 503; HTTP stops in {} ms",
                    ops.drainDelay().toMillis());
            try {
                Thread.sleep(ops.drainDelay().toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        GracefulStop.stop(parts.javalin(), ops.drainTimeout());
    }

    public static void main(String[] args) {
        System.exit(Cli.run(args));
    }

    public static App create(Config config) {
        return create(config, SearchSync.RebuildHook.NONE);
    }

    /** As {@link #create(Config)}, with a hook the search index's rebuild calls after each batch (tests hold it). */
    public static App create(Config config, SearchSync.RebuildHook rebuildHook) {
        // a model that cannot be used stops the start before anything else is opened
        Optional<SentenceEncoder> encoder = config.embeddingModel().map(SentenceEncoder::load);
        encoder.ifPresent(e -> log.info(
                "semantic search with the model in {} ({} dimensions)",
                config.embeddingModel().get(),
                e.dimensions()));
        Database database;
        try {
            // closed by close(), after the drain: not by a shutdown hook of its own, running beside serve's
            database = Database.open(config, config.operations().dbPool(), false);
        } catch (RuntimeException e) {
            encoder.ifPresent(SentenceEncoder::close);
            throw e;
        }
        SearchIndex searchIndex = null;
        ContentChanges contentChanges = null;
        SearchSync searchSync = null;
        SearchMisses searchMisses = null;
        SearchCounter searchCounter = null;
        Analytics analytics = null;
        LexiconUpkeep lexicon = null;
        ReaderWords readerWords = null;
        Feedback feedback = null;
        CurrentState current = null;
        DatabaseProbe probe = null;
        try {
            var clock = Clock.system(config.zone());
            var catalog = new CatalogStore(database.jdbi());
            var bundles = new BundleStore(database.jdbi());
            if (config.loadDemo()) {
                new DemoContent(bundles, catalog).loadIfEmpty();
            }
            var templates = TemplateEngine.createPrecompiled(ContentType.Html);
            var answers = new AnswerRenderer(config.content());
            var lint = new Lint(config.content());
            var audit = new AuditLog(database.jdbi());
            var questionWrites = new QuestionWrites(bundles, audit, clock);
            var editor = new QuestionEditor(database.jdbi(), questionWrites, lint);
            var placement = new Placement(database.jdbi(), questionWrites);
            var searchStore = new SearchStore(database.jdbi());
            searchIndex = SearchIndex.open(config.dataDir().resolve("index"), encoder);
            // every node hears each content write as it commits (LISTEN/NOTIFY), and polls while it cannot
            contentChanges = new ContentChanges(database::connectAlone);
            searchSync = new SearchSync(
                    searchStore, searchIndex, new SearchDocuments(answers), contentChanges::listening, rebuildHook);
            contentChanges.subscribe(searchSync::changed);
            searchMisses = new SearchMisses(searchStore, config.operations().analyticsRetention());
            searchCounter = new SearchCounter(searchStore, clock);
            // pages are looked up by content state on every request: this node keeps it in memory
            current = new CurrentState(catalog, clock, contentChanges::listening);
            database.afterCommit(current::committed);
            contentChanges.subscribe(current::heard);
            var search = new SearchService(searchIndex, Synonyms.of(config.synonyms()));
            lexicon = new LexiconUpkeep(searchIndex, search, searchStore::verdicts, LexiconUpkeep.INTERVAL_MILLIS);
            contentChanges.subscribe(lexicon::heard);
            var origin = new PublicOrigin(config.baseUrl());
            readerWords = new ReaderWords(database.jdbi(), config.feedback().trustProxy(), clock);
            feedback = new Feedback(database.jdbi(), catalog, config.feedback(), clock, readerWords).start();
            var readers =
                    new ReaderKit(templates, answers, clock, config.branding().brand());
            var memory =
                    new CatalogMemory(catalog, current::now, config.feedback().topListTtl());
            current.onChange(memory::prepare);
            var pages = new CatalogPages(readers, memory, feedback, origin, new QuestionMoves(database.jdbi()));
            var registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
            search.register(registry);
            feedback.register(registry);
            database.publishPoolMetrics(registry);
            Gauge.builder("komek.content.changes.listening", contentChanges, c -> c.listening() ? 1 : 0)
                    .description("1 while this node hears content writes commit (LISTEN); 0 while it polls")
                    .register(registry);
            probe = new DatabaseProbe(database::appliedMigration);
            var readiness = new Readiness(
                    probe,
                    database.newestMigration(),
                    current::version,
                    searchSync::indexedVersion,
                    searchSync::rebuilding);
            readiness.register(registry);
            // the proxy flag lives with feedback, which came first; it means the same here
            var admin = new AdminAccounts(
                    database.jdbi(), config.feedback().trustProxy(), config.baseUrl(), templates, clock);
            analytics = new Analytics(
                    database.jdbi(), admin.kit(), clock, config.operations().analyticsRetention());
            var sectionEditor = new SectionEditor(database.jdbi(), audit);
            var deflection = new Deflection(
                    database.jdbi(),
                    new AnswerEvidence(search, searchIndex),
                    catalog,
                    readers,
                    pages,
                    config,
                    registry);
            var transfers = new Transfers(database.jdbi(), bundles, audit, admin.kit(), config.maxBodyBytes());
            transfers.register(registry);
            var handlers = new Routes.Handlers(
                    catalog,
                    pages,
                    new CatalogApi(catalog, feedback, readers),
                    feedback.api(),
                    feedback.pages(),
                    new LintApi(bundles, lint, admin.kit()),
                    admin,
                    new AdminQuestionsApi(editor, audit, admin.access()),
                    new QuestionPages(admin.kit(), editor, catalog, pages),
                    new RevisionPages(admin.kit(), editor),
                    new SectionsApi(sectionEditor, placement, admin.access()),
                    new SectionPages(admin.kit(), sectionEditor, placement),
                    new MaterialPages(admin.kit(), new MaterialEditor(database.jdbi(), bundles, audit, clock), catalog),
                    transfers,
                    new WordsPages(admin.kit(), lexicon, searchStore, readerWords, catalog, audit),
                    new SearchApi(search, searchMisses, catalog, clock),
                    new SearchPages(
                            readers,
                            search,
                            searchMisses,
                            pages,
                            catalog,
                            memory,
                            feedback,
                            readerWords,
                            searchCounter),
                    new SitemapPages(
                            new Sitemaps(catalog, new SitemapStore(database.jdbi()), clock, Sitemaps.MAX_URLS),
                            catalog,
                            origin),
                    new PageCache(
                            PAGE_CACHE_BYTES,
                            config.feedback().topListTtl(),
                            current::now,
                            readers::platform,
                            ctx -> origin.of(ctx.scheme(), ctx.host()),
                            feedback::viewed,
                            new PageDates(database.jdbi())::since,
                            clock),
                    searchSync,
                    readiness,
                    deflection.api(),
                    deflection.pages(),
                    analytics);
            Javalin javalin = Javalin.create(new Routes(config, handlers, templates, registry)::configure);
            return new App(
                    config,
                    new Parts(
                            database,
                            javalin,
                            catalog,
                            bundles,
                            searchIndex,
                            encoder,
                            contentChanges,
                            current,
                            searchSync,
                            lexicon,
                            readerWords,
                            searchMisses,
                            searchCounter,
                            analytics,
                            feedback,
                            editor,
                            placement,
                            audit,
                            admin,
                            registry,
                            readiness,
                            probe,
                            deflection));
        } catch (RuntimeException e) {
            // what was opened before the failure, in the order close() closes it
            closeOpened(
                    e,
                    probe,
                    feedback,
                    current,
                    contentChanges,
                    searchSync,
                    searchMisses,
                    searchCounter,
                    analytics,
                    lexicon,
                    readerWords,
                    searchIndex,
                    database);
            encoder.ifPresent(SentenceEncoder::close);
            throw e;
        }
    }

    private static void closeOpened(RuntimeException failure, AutoCloseable... opened) {
        for (AutoCloseable c : opened) {
            if (c != null) {
                try {
                    c.close();
                } catch (Exception suppressed) {
                    failure.addSuppressed(suppressed);
                }
            }
        }
    }

    public App start() {
        var m = config.operations().metrics();
        // before HTTP: a port that cannot be had stops the start, rather than a node nobody can watch
        m.port()
                .ifPresent(
                        port -> metrics = Optional.of(MetricsListener.start(m.bind(), port, parts.registry()::scrape)));
        parts.javalin().start(config.port());
        // Search catches up (or rebuilds, a minute at 100,000 questions) in the background, from now: pages are
        // served meanwhile, and the start does not share the processors with it.
        parts.searchSync().start(config.searchSyncMillis());
        parts.lexicon().start();
        parts.readerWords().start(ReaderWords.COUNT_EVERY);
        parts.searchCounter().start(config.feedback().viewFlush());
        parts.analytics().start();
        parts.current().start();
        parts.contentChanges().start();
        if (config.baseUrl().isEmpty()) {
            log.warn("--base-url is not set: canonical links, hreflang, Open Graph and sitemaps name the host each"
                    + " request asks for (pages are cached per host); set --base-url to the public address in"
                    + " production");
        }
        if (!m.served()) {
            log.info("/metrics is not served: set --metrics-port (a listener of its own) or --metrics-token (Bearer"
                    + " on this port) to read it");
        } else {
            metrics.ifPresent(l -> log.info("metrics at http://{}:{}/metrics", m.bind(), l.port()));
            m.token().ifPresent(t -> log.info("/metrics on this port to Authorization: Bearer with --metrics-token"));
        }
        log.info(
                "komek ready at http://localhost:{}/ ({})",
                parts.javalin().port(),
                parts.database().description());
        return this;
    }

    public int port() {
        return parts.javalin().port();
    }

    /** Every route served ({@code "GET /api/v1/sections/<path>"}): the OpenAPI test holds the document to them. */
    public java.util.List<String> routes() {
        return parts.javalin().unsafe.internalRouter.allHttpHandlers().stream()
                .map(e -> e.endpoint)
                .filter(e -> e.method.isHttpMethod())
                .map(e -> e.method.name() + " " + e.path)
                .toList();
    }

    /** The port of {@code /metrics}' own listener ({@code --metrics-port}), once started. */
    public java.util.OptionalInt metricsPort() {
        return metrics.map(l -> java.util.OptionalInt.of(l.port())).orElse(java.util.OptionalInt.empty());
    }

    public CatalogStore catalog() {
        return parts.catalog();
    }

    public org.jdbi.v3.core.Jdbi jdbi() {
        return parts.database().jdbi();
    }

    public BundleStore bundles() {
        return parts.bundles();
    }

    /** Editors' drafts, publishing and history of questions. */
    public QuestionEditor questionEditor() {
        return parts.editor();
    }

    /** Moving, pinning and cross-listing questions in sections. */
    public Placement placement() {
        return parts.placement();
    }

    public AuditLog auditLog() {
        return parts.audit();
    }

    /** Users and API tokens (tests; the CLI builds its own on the same database). */
    public Accounts accounts() {
        return parts.admin().accounts();
    }

    /** Writes the page views counted so far now, instead of at the next flush (tests); returns how many. */
    public long flushViews() {
        return parts.feedback().flushViews();
    }

    /** Writes the search page's counted searches and opens now, instead of at the next flush (tests). */
    public long flushSearches() {
        return parts.searchCounter().flush();
    }

    /** The analytics room: its upkeep prunes by the retention (tests run it at once). */
    public Analytics analytics() {
        return parts.analytics();
    }

    /**
     * Indexes what changed now, instead of when the write is heard or polled (tests); waits for a sync running in
     * the background first.
     */
    public void syncSearch() {
        parts.searchSync().syncNow();
    }

    /** Answers before a human: the suggest API's service (tests measure it). */
    public kz.komek.deflection.Deflections deflections() {
        return parts.deflection().deflections();
    }

    /** Readers' words: what searches led to, and the phrases counted from it. */
    public ReaderWords readerWords() {
        return parts.readerWords();
    }

    /** The word pairs searches use now (tests). */
    public java.util.List<kz.komek.search.LearnedPair> lexiconPairs() {
        return parts.lexicon().pairsInUse();
    }

    /** Learns the lexicon from the index now, with the verdicts as stored, and waits for it (tests). */
    public void learnLexicon() {
        parts.lexicon().learnNow();
    }

    /**
     * Stops, draining first (decision 0041): {@code /health/ready} answers 503 at once, responses carry {@code
     * Connection: close}; after {@code --drain-delay} new connections are refused, requests in flight get {@code
     * --drain-timeout} to finish, then everything closes, in this order. A second call does nothing.
     */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        try {
            drain();
        } finally {
            metrics.ifPresent(MetricsListener::close); // scraped until HTTP has stopped
            parts.probe().close();
            parts.feedback().close(); // after HTTP has stopped, so that no view comes after the last flush
            parts.contentChanges().close();
            parts.current().close();
            parts.searchSync().close();
            parts.searchMisses().close();
            parts.searchCounter().close(); // after HTTP has stopped: the last searches are written
            parts.analytics().close();
            parts.lexicon().close();
            parts.readerWords().close();
            parts.searchIndex().close();
            parts.encoder().ifPresent(SentenceEncoder::close);
            parts.database().close();
        }
    }
}
