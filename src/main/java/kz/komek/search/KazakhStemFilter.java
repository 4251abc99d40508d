package kz.komek.search;

import java.io.IOException;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.KeywordAttribute;

/** Replaces each lower-cased Kazakh token by its {@link KazakhStemmer} stem; keyword-marked tokens are kept. */
public final class KazakhStemFilter extends TokenFilter {

    private final KazakhStemmer stemmer = new KazakhStemmer();
    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
    private final KeywordAttribute keyword = addAttribute(KeywordAttribute.class);

    public KazakhStemFilter(TokenStream input) {
        super(input);
    }

    @Override
    public boolean incrementToken() throws IOException {
        if (!input.incrementToken()) {
            return false;
        }
        if (!keyword.isKeyword()) {
            String word = term.toString();
            String stem = stemmer.stem(word);
            if (!stem.equals(word)) {
                term.setEmpty().append(stem);
            }
        }
        return true;
    }
}
