package kz.komek.bundle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import kz.komek.Config;
import kz.komek.catalog.CatalogStore;
import kz.komek.catalog.SectionPath;
import kz.komek.i18n.Locale;
import kz.komek.storage.Database;
import kz.komek.testing.SharedCorpus;
import kz.komek.testing.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class BundleStoreTest {
    private final BundleJson json = new BundleJson();
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

    private ImportReport importText(String text) {
        return store.importBundle(json.read(text), List.of());
    }

    @Test
    void exportGivesBackWhatWasImported() {
        importText(BundleJsonTest.bundle(BundleJsonTest.QUESTION));
        String first = json.write(store.export());
        store.importBundle(json.read(first), List.of());
        assertThat(json.write(store.export())).isEqualTo(first);
        var q = catalog.question(456).orElseThrow();
        assertThat(q.votesUp()).contains(89L);
        assertThat(q.text(Locale.KZ).orElseThrow().title()).isEqualTo("Бонус қалай аламын?");
    }

    @Test
    void theSharedCorpusImportsExportsAndReimportsIdentically() throws Exception {
        String text = Files.readString(SharedCorpus.file("corpus/dala-help.bundle.json"));
        ImportReport report = importText(text);
        assertThat(report.questionsCreated()).isEqualTo(150);
        assertThat(report.sectionsCreated()).isEqualTo(52);
        String exported = json.write(store.export());
        var mapper = new ObjectMapper();
        assertThat(kz.komek.testing.JsonDiff.firstDifference(mapper.readTree(text), mapper.readTree(exported)))
                .isEmpty();
        ImportReport again = store.importBundle(json.read(exported), List.of());
        // the export is exactly what is stored: nothing to write again
        assertThat(again.questions()).isEqualTo(new ImportReport.Counts(0, 0, 150));
        assertThat(again.sections()).isEqualTo(new ImportReport.Counts(0, 0, 52));
        assertThat(again.changedQuestions()).isEmpty();
        assertThat(json.write(store.export())).isEqualTo(exported);
    }

    @Test
    void aBadRecordChangesNothing() {
        importText(BundleJsonTest.bundle(BundleJsonTest.QUESTION));
        String before = json.write(store.export());
        long version = catalog.contentVersion();
        // The second question names a section that does not exist: the first must not be stored either.
        String bad = BundleJsonTest.bundle(BundleJsonTest.QUESTION.replace("Бонус қалай аламын?", "Changed")
                + ","
                + BundleJsonTest.QUESTION
                        .replace("456", "457")
                        .replace("\"section\": \"bonus\"", "\"section\": \"nope\""));
        assertThatThrownBy(() -> importText(bad))
                .isInstanceOf(BundleException.class)
                .hasMessageContaining("question 457, field section")
                .hasMessageContaining("\"nope\" does not exist");
        assertThat(json.write(store.export())).isEqualTo(before);
        assertThat(catalog.contentVersion()).isEqualTo(version);
    }

    @Test
    void aSectionNeedsItsParent() {
        String text = BundleJsonTest.bundle("")
                .replace(
                        "\"sections\": [",
                        "\"sections\": [{\"site\": \"client\", \"path\": \"cards/gold\", \"title\": {\"ru\": \"Gold\"}},");
        assertThatThrownBy(() -> importText(text))
                .hasMessageContaining("section client/cards/gold, field path")
                .hasMessageContaining("parent section \"cards\" does not exist");
        assertThat(catalog.sites()).isEmpty();
    }

    @Test
    void importMergesByKeyAndKeepsLocalesTheBundleLeavesOut() {
        importText(BundleJsonTest.bundle(BundleJsonTest.QUESTION));
        String ruOnly = BundleJsonTest.QUESTION
                .replace("\"kz\": {\"title\": \"Бонус қалай аламын?\"", "\"ru\": {\"title\": \"Как получить бонус?\"")
                .replace("\"up\": 89", "\"up\": 90");
        ImportReport r = importText(BundleJsonTest.bundle(ruOnly));
        assertThat(r.questionsUpdated()).isEqualTo(1);
        var q = catalog.question(456).orElseThrow();
        assertThat(q.text(Locale.KZ).orElseThrow().title()).isEqualTo("Бонус қалай аламын?");
        assertThat(q.text(Locale.RU).orElseThrow().title()).isEqualTo("Как получить бонус?");
        assertThat(q.votesUp()).contains(90L);
        assertThat(catalog.tree("client")
                        .find(new SectionPath("bonus"))
                        .orElseThrow()
                        .titles())
                .containsEntry(Locale.RU, "Бонусы");
    }

    @Test
    void theReportTellsChangedFromUnchangedAndOnlyChangedQuestionsAreIndexedAgain() {
        String two = BundleJsonTest.QUESTION + "," + BundleJsonTest.QUESTION.replace("456", "457");
        ImportReport first = importText(BundleJsonTest.bundle(two));
        assertThat(first.questions()).isEqualTo(new ImportReport.Counts(2, 0, 0));
        assertThat(first.changedQuestions()).containsExactly(456L, 457L);
        long r456 = revision(456);
        long r457 = revision(457);

        ImportReport same = importText(BundleJsonTest.bundle(two));
        assertThat(same.questions()).isEqualTo(new ImportReport.Counts(0, 0, 2));
        assertThat(same.sites()).isEqualTo(new ImportReport.Counts(0, 0, 1));
        assertThat(same.sections().updated()).isZero();
        assertThat(same.describe()).contains("questions: 0 new, 0 updated, 2 unchanged");
        assertThat(revision(456)).isEqualTo(r456);
        assertThat(revision(457)).isEqualTo(r457);

        // a text only (the Kazakh title of 457): that question is changed, and search is told
        String retitled = BundleJsonTest.QUESTION + ","
                + BundleJsonTest.QUESTION.replace("456", "457").replace("Бонус қалай аламын?", "Бонусты қалай аламын?");
        ImportReport one = importText(BundleJsonTest.bundle(retitled));
        assertThat(one.questions()).isEqualTo(new ImportReport.Counts(0, 1, 1));
        assertThat(one.changedQuestions()).containsExactly(457L);
        assertThat(revision(456)).isEqualTo(r456);
        assertThat(revision(457)).isGreaterThan(r457);

        // a count only (the question row, not its texts)
        ImportReport votes = importText(BundleJsonTest.bundle(retitled.replaceFirst("\"up\": 89", "\"up\": 91")));
        assertThat(votes.changedQuestions()).containsExactly(456L);
        assertThat(revision(456)).isGreaterThan(r456);
    }

    @Test
    void retitlingASectionReindexesTheQuestionsBelowItOnly() {
        String text = BundleJsonTest.bundle(
                        BundleJsonTest.QUESTION.replace("\"section\": \"bonus\"", "\"section\": \"bonus/save\""))
                .replace(
                        "\"sections\": [",
                        "\"sections\": [{\"site\": \"client\", \"path\": \"shop\", \"title\": {\"ru\": \"Магазин\"}},");
        text = text.replace(
                "\"title\": {\"ru\": \"Бонусы\"}}]",
                "\"title\": {\"ru\": \"Бонусы\"}}, {\"site\": \"client\", \"path\": \"bonus/save\","
                        + " \"title\": {\"ru\": \"Накопление\"}}]");
        importText(text);
        long before = revision(456);
        assertThat(importText(text.replace("Магазин", "Маркет")).sections())
                .isEqualTo(new ImportReport.Counts(0, 1, 2));
        assertThat(revision(456)).as("another product").isEqualTo(before);
        assertThat(importText(text.replace("Магазин", "Маркет").replace("\"Бонусы\"", "\"Бонусы и кешбэк\""))
                        .sections()
                        .updated())
                .isEqualTo(1);
        assertThat(revision(456)).as("a question two levels below").isGreaterThan(before);
    }

    private long revision(long id) {
        return db.jdbi()
                .withHandle(h -> h.createQuery("select revision from question where id = :id")
                        .bind("id", id)
                        .mapTo(Long.class)
                        .one());
    }

    @Test
    void aDryRunReportsButChangesNothing() {
        ImportReport r = store.importBundle(json.read(BundleJsonTest.bundle(BundleJsonTest.QUESTION)), List.of(), true);
        assertThat(r.questionsCreated()).isEqualTo(1);
        assertThat(catalog.sites()).isEmpty();
        assertThat(catalog.question(456)).isEmpty();
    }

    @Test
    void answersAreSanitizedOnTheWayInAndTheReportSaysWhat() {
        String hostile = BundleJsonTest.QUESTION.replace(
                "<p>Жауап</p>",
                "<p onclick=\\\"steal()\\\">Жауап<script>steal()</script> <a href=\\\"javascript:steal()\\\">сілтеме</a></p>");
        ImportReport r = importText(BundleJsonTest.bundle(hostile));
        String stored = catalog.question(456)
                .orElseThrow()
                .text(Locale.KZ)
                .orElseThrow()
                .content();
        assertThat(stored)
                .contains("Жауап")
                .contains("сілтеме")
                .doesNotContain("script")
                .doesNotContain("onclick")
                .doesNotContain("javascript");
        assertThat(r.notes())
                .anySatisfy(n -> assertThat(n)
                        .startsWith("question 456, locale kz: removed from the answer: ")
                        .contains("script"));
    }

    @Test
    void unknownFieldsAreReportedAndKept() {
        String q = BundleJsonTest.QUESTION.replace("\"pinned\": false,", "\"pinned\": false, \"tags\": [\"x\"],");
        ImportReport r = importText(BundleJsonTest.bundle(q));
        assertThat(r.notes())
                .anySatisfy(n -> assertThat(n).contains("question 456").contains("tags"));
        assertThat(json.write(store.export())).contains("\"tags\" : [ \"x\" ]");
    }
}
