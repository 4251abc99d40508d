package kz.komek.search;

import java.util.ArrayList;
import java.util.List;
import kz.komek.i18n.Locale;

/** Latin letter groups and the Cyrillic letters they may stand for, with a cost (0 = the usual reading). */
final class TranslitRules {

    record Option(int length, String cyrillic, double cost) {}

    private static final String LATIN_VOWELS = "aeiouyäöüūıé";

    private TranslitRules() {}

    /** Whether a Kazakh word in Latin is front-vowelled (е, і, ә, ө, ү), which picks к/г over қ/ғ and ө/ү over о/ұ. */
    static boolean front(String w) {
        int front = 0, back = 0;
        for (int i = 0; i < w.length(); i++) {
            char c = w.charAt(i);
            if ("eäöüi".indexOf(c) >= 0) {
                front++;
            } else if ("ayıūq".indexOf(c) >= 0) {
                back++;
            }
        }
        return front > back;
    }

    static List<Option> options(String w, int pos, Locale locale, boolean front) {
        List<Option> out = new ArrayList<>(4);
        boolean kz = locale == Locale.KZ;
        // digraphs first; a digraph may also be read as two letters (s+h is rare, n+g is common)
        if (w.startsWith("shch", pos) || w.startsWith("sch", pos)) {
            out.add(new Option(w.startsWith("shch", pos) ? 4 : 3, "щ", kz ? 0.5 : 0));
        }
        String two = pos + 2 <= w.length() ? w.substring(pos, pos + 2) : "";
        boolean vowelBefore = pos > 0 && LATIN_VOWELS.indexOf(w.charAt(pos - 1)) >= 0;
        boolean glidePosition = vowelBefore && (pos + 1 == w.length() || LATIN_VOWELS.indexOf(w.charAt(pos + 1)) < 0);
        switch (two) {
            case "sh" -> out.add(new Option(2, "ш", 0));
            case "ch" -> out.add(new Option(2, "ч", 0));
            case "zh" -> out.add(new Option(2, "ж", 0));
            case "kh" -> out.add(new Option(2, "х", 0));
            case "gh" -> out.add(new Option(2, kz ? "ғ" : "г", 0));
            case "ts" -> out.add(new Option(2, "ц", 0.4));
            case "ng" -> {
                boolean last = pos + 2 == w.length() || LATIN_VOWELS.indexOf(w.charAt(pos + 2)) < 0;
                if (kz) {
                    out.add(new Option(2, "ң", last ? 0 : 0.6));
                }
            }
            case "ya", "ia" -> {
                out.add(new Option(2, "я", two.equals("ya") ? 0 : 0.3));
                if (kz) {
                    out.add(new Option(2, "йа", 0.8));
                }
            }
            case "yu", "iu" -> out.add(new Option(2, "ю", two.equals("yu") ? 0 : 0.3));
            case "yo" -> out.add(new Option(2, kz ? "йо" : "е", 0.3));
            case "ye" -> out.add(new Option(2, "е", 0.2));
            case "yi", "iy", "ij", "yj", "ii" -> {
                if (!kz && pos + 2 == w.length()) {
                    out.add(new Option(2, two.charAt(0) == 'y' ? "ый" : "ий", 0));
                }
            }
            default -> {}
        }
        if (out.size() == 1 && "sh ch zh kh gh".contains(two)) {
            return out; // reading s+h, z+h… as two letters is much rarer than the digraph
        }
        char c = w.charAt(pos);
        switch (c) {
            case 'a' -> {
                if (kz && front) {
                    out.add(new Option(1, "ә", 0.2));
                }
                out.add(new Option(1, "а", kz && front ? 0.5 : 0));
            }
            case 'b' -> out.add(new Option(1, "б", 0));
            case 'c' -> {
                out.add(new Option(1, "ц", 0.3));
                out.add(new Option(1, "с", 0.4));
                out.add(new Option(1, "к", 1));
            }
            case 'd' -> out.add(new Option(1, "д", 0));
            case 'e', 'é' -> {
                out.add(new Option(1, "е", 0));
                out.add(new Option(1, "э", 1));
            }
            case 'f' -> out.add(new Option(1, "ф", 0));
            case 'g' -> {
                if (kz && !front) {
                    out.add(new Option(1, "ғ", 0.2));
                }
                out.add(new Option(1, "г", kz && !front ? 0.5 : 0));
            }
            case 'h' -> {
                out.add(new Option(1, "х", 0.3));
                if (kz) {
                    out.add(new Option(1, "һ", 1.5));
                }
            }
            case 'i' -> {
                if (glidePosition) {
                    out.add(new Option(1, "й", 0));
                }
                if (kz) {
                    out.add(new Option(1, "і", front ? 0 : 0.6));
                    out.add(new Option(1, "ы", front ? 1 : 0.4));
                    out.add(new Option(1, "и", 0.6));
                } else {
                    out.add(new Option(1, "и", 0));
                    out.add(new Option(1, "ы", 1));
                }
            }
            case 'ı' -> out.add(new Option(1, "ы", 0));
            case 'j' -> {
                out.add(new Option(1, "ж", kz ? 0 : 0.5));
                out.add(new Option(1, "й", kz ? 1 : 0.3));
            }
            case 'k' -> {
                if (kz && !front) {
                    out.add(new Option(1, "қ", 0.2));
                }
                out.add(new Option(1, "к", kz && !front ? 0.4 : 0));
            }
            case 'l' -> out.add(new Option(1, "л", 0));
            case 'm' -> out.add(new Option(1, "м", 0));
            case 'n' -> out.add(new Option(1, "н", 0));
            case 'o' -> {
                if (kz) {
                    out.add(new Option(1, "ө", front ? 0.3 : 2));
                }
                out.add(new Option(1, "о", kz && front ? 0.4 : 0));
            }
            case 'p' -> out.add(new Option(1, "п", 0));
            case 'q' -> out.add(new Option(1, kz ? "қ" : "к", 0));
            case 'r' -> out.add(new Option(1, "р", 0));
            case 's' -> out.add(new Option(1, "с", 0));
            case 't' -> out.add(new Option(1, "т", 0));
            case 'u' -> {
                if (kz && !vowelBefore) {
                    out.add(new Option(1, front ? "ү" : "ұ", 0.3));
                }
                out.add(new Option(1, "у", kz && !vowelBefore ? 0.35 : 0));
            }
            case 'v' -> out.add(new Option(1, "в", 0));
            case 'w' -> out.add(new Option(1, kz ? "у" : "в", 0));
            case 'x' -> {
                out.add(new Option(1, "х", 0.3));
                out.add(new Option(1, "кс", 0.5));
            }
            case 'y' -> {
                if (glidePosition) {
                    out.add(new Option(1, "й", 0));
                }
                // y before a vowel is я/ю/ё/е (the digraphs above), rarely ы
                boolean beforeVowel = pos + 1 < w.length() && LATIN_VOWELS.indexOf(w.charAt(pos + 1)) >= 0;
                out.add(new Option(1, "ы", glidePosition ? 0.8 : beforeVowel ? 1.2 : 0));
                if (!kz) {
                    out.add(new Option(1, "и", 0.8));
                }
            }
            case 'z' -> out.add(new Option(1, "з", 0));
            case 'ä' -> out.add(new Option(1, "ә", 0));
            case 'ğ' -> out.add(new Option(1, "ғ", 0));
            case 'ñ' -> out.add(new Option(1, "ң", 0));
            case 'ö' -> out.add(new Option(1, "ө", 0));
            case 'ū' -> out.add(new Option(1, "ұ", 0));
            case 'ü' -> out.add(new Option(1, "ү", 0));
            case 'ş' -> out.add(new Option(1, "ш", 0));
            case 'ç' -> out.add(new Option(1, "ч", 0));
            case '\'' -> out.add(new Option(1, kz ? "" : "ь", 0));
            default -> out.add(new Option(1, Character.toString(c), 0.5));
        }
        return out;
    }
}
