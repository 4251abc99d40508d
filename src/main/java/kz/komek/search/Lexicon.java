package kz.komek.search;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import kz.komek.i18n.Locale;

/**
 * Russian↔Kazakh stem pairs learned from the help center's own questions: most exist in both languages, a parallel
 * corpus aligned by question. IBM Model 1 (EM) is trained both ways over each question's most specific stems, and
 * a pair's weight is the geometric mean of its two translation probabilities, so that a pair must hold in both
 * directions (one-way pairs are mostly a frequent word soaking up probability).
 */
final class Lexicon {
    /** One question's stems in each language. */
    record Pair(List<String> ru, List<String> kz) {}

    /** A learned translation of a stem and how sure the lexicon is (0..1). */
    record Translation(Synonyms.Stem stem, double weight) {}

    /** The most specific stems of a side that take part (tf·idf): answers are long, and EM is quadratic in length. */
    static final int TOP = 16;

    /** Pairs below this weight are left out. */
    static final double MIN_WEIGHT = 0.3;

    /** A pair must be seen in at least this many questions. */
    static final int MIN_QUESTIONS = 2;

    /**
     * A pair's questions over theirs on average (Dice) at least this: a translation travels with its word, and at
     * 100,000 questions this leaves EM a sixth of the pairs seen twice, with the same pairs learned (362 against 356).
     */
    static final double MIN_DICE = 0.05;

    static final int ITERATIONS = 8;

    private final Map<Synonyms.Stem, List<Translation>> translations;

    private Lexicon(Map<Synonyms.Stem, List<Translation>> translations) {
        this.translations = translations;
    }

    static Lexicon empty() {
        return new Lexicon(Map.of());
    }

    /**
     * This lexicon as editors decided: a rejected pair is gone both ways, a confirmed one counts as sure (weight
     * 1) whether or not it was learned.
     */
    Lexicon with(Map<WordPair, Boolean> verdicts) {
        if (verdicts.isEmpty()) {
            return this;
        }
        var out = new HashMap<Synonyms.Stem, List<Translation>>();
        translations.forEach((from, list) -> {
            var kept = list.stream()
                    .filter(t -> !Boolean.FALSE.equals(verdicts.get(WordPair.of(from, t.stem()))))
                    .toList();
            if (!kept.isEmpty()) {
                out.put(from, new ArrayList<>(kept));
            }
        });
        verdicts.forEach((pair, confirmed) -> {
            if (confirmed) {
                var ru = new Synonyms.Stem(Locale.RU, pair.ru());
                var kz = new Synonyms.Stem(Locale.KZ, pair.kz());
                sure(out, ru, kz);
                sure(out, kz, ru);
            }
        });
        return new Lexicon(sorted(out));
    }

    private static void sure(Map<Synonyms.Stem, List<Translation>> out, Synonyms.Stem from, Synonyms.Stem to) {
        var list = out.computeIfAbsent(from, s -> new ArrayList<>());
        list.removeIf(t -> t.stem().equals(to));
        list.add(new Translation(to, 1.0));
    }

    /** Every pair once, the surest first. */
    List<LearnedPair> pairs() {
        var out = new ArrayList<LearnedPair>();
        translations.forEach((from, list) -> {
            if (from.locale() == Locale.RU) {
                list.forEach(t -> out.add(new LearnedPair(from.stem(), t.stem().stem(), t.weight())));
            }
        });
        out.sort(Comparator.comparingDouble(LearnedPair::weight)
                .reversed()
                .thenComparing(LearnedPair::ru)
                .thenComparing(LearnedPair::kz));
        return out;
    }

    /** The same pairs, each weight within {@code tolerance} of the other's. */
    boolean near(Lexicon other, double tolerance) {
        if (!translations.keySet().equals(other.translations.keySet())) {
            return false;
        }
        for (var e : translations.entrySet()) {
            var mine = e.getValue();
            var theirs = other.translations.get(e.getKey());
            if (mine.size() != theirs.size()) {
                return false;
            }
            var weights = new HashMap<Synonyms.Stem, Double>();
            theirs.forEach(t -> weights.put(t.stem(), t.weight()));
            for (Translation t : mine) {
                Double w = weights.get(t.stem());
                if (w == null || Math.abs(w - t.weight()) > tolerance + 1e-9) {
                    return false;
                }
            }
        }
        return true;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Lexicon other && translations.equals(other.translations);
    }

    @Override
    public int hashCode() {
        return translations.hashCode();
    }

    List<Translation> translate(Synonyms.Stem stem) {
        return translations.getOrDefault(stem, List.of());
    }

    int size() {
        return translations.values().stream().mapToInt(List::size).sum() / 2;
    }

    static Lexicon learn(List<Pair> pairs) {
        return learn(pairs, false);
    }

    /** @param chosen each side already holds only its most specific stems (chosen by the index's statistics) */
    static Lexicon learn(List<Pair> pairs, boolean chosen) {
        var ru = new Vocabulary();
        var kz = new Vocabulary();
        int[][] ruIds = chosen
                ? ids(pairs.stream().map(Pair::ru).toList(), ru)
                : specific(pairs.stream().map(Pair::ru).toList(), ru);
        int[][] kzIds = chosen
                ? ids(pairs.stream().map(Pair::kz).toList(), kz)
                : specific(pairs.stream().map(Pair::kz).toList(), kz);
        // pairs seen together in at least MIN_QUESTIONS questions; most co-occurrences are once only
        var counts = new LongIntMap(1 << 16);
        for (int q = 0; q < pairs.size(); q++) {
            for (int r : ruIds[q]) {
                for (int k : kzIds[q]) {
                    counts.add(key(r, k), 1);
                }
            }
        }
        int[] ruDf = new int[ru.size()];
        int[] kzDf = new int[kz.size()];
        for (int q = 0; q < pairs.size(); q++) {
            for (int r : ruIds[q]) {
                ruDf[r]++;
            }
            for (int k : kzIds[q]) {
                kzDf[k]++;
            }
        }
        var slots = new LongIntMap(1 << 12);
        int kept = 0;
        for (int i = 0; i < counts.keys.length; i++) {
            int c = counts.values[i];
            if (counts.used[i]
                    && c >= MIN_QUESTIONS
                    && 2.0 * c / (ruDf[(int) (counts.keys[i] >>> 32)] + kzDf[(int) counts.keys[i]]) >= MIN_DICE) {
                slots.add(counts.keys[i], kept++);
            }
        }
        // per question, its kept pairs: slot, ru id, kz id
        int[][] qSlots = new int[pairs.size()][];
        int[][] qRu = new int[pairs.size()][];
        int[][] qKz = new int[pairs.size()][];
        int[] slotBuffer = new int[64];
        int[] ruBuffer = new int[64];
        int[] kzBuffer = new int[64];
        for (int q = 0; q < pairs.size(); q++) {
            int n = 0;
            for (int r : ruIds[q]) {
                for (int k : kzIds[q]) {
                    int slot = slots.get(key(r, k));
                    if (slot >= 0) {
                        if (n == slotBuffer.length) {
                            slotBuffer = Arrays.copyOf(slotBuffer, n * 2);
                            ruBuffer = Arrays.copyOf(ruBuffer, n * 2);
                            kzBuffer = Arrays.copyOf(kzBuffer, n * 2);
                        }
                        slotBuffer[n] = slot;
                        ruBuffer[n] = r;
                        kzBuffer[n++] = k;
                    }
                }
            }
            qSlots[q] = Arrays.copyOf(slotBuffer, n);
            qRu[q] = Arrays.copyOf(ruBuffer, n);
            qKz[q] = Arrays.copyOf(kzBuffer, n);
        }
        double[] ruToKz = model1(kept, qSlots, qRu, qKz, kzIds, ru.size(), kz.size());
        double[] kzToRu = model1(kept, qSlots, qKz, qRu, ruIds, kz.size(), ru.size());
        var out = new HashMap<Synonyms.Stem, List<Translation>>();
        for (int i = 0; i < slots.keys.length; i++) {
            if (!slots.used[i]) {
                continue;
            }
            int slot = slots.values[i];
            double weight = Math.sqrt(ruToKz[slot] * kzToRu[slot]);
            if (weight < MIN_WEIGHT) {
                continue;
            }
            var rs = new Synonyms.Stem(Locale.RU, ru.word((int) (slots.keys[i] >>> 32)));
            var ks = new Synonyms.Stem(Locale.KZ, kz.word((int) slots.keys[i]));
            if (!worthTranslating(rs.stem(), ks.stem())) {
                continue;
            }
            // in steps of 1/20, so that a relearn after a small edit gives an equal lexicon, and cached results stay
            weight = Math.round(weight * 20) / 20.0;
            out.computeIfAbsent(rs, s -> new ArrayList<>()).add(new Translation(ks, weight));
            out.computeIfAbsent(ks, s -> new ArrayList<>()).add(new Translation(rs, weight));
        }
        return new Lexicon(sorted(out));
    }

    private static Map<Synonyms.Stem, List<Translation>> sorted(Map<Synonyms.Stem, List<Translation>> out) {
        out.replaceAll((s, list) -> list.stream()
                .sorted(Comparator.comparingDouble(Translation::weight)
                        .reversed()
                        .thenComparing(t -> t.stem().stem()))
                .toList());
        return Map.copyOf(out);
    }

    /** Both with letters, three or more, and not the same word (numbers, brand names and cognates match as typed). */
    static boolean worthTranslating(String a, String b) {
        return a.length() >= 3
                && b.length() >= 3
                && !a.equals(b)
                && a.chars().anyMatch(Character::isLetter)
                && b.chars().anyMatch(Character::isLetter);
    }

    /**
     * t(target | source) per kept pair slot, by EM. Each question's target words are explained by its source words
     * (only kept pairs) or by NULL, which soaks up words that translate nothing.
     */
    private static double[] model1(
            int kept, int[][] qSlots, int[][] qSource, int[][] qTarget, int[][] targets, int sources, int targetWords) {
        double[] t = new double[kept];
        java.util.Arrays.fill(t, 1.0);
        double[] nullT = new double[targetWords];
        java.util.Arrays.fill(nullT, 1.0);
        double[] z = new double[targetWords];
        for (int it = 0; it < ITERATIONS; it++) {
            double[] count = new double[kept];
            double[] total = new double[sources];
            double[] nullCount = new double[targetWords];
            double nullTotal = 0;
            for (int q = 0; q < qSlots.length; q++) {
                for (int w : targets[q]) {
                    z[w] = nullT[w];
                }
                int[] sl = qSlots[q];
                for (int i = 0; i < sl.length; i++) {
                    z[qTarget[q][i]] += t[sl[i]];
                }
                for (int w : targets[q]) {
                    double n = nullT[w] / z[w];
                    nullCount[w] += n;
                    nullTotal += n;
                }
                for (int i = 0; i < sl.length; i++) {
                    double c = t[sl[i]] / z[qTarget[q][i]];
                    count[sl[i]] += c;
                    total[qSource[q][i]] += c;
                }
            }
            for (int q = 0; q < qSlots.length; q++) {
                int[] sl = qSlots[q];
                for (int i = 0; i < sl.length; i++) {
                    // each slot once: its count over its source's total
                    t[sl[i]] = count[sl[i]] / total[qSource[q][i]];
                }
            }
            for (int w = 0; w < targetWords; w++) {
                nullT[w] = nullTotal == 0 ? 0 : nullCount[w] / nullTotal;
            }
        }
        return t;
    }

    /** long → int, open addressing; {@link #get} gives -1 for a key not there. */
    private static final class LongIntMap {
        long[] keys;
        int[] values;
        boolean[] used;
        private int size;

        LongIntMap(int capacity) {
            keys = new long[capacity];
            values = new int[capacity];
            used = new boolean[capacity];
        }

        void add(long key, int value) {
            if (size * 2 >= keys.length) {
                grow();
            }
            int i = slot(key);
            if (!used[i]) {
                used[i] = true;
                keys[i] = key;
                size++;
            }
            values[i] += value;
        }

        int get(long key) {
            int i = slot(key);
            return used[i] ? values[i] : -1;
        }

        private int slot(long key) {
            int mask = keys.length - 1;
            int i = (int) (mix(key) & mask);
            while (used[i] && keys[i] != key) {
                i = (i + 1) & mask;
            }
            return i;
        }

        private static long mix(long k) {
            k ^= k >>> 33;
            k *= 0xff51afd7ed558ccdL;
            k ^= k >>> 33;
            return k;
        }

        private void grow() {
            long[] oldKeys = keys;
            int[] oldValues = values;
            boolean[] oldUsed = used;
            keys = new long[oldKeys.length * 2];
            values = new int[oldKeys.length * 2];
            used = new boolean[oldKeys.length * 2];
            size = 0;
            for (int i = 0; i < oldKeys.length; i++) {
                if (oldUsed[i]) {
                    add(oldKeys[i], oldValues[i]);
                }
            }
        }
    }

    private static long key(int ru, int kz) {
        return ((long) ru << 32) | (kz & 0xffffffffL);
    }

    private static int[][] ids(List<List<String>> sides, Vocabulary vocabulary) {
        int[][] out = new int[sides.size()][];
        for (int i = 0; i < out.length; i++) {
            out[i] = sides.get(i).stream()
                    .distinct()
                    .mapToInt(vocabulary::id)
                    .sorted()
                    .toArray();
        }
        return out;
    }

    /** Each side's most specific distinct stems, as ids. */
    private static int[][] specific(List<List<String>> sides, Vocabulary vocabulary) {
        var df = new HashMap<String, Integer>();
        for (List<String> side : sides) {
            side.stream().distinct().forEach(s -> df.merge(s, 1, Integer::sum));
        }
        int n = sides.size();
        int[][] out = new int[n][];
        for (int i = 0; i < n; i++) {
            var tf = new HashMap<String, Integer>();
            sides.get(i).forEach(s -> tf.merge(s, 1, Integer::sum));
            out[i] = tf.keySet().stream()
                    .sorted(Comparator.comparingDouble((String s) -> -tf.get(s) * Math.log((double) n / df.get(s)))
                            .thenComparing(Comparator.naturalOrder()))
                    .limit(TOP)
                    .mapToInt(vocabulary::id)
                    .toArray();
            Arrays.sort(out[i]);
        }
        return out;
    }

    private static final class Vocabulary {
        private final Map<String, Integer> ids = new HashMap<>();
        private final List<String> words = new ArrayList<>();

        int id(String word) {
            return ids.computeIfAbsent(word, w -> {
                words.add(w);
                return words.size() - 1;
            });
        }

        String word(int id) {
            return words.get(id);
        }

        int size() {
            return words.size();
        }
    }
}
