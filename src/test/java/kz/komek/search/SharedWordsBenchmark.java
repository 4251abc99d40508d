package kz.komek.search;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import kz.komek.bundle.BundleJson;
import kz.komek.content.AnswerRenderer;
import kz.komek.content.ContentConfig;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.SerialMergeScheduler;
import org.apache.lucene.store.ByteBuffersDirectory;

/**
 * CPU of writing a document's eight text fields, each field's analyzer on its text against {@link SharedWords},
 * alternating three times in one JVM on one thread. Run with a bundle ({@code komek generate --questions 100000
 * --seed 7}): {@code java -cp target/test-classes:target/classes:$(cat target/bench.classpath)
 * kz.komek.search.SharedWordsBenchmark bundle.json [DOCUMENTS]}.
 */
public final class SharedWordsBenchmark {
    public static void main(String[] args) throws Exception {
        var bundle = new BundleJson().read(Files.readString(Path.of(args[0])));
        List<SearchDocument> docs = new SearchDocuments(new AnswerRenderer(ContentConfig.defaults())).from(bundle);
        docs = docs.subList(0, Math.min(docs.size(), args.length > 1 ? Integer.parseInt(args[1]) : docs.size()));
        var threads = ManagementFactory.getThreadMXBean();
        var shared = new SharedWords(SearchIndex.SHARED_TYPES);
        for (int round = 0; round < 3; round++) {
            for (boolean once : new boolean[] {false, true}) {
                long start = threads.getCurrentThreadCpuTime();
                try (var dir = new ByteBuffersDirectory();
                        var writer = new IndexWriter(
                                dir,
                                new IndexWriterConfig(SearchIndex.analyzer())
                                        .setSimilarity(GramCounts.NORMS)
                                        .setRAMBufferSizeMB(128)
                                        .setMergeScheduler(new SerialMergeScheduler()))) {
                    for (SearchDocument d : docs) {
                        var doc = new Document();
                        (once
                                        ? shared.fields(
                                                d.locale(),
                                                d.title(),
                                                d.phrasings(),
                                                d.text(),
                                                d.sections(),
                                                d.description())
                                        : SearchIndex.textFields(
                                                d.locale(),
                                                d.title(),
                                                d.phrasings(),
                                                d.text(),
                                                d.sections(),
                                                d.description()))
                                .forEach(doc::add);
                        writer.addDocument(doc);
                    }
                    writer.commit();
                }
                System.out.printf(
                        "%s %d documents: %.2f s CPU%n",
                        once ? "words cut once per text " : "each field cuts its text",
                        docs.size(),
                        (threads.getCurrentThreadCpuTime() - start) / 1e9);
            }
        }
    }
}
