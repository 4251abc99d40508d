package kz.komek.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import kz.komek.Config;
import kz.komek.bundle.BundleJson;
import kz.komek.bundle.BundleStore;
import kz.komek.content.AnswerRenderer;
import kz.komek.content.ContentConfig;
import kz.komek.i18n.Locale;
import kz.komek.storage.Database;
import kz.komek.testing.TestApp;
import kz.komek.testing.TestDatabase;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The index on disk follows the database and survives a restart without a rebuild. */
class SearchSyncTest {
    @TempDir
    Path dir;

    @Test
    void catchesUpAfterARestartInsteadOfRebuilding() {
        try (var db = Database.open(Config.forTests(dir).withDb(Optional.of(TestDatabase.fresh())), 2)) {
            var store = new SearchStore(db.jdbi());
            var bundles = new BundleStore(db.jdbi());
            var documents = new SearchDocuments(new AnswerRenderer(ContentConfig.defaults()));
            bundles.importBundle(new BundleJson().read(TestApp.resource("/fixtures/search.bundle.json")), List.of());
            long version = store.contentVersion();

            try (var index = SearchIndex.open(dir.resolve("index"));
                    var sync = new SearchSync(store, index, documents)) {
                assertThat(sync.indexedVersion()).isEqualTo(-1);
                sync.syncNow();
                assertThat(sync.indexedVersion()).isEqualTo(version);
                assertThat(index.size()).isGreaterThan(10);
            }

            // a write while this node was down
            String changed = TestApp.resource("/fixtures/search.bundle.json")
                    .replace("Как получить бонусы?", "Как получить бонусы за жирафа?");
            bundles.importBundle(new BundleJson().read(changed), List.of());

            try (var index = SearchIndex.open(dir.resolve("index"));
                    var sync = new SearchSync(store, index, documents)) {
                assertThat(sync.indexedVersion())
                        .as("the commit remembers what it holds")
                        .isEqualTo(version);
                sync.syncNow();
                assertThat(sync.indexedVersion()).isEqualTo(store.contentVersion());
                var found = new SearchService(index)
                        .search(new SearchRequest(
                                "жираф", "client", Optional.of(Locale.RU), 5, LocalDateTime.now(), false));
                assertThat(found.hits()).extracting(SearchResults.Hit::id).containsExactly(401L);
            }
        }
    }

    /** A database restored from an older backup is behind the index: the index is rebuilt from it. */
    @Test
    void anIndexAheadOfItsDatabaseIsRebuilt() {
        try (var db = Database.open(Config.forTests(dir).withDb(Optional.of(TestDatabase.fresh())), 2)) {
            var store = new SearchStore(db.jdbi());
            var bundles = new BundleStore(db.jdbi());
            var documents = new SearchDocuments(new AnswerRenderer(ContentConfig.defaults()));
            bundles.importBundle(new BundleJson().read(TestApp.resource("/fixtures/search.bundle.json")), List.of());
            String changed = TestApp.resource("/fixtures/search.bundle.json")
                    .replace("Как получить бонусы?", "Как получить бонусы за жирафа?");
            bundles.importBundle(new BundleJson().read(changed), List.of());
            try (var index = SearchIndex.open(dir.resolve("index"));
                    var sync = new SearchSync(store, index, documents)) {
                sync.syncNow();
            }
            // the database as it was before the second import (the title back, the version back)
            long back = store.contentVersion() - 1;
            db.jdbi().useHandle(h -> {
                h.execute("update question_text set title = 'Как получить бонусы?'"
                        + " where title = 'Как получить бонусы за жирафа?'");
                h.execute("update help_center set version = ?", back);
            });
            try (var index = SearchIndex.open(dir.resolve("index"));
                    var sync = new SearchSync(store, index, documents)) {
                assertThat(sync.indexedVersion()).isEqualTo(back + 1);
                sync.syncNow();
                assertThat(sync.indexedVersion()).isEqualTo(back);
                var found = new SearchService(index)
                        .search(new SearchRequest(
                                "жираф", "client", Optional.of(Locale.RU), 5, LocalDateTime.now(), false));
                assertThat(found.hits())
                        .as("nothing the database no longer has")
                        .isEmpty();
            }
        }
    }

    @Test
    void aDeletedQuestionLeavesTheIndex() {
        try (var db = Database.open(Config.forTests(dir).withDb(Optional.of(TestDatabase.fresh())), 2)) {
            var store = new SearchStore(db.jdbi());
            new BundleStore(db.jdbi())
                    .importBundle(new BundleJson().read(TestApp.resource("/fixtures/search.bundle.json")), List.of());
            try (var index = SearchIndex.open(dir.resolve("index"));
                    var sync = new SearchSync(
                            store, index, new SearchDocuments(new AnswerRenderer(ContentConfig.defaults())))) {
                sync.syncNow();
                var search = new SearchService(index);
                var request = new SearchRequest(
                        "Как получить бонусы?", "client", Optional.of(Locale.RU), 5, LocalDateTime.now(), false);
                assertThat(search.search(request).hits())
                        .extracting(SearchResults.Hit::id)
                        .contains(401L);
                int before = index.size();

                db.jdbi().useTransaction(h -> {
                    h.execute("delete from question where id = 401");
                    h.execute("update help_center set version = version + 1");
                });
                sync.syncNow();

                assertThat(search.search(request).hits())
                        .extracting(SearchResults.Hit::id)
                        .doesNotContain(401L);
                assertThat(index.size()).isLessThan(before);
                assertThat(sync.indexedVersion()).isEqualTo(store.contentVersion());
            }
        }
    }

    @Test
    void aRebuildAnswersFromTheOldIndexUntilItCommits() throws IOException {
        try (var db = Database.open(Config.forTests(dir).withDb(Optional.of(TestDatabase.fresh())), 2)) {
            var store = new SearchStore(db.jdbi());
            int before = oldIndexThenRetitled(db, store);

            var seen = new ArrayList<String>();
            try (var index = SearchIndex.open(dir.resolve("index"))) {
                var search = new SearchService(index);
                SearchSync.RebuildHook duringRebuild =
                        n -> seen.add(index.size() + " documents, new title found: " + ids(search, "жираф"));
                try (var sync = new SearchSync(store, index, documents(), () -> false, duringRebuild)) {
                    assertThat(sync.indexedVersion())
                            .as("an index of another schema")
                            .isEqualTo(-1);
                    sync.syncNow();

                    assertThat(seen)
                            .as("searchers kept the old documents while the rebuild added the new ones")
                            .containsExactly(before + " documents, new title found: []");
                    assertThat(ids(search, "жираф")).containsExactly(401L);
                    assertThat(sync.indexedVersion()).isEqualTo(store.contentVersion());
                }
            }
        }
    }

    @Test
    void aCrashInTheMiddleOfARebuildLeavesTheOldIndexOnDisk() throws IOException {
        try (var db = Database.open(Config.forTests(dir).withDb(Optional.of(TestDatabase.fresh())), 2)) {
            var store = new SearchStore(db.jdbi());
            int before = oldIndexThenRetitled(db, store);

            try (var index = SearchIndex.open(dir.resolve("index"));
                    var sync = new SearchSync(store, index, documents(), () -> false, n -> {
                        throw new IllegalStateException("power cut");
                    })) {
                assertThatThrownBy(sync::syncNow).hasMessage("power cut");
                assertThat(index.size()).isEqualTo(before);
            } // closed without a commit, as a crash leaves it

            try (var index = SearchIndex.open(dir.resolve("index"))) {
                assertThat(index.commitData()).containsEntry("schema", "0");
                assertThat(index.size())
                        .as("the old documents, not an empty index")
                        .isEqualTo(before);
                assertThat(ids(new SearchService(index), "жираф")).isEmpty();
                assertThat(ids(new SearchService(index), "Как получить бонусы?"))
                        .startsWith(401L);
            }
        }
    }

    /**
     * Indexes the search fixture, marks the index as one of an older schema (so it is rebuilt), then retitles
     * question 401 in the database. Returns the old index's number of documents.
     */
    private int oldIndexThenRetitled(Database db, SearchStore store) throws IOException {
        var bundles = new BundleStore(db.jdbi());
        bundles.importBundle(new BundleJson().read(TestApp.resource("/fixtures/search.bundle.json")), List.of());
        int before;
        try (var index = SearchIndex.open(dir.resolve("index"));
                var sync = new SearchSync(store, index, documents())) {
            sync.syncNow();
            before = index.size();
        }
        try (var directory = FSDirectory.open(dir.resolve("index"));
                var writer = new IndexWriter(directory, new IndexWriterConfig())) {
            writer.setLiveCommitData(Map.of("schema", "0", "version", "1").entrySet());
            writer.commit();
        }
        bundles.importBundle(
                new BundleJson()
                        .read(TestApp.resource("/fixtures/search.bundle.json")
                                .replace("Как получить бонусы?", "Как получить жирафа?")),
                List.of());
        return before;
    }

    private static SearchDocuments documents() {
        return new SearchDocuments(new AnswerRenderer(ContentConfig.defaults()));
    }

    private static List<Long> ids(SearchService search, String query) {
        return search
                .search(new SearchRequest(query, "client", Optional.of(Locale.RU), 5, LocalDateTime.now(), false))
                .hits()
                .stream()
                .map(SearchResults.Hit::id)
                .toList();
    }

    @Test
    void aChangeIsSearchableAtOnceAndDurableByTheCommitAfterIt() {
        try (var db = Database.open(Config.forTests(dir).withDb(Optional.of(TestDatabase.fresh())), 2)) {
            var store = new SearchStore(db.jdbi());
            var bundles = new BundleStore(db.jdbi());
            bundles.importBundle(new BundleJson().read(TestApp.resource("/fixtures/search.bundle.json")), List.of());
            long rebuilt;
            try (var index = SearchIndex.open(dir.resolve("index"));
                    var sync = new SearchSync(store, index, documents())) {
                sync.syncNow();
                rebuilt = sync.indexedVersion();
                bundles.importBundle(
                        new BundleJson()
                                .read(TestApp.resource("/fixtures/search.bundle.json")
                                        .replace("Как получить бонусы?", "Как получить жирафа?")),
                        List.of());
                sync.syncNow();

                assertThat(ids(new SearchService(index), "жираф")).containsExactly(401L);
                assertThat(sync.indexedVersion()).isEqualTo(store.contentVersion());
                assertThat(index.commitData())
                        .as("not committed yet: the commit (an fsync) comes within seconds, or on close")
                        .containsEntry("version", Long.toString(rebuilt));
            }
            try (var index = SearchIndex.open(dir.resolve("index"))) {
                assertThat(index.commitData()).containsEntry("version", Long.toString(store.contentVersion()));
                assertThat(ids(new SearchService(index), "жираф")).containsExactly(401L);
            }
        }
    }

    @Test
    void aDeletionIsFoundWhenANewQuestionKeepsTheCountTheSame() {
        try (var db = Database.open(Config.forTests(dir).withDb(Optional.of(TestDatabase.fresh())), 2)) {
            var store = new SearchStore(db.jdbi());
            var bundles = new BundleStore(db.jdbi());
            String fixture = TestApp.resource("/fixtures/search.bundle.json");
            bundles.importBundle(new BundleJson().read(fixture), List.of());
            try (var index = SearchIndex.open(dir.resolve("index"));
                    var sync = new SearchSync(store, index, documents())) {
                sync.syncNow();
                long count = store.questionCount();
                // another question comes, one goes: as many questions as before
                bundles.importBundle(
                        new BundleJson()
                                .read(fixture.replace("\"id\": 301", "\"id\": 302")
                                        .replace("q301", "q302")
                                        .replace("Как оплатить коммунальные услуги?", "Как оплатить жирафа?")),
                        List.of());
                db.jdbi().useTransaction(h -> {
                    h.execute("delete from question where id = 401");
                    h.execute("update help_center set version = version + 1");
                });
                assertThat(store.questionCount()).isEqualTo(count);
                sync.syncNow();

                var search = new SearchService(index);
                assertThat(ids(search, "Как получить бонусы?")).doesNotContain(401L);
                assertThat(ids(search, "жираф")).containsExactly(302L);
            }
        }
    }
}
