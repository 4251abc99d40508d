package kz.komek.generate;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import kz.komek.bundle.Bundle;
import kz.komek.bundle.BundleJson;
import kz.komek.bundle.BundleStore;
import kz.komek.bundle.ImportReport;
import kz.komek.bundle.nuxt.NuxtImport;
import kz.komek.bundle.nuxt.NuxtPayloadReader;
import kz.komek.catalog.CatalogStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The content a new help center starts with: the seed page's questions (the user's own document, shipped in the
 * jar), under a site and section titles of komek's demo bundle, since the seed was cut before them.
 */
public final class DemoContent {
    private static final Logger log = LoggerFactory.getLogger(DemoContent.class);
    static final String BUNDLE = "/demo/demo.bundle.json";
    static final String PAYLOAD = "/demo/kz-bonus-save-general.payload.txt";

    private final BundleStore store;
    private final CatalogStore catalog;

    public DemoContent(BundleStore store, CatalogStore catalog) {
        this.store = store;
        this.catalog = catalog;
    }

    /** Loads the demo content when the database has no site yet; returns whether it did. */
    public boolean loadIfEmpty() {
        if (!catalog.sites().isEmpty()) {
            return false;
        }
        Bundle demo = new BundleJson().read(resource(BUNDLE));
        NuxtImport seed = new NuxtPayloadReader().read(resource(PAYLOAD), "client");
        ImportReport report = store.importBundle(merge(demo, seed.bundle()), seed.findings());
        log.info(
                "empty database: loaded the demo content ({} questions from the seed page)", report.questionsCreated());
        return true;
    }

    /** The demo bundle's sites and titled sections, plus whatever the payload adds. */
    static Bundle merge(Bundle demo, Bundle payload) {
        var sections = new ArrayList<>(demo.sections());
        var known = new HashSet<String>();
        demo.sections().forEach(s -> known.add(s.site() + "/" + s.path()));
        payload.sections().stream()
                .filter(s -> !known.contains(s.site() + "/" + s.path()))
                .forEach(sections::add);
        var questions = new ArrayList<>(demo.questions());
        questions.addAll(payload.questions());
        return new Bundle(demo.locales(), demo.defaultLocale(), demo.sites(), sections, questions, demo.extra());
    }

    private static String resource(String name) {
        try (InputStream in = DemoContent.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("demo content missing from the jar: " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
