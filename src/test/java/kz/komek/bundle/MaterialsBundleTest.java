package kz.komek.bundle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import kz.komek.Config;
import kz.komek.catalog.CatalogStore;
import kz.komek.progress.Progress;
import kz.komek.storage.Database;
import kz.komek.testing.TestApp;
import kz.komek.testing.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Videos and documents in a bundle (bundle-format.md, "Section kinds"): round trip, refusals, merge by id. */
class MaterialsBundleTest {
    static final String FIXTURE = "/fixtures/materials.bundle.json";

    private final BundleJson json = new BundleJson();
    private final ObjectMapper mapper = new ObjectMapper();
    private Database db;
    private BundleStore store;
    private CatalogStore catalog;

    @BeforeEach
    void open() {
        db = Database.open(Config.forTests(Path.of("unused")).withDb(Optional.of(TestDatabase.fresh())), 4);
        store = new BundleStore(db.jdbi());
        catalog = new CatalogStore(db.jdbi());
    }

    @AfterEach
    void close() {
        db.close();
    }

    private static String fixture() {
        return TestApp.resource(FIXTURE);
    }

    private ImportReport importText(String text) {
        return store.importBundle(json.read(text), List.of());
    }

    /** The fixture as a tree, changed by {@code change}, as text. */
    private String changed(Consumer<ObjectNode> change) throws Exception {
        ObjectNode b = (ObjectNode) mapper.readTree(fixture());
        change.accept(b);
        return mapper.writeValueAsString(b);
    }

    private static ObjectNode material(ObjectNode bundle, long id) {
        for (var m : bundle.get("materials")) {
            if (m.get("id").asLong() == id) {
                return (ObjectNode) m;
            }
        }
        throw new AssertionError("no material " + id);
    }

    @Test
    void aBundleWithVideosAndDocumentsExportsByteForByteAsImportedAndAgain() throws Exception {
        ImportReport first = importText(fixture());
        assertThat(first.materials()).isEqualTo(new ImportReport.Counts(7, 0, 0));
        assertThat(first.describe()).contains("materials: 7 new, 0 updated, 0 unchanged");
        // the fixture is written as an export writes: kinds after positions, absent fields left out
        String exported = json.write(store.export());
        assertThat(exported).isEqualTo(fixture());
        // the streamed export gives the same bytes
        var streamed = new StringWriter();
        store.export(streamed, Progress.NONE);
        assertThat(streamed.toString()).isEqualTo(exported);
        // imported again, nothing is written; exported again, the same bytes
        long version = catalog.contentVersion();
        ImportReport again = importText(exported);
        assertThat(again.materials()).isEqualTo(new ImportReport.Counts(0, 0, 7));
        assertThat(again.sections()).isEqualTo(new ImportReport.Counts(0, 0, 5));
        assertThat(json.write(store.export())).isEqualTo(exported);
        assertThat(catalog.contentVersion()).isEqualTo(version + 1);
    }

    @Test
    void aStreamedFileImportsItsMaterialsToo() throws Exception {
        var input = new BundleReader()
                .scan(BundleSource.bytes("materials.json", fixture().getBytes(StandardCharsets.UTF_8)), Progress.NONE);
        var report = store.importBundle(input, List.of(), VotePolicy.DEFAULT, false, Progress.NONE);
        assertThat(report.materials().created()).isEqualTo(7);
        assertThat(json.write(store.export())).isEqualTo(fixture());
    }

    @Test
    void aBundleWithoutMaterialsExportsWithoutThemOrKinds() {
        String plain = TestApp.resource("/fixtures/mini.bundle.json");
        importText(plain);
        String exported = json.write(store.export());
        assertThat(exported).doesNotContain("\"materials\"").doesNotContain("\"kind\"");
        assertThat(importText(exported).describe()).doesNotContain("materials");
    }

    @Test
    void importMergesMaterialsByIdAndKeepsWhatTheBundleDoesNotName() throws Exception {
        importText(fixture());
        // a bundle naming one material (its title changed, its kz text left out) and a new one
        String merge = changed(b -> {
            ArrayNode list = b.putArray("materials");
            ObjectNode m = list.addObject();
            m.put("id", 9101).put("site", "partner").put("section", "pos/docs").put("kind", "document");
            m.put("position", 1);
            m.putObject("locales")
                    .putObject("ru")
                    .put("title", "Условия договора (2025)")
                    .put("url", "https://example.kz/docs/terms.pdf")
                    .put("format", "pdf")
                    .put("size", 500000);
            ObjectNode added = list.addObject();
            added.put("id", 9103)
                    .put("site", "partner")
                    .put("section", "pos/docs")
                    .put("kind", "document");
            added.putObject("locales").putObject("kz").put("title", "Тариф").put("url", "https://example.kz/t.pdf");
            b.remove("questions");
        });
        ImportReport r = importText(merge);
        assertThat(r.materials()).isEqualTo(new ImportReport.Counts(1, 1, 0));
        Bundle after = store.export();
        assertThat(after.materials())
                .extracting(Bundle.Material::id)
                .containsExactly(9001L, 9002L, 9003L, 9004L, 9103L, 9101L, 9102L, 9005L);
        Bundle.Material terms = after.materials().stream()
                .filter(m -> m.id() == 9101)
                .findFirst()
                .orElseThrow();
        assertThat(terms.locales().get("ru").title()).isEqualTo("Условия договора (2025)");
        assertThat(terms.locales().get("ru").size()).contains(500000L);
        assertThat(terms.locales().get("ru").updated()).isEmpty();
        // the locale the bundle left out is kept
        assertThat(terms.locales().get("kz").title()).isEqualTo("Шарт талаптары");
    }

    @Test
    void badMaterialsAreRefusedNamingTheFieldAndNothingIsWritten() throws Exception {
        importText(fixture());
        String before = json.write(store.export());
        long version = catalog.contentVersion();
        record Case(String field, Consumer<ObjectNode> change) {}
        var cases = List.of(
                new Case(
                        "material 9001, field locales.ru.url: expected an https link",
                        b -> ((ObjectNode) material(b, 9001).at("/locales/ru")).put("url", "http://youtube.com/x")),
                new Case(
                        "material 9001, field locales.ru.url: expected an https link to a YouTube or Vimeo video",
                        b -> ((ObjectNode) material(b, 9001).at("/locales/ru")).put("url", "https://example.kz/a.pdf")),
                new Case(
                        "material 9001, field locales.ru.duration: expected an ISO 8601 duration",
                        b -> ((ObjectNode) material(b, 9001).at("/locales/ru")).put("duration", "2:31")),
                new Case(
                        "material 9101, field locales.ru.size: expected a whole number ≥ 0",
                        b -> ((ObjectNode) material(b, 9101).at("/locales/ru")).put("size", -1)),
                new Case(
                        "material 9101, field locales.ru.duration: is for videos only",
                        b -> ((ObjectNode) material(b, 9101).at("/locales/ru")).put("duration", "PT1M")),
                new Case(
                        "material 9001, field locales.ru.format: is for documents only",
                        b -> ((ObjectNode) material(b, 9001).at("/locales/ru")).put("format", "mp4")),
                new Case(
                        "material 9001: id listed twice", b -> material(b, 9002).put("id", 9001)),
                new Case(
                        "material 9001, field kind: expected video or document",
                        b -> material(b, 9001).put("kind", "audio")),
                new Case(
                        "material 9001, field section: section \"pos/nope\" does not exist in site \"partner\"",
                        b -> material(b, 9001).put("section", "pos/nope")),
                new Case(
                        "material 9001, field section: section \"pos/faq\" lists questions; a video belongs in a"
                                + " section of kind videos",
                        b -> material(b, 9001).put("section", "pos/faq")),
                new Case(
                        "material 9001, field section: section \"pos/docs\" lists documents; a video belongs in a"
                                + " section of kind videos",
                        b -> material(b, 9001).put("section", "pos/docs")),
                new Case(
                        "question 7001, field section: section \"pos/video\" lists videos, not questions",
                        b -> ((ObjectNode) b.get("questions").get(0)).put("section", "pos/video")),
                new Case("section partner/pos/faq, field kind: is videos, but question 7001 is listed there", b -> {
                    ((ObjectNode) b.get("sections").get(1)).put("kind", "videos");
                    b.remove("questions");
                }),
                new Case("section partner/pos/docs, field kind: is videos, but document 9101 is listed there", b -> {
                    ((ObjectNode) b.get("sections").get(3)).put("kind", "videos");
                    b.remove("materials");
                }),
                new Case(
                        "section partner/pos/docs, field kind: expected questions, videos or documents",
                        b -> ((ObjectNode) b.get("sections").get(3)).put("kind", "files")));
        for (Case c : cases) {
            String bad = changed(c.change());
            assertThatThrownBy(() -> importText(bad))
                    .as(c.field())
                    .isInstanceOf(BundleException.class)
                    .hasMessageContaining(c.field());
            assertThat(json.write(store.export())).as(c.field()).isEqualTo(before);
            assertThat(catalog.contentVersion()).isEqualTo(version);
        }
    }
}
