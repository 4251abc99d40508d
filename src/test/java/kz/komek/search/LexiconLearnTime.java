package kz.komek.search;

import java.nio.file.Path;
import java.util.Set;

/**
 * How long the lexicon takes to learn from an index, from scratch and again after a few edits: {@code
 * LexiconLearnTime INDEX_DIR [changedIds]}. Prints wall times; run it on a copy of a built index.
 */
public final class LexiconLearnTime {
    public static void main(String[] args) throws Exception {
        try (var index = SearchIndex.open(Path.of(args[0]))) {
            var learner = new LexiconLearner();
            for (int round = 0; round < 3; round++) {
                long t = System.nanoTime();
                var l = learner.learn(index);
                System.out.printf("from scratch: %d pairs in %.1f s%n", l.size(), (System.nanoTime() - t) / 1e9);
            }
            int changed = args.length > 1 ? Integer.parseInt(args[1]) : 10;
            var ids = new java.util.HashSet<Long>();
            for (long id = 1; ids.size() < changed; id += 97) {
                ids.add(id);
            }
            for (int round = 0; round < 3; round++) {
                long t = System.nanoTime();
                var l = learner.learn(index, Set.copyOf(ids), false);
                System.out.printf(
                        "after %d edits: %d pairs in %.1f s%n", changed, l.size(), (System.nanoTime() - t) / 1e9);
            }
        }
    }
}
