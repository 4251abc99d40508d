package kz.komek.search;

import com.ibm.icu.text.Transliterator;

/**
 * Folds a word in Cyrillic (Russian or Kazakh) or Latin (official Kazakh Latin, BGN, informal phone spelling) to an
 * ASCII sound key, so that қалай, qalai, kalay and калай meet. Not thread-safe (ICU transliterators keep no state
 * between calls, but we do not rely on it): one instance per token stream or per call.
 */
final class FoldKey {
    /**
     * Building the ICU transliterators costs far more than using them (it parses their rules), and query code
     * folds a few words per call: each thread keeps one instance. Not a request context: just a reusable tool.
     */
    private static final ThreadLocal<FoldKey> PER_THREAD = ThreadLocal.withInitial(FoldKey::new);

    static FoldKey forThisThread() {
        return PER_THREAD.get();
    }

    /** Kazakh letters first become their Russian look-alikes: people without a Kazakh keyboard type exactly that. */
    private static final String KZ_LETTERS = "әғқңөұүһі";

    private static final String KZ_AS_RU = "агкноууhи";

    /** Russian BGN for Cyrillic (what most people's informal spelling follows), then ASCII for Latin diacritics. */
    private final Transliterator toAscii =
            Transliterator.getInstance("Russian-Latin/BGN; Any-Latin; Latin-ASCII; Lower");

    private final Transliterator latinAscii = Transliterator.getInstance("Latin-ASCII; Lower");

    /**
     * Keys of recent words. ICU transliteration is the costly step and a help center's vocabulary is small, so
     * indexing 100,000 answers transliterates each distinct word about once. One instance lives in one token
     * stream, which Lucene reuses within one thread.
     */
    private final java.util.Map<String, String> cache = new java.util.LinkedHashMap<>(1024, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(java.util.Map.Entry<String, String> eldest) {
            return size() > 50_000;
        }
    };

    /** The key used for indexing: the full key cut to a 5-letter prefix without trailing vowels (a light stem). */
    String key(String word) {
        String key = cache.get(word);
        if (key == null) {
            key = stem(fullKey(word));
            cache.put(word, key);
        }
        return key;
    }

    static String stem(String key) {
        if (key.isEmpty() || Character.isDigit(key.charAt(0))) {
            return key;
        }
        String k = key.length() > 5 ? key.substring(0, 5) : key;
        int end = k.length();
        // i after a vowel is the glide й (kalai "how" must not meet kala "city")
        while (end > 3
                && "aeiou".indexOf(k.charAt(end - 1)) >= 0
                && !(k.charAt(end - 1) == 'i' && "aeiou".indexOf(k.charAt(end - 2)) >= 0)) {
            end--;
        }
        return k.substring(0, end);
    }

    String fullKey(String word) {
        StringBuilder pre = new StringBuilder(word.length());
        boolean ascii = true;
        for (int i = 0; i < word.length(); i++) {
            char c = Character.toLowerCase(word.charAt(i));
            int kz = KZ_LETTERS.indexOf(c);
            if (kz >= 0) {
                c = KZ_AS_RU.charAt(kz);
            } else if (c == 'ё') {
                c = 'е';
            }
            ascii &= c < 128;
            pre.append(c);
        }
        String latin = ascii
                ? pre.toString()
                : cyrillic(pre) ? toAscii.transliterate(pre.toString()) : latinAscii.transliterate(pre.toString());
        return fold(latin);
    }

    private static boolean cyrillic(CharSequence s) {
        for (int i = 0; i < s.length(); i++) {
            if (Character.UnicodeBlock.of(s.charAt(i)) == Character.UnicodeBlock.CYRILLIC) {
                return true;
            }
        }
        return false;
    }

    /** Spelling variants to one form: digraphs to one letter, q/k, gh/g, y/i, glides before vowels, doubles. */
    static String fold(String latin) {
        StringBuilder s = new StringBuilder(latin.length());
        for (int i = 0; i < latin.length(); i++) {
            char c = latin.charAt(i);
            if (c >= 'a' && c <= 'z' || c >= '0' && c <= '9') {
                s.append(c);
            }
        }
        String k = s.toString()
                .replace("shch", "s")
                .replace("sch", "s")
                .replace("sh", "s")
                .replace("ch", "c")
                .replace("zh", "j")
                .replace("kh", "h")
                .replace("ts", "c")
                .replace("gh", "g")
                .replace('q', 'k')
                .replace('x', 'h')
                .replace('w', 'u')
                .replace('y', 'i');
        StringBuilder out = new StringBuilder(k.length());
        for (int i = 0; i < k.length(); i++) {
            char c = k.charAt(i);
            int n = out.length();
            // я/ю/ё/е spelt ya, ia, a…: drop the glide i before a vowel (not at the start: "iu" alone is rare)
            if (n > 0 && out.charAt(n - 1) == 'i' && "aoue".indexOf(c) >= 0 && n > 1) {
                out.setLength(n - 1);
                n--;
            }
            if (n > 0 && out.charAt(n - 1) == c) {
                continue;
            }
            out.append(c);
        }
        return out.toString();
    }
}
