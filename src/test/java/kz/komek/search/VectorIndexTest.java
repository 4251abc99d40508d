package kz.komek.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import kz.komek.bundle.BundleJson;
import kz.komek.content.AnswerRenderer;
import kz.komek.content.ContentConfig;
import kz.komek.i18n.Locale;
import kz.komek.testing.MiniLm;
import kz.komek.testing.TestApp;
import org.apache.lucene.index.FieldInfos;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the vectors add to the index (decision 0031), and that the vector search sees what a search may see. */
class VectorIndexTest {
    private static final LocalDateTime NOW = LocalDateTime.of(2026, 11, 25, 12, 0);
    private static List<SearchDocument> docs;

    @BeforeAll
    static void documents() {
        var bundle = new BundleJson().read(TestApp.resource("/fixtures/search.bundle.json"));
        docs = new ArrayList<>(new SearchDocuments(new AnswerRenderer(ContentConfig.defaults())).from(bundle));
        SearchDocument d = docs.get(0);
        // another site's question, and one published an hour after NOW
        docs.add(new SearchDocument(
                9001,
                "business",
                d.locale(),
                d.sectionPath(),
                d.sectionTitle(),
                d.title(),
                d.phrasings(),
                d.text(),
                d.sections(),
                d.description(),
                d.published(),
                0.5,
                false,
                Set.of(d.locale()),
                java.util.Map.of()));
        docs.add(new SearchDocument(
                9002,
                "client",
                Locale.KZ,
                d.sectionPath(),
                d.sectionTitle(),
                d.title(),
                d.phrasings(),
                d.text(),
                d.sections(),
                d.description(),
                Optional.of(NOW.plusHours(1)),
                0.5,
                false,
                Set.of(Locale.KZ),
                java.util.Map.of()));
    }

    @Test
    void theRequestFilterAsAQueryPassesWhatTheCollectorPasses() throws IOException {
        try (var index = SearchIndex.inMemory()) {
            index.replaceAll(docs, 1);
            IndexSearcher searcher = index.acquire();
            try {
                int compared = 0;
                for (String site : List.of("client", "business", "none")) {
                    for (Optional<Locale> locale :
                            List.of(Optional.<Locale>empty(), Optional.of(Locale.RU), Optional.of(Locale.KZ))) {
                        for (LocalDateTime now : List.of(NOW, NOW.plusYears(100))) {
                            var filter = new RequestFilter(new SearchRequest("x", site, locale, 10, now, false));
                            var collected = keys(
                                    searcher, searcher.search(new MatchAllDocsQuery(), filter.topDocs(1000)).scoreDocs);
                            var matched = keys(searcher, searcher.search(filter.asQuery(), 1000).scoreDocs);
                            assertThat(matched)
                                    .as(site + " " + locale + " " + now)
                                    .isEqualTo(collected);
                            compared += collected.size();
                        }
                    }
                }
                // the cases differ: a locale, a site, a time each leave documents out
                assertThat(compared).isGreaterThan(docs.size());
            } finally {
                index.release(searcher);
            }
        }
    }

    private static double dot(float[] a, float[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += a[i] * b[i];
        }
        return sum;
    }

    private static Set<String> keys(IndexSearcher searcher, org.apache.lucene.search.ScoreDoc[] hits)
            throws IOException {
        var out = new TreeSet<String>();
        for (var h : hits) {
            var leaves = searcher.getIndexReader().leaves();
            var leaf = leaves.get(org.apache.lucene.index.ReaderUtil.subIndex(h.doc, leaves));
            var ids = org.apache.lucene.index.DocValues.getNumeric(leaf.reader(), SearchIndex.ID);
            ids.advanceExact(h.doc - leaf.docBase);
            var locales = org.apache.lucene.index.DocValues.getSorted(leaf.reader(), SearchIndex.LOCALE);
            locales.advanceExact(h.doc - leaf.docBase);
            out.add(ids.longValue() + ":"
                    + locales.lookupOrd(locales.ordValue()).utf8ToString());
        }
        return out;
    }

    /**
     * On the first start with a model (or with another model) searches read the old index until the rebuild in the
     * background commits: they answer by words meanwhile.
     */
    @Test
    void untilTheRebuildCommitsAnIndexWithoutVectorsAnswersByWords(@TempDir Path dir) {
        try (var index = SearchIndex.open(dir)) {
            index.replaceAll(docs, 1);
        }
        try (var encoder = SentenceEncoder.load(MiniLm.dir());
                var index = SearchIndex.open(dir, Optional.of(encoder))) {
            var results = new SearchService(index)
                    .search(new SearchRequest("как пополнить карту", "client", Optional.of(Locale.RU), 10, NOW, false));
            assertThat(results.hits()).first().extracting(SearchResults.Hit::id).isEqualTo(101L);
        }
    }

    @Test
    void withoutAModelTheIndexHasNoVectorsAndItsOwnSchema() {
        try (var index = SearchIndex.inMemory()) {
            index.replaceAll(docs, 1);
            assertThat(index.schema()).isEqualTo(SearchIndex.SCHEMA);
            assertThat(index.commitData()).containsEntry("schema", SearchIndex.SCHEMA);
            IndexSearcher searcher = index.acquire();
            try {
                assertThat(FieldInfos.getMergedFieldInfos(searcher.getIndexReader())
                                .fieldInfo(SearchIndex.VECTOR))
                        .isNull();
            } finally {
                index.release(searcher);
            }
        }
    }

    @Test
    void withAModelEveryDocumentHasItsVectorAndTheSchemaNamesTheModel() throws IOException {
        try (var encoder = SentenceEncoder.load(MiniLm.dir());
                var index = SearchIndex.inMemory(Optional.of(encoder))) {
            index.replaceAll(docs, 1);
            assertThat(index.schema()).startsWith(SearchIndex.SCHEMA + "+vectors:model.onnx:");
            assertThat(index.commitData()).containsEntry("schema", index.schema());
            IndexSearcher searcher = index.acquire();
            try {
                var info = FieldInfos.getMergedFieldInfos(searcher.getIndexReader())
                        .fieldInfo(SearchIndex.VECTOR);
                assertThat(info.getVectorDimension()).isEqualTo(384);
                int withVectors = 0;
                for (var leaf : searcher.getIndexReader().leaves()) {
                    withVectors += leaf.reader()
                            .getFloatVectorValues(SearchIndex.VECTOR)
                            .size();
                }
                assertThat(withVectors).isEqualTo(docs.size());
                // a document's vector is its passage's
                var first = searcher.getIndexReader().leaves().get(0).reader().getFloatVectorValues(SearchIndex.VECTOR);
                first.nextDoc();
                float[] stored = first.vectorValue();
                assertThat(Arrays.stream(encoder.passages(
                                        docs.stream().map(SearchIndex::passage).toList()))
                                .anyMatch(v -> dot(v, stored) > 0.9999)) // batches pad differently
                        .isTrue();
            } finally {
                index.release(searcher);
            }
        }
    }
}
