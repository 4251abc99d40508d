package kz.komek.generate;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import kz.komek.generate.GeneratorVocabulary.Phrase;

/** The generator's random draws, all from a {@link SplittableRandom}, so that output depends only on the seed. */
final class Draws {
    private Draws() {}

    /** {@code count} of {@code from} at random, in their order there. */
    static List<Phrase> pick(SplittableRandom rng, List<Phrase> from, int count) {
        List<Integer> idx = new ArrayList<>();
        for (int i = 0; i < from.size(); i++) {
            idx.add(i);
        }
        for (int i = idx.size() - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            idx.set(i, idx.set(j, idx.get(i)));
        }
        List<Integer> chosen = new ArrayList<>(idx.subList(0, Math.min(count, idx.size())));
        chosen.sort(null);
        List<Phrase> out = new ArrayList<>();
        chosen.forEach(i -> out.add(from.get(i)));
        return out;
    }

    /** An index drawn with the given weights. */
    static int weighted(SplittableRandom rng, int[] weights) {
        int total = 0;
        for (int w : weights) {
            total += w;
        }
        int r = rng.nextInt(total);
        for (int i = 0; i < weights.length; i++) {
            r -= weights[i];
            if (r < 0) {
                return i;
            }
        }
        throw new IllegalStateException("unreachable");
    }

    /** A standard normal draw. */
    static double gaussian(SplittableRandom rng) {
        // Box–Muller: SplittableRandom has no nextGaussian on Java 17
        double u = 1.0 - rng.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rng.nextDouble());
    }

    /** A well-spread seed for stream {@code stream} of a generation seed (SplitMix64's finaliser). */
    static long mix(long seed, long stream) {
        long z = seed * 0x9E3779B97F4A7C15L + stream * 0xC2B2AE3D27D4EB4FL + 0x165667B19E3779F9L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
