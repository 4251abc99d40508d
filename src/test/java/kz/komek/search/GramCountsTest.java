package kz.komek.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import kz.komek.bundle.BundleJson;
import kz.komek.content.AnswerRenderer;
import kz.komek.content.ContentConfig;
import kz.komek.generate.BundleGenerator;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.similarities.BM25Similarity;
import org.apache.lucene.search.similarities.Similarity;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.junit.jupiter.api.Test;

class GramCountsTest {
    private static final FieldType FREQS = new FieldType(TextField.TYPE_NOT_STORED);

    static {
        FREQS.setIndexOptions(IndexOptions.DOCS_AND_FREQS);
        FREQS.freeze();
    }

    @Test
    void aWordIsCutAsTheNGramFilterCutsIt() throws IOException {
        for (String word : List.of("карта", "a", "ab", "ка", "a\uD835\uDCB3b", "\uD835\uDCB3", "12345")) {
            List<String> expected = AnalyzersTest.tokens(Analyzers.ngrams(), word);
            assertThat(GramCounts.cut(word)).as(word).containsExactlyElementsOf(expected);
        }
    }

    @Test
    void theIndexHoldsTheSamePostingsAndNormsAsOneTokenPerGram() throws IOException {
        var texts = new ArrayList<String>(List.of(
                "",
                "   ",
                "Карта ёлка, карта! Қалай төлеймін? толеймин 2024 года",
                "a b c a b c",
                "слово ".repeat(300) + "x".repeat(300),
                "x".repeat(300) + " в конце длинное слово " + "y".repeat(256),
                "эмодзи \uD83D\uDE00 и суррогаты \uD83D\uDE00\uD83D\uDE00x"));
        var renderer = new AnswerRenderer(ContentConfig.defaults());
        String demo = new String(
                GramCountsTest.class
                        .getResourceAsStream("/demo/demo.bundle.json")
                        .readAllBytes(),
                java.nio.charset.StandardCharsets.UTF_8);
        for (var bundle : List.of(
                new BundleJson().read(demo),
                new BundleGenerator().generate(300, 5, BundleGenerator.Options.defaults()))) {
            for (SearchDocument d : new SearchDocuments(renderer).from(bundle)) {
                texts.add(d.title() + " " + d.title() + " " + d.text());
            }
        }

        var expected = index(texts, Analyzers.ngrams(), new BM25Similarity());
        var actual = index(texts, GramCounts.analyzer(), GramCounts.NORMS);

        assertThat(actual).hasSize(texts.size());
        for (int i = 0; i < texts.size(); i++) {
            assertThat(actual.get(i)).as("document %d", i).isEqualTo(expected.get(i));
        }
    }

    /** Per document: its norm and each term with its frequency. */
    private static List<String> index(List<String> texts, Analyzer analyzer, Similarity similarity) throws IOException {
        try (var dir = new ByteBuffersDirectory()) {
            try (var writer = new IndexWriter(dir, new IndexWriterConfig(analyzer).setSimilarity(similarity))) {
                for (String t : texts) {
                    var doc = new Document();
                    doc.add(new Field(SearchIndex.NGRAMS, t, FREQS));
                    writer.addDocument(doc);
                }
            }
            try (var reader = DirectoryReader.open(dir)) {
                assertThat(reader.leaves()).hasSize(1);
                LeafReader leaf = reader.leaves().get(0).reader();
                var perDoc = new ArrayList<TreeMap<String, Integer>>();
                texts.forEach(t -> perDoc.add(new TreeMap<>()));
                var terms = leaf.terms(SearchIndex.NGRAMS);
                if (terms != null) {
                    TermsEnum e = terms.iterator();
                    PostingsEnum p = null;
                    while (e.next() != null) {
                        String term = e.term().utf8ToString();
                        p = e.postings(p, PostingsEnum.FREQS);
                        for (int doc = p.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = p.nextDoc()) {
                            perDoc.get(doc).put(term, p.freq());
                        }
                    }
                }
                var norms = leaf.getNormValues(SearchIndex.NGRAMS);
                var out = new ArrayList<String>();
                for (int doc = 0; doc < texts.size(); doc++) {
                    String norm = norms != null && norms.advanceExact(doc) ? Long.toString(norms.longValue()) : "none";
                    out.add("norm " + norm + " " + perDoc.get(doc));
                }
                return out;
            }
        }
    }
}
