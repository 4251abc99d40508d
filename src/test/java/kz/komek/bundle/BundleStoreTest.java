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

    private ImportReport importText(String text, VotePolicy votes) {
        return store.importBundle(json.read(text), List.of(), votes, false);
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
    void phrasingsRoundTripExactlyAndOnlyAChangeOfThemIsWritten() {
        String with = BundleJsonTest.bundle(BundleJsonTest.WITH_PHRASINGS);
        importText(with);
        long before = revision(456);
        String exported = json.write(store.export());
        assertThat(exported).isEqualTo(json.write(json.read(with)));
        assertThat(importText(exported).questions()).isEqualTo(new ImportReport.Counts(0, 0, 1));
        assertThat(revision(456)).isEqualTo(before);
        assertThat(json.write(store.export())).isEqualTo(exported);

        // another order is another list: changed, and search is told
        ImportReport reordered =
                importText(with.replace("\"бонус жоқ\", \"ұпай қайда\"", "\"ұпай қайда\", \"бонус жоқ\""));
        assertThat(reordered.changedQuestions()).containsExactly(456L);
        assertThat(revision(456)).isGreaterThan(before);
        assertThat(store.export()
                        .questions()
                        .get(0)
                        .locales()
                        .get("kz")
                        .phrasings()
                        .texts())
                .containsExactly("ұпай қайда", "бонус жоқ");

        // a record that gives the locale without phrasings gives none, as it gives no meta title
        importText(BundleJsonTest.bundle(BundleJsonTest.QUESTION));
        assertThat(json.write(store.export())).doesNotContain("phrasings");
    }

    @Test
    void aBadPhrasingChangesNothing() {
        importText(BundleJsonTest.bundle(BundleJsonTest.WITH_PHRASINGS));
        String before = json.write(store.export());
        long version = catalog.contentVersion();
        String bad = BundleJsonTest.bundle(BundleJsonTest.QUESTION.replace("456", "457")
                + ","
                + BundleJsonTest.WITH_PHRASINGS.replace("\"ұпай қайда\"", "\"Бонус жоқ\""));
        assertThatThrownBy(() -> importText(bad))
                .isInstanceOf(BundleException.class)
                .hasMessage("question 456, field phrasings.kz[1]: \"Бонус жоқ\" is given twice");
        assertThat(json.write(store.export())).isEqualTo(before);
        assertThat(catalog.contentVersion()).isEqualTo(version);
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
        ImportReport r = importText(BundleJsonTest.bundle(ruOnly), VotePolicy.REPLACE);
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

        // a count only, kept (the default): nothing to write, nothing to index
        String recounted = BundleJsonTest.bundle(retitled.replaceFirst("\"up\": 89", "\"up\": 91"));
        ImportReport kept = importText(recounted);
        assertThat(kept.questions()).isEqualTo(new ImportReport.Counts(0, 0, 2));
        assertThat(kept.voteChanges()).isEmpty();
        assertThat(revision(456)).isEqualTo(r456);

        // a count only, replaced (the question row, not its texts)
        ImportReport votes = importText(recounted, VotePolicy.REPLACE);
        assertThat(votes.changedQuestions()).containsExactly(456L);
        assertThat(revision(456)).isGreaterThan(r456);
    }

    /** Question 456 as the seed shows it: a ratio, no counts; {@code votes} replaces the ratio when given. */
    private static String seedLike(String votes) {
        return BundleJsonTest.bundle(BundleJsonTest.QUESTION.replace("\"votes\": {\"up\": 89, \"down\": 11}", votes));
    }

    private void readersVoted(long up, long down) {
        db.jdbi()
                .useHandle(h ->
                        h.createUpdate("""
                                update question set votes_up = coalesce(votes_up, 0) + :up,
                                    votes_down = coalesce(votes_down, 0) + :down where id = 456
                                """).bind("up", up).bind("down", down).execute());
    }

    private ImportReport.VoteCounts stored() {
        var q = catalog.question(456).orElseThrow();
        return new ImportReport.VoteCounts(
                q.votesUp().map(up -> new Bundle.Votes(up, q.votesDown().orElseThrow())), q.usefulness());
    }

    private static ImportReport.VoteCounts counts(Long up, Long down, Double ratio) {
        return new ImportReport.VoteCounts(
                up == null ? Optional.empty() : Optional.of(new Bundle.Votes(up, down)), Optional.ofNullable(ratio));
    }

    @Test
    void byDefaultAnImportKeepsTheCountsReadersMoved() {
        importText(seedLike("\"usefulness\": 0.75"));
        readersVoted(76, 25);
        ImportReport again = importText(seedLike("\"usefulness\": 0.75"));
        assertThat(again.votes()).isEqualTo(VotePolicy.KEEP);
        assertThat(again.voteChanges()).isEmpty();
        assertThat(again.questions()).isEqualTo(new ImportReport.Counts(0, 0, 1));
        assertThat(again.describe()).contains("votes (keep): 0 stored questions' counts changed");
        assertThat(stored()).isEqualTo(counts(76L, 25L, 0.75));

        // other counts in the file change nothing either; other content still is written
        ImportReport moved = importText(seedLike("\"votes\": {\"up\": 1, \"down\": 1}, \"usefulness\": 0.5")
                .replace("\"position\": 1, \"pinned\"", "\"position\": 2, \"pinned\""));
        assertThat(moved.questions()).isEqualTo(new ImportReport.Counts(0, 1, 0));
        assertThat(moved.voteChanges()).isEmpty();
        assertThat(stored()).isEqualTo(counts(76L, 25L, 0.75));
    }

    @Test
    void aNewQuestionTakesTheBundlesCountsWhateverThePolicy() {
        for (VotePolicy policy : VotePolicy.values()) {
            db.jdbi().useHandle(h -> h.execute("delete from question"));
            ImportReport r = importText(BundleJsonTest.bundle(BundleJsonTest.QUESTION), policy);
            assertThat(r.questionsCreated()).as(policy.code()).isEqualTo(1);
            assertThat(r.voteChanges()).as(policy.code()).isEmpty();
            assertThat(stored()).as(policy.code()).isEqualTo(counts(89L, 11L, null));
        }
    }

    @Test
    void replaceTakesTheBundlesCountsAndTheReportSaysWhatTheyWere() {
        importText(seedLike("\"usefulness\": 0.75"));
        readersVoted(76, 25);
        ImportReport r = importText(seedLike("\"usefulness\": 0.75"), VotePolicy.REPLACE);
        assertThat(r.voteChanges())
                .containsExactly(new ImportReport.VoteChange(456, counts(76L, 25L, 0.75), counts(null, null, 0.75)));
        assertThat(r.questions()).isEqualTo(new ImportReport.Counts(0, 1, 0));
        assertThat(r.describe())
                .contains("votes (replace): 1 stored question's counts changed\n"
                        + "  question 456: 76 up, 25 down, ratio 0.75 → ratio 0.75\n");
        assertThat(stored()).isEqualTo(counts(null, null, 0.75));
    }

    @Test
    void addSumsTheCountsAndTakesARatioOnlyWhereNoneIsStored() {
        importText(seedLike("\"usefulness\": 0.75"));
        readersVoted(76, 25);
        // counts add up; the stored ratio stays, the file's is not a count
        ImportReport r =
                importText(seedLike("\"votes\": {\"up\": 10, \"down\": 5}, \"usefulness\": 0.5"), VotePolicy.ADD);
        assertThat(r.voteChanges())
                .containsExactly(new ImportReport.VoteChange(456, counts(76L, 25L, 0.75), counts(86L, 30L, 0.75)));
        assertThat(stored()).isEqualTo(counts(86L, 30L, 0.75));
        // a ratio alone adds nothing to stored counts and a stored ratio: no change
        assertThat(importText(seedLike("\"usefulness\": 0.5"), VotePolicy.ADD).voteChanges())
                .isEmpty();

        // a stored question without a ratio takes the file's; counts without counts in the file stay
        db.jdbi().useHandle(h -> h.execute("update question set usefulness = null where id = 456"));
        ImportReport ratio = importText(seedLike("\"usefulness\": 0.5"), VotePolicy.ADD);
        assertThat(ratio.voteChanges())
                .containsExactly(new ImportReport.VoteChange(456, counts(86L, 30L, null), counts(86L, 30L, 0.5)));
        assertThat(stored()).isEqualTo(counts(86L, 30L, 0.5));
    }

    @Test
    void aDryRunReportsTheVoteChangesItWouldMake() {
        importText(seedLike("\"usefulness\": 0.75"));
        readersVoted(3, 1);
        ImportReport dry = store.importBundle(
                json.read(seedLike("\"votes\": {\"up\": 1, \"down\": 0}")), List.of(), VotePolicy.ADD, true);
        assertThat(dry.voteChanges())
                .containsExactly(new ImportReport.VoteChange(456, counts(3L, 1L, 0.75), counts(4L, 1L, 0.75)));
        assertThat(stored()).isEqualTo(counts(3L, 1L, 0.75));
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
        ImportReport r = store.importBundle(
                json.read(BundleJsonTest.bundle(BundleJsonTest.QUESTION)), List.of(), VotePolicy.DEFAULT, true);
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
