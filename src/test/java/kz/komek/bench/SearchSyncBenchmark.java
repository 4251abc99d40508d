package kz.komek.bench;

import java.nio.file.Path;
import java.util.Arrays;
import kz.komek.Config;
import kz.komek.content.AnswerRenderer;
import kz.komek.content.ContentConfig;
import kz.komek.search.SearchDocuments;
import kz.komek.search.SearchIndex;
import kz.komek.search.SearchStore;
import kz.komek.search.SearchSync;
import kz.komek.storage.Database;

/**
 * How long a search sync takes for one changed question, on a data directory holding a large help center: marks
 * one question as written (its revision and the content version, as an edit does), times {@code syncNow()}, and
 * repeats. It writes to that directory's database: use a copy made for benchmarks.
 *
 * <p>Run (decision record 0026): {@code java -jar komek.jar generate --questions 20000 --seed 7 --out b.json},
 * {@code java -jar komek.jar import b.json --data DIR}, then {@code java -cp "target/test-classes:target/classes:$(cat
 * target/bench.classpath)" kz.komek.bench.SearchSyncBenchmark DIR [ROUNDS]} (the class path as
 * {@code scripts/bench-search.sh} builds it).
 */
public final class SearchSyncBenchmark {
    private static final int WARM_UP = 5;

    public static void main(String[] args) throws Exception {
        Path data = Path.of(args[0]);
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 30;
        try (var db = Database.open(Config.forTests(data), 4);
                var index = SearchIndex.open(data.resolve("index"))) {
            var store = new SearchStore(db.jdbi());
            try (var sync =
                    new SearchSync(store, index, new SearchDocuments(new AnswerRenderer(ContentConfig.defaults())))) {
                long t = System.nanoTime();
                sync.syncNow();
                System.out.printf(
                        "first sync (catch-up or rebuild): %d ms, %d documents%n",
                        (System.nanoTime() - t) / 1_000_000, index.size());
                long[] micros = new long[rounds];
                for (int round = 0; round < rounds; round++) {
                    int offset = 100 + round;
                    db.jdbi().useTransaction(h -> {
                        h.execute("lock table help_center in exclusive mode");
                        h.createUpdate("""
                                        update question set revision = (select version + 1 from help_center)
                                        where id = (select id from question order by id offset :offset limit 1)
                                        """).bind("offset", offset).execute();
                        h.execute("update help_center set version = version + 1");
                    });
                    t = System.nanoTime();
                    sync.syncNow();
                    micros[round] = (System.nanoTime() - t) / 1_000;
                    Thread.sleep(200);
                }
                long[] warm = Arrays.copyOfRange(micros, Math.min(WARM_UP, rounds), rounds);
                Arrays.sort(warm);
                if (warm.length > 0) {
                    System.out.printf(
                            "one changed question, %d rounds after %d to warm up: median %.1f ms, max %.1f ms%n",
                            warm.length, WARM_UP, warm[warm.length / 2] / 1e3, warm[warm.length - 1] / 1e3);
                }
            }
        }
    }
}
