package kz.komek.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import kz.komek.bundle.Bundle;
import kz.komek.bundle.BundleJson;
import kz.komek.content.AnswerRenderer;
import kz.komek.content.ContentConfig;
import kz.komek.i18n.Locale;
import kz.komek.testing.TestApp;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Results are reused for the same request on the same index reader, and never across a change or a publication. */
class ResultCacheTest {
    private static final LocalDateTime NOW = LocalDateTime.of(2026, 11, 25, 12, 0);
    private final SearchDocuments documents = new SearchDocuments(new AnswerRenderer(ContentConfig.defaults()));
    private Bundle bundle;
    private SearchIndex index;
    private SearchService search;

    @BeforeEach
    void build() {
        bundle = new BundleJson().read(TestApp.resource("/fixtures/search.bundle.json"));
        index = SearchIndex.inMemory();
        index.replaceAll(documents.from(bundle), 1);
        search = new SearchService(index);
    }

    @AfterEach
    void close() {
        index.close();
    }

    private SearchResults find(String q, LocalDateTime now) {
        return search.search(new SearchRequest(q, "client", Optional.of(Locale.RU), 10, now, false));
    }

    @Test
    void theSameRequestOnTheSameIndexIsAnsweredFromTheCache() {
        SearchResults first = find("лимит снятия наличных", NOW);
        assertThat(first.hits()).isNotEmpty();
        assertThat(find("лимит снятия наличных", NOW)).isSameAs(first);
        // another limit, locale or kind of request is another result
        assertThat(search.suggest(
                        new SearchRequest("лимит снятия наличных", "client", Optional.of(Locale.RU), 10, NOW, true)))
                .isNotSameAs(first);
    }

    @Test
    void aChangeToTheIndexIsSeenAtOnce() {
        SearchResults before = find("лимит снятия наличных", NOW);
        var q = bundle.questions().stream()
                .filter(x -> x.id() == 103)
                .findFirst()
                .orElseThrow();
        var renamed = q.withLocales(java.util.Map.of("ru", q.locales().get("ru").withTitle("Как узнать про зебру")));
        index.update(List.of(103L), documents.from(List.of(renamed), java.util.Map.of(), java.util.Set.of()));
        index.commit(2);
        SearchResults after = find("лимит снятия наличных", NOW);
        assertThat(after).isNotSameAs(before);
        assertThat(find("зебру", NOW).hits()).extracting(SearchResults.Hit::id).containsExactly(103L);
    }

    @Test
    void aCachedResultIsNotServedToARequestOnTheOtherSideOfAPublication() {
        // 501 is scheduled for 2099: cached before its time, it must still appear after, and not the other way round
        List<Long> later = ids(find("открыть депозит", LocalDateTime.of(2099, 1, 2, 0, 0)));
        assertThat(later).contains(501L);
        assertThat(ids(find("открыть депозит", NOW))).doesNotContain(501L);
        assertThat(ids(find("открыть депозит", LocalDateTime.of(2099, 1, 2, 0, 0))))
                .contains(501L);
    }

    /**
     * A refresh shows the new reader to searches before it tells the cache what changed: searches on it start a
     * generation first, and the results the change did not touch are still carried over into it.
     */
    @Test
    void resultsAreCarriedOverWhenSearchesOnTheNewReaderComeFirst() {
        try (var small = SearchIndex.inMemory()) {
            small.replaceAll(List.of(doc(1, "Лимит снятия"), doc(2, "Зебра в полоску"), doc(3, "Лимит перевода")), 1);
            var service = new AtomicReference<SearchService>();
            var raced = new ArrayList<SearchResults>();
            // registered before the service's cache: runs first, on the new reader
            small.onChange(change -> raced.add(service.get().search(request("полоску"))));
            service.set(new SearchService(small));
            SearchResults before = service.get().search(request("лимит"));
            assertThat(before.hits()).hasSize(2);

            small.update(List.of(2L), List.of(doc(2, "Зебра в клетку")));
            small.refresh();

            assertThat(raced).hasSize(1);
            assertThat(service.get().search(request("лимит"))).isSameAs(before);
            assertThat(service.get().search(request("клетку")).hits()).hasSize(1);
        }
    }

    /**
     * Searches that began before a refresh keep arriving on the old reader for a while; they are answered without
     * taking the cache from the searches on the new one.
     */
    @Test
    void aSearchOnAnOlderReaderLeavesTheNewerGenerationInPlace() throws Exception {
        try (var dir = new org.apache.lucene.store.ByteBuffersDirectory();
                var writer =
                        new org.apache.lucene.index.IndexWriter(dir, new org.apache.lucene.index.IndexWriterConfig())) {
            writer.addDocument(new org.apache.lucene.document.Document());
            writer.commit();
            try (var older = org.apache.lucene.index.DirectoryReader.open(dir)) {
                writer.addDocument(new org.apache.lucene.document.Document());
                writer.commit();
                try (var newer = org.apache.lucene.index.DirectoryReader.openIfChanged(older)) {
                    var cache = new ResultCache(ResultCache.MAX_WEIGHT);
                    var computed = new java.util.concurrent.atomic.AtomicInteger();
                    java.util.function.Function<Dependencies, SearchResults> compute = deps -> {
                        computed.incrementAndGet();
                        return SearchResults.none("лимит");
                    };
                    SearchResults first = cache.get(newer, request("лимит"), true, 0, compute);
                    cache.get(older, request("лимит"), true, 0, compute);
                    cache.get(older, request("лимит"), true, 0, compute);
                    assertThat(cache.get(newer, request("лимит"), true, 0, compute))
                            .isSameAs(first);
                    assertThat(computed.get()).isEqualTo(3);
                }
            }
        }
    }

    private static SearchRequest request(String q) {
        return new SearchRequest(q, "client", Optional.of(Locale.RU), 10, NOW, false);
    }

    private static SearchDocument doc(long id, String title) {
        return SmallEditsCarryOverTest.doc(id, title, title + ".");
    }

    private static List<Long> ids(SearchResults r) {
        return r.hits().stream().map(SearchResults.Hit::id).toList();
    }
}
