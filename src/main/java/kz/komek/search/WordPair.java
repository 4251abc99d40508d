package kz.komek.search;

import kz.komek.i18n.Locale;

/** A Russian stem and a Kazakh stem that may translate each other: what an editor confirms or rejects. */
public record WordPair(String ru, String kz) {
    public WordPair {
        if (!valid(ru) || !valid(kz)) {
            throw new IllegalArgumentException("a word pair needs two stems of 1 to 64 letters, without spaces");
        }
    }

    private static boolean valid(String stem) {
        return stem != null
                && !stem.isEmpty()
                && stem.length() <= 64
                && stem.codePoints().noneMatch(c -> Character.isWhitespace(c) || Character.isISOControl(c));
    }

    /**
     * The pair of two words as an editor types them, cut to the stems search keeps; empty when either is not one
     * word.
     */
    public static java.util.Optional<WordPair> ofWords(String ru, String kz) {
        java.util.List<String> r;
        java.util.List<String> k;
        try (var russian = Analyzers.forLocale(Locale.RU);
                var kazakh = Analyzers.forLocale(Locale.KZ)) {
            r = SearchService.terms(russian, SearchIndex.body(Locale.RU), ru);
            k = SearchService.terms(kazakh, SearchIndex.body(Locale.KZ), kz);
        }
        if (r.size() != 1 || k.size() != 1) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(new WordPair(r.get(0), k.get(0)));
    }

    static WordPair of(Synonyms.Stem a, Synonyms.Stem b) {
        return a.locale() == Locale.RU ? new WordPair(a.stem(), b.stem()) : new WordPair(b.stem(), a.stem());
    }
}
