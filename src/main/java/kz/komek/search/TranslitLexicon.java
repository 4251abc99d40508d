package kz.komek.search;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import kz.komek.i18n.Locale;
import org.tartarus.snowball.ext.RussianStemmer;

/**
 * Frequent words of each language (resources {@code search/words-ru.txt}, {@code search/words-kz.txt}) and their
 * folded sound keys, shared by transliteration, layout detection and language detection. Immutable.
 */
final class TranslitLexicon {

    static final TranslitLexicon RU = new TranslitLexicon("search/words-ru.txt", false);
    static final TranslitLexicon KZ = new TranslitLexicon("search/words-kz.txt", true);

    private final boolean kazakh;
    /** Stems of the words, so that inflected forms not in the list still count as known. */
    private final Set<String> stems;

    /** Words in frequency order. */
    final List<String> words;

    final Set<String> wordSet;
    /** Folded key (full, not truncated) → words with that key, most frequent first. */
    final Map<String, List<String>> byKey;
    /** Character trigram counts (with ^ and $ boundaries) for scoring spellings that are not in the list. */
    private final Map<String, Integer> trigrams;

    private final Map<String, Integer> bigrams;

    private TranslitLexicon(String resource, boolean kazakh) {
        this.kazakh = kazakh;
        this.words = List.copyOf(new LinkedHashSet<>(TranslitResources.list(resource)));
        this.wordSet = Set.copyOf(words);
        FoldKey fold = FoldKey.forThisThread();
        Map<String, List<String>> keys = new HashMap<>();
        Map<String, Integer> tri = new HashMap<>();
        Map<String, Integer> bi = new HashMap<>();
        for (String w : words) {
            keys.computeIfAbsent(fold.fullKey(w), k -> new ArrayList<>()).add(w);
            String s = "^" + w + "$";
            for (int i = 0; i + 2 <= s.length(); i++) {
                bi.merge(s.substring(i, i + 2), 1, Integer::sum);
                if (i + 3 <= s.length()) {
                    tri.merge(s.substring(i, i + 3), 1, Integer::sum);
                }
            }
        }
        keys.replaceAll((k, v) -> List.copyOf(v));
        Set<String> stemSet = new HashSet<>();
        for (String w : words) {
            stemSet.add(stem(w));
        }
        this.stems = Set.copyOf(stemSet);
        this.byKey = Map.copyOf(keys);
        this.trigrams = Map.copyOf(tri);
        this.bigrams = Map.copyOf(bi);
    }

    static TranslitLexicon of(Locale locale) {
        return locale == Locale.KZ ? KZ : RU;
    }

    /** The stem with this language's stemmer (ours for Kazakh, Snowball for Russian; Snowball is not thread-safe). */
    String stem(String word) {
        if (kazakh) {
            return new KazakhStemmer().stem(word);
        }
        RussianStemmer ru = new RussianStemmer();
        ru.setCurrent(word);
        ru.stem();
        return ru.getCurrent();
    }

    /** Whether the word or its stem is known. */
    boolean knownStem(String word) {
        return wordSet.contains(word) || stems.contains(stem(word));
    }

    /** Mean log-probability per character of a Cyrillic word under the trigram model (higher is more word-like). */
    double plausibility(String word) {
        String s = "^" + word + "$";
        double sum = 0;
        int n = 0;
        for (int i = 0; i + 3 <= s.length(); i++) {
            int tri = trigrams.getOrDefault(s.substring(i, i + 3), 0);
            int bi = bigrams.getOrDefault(s.substring(i, i + 2), 0);
            sum += Math.log((tri + 0.05) / (bi + 2.0));
            n++;
        }
        return n == 0 ? -5 : sum / n;
    }
}
