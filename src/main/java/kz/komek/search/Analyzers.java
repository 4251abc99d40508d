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
    private static final NormalizeCharMap YO = yoMap();

    private static final CharArraySet KAZAKH_STOP =
            CharArraySet.unmodifiableSet(new CharArraySet(TranslitResources.list("search/kazakh-stop.txt"), false));

    private Analyzers() {}

    /**
     * Russian text: Snowball Russian rather than RussianLightStemFilter. Snowball also strips derivational endings
     * (погашение/погасить-like pairs meet more often); both conflate карточку/карточка/карточки, neither joins
     * заблокировали with блокировка (the prefix differs; the n-gram field covers that). Measured MRR@10 on the Russian
     * dev queries (AnalyzersTest): Snowball 0.544, light 0.539, so nearly equal; Snowball is the usual choice.
     */
    public static Analyzer russian() {
        var memo = new StemMemo();
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

    /** Kazakh text: our own stemmer; the Russian one would conflate Kazakh words (қалай → қала). */
    public static Analyzer kazakh() {
        var memo = new StemMemo();
        return language(KAZAKH_STOP, ts -> memo.filter(ts, () -> new KazakhStemmer()::stem));
    }

    /** The chain both languages share (ё = е, lowercase, stop words), then the language's stemmer. */
    private static Analyzer language(CharArraySet stop, java.util.function.UnaryOperator<TokenStream> stemmer) {
        return new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String field) {
                Tokenizer source = new StandardTokenizer();
                TokenStream ts = new LowerCaseFilter(source);
                ts = new StopFilter(ts, stop);
                return new TokenStreamComponents(source, stemmer.apply(ts));
            }

            @Override
            protected Reader initReader(String field, Reader reader) {
                return new MappingCharFilter(YO, reader);
            }

            @Override
            protected TokenStream normalize(String field, TokenStream in) {
                return new LowerCaseFilter(in);
            }
        };
    }

    public static Analyzer forLocale(Locale locale) {
        return locale == Locale.KZ ? kazakh() : russian();
    }

    /**
     * Shadow field for Latin and keyboard-less spellings: every word, Cyrillic or Latin, becomes an ASCII sound key
     * ({@link FoldKey}) cut to a short prefix, so "bonus qalai alamyn" and "бонус қалай аламын" share terms. Index the
     * same text with this analyzer and query it with the same analyzer; it is language-neutral on purpose.
     */
    public static Analyzer folded() {
        return new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String field) {
                Tokenizer source = new StandardTokenizer();
                return new TokenStreamComponents(source, new FoldFilter(source));
            }
        };
    }

    /**
     * Character 3-grams of each word with boundary markers ("_ка", "кар", …, "та_"): tolerant of typos and of word
     * forms the stemmers miss. Kazakh letters fold to their Russian look-alikes (қ→к, ө→о…) because many people type
     * Kazakh on a Russian keyboard ("толеймін" for "төлеймін").
     */
    public static Analyzer ngrams() {
        return new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String field) {
                Tokenizer source = new StandardTokenizer();
                TokenStream ts = new LowerCaseFilter(source);
                ts = new BoundaryFilter(ts);
                ts = new NGramTokenFilter(ts, 3, 3, false);
                return new TokenStreamComponents(source, ts);
            }

            @Override
            protected Reader initReader(String field, Reader reader) {
                return new MappingCharFilter(KEYBOARDLESS, reader);
            }
        };
    }

    static final NormalizeCharMap KEYBOARDLESS = keyboardlessMap();

    private static NormalizeCharMap yoMap() {
        NormalizeCharMap.Builder b = new NormalizeCharMap.Builder();
        b.add("ё", "е");
        b.add("Ё", "Е");
        return b.build();
    }

    private static NormalizeCharMap keyboardlessMap() {
        NormalizeCharMap.Builder b = new NormalizeCharMap.Builder();
        String from = "ёЁәӘғҒқҚңҢөӨұҰүҮһҺіІ";
        String to = "еЕаАгГкКнНоОуУуУхХиИ";
        for (int i = 0; i < from.length(); i++) {
            b.add(from.substring(i, i + 1), to.substring(i, i + 1));
        }
        return b.build();
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
