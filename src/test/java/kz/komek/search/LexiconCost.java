package kz.komek.search;

import java.lang.management.ManagementFactory;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import kz.komek.i18n.Locale;

/**
 * What learned expansions cost a search: CPU per first ask (no result cache) on the same index and queries, with
 * the learned lexicon and without it, in alternating rounds: {@code LexiconCost INDEX_DIR POOL [rounds]}, where
 * POOL holds {@code /api/v1/search?...} lines as scripts/bench-search.sh writes them.
 */
public final class LexiconCost {
    public static void main(String[] args) throws Exception {
        var requests = new ArrayList<SearchRequest>();
        var now = LocalDateTime.now();
        for (String line : Files.readAllLines(Path.of(args[1]))) {
            String site = "client";
            Optional<Locale> locale = Optional.empty();
            String q = "";
            for (String kv : line.substring(line.indexOf('?') + 1).split("&")) {
                String[] p = kv.split("=", 2);
                String v = URLDecoder.decode(p[1], StandardCharsets.UTF_8);
                switch (p[0]) {
                    case "site" -> site = v;
                    case "locale" -> locale = Locale.parse(v);
                    case "q" -> q = v;
                    default -> {}
                }
            }
            requests.add(new SearchRequest(q, site, locale, 10, now, false));
        }
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        var bean = ManagementFactory.getThreadMXBean();
        try (var index = SearchIndex.open(Path.of(args[0]))) {
            var learned = new LexiconLearner().learn(index);
            var service = new SearchService(index, Synonyms.of(Optional.empty()), 0);
            System.out.printf("lexicon: %d pairs; %d queries%n", learned.size(), requests.size());
            run(service, requests.subList(0, Math.min(2000, requests.size())), bean); // warm-up
            for (int r = 0; r < rounds; r++) {
                for (boolean with : List.of(false, true)) {
                    service.lexicon(with ? learned : Lexicon.empty());
                    double ms = run(service, requests, bean);
                    System.out.printf(
                            "round %d %-16s %.3f ms CPU per search%n",
                            r, with ? "with lexicon" : "without lexicon", ms / requests.size());
                }
            }
        }
    }

    private static double run(
            SearchService service, List<SearchRequest> requests, java.lang.management.ThreadMXBean bean) {
        long cpu = bean.getCurrentThreadCpuTime();
        long hits = 0;
        for (SearchRequest r : requests) {
            hits += service.search(r).hits().size();
        }
        if (hits < 0) {
            throw new IllegalStateException();
        }
        return (bean.getCurrentThreadCpuTime() - cpu) / 1e6;
    }
}
