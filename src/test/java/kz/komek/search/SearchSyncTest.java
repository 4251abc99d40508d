package kz.komek.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;
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
}
