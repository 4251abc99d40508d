package kz.komek.search;

import java.util.Optional;
import java.util.Set;
import kz.komek.i18n.Locale;

/** Tells Russian from Kazakh in short queries, Cyrillic or Latin. */
public final class LanguageDetector {

    private static final String KAZAKH_LETTERS = "әіңғүұқөһ";
    /** Official Kazakh Latin letters that Russian transliteration never uses. */
    private static final String KAZAKH_LATIN = "äğñöūüış";
    /** Endings frequent in Kazakh (plural, case, person) that Russian words do not end with. */
    private static final Set<String> KAZAKH_ENDINGS = Set.of(
            "лар", "лер", "дар", "дер", "тар", "тер", "мын", "мін", "сыз", "сіз", "ның", "дың", "тың", "ға", "ге", "ды",
            "ді", "ты", "ті", "дан", "ден", "тан", "тен", "нан", "нен", "мен", "бен", "пен", "сы", "сі");

    private static final Set<String> RUSSIAN_ENDINGS = Set.of(
            "ть", "ться", "ся", "ого", "его", "ому", "ему", "ый", "ий", "ая", "яя", "ое", "ые", "ие", "ой", "ей", "ов",
            "ев", "ами", "ями", "ение", "ция", "ешь", "ишь");

    private LanguageDetector() {}

    /** ru or kz from the text; empty when unsure. */
    public static Optional<Locale> detect(String text) {
        String t = text.toLowerCase(java.util.Locale.ROOT);
        if (t.chars().anyMatch(c -> KAZAKH_LETTERS.indexOf(c) >= 0)) {
            return Optional.of(Locale.KZ);
        }
        boolean cyrillic = t.chars().anyMatch(c -> Character.UnicodeBlock.of(c) == Character.UnicodeBlock.CYRILLIC);
        if (!cyrillic && t.chars().anyMatch(c -> KAZAKH_LATIN.indexOf(c) >= 0)) {
            return Optional.of(Locale.KZ);
        }
        if (!cyrillic && KeyboardLayout.wrongLayoutLikelihood(t) >= 0.7) {
            // digits typed for ә і ң ғ ү ұ қ ө inside words point to the Kazakh layout
            String kz = KeyboardLayout.latinToKazakh(t);
            return kz.equals(KeyboardLayout.latinToRussian(t))
                    ? detect(kz).or(() -> Optional.of(Locale.RU))
                    : Optional.of(Locale.KZ);
        }
        double score = 0; // > 0 Kazakh, < 0 Russian
        FoldKey fold = FoldKey.forThisThread();
        for (String word : t.split("[^\\p{L}']+")) {
            if (word.isEmpty()) {
                continue;
            }
            score += cyrillic ? cyrillicEvidence(word, fold) : latinEvidence(word, fold);
        }
        return score >= 1 ? Optional.of(Locale.KZ) : score <= -1 ? Optional.of(Locale.RU) : Optional.empty();
    }

    private static double cyrillicEvidence(String w, FoldKey fold) {
        boolean kz = TranslitLexicon.KZ.wordSet.contains(w);
        boolean ru = TranslitLexicon.RU.wordSet.contains(w);
        if (kz != ru) {
            return kz ? 1.5 : -1.5;
        }
        double s = 0;
        // typed without Kazakh letters (толем for төлем): compare sound keys with both vocabularies
        String key = fold.fullKey(w);
        boolean kzKey = TranslitLexicon.KZ.byKey.containsKey(key);
        boolean ruKey = TranslitLexicon.RU.byKey.containsKey(key);
        if (!kz && !ru && kzKey != ruKey) {
            s += kzKey ? 1 : -1;
        }
        if (w.indexOf('ь') >= 0 || w.indexOf('ъ') >= 0 || w.indexOf('щ') >= 0 || w.indexOf('э') >= 0) {
            s -= 1;
        }
        if (w.length() > 3) {
            s += KAZAKH_ENDINGS.stream().anyMatch(w::endsWith) ? 0.5 : 0;
            s -= RUSSIAN_ENDINGS.stream().anyMatch(w::endsWith) ? 0.5 : 0;
        }
        return s;
    }

    private static double latinEvidence(String w, FoldKey fold) {
        String key = fold.fullKey(w);
        boolean kz = TranslitLexicon.KZ.byKey.containsKey(key);
        boolean ru = TranslitLexicon.RU.byKey.containsKey(key);
        double s = kz != ru ? (kz ? 1.5 : -1.5) : 0;
        // q is Kazakh қ (qr is a brand, not a word); gh, ñ, ng at the end are Kazakh spellings
        if (w.indexOf('q') >= 0 && w.chars().anyMatch(c -> "aeiouy".indexOf(c) >= 0)) {
            s += 1;
        }
        if (w.contains("gh") || w.endsWith("ng") || w.endsWith("dy") || w.endsWith("di")) {
            s += 0.5;
        }
        if (w.endsWith("ть")
                || w.endsWith("'")
                || w.endsWith("yi")
                || w.endsWith("iy")
                || w.endsWith("sya")
                || w.endsWith("tsya")) {
            s -= 0.5;
        }
        return s;
    }
}
