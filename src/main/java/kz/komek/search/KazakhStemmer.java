package kz.komek.search;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * Light rule-based Kazakh stemmer: strips inflection in layers from the end of the word (predicate/person, case,
 * possessive, plural, then verbal participle/converb/infinitive and passive voice), longest match first. A suffix is
 * stripped only when its vowel agrees with the stem's last vowel (harmony) and its first consonant agrees with the
 * stem's last sound (the д/т/н/л, ғ/қ, б/п/м alternations), so random word endings are rarely taken for suffixes.
 * Nouns that look inflected (төлем, аударым, тегін, қала…) are listed in {@code search/kazakh-stem-exceptions.txt}.
 */
public final class KazakhStemmer {

    /** Layers, outermost first; a stripped suffix only lets layers closer to the stem follow. */
    private static final int PRED = 6, CASE = 5, POSS = 4, PLUR = 3, VERB = 2, VOICE = 1;

    private static final int MIN_STEM = 3;

    /** Two-letter verb roots frequent in help texts (ал-у "get", аш-у "open"…); other stems keep 3 letters. */
    private static final Set<String> SHORT_ROOTS =
            Set.of("ал", "аш", "ас", "ет", "өт", "ұт", "же", "жу", "іш", "ұқ", "ай", "үй", "ел");

    private static final Set<String> EXCEPTIONS = TranslitResources.words("search/kazakh-stem-exceptions.txt");

    private record Suffix(String text, int layer) {}

    private static final List<Suffix> SUFFIXES = buildSuffixes();

    public String stem(String word) {
        if (word.length() < MIN_STEM || !isKazakhCyrillic(word) || EXCEPTIONS.contains(word)) {
            return word;
        }
        int protect = protectedPrefix(word);
        String w = word;
        int maxLayer = PRED;
        boolean verbal = false;
        boolean alternation = false;
        outer:
        while (true) {
            for (Suffix s : SUFFIXES) {
                if (s.layer > maxLayer || (s.layer == VOICE && !verbal) || !w.endsWith(s.text)) {
                    continue;
                }
                String rest = w.substring(0, w.length() - s.text.length());
                if (rest.length() < protect
                        || !longEnough(rest)
                        || !fits(rest, s.text, s.layer)
                        || (s.text.endsWith("тын") || s.text.endsWith("тін")) && rest.length() < 4) {
                    continue;
                }
                w = rest;
                verbal = isVerbal(s);
                alternation = isVowel(s.text.charAt(0));
                // a verb's person ending sits on the tense/participle directly, never on a case ending
                maxLayer = verbal && s.layer == PRED ? VERB : s.layer - 1;
                if (EXCEPTIONS.contains(w)) {
                    return w;
                }
                continue outer;
            }
            break;
        }
        // Stem-final п/к/қ voice before a vowel-initial suffix (кітап → кітабы): undo it so all forms meet.
        if (alternation) {
            char last = w.charAt(w.length() - 1);
            char hard = last == 'б' ? 'п' : last == 'г' ? 'к' : last == 'ғ' ? 'қ' : last;
            w = w.substring(0, w.length() - 1) + hard;
        }
        return w;
    }

    /** Length of the longest listed stem (5+ letters) that starts the word: suffixes never cut into it (мерзімін). */
    private static int protectedPrefix(String word) {
        for (int n = word.length() - 1; n >= 5; n--) {
            if (EXCEPTIONS.contains(word.substring(0, n))) {
                return n;
            }
        }
        return 0;
    }

    private static boolean longEnough(String rest) {
        return (rest.length() >= MIN_STEM || SHORT_ROOTS.contains(rest)) && lastVowel(rest) != 0;
    }

    /** Passive voice (-ыл, -н…) is only looked for under a verbal ending: nouns like жыл, мысал end the same way. */
    private static boolean isVerbal(Suffix s) {
        return s.layer == VERB || (s.layer == PRED && !s.text.endsWith("ын") && !s.text.endsWith("ін"));
    }

    /** Harmony and the consonant alternation at the boundary between {@code rest} and suffix {@code s}. */
    static boolean fits(String rest, String s, int layer) {
        char end = rest.charAt(rest.length() - 1);
        // the instrumental -мен/-бен/-пен has no back-vowel variant
        int harmony = s.endsWith("мен") || s.endsWith("бен") || s.endsWith("пен") || s.equals("менен") ? 0 : harmony(s);
        if (harmony != 0) {
            char v = lastVowel(rest);
            int stemHarmony = FRONT.indexOf(v) >= 0 ? 1 : BACK.indexOf(v) >= 0 ? -1 : 0;
            // loans ending in к/г take front endings whatever their vowel (банкі, банктің)
            boolean frontConsonant = end == 'к' || end == 'г';
            if (stemHarmony != 0 && stemHarmony != harmony && !(frontConsonant && harmony == 1)) {
                return false;
            }
        }
        char first = s.charAt(0);
        boolean vowelEnd = isVowel(end);
        return switch (first) {
            case 'л' -> vowelEnd || "рйу".indexOf(end) >= 0;
            // locative/ablative -да/-дан also follow vowels (картада, картадан); -ды, -дың, -дар do not
            case 'д' ->
                "мнңлрйузжь".indexOf(end) >= 0
                        || vowelEnd && (s.startsWith("да") || s.startsWith("де") || layer == PRED);
            case 'т' -> VOICELESS.indexOf(end) >= 0;
            case 'н' -> {
                if (s.length() == 1 && layer == CASE) {
                    // accusative -н follows the 3rd person possessive only (картасын, бөлімін); кейін, үшін are words
                    yield (end == 'ы' || end == 'і')
                            && (rest.endsWith("сы") || rest.endsWith("сі") || rest.length() >= 6);
                }
                boolean afterNasal =
                        s.startsWith("нан") || s.startsWith("нен") || s.startsWith("ның") || s.startsWith("нің");
                // -нда, -на, -ндағы follow the 3rd person possessive (картасында); магазин-де is not магази-нде
                boolean afterPossessive = s.startsWith("нд") || s.equals("на") || s.equals("не");
                yield afterPossessive ? end == 'ы' || end == 'і' : vowelEnd || (afterNasal && "мнң".indexOf(end) >= 0);
            }
            case 'ғ', 'г' -> vowelEnd || "мнңлрйузж".indexOf(end) >= 0;
            case 'қ', 'к' -> VOICELESS.indexOf(end) >= 0;
            case 'м' -> vowelEnd || "рйулмнң".indexOf(end) >= 0 && s.length() > 1;
            case 'б' -> "мнңзж".indexOf(end) >= 0;
            case 'п' -> VOICELESS.indexOf(end) >= 0;
            case 'ң' -> vowelEnd;
            case 'с' -> {
                if (layer == POSS) {
                    // after -ыс/-іс nouns and loans in -с (тапсырыс-ы, сервис-і) the ending is -ы, not -сы
                    yield vowelEnd && ("ыіиу".indexOf(end) < 0 || EXCEPTIONS.contains(rest));
                }
                // bare conditional -са/-се follows consonant-final verbs here (болса); немесе, касса are words
                yield s.length() > 2 || !vowelEnd;
            }
            case 'у' -> !isVowel(end) || "аеә".indexOf(end) >= 0;
            case 'й' -> vowelEnd;
            // a vowel-initial suffix (-ым, -ы, -ып, -а…) needs a consonant before it
            // (and not -шы/-ші of agent nouns: сатушы, алушы)
            // -ғы/-қы adjectives (соңғы, кейінгі, алғашқы) are not possessives; native қ/к voice before -ы (жинағы)
            default -> {
                if (vowelEnd || end == 'ь') {
                    yield false;
                }
                if (s.length() == 1) {
                    char before = rest.length() > 1 ? rest.charAt(rest.length() - 2) : 'а';
                    yield end != 'ш' && end != 'қ' && !((end == 'ғ' || end == 'г') && !isVowel(before));
                }
                yield true;
            }
        };
    }

    /** -1 back, 1 front, 0 neutral (no vowel that decides). */
    private static int harmony(String s) {
        for (int i = s.length() - 1; i >= 0; i--) {
            char c = s.charAt(i);
            if ("аоұы".indexOf(c) >= 0) {
                return -1;
            }
            if ("әеөүі".indexOf(c) >= 0) {
                return 1;
            }
        }
        return 0;
    }

    private static final String BACK = "аоұыяюёу";
    private static final String FRONT = "әеөүіиэ";
    private static final String VOICELESS = "пкқтсшфхцчщбгвд";

    /**
     * The last vowel that decides harmony. у between consonants is a back vowel (бонус, минут); elsewhere it is the
     * glide /w/ or the infinitive (төлеу, жеткізу) and the vowel before it decides.
     */
    static char lastVowel(String w) {
        for (int i = w.length() - 1; i >= 0; i--) {
            char c = w.charAt(i);
            if (c != 'у' && (BACK.indexOf(c) >= 0 || FRONT.indexOf(c) >= 0)) {
                return c;
            }
            if (c == 'у' && i > 0 && i < w.length() - 1 && !isVowel(w.charAt(i - 1)) && !isVowel(w.charAt(i + 1))) {
                return c;
            }
        }
        return w.indexOf('у') >= 0 ? 'у' : 0;
    }

    static boolean isVowel(char c) {
        return BACK.indexOf(c) >= 0 || FRONT.indexOf(c) >= 0;
    }

    /** Cyrillic only; words with щ, ъ, ё are Russian and are left alone. */
    private static boolean isKazakhCyrillic(String w) {
        for (int i = 0; i < w.length(); i++) {
            char c = w.charAt(i);
            if (c < 'а' && c != 'ё' || c > 'ӿ' || c == 'щ' || c == 'ъ' || c == 'ё') {
                return false;
            }
        }
        return true;
    }

    private static List<Suffix> buildSuffixes() {
        List<Suffix> list = new ArrayList<>();
        // predicate and person endings on verbs (present -а/-е/-й + person, past -ды + person, conditional -са)
        for (String p : List.of("а", "е", "й")) {
            for (String end : List.of("мын", "мін", "сың", "сің", "сыз", "сіз", "мыз", "міз", "ды", "ді")) {
                if (harmonyAgrees(p, end)) {
                    list.add(new Suffix(p + end, PRED));
                }
            }
        }
        for (String neg : List.of("ма", "ба", "па", "ме", "бе", "пе")) {
            for (String end : List.of(
                    "ймын", "ймін", "йсыз", "йсіз", "ймыз", "йміз", "йды", "йді", "ды", "ді", "дым", "дім", "сам",
                    "сем", "саңыз", "сеңіз", "са", "се")) {
                if (harmonyAgrees(neg, end)) {
                    list.add(new Suffix(neg + end, PRED));
                }
            }
        }
        for (String s : List.of(
                "дым", "дім", "тым", "тім", "дыңыз", "діңіз", "тыңыз", "тіңіз", "сам", "сем", "саң", "сең", "сақ",
                "сек", "саңыз", "сеңіз", "са", "се", "мын", "мін", "бын", "бін", "пын", "пін")) {
            list.add(new Suffix(s, PRED));
        }
        // case: genitive, dative, accusative, locative (+ attributive -ғы), ablative, instrumental
        for (String s : List.of(
                "ның", "нің", "дың", "дің", "тың", "тің", "ға", "ге", "қа", "ке", "на", "не", "ны", "ні", "ды", "ді",
                "ты", "ті", "н", "да", "де", "та", "те", "нда", "нде", "дан", "ден", "тан", "тен", "нан", "нен", "мен",
                "бен", "пен", "менен", "дағы", "дегі", "тағы", "тегі", "ндағы", "ндегі")) {
            list.add(new Suffix(s, CASE));
        }
        // possessive (the 2nd person polite form is also the polite imperative: таңда-ңыз)
        for (String s : List.of(
                "ымыз", "іміз", "мыз", "міз", "ыңыз", "іңіз", "ңыз", "ңіз", "ыңдар", "іңдер", "ым", "ім", "м", "ың",
                "ің", "ң", "сы", "сі", "ы", "і")) {
            list.add(new Suffix(s, POSS));
        }
        for (String s : List.of("лар", "лер", "дар", "дер", "тар", "тер")) {
            list.add(new Suffix(s, PLUR));
        }
        // participles, future participle, converb, infinitive
        // optative -ғы + possessive (жібер-гі-м келеді)
        for (String s : List.of(
                "ған", "ген", "қан", "кен", "ып", "іп", "у", "ғым", "гім", "қым", "кім", "ғыңыз", "гіңіз", "қыңыз",
                "кіңіз")) {
            list.add(new Suffix(s, VERB));
        }
        // the future participle is kept to 4+ letter stems: билет-ін is not бил-етін
        for (String s : List.of("атын", "етін", "йтын", "йтін")) {
            list.add(new Suffix(s, VERB));
        }
        for (String s : List.of("ыл", "іл", "л", "ын", "ін", "н")) {
            list.add(new Suffix(s, VOICE));
        }
        list.sort(Comparator.comparingInt((Suffix s) -> -s.text.length()));
        return List.copyOf(list);
    }

    private static boolean harmonyAgrees(String a, String b) {
        int x = harmony(a), y = harmony(b);
        return x == 0 || y == 0 || x == y;
    }
}
