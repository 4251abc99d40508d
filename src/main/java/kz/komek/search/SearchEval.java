package kz.komek.search;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import kz.komek.bundle.Bundle;
import kz.komek.content.AnswerRenderer;
import kz.komek.content.ContentConfig;
import kz.komek.i18n.Locale;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.ByteBuffersDirectory;

/**
 * Relevance evaluation: a bundle in a throw-away index, queries with their relevant question ids, MRR@10 and
 * Recall@5 overall and per kind of query, beside a baseline measured in the same run: Lucene's
 * StandardAnalyzer over title and answer, an OR of the query's words, no tolerance of any kind.
 */
public final class SearchEval {
    /** One query of the evaluation set (the format of {@code queries-dev.jsonl}). */
    public record EvalQuery(String q, Optional<Locale> locale, Set<Long> relevant, String kind, String site) {}

    /** Scores of one system on one group of queries. */
    public record Score(int queries, double mrr10, double recall5) {}

    public record Report(Map<String, Score> komek, Map<String, Score> baseline, List<String> misses) {}

    public static List<EvalQuery> parseQueries(List<String> lines) {
        var mapper = new ObjectMapper();
        var out = new ArrayList<EvalQuery>();
        int n = 0;
        for (String line : lines) {
            n++;
            if (line.isBlank()) {
                continue;
            }
            try {
                JsonNode j = mapper.readTree(line);
                var relevant = new HashSet<Long>();
                j.path("relevant").forEach(r -> relevant.add(r.asLong()));
                if (!j.path("q").isTextual() || relevant.isEmpty()) {
                    throw new IllegalArgumentException("line " + n + ": needs \"q\" and a non-empty \"relevant\"");
                }
                out.add(new EvalQuery(
                        j.path("q").asText(),
                        Locale.parse(j.path("locale").asText("")),
                        relevant,
                        j.path("kind").asText("other"),
                        j.path("site").asText("client")));
            } catch (IOException e) {
                throw new IllegalArgumentException("line " + n + ": not JSON: " + e.getMessage());
            }
        }
        return out;
    }

    /** Parts of search that {@link #run(Bundle, List, LocalDateTime, java.util.Set, Optional)} can leave out. */
    public enum Part {
        /** Word pairs learned from the content ({@link LexiconLearner}). */
        LEXICON,
        /** The hand-written glossary of synonyms and translations ({@link Synonyms}). */
        GLOSSARY
    }

    public static Report run(Bundle bundle, List<EvalQuery> queries, LocalDateTime now) {
        return run(bundle, queries, now, java.util.Set.of(), Optional.empty());
    }

    /**
     * With {@code encoder}, komek's side searches by meaning too (the baseline stays words only); {@code without}
     * leaves parts out.
     */
    public static Report run(
            Bundle bundle,
            List<EvalQuery> queries,
            LocalDateTime now,
            java.util.Set<Part> without,
            Optional<SentenceEncoder> encoder) {
        var docs = new SearchDocuments(new AnswerRenderer(ContentConfig.defaults())).from(bundle);
        try (var index = SearchIndex.inMemory(encoder);
                var baseline = new Baseline(docs)) {
            index.replaceAll(docs, 1);
            var service = without.contains(Part.GLOSSARY)
                    ? new SearchService(index, Synonyms.none())
                    : new SearchService(index);
            if (!without.contains(Part.LEXICON)) {
                service.lexicon(new LexiconLearner().learn(index));
            }
            var komek = new LinkedHashMap<String, List<double[]>>();
            var base = new LinkedHashMap<String, List<double[]>>();
            var misses = new ArrayList<String>();
            for (EvalQuery q : queries) {
                var results = service.search(new SearchRequest(q.q(), q.site(), q.locale(), 10, now, false));
                List<Long> ids =
                        results.hits().stream().map(SearchResults.Hit::id).toList();
                double[] k = score(ids, q.relevant());
                double[] b = score(baseline.search(q), q.relevant());
                for (String group : List.of("all", q.kind())) {
                    komek.computeIfAbsent(group, g -> new ArrayList<>()).add(k);
                    base.computeIfAbsent(group, g -> new ArrayList<>()).add(b);
                }
                if (k[0] < 1) {
                    misses.add(String.format(
                            "%-10s rr=%.2f %s → %s (want %s)",
                            q.kind(), k[0], q.q(), ids.stream().limit(5).toList(), q.relevant()));
                }
            }
            return new Report(summarize(komek), summarize(base), misses);
        }
    }

    public static void print(Report report, PrintWriter out) {
        out.printf(
                "%-11s %7s  %12s %12s  %12s %12s%n", "kind", "queries", "MRR@10", "baseline", "Recall@5", "baseline");
        for (var e : report.komek().entrySet()) {
            Score k = e.getValue();
            Score b = report.baseline().get(e.getKey());
            out.printf(
                    "%-11s %7d  %12.3f %12.3f  %12.3f %12.3f%n",
                    e.getKey(), k.queries(), k.mrr10(), b.mrr10(), k.recall5(), b.recall5());
        }
        out.flush();
    }

    /** [reciprocal rank of the first relevant in the top 10, recall at 5]. */
    static double[] score(List<Long> ids, Set<Long> relevant) {
        double rr = 0;
        for (int i = 0; i < Math.min(10, ids.size()); i++) {
            if (relevant.contains(ids.get(i))) {
                rr = 1.0 / (i + 1);
                break;
            }
        }
        long found = ids.stream().limit(5).filter(relevant::contains).count();
        return new double[] {rr, found / (double) relevant.size()};
    }

    private static Map<String, Score> summarize(Map<String, List<double[]>> groups) {
        var out = new LinkedHashMap<String, Score>();
        groups.forEach((g, list) -> out.put(
                g,
                new Score(
                        list.size(),
                        list.stream().mapToDouble(s -> s[0]).average().orElse(0),
                        list.stream().mapToDouble(s -> s[1]).average().orElse(0))));
        return out;
    }

    /**
     * The baseline's wall time ({@code [0]}) and CPU time of the searching thread ({@code [1]}) per query, in ns, for
     * benchmarks that compare against it in the same run.
     */
    public static long[][] baselineCosts(List<SearchDocument> docs, List<EvalQuery> queries) {
        var threads = java.lang.management.ManagementFactory.getThreadMXBean();
        try (var baseline = new Baseline(docs)) {
            queries.forEach(baseline::search);
            long[][] out = new long[2][queries.size()];
            for (int i = 0; i < queries.size(); i++) {
                long c = threads.getCurrentThreadCpuTime();
                long a = System.nanoTime();
                baseline.search(queries.get(i));
                out[0][i] = System.nanoTime() - a;
                out[1][i] = threads.getCurrentThreadCpuTime() - c;
            }
            return out;
        }
    }

    /** The baseline: what a general-purpose setup does out of the box. */
    static final class Baseline implements AutoCloseable {
        private final ByteBuffersDirectory dir = new ByteBuffersDirectory();
        private final StandardAnalyzer analyzer = new StandardAnalyzer();
        private final DirectoryReader reader;

        Baseline(List<SearchDocument> docs) {
            try (var writer = new IndexWriter(dir, new IndexWriterConfig(analyzer))) {
                for (SearchDocument d : docs) {
                    var doc = new Document();
                    doc.add(new StringField("id", Long.toString(d.id()), Field.Store.YES));
                    doc.add(new StringField("site", d.site(), Field.Store.NO));
                    doc.add(new StringField("locale", d.locale().code(), Field.Store.NO));
                    doc.add(new TextField("text", d.title() + "\n" + d.text(), Field.Store.NO));
                    writer.addDocument(doc);
                }
                writer.commit();
                reader = DirectoryReader.open(dir);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        List<Long> search(EvalQuery q) {
            var words = new BooleanQuery.Builder();
            for (String t : SearchService.terms(analyzer, "text", q.q())) {
                words.add(new TermQuery(new Term("text", t)), Occur.SHOULD);
            }
            var query = new BooleanQuery.Builder().add(words.build(), Occur.MUST);
            query.add(new TermQuery(new Term("site", q.site())), Occur.FILTER);
            q.locale().ifPresent(l -> query.add(new TermQuery(new Term("locale", l.code())), Occur.FILTER));
            try {
                var searcher = new IndexSearcher(reader);
                var ids = new ArrayList<Long>();
                var seen = new HashMap<Long, Boolean>();
                for (ScoreDoc sd : searcher.search(query.build(), 20).scoreDocs) {
                    long id = Long.parseLong(
                            searcher.storedFields().document(sd.doc).get("id"));
                    if (seen.putIfAbsent(id, true) == null) {
                        ids.add(id);
                    }
                }
                return ids;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void close() {
            try {
                reader.close();
                dir.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
