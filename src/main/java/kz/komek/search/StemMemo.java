package kz.komek.search;

import java.io.IOException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.KeywordAttribute;

/**
 * Stems of words already seen, shared by every token stream of one analyzer. A help center's text repeats a few
 * tens of thousands of words, and stemming them afresh was a fifth of building the index (the Kazakh stemmer alone
 * 16% at 100,000 questions).
 */
final class StemMemo {
    /** Words beyond this are stemmed without being kept: queries bring arbitrary words, memory stays bounded. */
    private static final int MAX_WORDS = 200_000;

    private final ConcurrentHashMap<String, String> stems = new ConcurrentHashMap<>();

    /**
     * A filter that replaces each token not marked as a keyword by its stem.
     *
     * @param stemmer makes the stemmer of one token stream, which only that stream's thread uses
     */
    TokenFilter filter(TokenStream input, Supplier<UnaryOperator<String>> stemmer) {
        return new Filter(input, stemmer.get());
    }

    private final class Filter extends TokenFilter {
        private final UnaryOperator<String> stemmer;
        private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
        private final KeywordAttribute keyword = addAttribute(KeywordAttribute.class);

        Filter(TokenStream input, UnaryOperator<String> stemmer) {
            super(input);
            this.stemmer = stemmer;
        }

        @Override
        public boolean incrementToken() throws IOException {
            if (!input.incrementToken()) {
                return false;
            }
            if (!keyword.isKeyword()) {
                String word = term.toString();
                String stem = stems.get(word);
                if (stem == null) {
                    stem = stemmer.apply(word);
                    if (stems.size() < MAX_WORDS) {
                        stems.put(word, stem);
                    }
                }
                if (!stem.equals(word)) {
                    term.setEmpty().append(stem);
                }
            }
            return true;
        }
    }
}
