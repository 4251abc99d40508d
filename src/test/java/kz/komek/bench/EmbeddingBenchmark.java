package kz.komek.bench;

import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import kz.komek.content.AnswerRenderer;
import kz.komek.content.ContentConfig;
import kz.komek.generate.BundleGenerator;
import kz.komek.search.SearchDocument;
import kz.komek.search.SearchDocuments;
import kz.komek.search.SearchIndex;
import kz.komek.search.SearchRequest;
import kz.komek.search.SearchService;
import kz.komek.search.SentenceEncoder;
import kz.komek.search.Synonyms;

/**
 * What {@code --embedding-model} costs (decision 0031): the index build of N generated questions without and with
 * vectors, and the CPU of a search with a query encoded afresh. The generated texts are Russian and Kazakh, which an
 * English model encodes as well as any text of that length: the cost is the point, not the ranking.
 *
 * <p>Run: {@code java -cp "target/test-classes:target/classes:$(cat target/bench.classpath)"
 * kz.komek.bench.EmbeddingBenchmark MODEL_DIR [QUESTIONS]} (the class path as {@code scripts/bench-search.sh}
 * builds it; the tests' model is extracted to {@code $TMPDIR/komek-test-all-minilm-l6-v2}).
 */
public final class EmbeddingBenchmark {
    public static void main(String[] args) throws Exception {
        Path model = Path.of(args[0]);
        int questions = args.length > 1 ? Integer.parseInt(args[1]) : 2000;
        var bundle = new BundleGenerator().generate(questions, 7, BundleGenerator.Options.defaults());
        List<SearchDocument> docs = new SearchDocuments(new AnswerRenderer(ContentConfig.defaults())).from(bundle);
        try (var encoder = SentenceEncoder.load(model)) {
            for (boolean vectors : new boolean[] {false, true}) {
                try (var index = SearchIndex.inMemory(vectors ? Optional.of(encoder) : Optional.empty())) {
                    long t = System.nanoTime();
                    index.replaceAll(docs, 1);
                    double s = (System.nanoTime() - t) / 1e9;
                    System.out.printf(
                            "build, %s: %d documents in %.1f s, %.0f documents/s%n",
                            vectors ? "with vectors" : "words only", docs.size(), s, docs.size() / s);
                    var search = new SearchService(index, Synonyms.of(Optional.empty()), 0);
                    long[] wall = new long[120];
                    for (int i = 0; i < wall.length; i++) {
                        // a query seen once: neither its result nor its vector is cached
                        String q = docs.get((i * 7919) % docs.size()).title() + " " + i;
                        long t0 = System.nanoTime();
                        search.search(new SearchRequest(q, "client", Optional.empty(), 10, LocalDateTime.now(), false));
                        wall[i] = System.nanoTime() - t0;
                    }
                    long[] warm = Arrays.copyOfRange(wall, 20, wall.length);
                    Arrays.sort(warm);
                    System.out.printf(
                            "  a search of a new query: median %.2f ms, p90 %.2f ms%n",
                            warm[warm.length / 2] / 1e6, warm[warm.length * 9 / 10] / 1e6);
                    if (vectors) {
                        long[] encode = new long[60];
                        for (int i = 0; i < encode.length; i++) {
                            long t0 = System.nanoTime();
                            encoder.query(docs.get(i).title() + " " + i);
                            encode[i] = System.nanoTime() - t0;
                        }
                        Arrays.sort(encode);
                        System.out.printf(
                                "  encoding a query alone: median %.2f ms%n", encode[encode.length / 2] / 1e6);
                    }
                }
            }
        }
    }
}
