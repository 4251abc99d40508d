package kz.komek.search;

import java.io.IOException;
import java.io.Reader;
import kz.komek.i18n.Locale;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.charfilter.MappingCharFilter;
import org.apache.lucene.analysis.charfilter.NormalizeCharMap;
import org.apache.lucene.analysis.ngram.NGramTokenFilter;
import org.apache.lucene.analysis.ru.RussianAnalyzer;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.tartarus.snowball.ext.RussianStemmer;

/**
 * The analyzers of komek's search fields. Each call returns a new analyzer; analyzers are thread-safe (Lucene reuses
 * one token stream per thread), so callers keep one per field.
 */
public final class Analyzers {

    /** ё is written as е in most texts and queries; fold it before tokenizing so both spellings index alike. */
    static final Letters YO = new Letters("ёЁ", "еЕ");

    /**
     * Kazakh letters folded to their Russian look-alikes (and ё to е), for the n-grams: many people type Kazakh on a
     * Russian keyboard ("толеймін" for "төлеймін").
     */
    static final Letters KEYBOARDLESS = new Letters("ёЁәӘғҒқҚңҢөӨұҰүҮһҺіІ", "еЕаАгГкКнНоОуУуУхХиИ");

    private static final CharArraySet KAZAKH_STOP =
            CharArraySet.unmodifiableSet(new CharArraySet(TranslitResources.list("search/kazakh-stop.txt"), false));

    private Analyzers() {}

    /**
     * Letters replaced one for one before words are cut: a char filter in an analyzer, the same replacement per word
     * on words cut once for several fields ({@link SharedWords}). One letter for one letter moves no word boundary
     * and no offset, so both give the same tokens.
     */
    record Letters(String from, String to) {
        Letters {
            if (from.length() != to.length()) {
                throw new IllegalArgumentException("one letter for one letter: " + from + " / " + to);
            }
        }

        NormalizeCharMap charMap() {
            var b = new NormalizeCharMap.Builder();
            for (int i = 0; i < from.length(); i++) {
                b.add(from.substring(i, i + 1), to.substring(i, i + 1));
            }
            return b.build();
        }

        TokenStream filter(TokenStream in) {
            return new LettersFilter(in, this);
        }
    }

    /**
     * What an analyzer does with a text: letters replaced (optional), words cut by {@link StandardTokenizer}, then
     * its filters. The index cuts each text of a document once and runs every field's chain on those words
     * ({@link SharedWords}); queries use {@link #analyzer()}. Both give the same tokens (SharedWordsTest).
     */
    record Chain(java.util.Optional<Letters> letters, java.util.function.UnaryOperator<TokenStream> filters) {
        Analyzer analyzer() {
            NormalizeCharMap map = letters.map(Letters::charMap).orElse(null);
            return new Analyzer() {
                @Override
                protected TokenStreamComponents createComponents(String field) {
                    Tokenizer source = new StandardTokenizer();
                    return new TokenStreamComponents(source, filters.apply(source));
                }

                @Override
                protected Reader initReader(String field, Reader reader) {
                    return map == null ? reader : new MappingCharFilter(map, reader);
                }

                @Override
                protected TokenStream normalize(String field, TokenStream in) {
                    return new LowerCaseFilter(in);
                }
            };
        }

        /** The chain on words already cut from the original text. */
        TokenStream on(TokenStream words) {
            return filters.apply(letters.map(l -> l.filter(words)).orElse(words));
        }
    }

    /**
     * Russian text: Snowball Russian rather than RussianLightStemFilter. Snowball also strips derivational endings
     * (погашение/погасить-like pairs meet more often); both conflate карточку/карточка/карточки, neither joins
     * заблокировали with блокировка (the prefix differs; the n-gram field covers that). Measured MRR@10 on the Russian
     * dev queries (AnalyzersTest): Snowball 0.544, light 0.539, so nearly equal; Snowball is the usual choice.
     */
    public static Analyzer russian() {
        return chain(Locale.RU).analyzer();
    }

    /** Kazakh text: our own stemmer; the Russian one would conflate Kazakh words (қалай → қала). */
    public static Analyzer kazakh() {
        return chain(Locale.KZ).analyzer();
    }

    public static Analyzer forLocale(Locale locale) {
        return chain(locale).analyzer();
    }

    /**
     * A language's chain (ё = е, lowercase, stop words, then the language's stemmer), with its own memory of stems
     * for the analyzer and the shared words it serves.
     */
    static Chain chain(Locale locale) {
        var memo = new StemMemo();
        if (locale == Locale.KZ) {
            return language(KAZAKH_STOP, ts -> memo.filter(ts, () -> new KazakhStemmer()::stem));
        }
        return language(
                RussianAnalyzer.getDefaultStopSet(),
                ts -> memo.filter(ts, () -> {
                    var snowball = new RussianStemmer();
                    return word -> {
                        snowball.setCurrent(word);
                        snowball.stem();
                        return snowball.getCurrent();
                    };
                }));
    }

    private static Chain language(CharArraySet stop, java.util.function.UnaryOperator<TokenStream> stemmer) {
        return new Chain(java.util.Optional.of(YO), ts -> stemmer.apply(new StopFilter(new LowerCaseFilter(ts), stop)));
    }

    /**
     * Shadow field for Latin and keyboard-less spellings: every word, Cyrillic or Latin, becomes an ASCII sound key
     * ({@link FoldKey}) cut to a short prefix, so "bonus qalai alamyn" and "бонус қалай аламын" share terms. Index the
     * same text with this analyzer and query it with the same analyzer; it is language-neutral on purpose.
     */
    public static Analyzer folded() {
        return foldedChain().analyzer();
    }

    static Chain foldedChain() {
        return new Chain(java.util.Optional.empty(), FoldFilter::new);
    }

    /** Words as typed, lower-cased, ё = е: for typo tolerance, prefixes and spelling suggestions. */
    static Chain wordsChain() {
        return new Chain(java.util.Optional.empty(), ts -> YO.filter(new LowerCaseFilter(ts)));
    }

    /**
     * Character 3-grams of each word with boundary markers ("_ка", "кар", …, "та_"): tolerant of typos and of word
     * forms the stemmers miss. Kazakh letters fold to their Russian look-alikes (қ→к, ө→о…) because many people type
     * Kazakh on a Russian keyboard ("толеймін" for "төлеймін"). The index writes this field counted
     * ({@link GramCounts}).
     */
    public static Analyzer ngrams() {
        return new Chain(java.util.Optional.of(KEYBOARDLESS), ts -> {
                    TokenStream grams = new LowerCaseFilter(ts);
                    grams = new BoundaryFilter(grams);
                    return new NGramTokenFilter(grams, 3, 3, false);
                })
                .analyzer();
    }

    /** Replaces letters in each word, one for one ({@link Letters}), by a table over the letters' range. */
    private static final class LettersFilter extends TokenFilter {
        private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
        private final char low;
        private final char[] table;

        LettersFilter(TokenStream in, Letters letters) {
            super(in);
            char min = Character.MAX_VALUE;
            char max = 0;
            for (char c : letters.from().toCharArray()) {
                min = (char) Math.min(min, c);
                max = (char) Math.max(max, c);
            }
            this.low = min;
            this.table = new char[Math.max(0, max - min + 1)];
            for (int i = 0; i < table.length; i++) {
                table[i] = (char) (min + i);
            }
            for (int i = 0; i < letters.from().length(); i++) {
                table[letters.from().charAt(i) - min] = letters.to().charAt(i);
            }
        }

        @Override
        public boolean incrementToken() throws IOException {
            if (!input.incrementToken()) {
                return false;
            }
            char[] buffer = term.buffer();
            for (int i = 0, n = term.length(); i < n; i++) {
                int at = buffer[i] - low;
                if (at >= 0 && at < table.length) {
                    buffer[i] = table[at];
                }
            }
            return true;
        }
    }

    /** Wraps each term in "_" so that n-grams mark the start and end of the word. */
    private static final class BoundaryFilter extends TokenFilter {
        private final CharTermAttribute term = addAttribute(CharTermAttribute.class);

        BoundaryFilter(TokenStream in) {
            super(in);
        }

        @Override
        public boolean incrementToken() throws IOException {
            if (!input.incrementToken()) {
                return false;
            }
            String t = term.toString();
            term.setEmpty().append('_').append(t).append('_');
            return true;
        }
    }

    /** Replaces each term by its folded sound key; drops terms that fold to nothing (punctuation, other scripts). */
    private static final class FoldFilter extends TokenFilter {
        private final FoldKey fold = new FoldKey();
        private final CharTermAttribute term = addAttribute(CharTermAttribute.class);

        FoldFilter(TokenStream in) {
            super(in);
        }

        @Override
        public boolean incrementToken() throws IOException {
            while (input.incrementToken()) {
                String key = fold.key(term.toString());
                if (!key.isEmpty()) {
                    term.setEmpty().append(key);
                    return true;
                }
            }
            return false;
        }
    }
}
