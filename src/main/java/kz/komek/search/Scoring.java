package kz.komek.search;

import org.apache.lucene.search.CollectionStatistics;
import org.apache.lucene.search.Explanation;
import org.apache.lucene.search.TermStatistics;
import org.apache.lucene.search.similarities.BM25Similarity;
import org.apache.lucene.search.similarities.PerFieldSimilarityWrapper;
import org.apache.lucene.search.similarities.Similarity;

/**
 * How searches score: Lucene's BM25, except that a phrasings field's idf counts every document, not only those
 * with the field. BM25 measures a word's rarity among the documents that have the field; phrasings are on few
 * questions, so among them any word looks common and a phrasing that matched would weigh far less than its
 * boost says (a question whose answer merely mentioned the words came first). Counted over every document, a
 * phrasing's word is as rare as in the title field, which every document has.
 */
final class Scoring {
    private Scoring() {}

    static final Similarity SIMILARITY = new PerFieldSimilarityWrapper() {
        private final BM25Similarity bm25 = new BM25Similarity();
        private final BM25Similarity everyDocument = new BM25Similarity() {
            @Override
            public Explanation idfExplain(CollectionStatistics collection, TermStatistics term) {
                long df = term.docFreq();
                return Explanation.match(idf(df, collection.maxDoc()), "idf over every document, df=" + df);
            }
        };

        @Override
        public Similarity get(String field) {
            return countsEveryDocument(field) ? everyDocument : bm25;
        }
    };

    /** Whether a field's idf counts every document (see the class comment); {@link IndexChanges} weighs alike. */
    static boolean countsEveryDocument(String field) {
        return field.startsWith("phrasings_") || field.startsWith("readers_");
    }
}
