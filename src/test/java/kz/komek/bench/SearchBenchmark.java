package kz.komek.bench;

import com.ibm.icu.text.Transliterator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import kz.komek.bundle.Bundle;
import kz.komek.bundle.BundleJson;
import kz.komek.content.AnswerRenderer;
import kz.komek.content.ContentConfig;
import kz.komek.i18n.Locale;
import kz.komek.search.SearchDocuments;
import kz.komek.search.SearchEval;
import kz.komek.search.SearchIndex;
import kz.komek.search.SearchRequest;
import kz.komek.search.SearchService;

/**
 * Search at scale, in-process: index build time, then latency of 1,000 mixed queries of every kind (as typed,
 * a word form, a typo, the wrong keyboard layout, Latin letters, a prefix while typing), with the baseline
 * (StandardAnalyzer, one OR query) measured on the same queries in the same run.
 *
 * <p>Run: {@code scripts/bench-search.sh [QUESTIONS]}; it generates the bundle, then runs this class.
 */
public final class SearchBenchmark {
    public static void main(String[] args) throws Exception {
        Path bundleFile = Path.of(args[0]);
        int queries = args.length > 1 ? Integer.parseInt(args[1]) : 1000;
        Bundle bundle = new BundleJson().read(Files.readString(bundleFile));
        System.out.printf("bundle: %d questions%n", bundle.questions().size());

        var os = (com.sun.management.OperatingSystemMXBean)
                java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        long cpu0 = os.getProcessCpuTime();
        long t0 = System.nanoTime();
        var docs = new SearchDocuments(new AnswerRenderer(ContentConfig.defaults())).from(bundle);
        long t1 = System.nanoTime();
        // A third argument keeps the index in that directory and reuses it when its schema is current: A/B runs of
        // query code then skip the minute of indexing.
        boolean keep = args.length > 2 && !args[2].equals("-");
        Path dir = keep ? Files.createDirectories(Path.of(args[2])) : Files.createTempDirectory("komek-bench-index");
        try (var index = SearchIndex.open(dir)) {
            // read at run time, not inlined at compile time: A/B runs put another build's classes on the class path
            Object schema = SearchIndex.class.getField("SCHEMA").get(null);
            if (keep && schema.equals(index.commitData().get("schema"))) {
                System.out.printf("index reused from %s: %d documents%n", dir, index.size());
            } else {
                index.replaceAll(docs, 1);
                long t2 = System.nanoTime();
                // CPU of the whole process (every indexing thread): on a shared machine it varies less than wall time
                double cpu = (os.getProcessCpuTime() - cpu0) / 1e9;
                System.out.printf(
                        "index build: %d documents; documents %.1f s + Lucene %.1f s = %.1f s (process CPU %.1f s)%n",
                        docs.size(), (t1 - t0) / 1e9, (t2 - t1) / 1e9, (t2 - t0) / 1e9, cpu);
            }

            // without the result cache: the mix is run twice (warm-up), and each query's own cost is the measure
            var service = new SearchService(index, kz.komek.search.Synonyms.of(Optional.empty()), 0);
            var mix = mixedQueries(bundle, queries, new Random(42));
            var now = LocalDateTime.now();
            // warm up the JIT and caches on the same mix
            for (var q : mix) {
                service.search(new SearchRequest(q.text(), q.site(), Optional.of(q.locale()), 10, now, false));
            }
            for (var q : mix) {
                service.suggest(new SearchRequest(prefix(q.text()), q.site(), Optional.of(q.locale()), 8, now, true));
            }
            long[] search = new long[mix.size()];
            long[] suggest = new long[mix.size()];
            // CPU time of the querying thread too: on a shared machine it varies far less than wall time
            var threads = java.lang.management.ManagementFactory.getThreadMXBean();
            long[] searchCpu = new long[mix.size()];
            long[] suggestCpu = new long[mix.size()];
            boolean[] searchFound = new boolean[mix.size()];
            boolean[] suggestFound = new boolean[mix.size()];
            for (int i = 0; i < mix.size(); i++) {
                var q = mix.get(i);
                long ca = threads.getCurrentThreadCpuTime();
                long a = System.nanoTime();
                var found =
                        service.search(new SearchRequest(q.text(), q.site(), Optional.of(q.locale()), 10, now, false));
                long b = System.nanoTime();
                long cb = threads.getCurrentThreadCpuTime();
                var suggested = service.suggest(
                        new SearchRequest(prefix(q.text()), q.site(), Optional.of(q.locale()), 8, now, true));
                long c = System.nanoTime();
                searchCpu[i] = cb - ca;
                suggestCpu[i] = threads.getCurrentThreadCpuTime() - cb;
                search[i] = b - a;
                suggest[i] = c - b;
                searchFound[i] = found.hits().stream().anyMatch(h -> h.id() == q.id());
                suggestFound[i] = suggested.hits().stream().anyMatch(h -> h.id() == q.id());
            }
            var evalQueries = mix.stream()
                    .map(q -> new SearchEval.EvalQuery(
                            q.text(), Optional.of(q.locale()), java.util.Set.of(q.id()), q.kind(), q.site()))
                    .toList();
            // the HTTP pool's first asks, measured before the baseline, which is built once for both sets of queries
            Optional<PoolRun> pool =
                    args.length > 3 ? Optional.of(poolRun(service, Path.of(args[3]), queries, now)) : Optional.empty();
            var allQueries = new ArrayList<>(evalQueries);
            pool.ifPresent(r -> allQueries.addAll(r.queries()));
            long[][] baselineCosts = SearchEval.baselineCosts(docs, allQueries);
            long[] baseline = Arrays.copyOf(baselineCosts[0], mix.size());
            report("search (komek)", search);
            for (String kind : new String[] {"keyword", "morph", "typo", "layout", "translit", "prefix"}) {
                var idx = new ArrayList<Integer>();
                for (int i = 0; i < mix.size(); i++) {
                    if (mix.get(i).kind().equals(kind)) {
                        idx.add(i);
                    }
                }
                report(
                        "  search, " + kind,
                        idx.stream().mapToLong(i -> search[i]).toArray());
            }
            report("suggest (komek)", suggest);
            System.out.printf(
                    "cpu per query: search mean %.2f ms, suggest mean %.2f ms%n",
                    Arrays.stream(searchCpu).average().orElse(0) / 1e6,
                    Arrays.stream(suggestCpu).average().orElse(0) / 1e6);
            // How often the question a query was made from is among the hits: a guard that speed cost no quality.
            System.out.printf("found: search top 10 / suggest top 8, per kind%n");
            for (String kind : new String[] {"all", "keyword", "morph", "typo", "layout", "translit", "prefix"}) {
                int n = 0, inSearch = 0, inSuggest = 0;
                for (int i = 0; i < mix.size(); i++) {
                    if (kind.equals("all") || mix.get(i).kind().equals(kind)) {
                        n++;
                        inSearch += searchFound[i] ? 1 : 0;
                        inSuggest += suggestFound[i] ? 1 : 0;
                    }
                }
                System.out.printf(
                        "  %-9s n=%d  search %.3f  suggest %.3f%n",
                        kind, n, inSearch / (double) n, inSuggest / (double) n);
            }
            report("baseline (StandardAnalyzer OR)", baseline);
            if (pool.isPresent()) {
                var r = pool.get();
                int from = mix.size();
                int to = from + r.queries().size();
                System.out.printf("the HTTP pool's searches (%s), first asks, one thread:%n", r.name());
                report("  search (komek, no result cache)", r.wall());
                report("  baseline (StandardAnalyzer OR)", Arrays.copyOfRange(baselineCosts[0], from, to));
                System.out.printf(
                        "  cpu per query: komek mean %.2f ms, baseline mean %.2f ms%n",
                        Arrays.stream(r.cpu()).average().orElse(0) / 1e6,
                        Arrays.stream(Arrays.copyOfRange(baselineCosts[1], from, to))
                                        .average()
                                        .orElse(0)
                                / 1e6);
            }
        } finally {
            if (!keep) {
                try (var files = Files.walk(dir)) {
                    files.sorted(java.util.Comparator.reverseOrder())
                            .forEach(p -> p.toFile().delete());
                }
            }
        }
    }

    /** komek's first asks of a pool's searches: the queries, and each one's wall and CPU time in ns. */
    private record PoolRun(String name, List<SearchEval.EvalQuery> queries, long[] wall, long[] cpu) {}

    /**
     * The searches the HTTP runs ask (a pool of {@code /api/v1/search?…} paths): CPU per query of komek without its
     * result cache, each asked for the first time (its words may still be new to the caches of terms and stems).
     * Their queries are longer than the mix above (a median of six words), as readers' are.
     */
    private static PoolRun poolRun(SearchService service, Path pool, int n, LocalDateTime now)
            throws java.io.IOException {
        var requests = new ArrayList<SearchRequest>();
        for (String line : Files.readAllLines(pool)) {
            if (requests.size() == 2 * n || !line.startsWith("/api/v1/search?")) {
                continue;
            }
            var params = new java.util.HashMap<String, String>();
            for (String pair : line.substring(line.indexOf('?') + 1).split("&")) {
                int eq = pair.indexOf('=');
                params.put(
                        pair.substring(0, eq),
                        java.net.URLDecoder.decode(pair.substring(eq + 1), java.nio.charset.StandardCharsets.UTF_8));
            }
            requests.add(new SearchRequest(
                    params.get("q"),
                    params.getOrDefault("site", "client"),
                    Locale.parse(params.getOrDefault("locale", "")),
                    Integer.parseInt(params.getOrDefault("limit", "10")),
                    now,
                    false));
        }
        // warm-up on other queries of the pool: each measured query is asked for the first time, as over HTTP
        requests.subList(Math.min(n, requests.size()), requests.size()).forEach(service::search);
        requests = new ArrayList<>(requests.subList(0, Math.min(n, requests.size())));
        var threads = java.lang.management.ManagementFactory.getThreadMXBean();
        long[] wall = new long[requests.size()];
        long[] cpu = new long[requests.size()];
        for (int i = 0; i < requests.size(); i++) {
            long c = threads.getCurrentThreadCpuTime();
            long a = System.nanoTime();
            service.search(requests.get(i));
            wall[i] = System.nanoTime() - a;
            cpu[i] = threads.getCurrentThreadCpuTime() - c;
        }
        var queries = requests.stream()
                .map(r -> new SearchEval.EvalQuery(r.query(), r.locale(), java.util.Set.of(), "pool", r.site()))
                .toList();
        return new PoolRun(pool.getFileName().toString(), queries, wall, cpu);
    }

    public record Query(String text, Locale locale, String site, long id, String kind) {}

    /** Queries made from real titles, one kind after another. */
    public static List<Query> mixedQueries(Bundle bundle, int n, Random random) {
        var toLatin = Transliterator.getInstance("Any-Latin; Latin-ASCII");
        var out = new ArrayList<Query>();
        var questions = bundle.questions();
        String[] kinds = {"keyword", "morph", "typo", "layout", "translit", "prefix"};
        while (out.size() < n) {
            var q = questions.get(random.nextInt(questions.size()));
            var e = q.locales().entrySet().iterator().next();
            Locale locale = Locale.parse(e.getKey()).orElseThrow();
            String title = e.getValue().title().replaceAll("[?!.,«»]", "").toLowerCase(java.util.Locale.ROOT);
            String kind = kinds[out.size() % kinds.length];
            String text = switch (kind) {
                case "keyword" -> keywords(title, random);
                case "morph" -> title.replaceAll("(\\p{L}{5,}?)\\p{L}{1,2}(\\s|$)", "$1$2");
                case "typo" -> typo(title, random);
                case "layout" -> toLayout(title);
                case "translit" -> toLatin.transliterate(title);
                default -> title.substring(0, Math.max(3, Math.min(title.length(), title.length() / 2)));
            };
            out.add(new Query(text, locale, q.site(), q.id(), kind));
        }
        return out;
    }

    private static String keywords(String title, Random random) {
        var words = new ArrayList<>(Arrays.asList(title.split("\\s+")));
        words.removeIf(w -> w.length() < 4);
        java.util.Collections.shuffle(words, random);
        return String.join(" ", words.subList(0, Math.min(3, words.size())));
    }

    private static String typo(String title, Random random) {
        if (title.length() < 6) {
            return title;
        }
        int i = 1 + random.nextInt(title.length() - 2);
        char[] c = title.toCharArray();
        char t = c[i];
        c[i] = c[i + 1];
        c[i + 1] = t;
        return new String(c);
    }

    private static final String RU = "йцукенгшщзхъфывапролджэячсмитьбюё";
    private static final String QWERTY = "qwertyuiop[]asdfghjkl;'zxcvbnm,.`";

    private static String toLayout(String text) {
        var sb = new StringBuilder();
        for (char ch : text.toCharArray()) {
            int i = RU.indexOf(ch);
            sb.append(i >= 0 ? QWERTY.charAt(i) : ch);
        }
        return sb.toString();
    }

    private static String prefix(String text) {
        return text.length() <= 6 ? text : text.substring(0, text.length() - 3);
    }

    private static void report(String name, long[] nanos) {
        long[] s = nanos.clone();
        Arrays.sort(s);
        System.out.printf(
                "%-32s n=%d  p50 %.2f ms  p99 %.2f ms  max %.2f ms%n",
                name,
                s.length,
                s[s.length / 2] / 1e6,
                s[(int) Math.min(s.length - 1, Math.ceil(s.length * 0.99) - 1)] / 1e6,
                s[s.length - 1] / 1e6);
    }
}
