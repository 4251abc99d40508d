package kz.komek;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import io.javalin.Javalin;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Clock;
import kz.komek.admin.LintApi;
import kz.komek.bundle.BundleStore;
import kz.komek.bundle.DemoContent;
import kz.komek.catalog.CatalogApi;
import kz.komek.catalog.CatalogPages;
import kz.komek.catalog.CatalogStore;
import kz.komek.cli.Cli;
import kz.komek.content.AnswerRenderer;
import kz.komek.content.Lint;
import kz.komek.storage.Database;
import kz.komek.web.Routes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The composition root: builds every part with {@code new}. Tests call {@link #create} like {@code serve} does. */
public final class App implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(App.class);

    private final Config config;
    private final Database database;
    private final Javalin javalin;
    private final CatalogStore catalog;
    private final BundleStore bundles;

    private App(Config config, Database database, Javalin javalin, CatalogStore catalog, BundleStore bundles) {
        this.config = config;
        this.database = database;
        this.javalin = javalin;
        this.catalog = catalog;
        this.bundles = bundles;
    }

    public static void main(String[] args) {
        System.exit(Cli.run(args));
    }

    public static App create(Config config) {
        Database database = Database.open(config, 16);
        try {
            var clock = Clock.system(config.zone());
            var catalog = new CatalogStore(database.jdbi());
            var bundles = new BundleStore(database.jdbi());
            if (config.loadDemo()) {
                new DemoContent(bundles, catalog).loadIfEmpty();
            }
            var templates = TemplateEngine.createPrecompiled(ContentType.Html);
            var answers = new AnswerRenderer(config.content());
            var registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
            var routes = new Routes(
                    config,
                    catalog,
                    new CatalogPages(catalog, answers, templates, clock, config.zone()),
                    new CatalogApi(catalog, answers, clock, config.zone()),
                    new LintApi(bundles, new Lint(config.content()), clock, config.zone()),
                    templates,
                    registry);
            Javalin javalin = Javalin.create(routes::configure);
            return new App(config, database, javalin, catalog, bundles);
        } catch (RuntimeException e) {
            database.close();
            throw e;
        }
    }

    public App start() {
        javalin.start(config.port());
        log.info("komek ready at http://localhost:{}/ ({})", javalin.port(), database.description());
        return this;
    }

    public int port() {
        return javalin.port();
    }

    public CatalogStore catalog() {
        return catalog;
    }

    public BundleStore bundles() {
        return bundles;
    }

    @Override
    public void close() {
        try {
            javalin.stop();
        } finally {
            database.close();
        }
    }
}
