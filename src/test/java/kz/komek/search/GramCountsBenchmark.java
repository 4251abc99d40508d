package kz.komek.search;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import kz.komek.bundle.BundleJson;
import kz.komek.content.AnswerRenderer;
import kz.komek.content.ContentConfig;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.SerialMergeScheduler;
import org.apache.lucene.search.similarities.BM25Similarity;
import org.apache.lucene.search.similarities.Similarity;
import org.apache.lucene.store.ByteBuffersDirectory;

/**
 * CPU of writing the n-gram field alone, one token per gram against {@link GramCounts}, alternating three times in
 * one JVM on one thread (decision 0029). Run with a bundle ({@code komek generate --questions 100000 --seed 7}):
 * {@code java -cp target/test-classes:target/classes:$(cat target/bench.classpath)
 * kz.komek.search.GramCountsBenchmark bundle.json}.
 */
public final class GramCountsBenchmark {
    public static void main(String[] args) throws Exception {
        var bundle = new BundleJson().read(Files.readString(Path.of(args[0])));
        var texts = new ArrayList<String>();
        for (var d : new SearchDocuments(new AnswerRenderer(ContentConfig.defaults())).from(bundle)) {
            texts.add(d.title() + " " + d.title() + " " + d.text());
        }
        var type = new FieldType(TextField.TYPE_NOT_STORED);
        type.setIndexOptions(IndexOptions.DOCS_AND_FREQS);
        type.freeze();
        var threads = ManagementFactory.getThreadMXBean();
        for (int round = 0; round < 3; round++) {
            for (boolean counted : new boolean[] {false, true}) {
                Analyzer analyzer = counted ? GramCounts.analyzer() : Analyzers.ngrams();
                Similarity similarity = counted ? GramCounts.NORMS : new BM25Similarity();
                long start = threads.getCurrentThreadCpuTime();
                try (var dir = new ByteBuffersDirectory();
                        var writer = new IndexWriter(
                                dir,
                                new IndexWriterConfig(analyzer)
                                        .setSimilarity(similarity)
                                        .setRAMBufferSizeMB(128)
                                        .setMergeScheduler(new SerialMergeScheduler()))) {
                    for (String t : texts) {
                        var doc = new Document();
                        doc.add(new Field(SearchIndex.NGRAMS, t, type));
                        writer.addDocument(doc);
                    }
                    writer.commit();
                }
                System.out.printf(
                        "%s %d documents: %.2f s CPU%n",
                        counted ? "counted per document" : "one token per gram  ",
                        texts.size(),
                        (threads.getCurrentThreadCpuTime() - start) / 1e9);
            }
        }
    }
}
