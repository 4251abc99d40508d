package kz.komek.search;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TotalHits;

/**
 * The documents nearest to a query's sentence vector, fused with the words' ranking (decision 0031): what a reader
 * says in other words than the answer's (a paraphrase, a synonym the synonyms file lacks) still finds it.
 */
final class SemanticSearch {
    /** Nearest documents asked of the vector search: as many as the precise query re-scores. */
    static final int NEAREST = SearchService.CANDIDATES;

    /**
     * Reciprocal-rank fusion's constant (Cormack et al., 2009): a document's score is the sum over both rankings of
     * 1 / (60 + rank). Ranks, not scores, so BM25's open scale and the cosine's need no weighing against each other;
     * a rank among the nearest counts {@link SentenceEncoder#vectorWeight} times a rank by words (decision 0031).
     */
    static final int FUSION = 60;

    private final SentenceEncoder encoder;

    /** Readers repeat queries, and encoding one costs a few milliseconds of CPU. */
    private final Cache<String, float[]> vectors =
            Caffeine.newBuilder().maximumSize(10_000).build();

    SemanticSearch(SentenceEncoder encoder) {
        this.encoder = encoder;
    }

    /**
     * The lexical hits {@code lexical} (best first) fused with the nearest documents to {@code text} that the
     * request may see and that are at least the model's minimum similarity; the best {@code n}.
     */
    TopDocs fuse(IndexSearcher searcher, SearchRequest request, String text, TopDocs lexical, int n, Dependencies deps)
            throws IOException {
        deps.vectors();
        float[] vector = vectors.get(normalized(text), encoder::query);
        if (!comparable(searcher, vector.length)) {
            return lexical;
        }
        var query = new KnnFloatVectorQuery(SearchIndex.VECTOR, vector, NEAREST, new RequestFilter(request).asQuery());
        TopDocs near = searcher.search(query, NEAREST);
        // Lucene scores a unit-vector dot product as (1 + cosine) / 2
        float floor = (float) ((1 + encoder.minSimilarity()) / 2);
        float weight = (float) encoder.vectorWeight();
        Map<Integer, Float> fused = new LinkedHashMap<>();
        for (int i = 0; i < lexical.scoreDocs.length; i++) {
            fused.merge(lexical.scoreDocs[i].doc, 1f / (FUSION + i + 1), Float::sum);
        }
        int added = 0;
        for (int i = 0; i < near.scoreDocs.length && near.scoreDocs[i].score >= floor; i++) {
            added += fused.containsKey(near.scoreDocs[i].doc) ? 0 : 1;
            fused.merge(near.scoreDocs[i].doc, weight / (FUSION + i + 1), Float::sum);
        }
        ScoreDoc[] docs = fused.entrySet().stream()
                .map(e -> new ScoreDoc(e.getKey(), e.getValue()))
                .toArray(ScoreDoc[]::new);
        var total = new TotalHits(lexical.totalHits.value + added, lexical.totalHits.relation);
        return new TopDocs(total, SearchHits.bestFirst(searcher, docs, n, deps::candidate));
    }

    /**
     * False for an index of another model's width: until the rebuild that a new model starts commits, searches read
     * the old index, and Lucene refuses a query vector of another width.
     */
    private static boolean comparable(IndexSearcher searcher, int width) {
        for (var leaf : searcher.getIndexReader().leaves()) {
            var field = leaf.reader().getFieldInfos().fieldInfo(SearchIndex.VECTOR);
            if (field != null && field.getVectorDimension() != width) {
                return false;
            }
        }
        return true;
    }

    /** The same query typed in other case or spacing has the same vector, near enough. */
    static String normalized(String text) {
        return text.strip().replaceAll("\\s+", " ").toLowerCase(java.util.Locale.ROOT);
    }
}
