package kz.komek.search;

import java.util.Locale;

/** Text typed on a QWERTY (Latin) layout while the user meant the Russian or Kazakh Cyrillic layout. */
public final class KeyboardLayout {

    // xkb "us" keys → xkb "ru" (ЙЦУКЕН) letters, unshifted and shifted
    private static final String QWERTY = "qwertyuiop[]asdfghjkl;'zxcvbnm,.`QWERTYUIOP{}ASDFGHJKL:\"ZXCVBNM<>~";
    private static final String RUSSIAN = "йцукенгшщзхъфывапролджэячсмитьбюёЙЦУКЕНГШЩЗХЪФЫВАПРОЛДЖЭЯЧСМИТЬБЮЁ";
    // xkb "kz" digit row: 2 3 4 5 8 9 0 - = carry ә і ң ғ ү ұ қ ө һ (shifted: @ # $ % * ( ) _ +)
    private static final String KZ_KEYS = "234589" + "0-=" + "@#$%*(" + ")_+";
    private static final String KZ_LETTERS = "әіңғүұ" + "қөһ" + "ӘІҢҒҮҰ" + "ҚӨҺ";

    private static final String LATIN_VOWELS = "aeiouy";
    private static final String CYRILLIC_VOWELS = "аеёиоуыэюяәіөұү";

    private KeyboardLayout() {}

    /** Latin letters typed on a QWERTY keyboard while meaning Russian ЙЦУКЕН: "rfr gjgjkybnm rfhne" → "как пополнить карту". */
    public static String latinToRussian(String typed) {
        return convert(typed, false);
    }

    /** The same for the Kazakh layout: the digit row gives ә і ң ғ ү ұ қ ө һ: "rfhnfys 0fqnf" → "картаны қайта". */
    public static String latinToKazakh(String typed) {
        return convert(typed, true);
    }

    private static String convert(String typed, boolean kazakh) {
        StringBuilder out = new StringBuilder(typed.length());
        for (String token : typed.split("(?<=\\s)|(?=\\s)")) {
            // a token with no letter (a price, "0-0-12", a lone comma) was meant as typed
            boolean mapDigits = kazakh && token.chars().anyMatch(c -> c < 128 && Character.isLetter(c));
            boolean hasLetter = token.chars().anyMatch(c -> c < 128 && Character.isLetter(c));
            for (int i = 0; i < token.length(); i++) {
                char c = token.charAt(i);
                int kz = mapDigits ? KZ_KEYS.indexOf(c) : -1;
                int ru = hasLetter || Character.isLetter(c) ? QWERTY.indexOf(c) : -1;
                out.append(kz >= 0 ? KZ_LETTERS.charAt(kz) : ru >= 0 ? RUSSIAN.charAt(ru) : c);
            }
        }
        return out.toString();
    }

    /**
     * How likely (0..1) a Latin string is wrong-layout typing rather than Latin words: layout punctuation or digits
     * inside words, few Latin vowels but a natural share of vowels once converted, and converted words that are known
     * Russian/Kazakh words while the Latin ones do not fold to known words. Used to rank candidates, not alone.
     */
    public static double wrongLayoutLikelihood(String typed) {
        String text = typed.strip();
        long latinLetters =
                text.chars().filter(c -> c < 128 && Character.isLetter(c)).count();
        if (latinLetters == 0) {
            return 0;
        }
        String lower = text.toLowerCase(Locale.ROOT);
        double latinVowels =
                lower.chars().filter(c -> LATIN_VOWELS.indexOf(c) >= 0).count() / (double) latinLetters;
        String kz = latinToKazakh(lower);
        long cyr = kz.chars()
                .filter(c -> Character.UnicodeBlock.of(c) == Character.UnicodeBlock.CYRILLIC)
                .count();
        double cyrVowels = cyr == 0
                ? 0
                : kz.chars().filter(c -> CYRILLIC_VOWELS.indexOf(c) >= 0).count() / (double) cyr;
        int insideMarks = 0, digitsInWords = 0, words = 0, knownConverted = 0, knownLatin = 0;
        FoldKey fold = FoldKey.forThisThread();
        String ru = latinToRussian(lower);
        String[] latinWords = lower.split("\\s+");
        String[] ruWords = ru.split("\\s+");
        String[] kzWords = kz.split("\\s+");
        for (int w = 0; w < latinWords.length; w++) {
            String word = latinWords[w];
            if (word.chars().noneMatch(c -> c < 128 && Character.isLetter(c))) {
                continue;
            }
            words++;
            for (int i = 0; i < word.length(); i++) {
                char c = word.charAt(i);
                boolean inner = i > 0 && i < word.length() - 1 || i == 0 && word.length() > 1;
                if ("[];',.`".indexOf(c) >= 0 && inner) {
                    insideMarks++;
                } else if (Character.isDigit(c)
                        && word.length() > 1
                        && word.chars().anyMatch(Character::isLetter)) {
                    digitsInWords++;
                }
            }
            if (known(strip(ruWords[w])) || known(strip(kzWords[w]))) {
                knownConverted++;
            }
            String key = fold.fullKey(word.replaceAll("[^a-z]", ""));
            if (TranslitLexicon.RU.byKey.containsKey(key) || TranslitLexicon.KZ.byKey.containsKey(key)) {
                knownLatin++;
            }
        }
        if (words == 0) {
            return 0;
        }
        double score = 0.5
                + 1.5 * (cyrVowels - latinVowels)
                + 0.2 * Math.min(insideMarks, 2)
                + 0.15 * Math.min(digitsInWords, 2)
                + 0.5 * (knownConverted - knownLatin) / words;
        return Math.max(0, Math.min(1, score));
    }

    private static String strip(String w) {
        return w.replaceAll("[^\\p{IsCyrillic}]", "");
    }

    private static boolean known(String cyrillic) {
        return !cyrillic.isEmpty()
                && (TranslitLexicon.RU.wordSet.contains(cyrillic) || TranslitLexicon.KZ.wordSet.contains(cyrillic));
    }
}
