package kz.komek.search;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import kz.komek.i18n.Locale;

/** Latin spellings of Russian and Kazakh words back to Cyrillic candidates. */
public final class Transliteration {

    private static final int BEAM = 48;
    /** A known word with the same sound key outranks any spelling the rules make up. */
    private static final double KNOWN_WORD_BONUS = 4.0;
    /** An unknown form of a known stem (картамды ← карта) beats a made-up spelling, not a known word. */
    private static final double KNOWN_STEM_BONUS = 2.0;

    private Transliteration() {}

    /**
     * Candidate Cyrillic spellings of a Latin query (official Kazakh Latin 2021 incl. ä ğ q ñ ö ū ü ı ş, BGN, and
     * informal phone spelling), best first, at most {@code max}; for KZ Kazakh letters are preferred (q→қ, gh→ғ,
     * u→ұ/ү by harmony…), for RU Russian ones. Words without Latin letters are kept as they are.
     */
    public static List<String> toCyrillic(String latin, Locale locale, int max) {
        if (max <= 0) {
            return List.of();
        }
        TranslitLexicon lexicon = TranslitLexicon.of(locale);
        FoldKey fold = FoldKey.forThisThread();
        List<Candidate> partial = List.of(new Candidate("", 0));
        for (String word : latin.strip().toLowerCase(java.util.Locale.ROOT).split("\\s+")) {
            List<Candidate> options = word.chars().anyMatch(c -> Character.isLetter(c) && c < 0x400)
                    ? wordCandidates(word, locale, lexicon, fold, Math.max(max, 3))
                    : List.of(new Candidate(word, 0));
            List<Candidate> next = new ArrayList<>();
            for (Candidate p : partial) {
                for (Candidate o : options) {
                    next.add(new Candidate(p.text.isEmpty() ? o.text : p.text + " " + o.text, p.score + o.score));
                }
            }
            next.sort(Comparator.comparingDouble((Candidate c) -> -c.score));
            partial = next.subList(0, Math.min(next.size(), max));
        }
        return partial.stream().map(Candidate::text).filter(t -> !t.isEmpty()).toList();
    }

    private record Candidate(String text, double score) {}

    /** One word: spellings made by the rules (scored by rule cost and trigram plausibility) and known words. */
    static List<Candidate> wordCandidates(String word, Locale locale, TranslitLexicon lexicon, FoldKey fold, int k) {
        Map<String, Double> scored = new LinkedHashMap<>();
        String letters = word.replaceAll("[^\\p{L}']", "");
        List<String> known = lexicon.byKey.getOrDefault(fold.fullKey(letters), List.of());
        for (int i = 0; i < known.size() && i < k; i++) {
            scored.put(known.get(i), KNOWN_WORD_BONUS - 0.1 * i);
        }
        boolean front = locale == Locale.KZ && TranslitRules.front(letters);
        // beam over positions: states are (position → spelling → cost)
        List<Map<String, Double>> at = new ArrayList<>();
        for (int i = 0; i <= letters.length(); i++) {
            at.add(new HashMap<>());
        }
        at.get(0).put("", 0.0);
        for (int pos = 0; pos < letters.length(); pos++) {
            Map<String, Double> here = prune(at.get(pos));
            for (TranslitRules.Option o : TranslitRules.options(letters, pos, locale, front)) {
                for (Map.Entry<String, Double> e : here.entrySet()) {
                    at.get(pos + o.length()).merge(e.getKey() + o.cyrillic(), e.getValue() + o.cost(), Math::min);
                }
            }
        }
        for (Map.Entry<String, Double> e : at.get(letters.length()).entrySet()) {
            String w = e.getKey();
            double s = -e.getValue()
                    + lexicon.plausibility(w)
                    + (lexicon.wordSet.contains(w) ? KNOWN_WORD_BONUS : lexicon.knownStem(w) ? KNOWN_STEM_BONUS : 0);
            scored.merge(w, s, Math::max);
        }
        return scored.entrySet().stream()
                .map(e -> new Candidate(e.getKey(), e.getValue()))
                .filter(c -> !c.text.isEmpty())
                .sorted(Comparator.comparingDouble((Candidate c) -> -c.score))
                .limit(k)
                .toList();
    }

    private static Map<String, Double> prune(Map<String, Double> states) {
        if (states.size() <= BEAM) {
            return states;
        }
        Map<String, Double> kept = new HashMap<>();
        states.entrySet().stream()
                .sorted(Map.Entry.comparingByValue())
                .limit(BEAM)
                .forEach(e -> kept.put(e.getKey(), e.getValue()));
        return kept;
    }
}
