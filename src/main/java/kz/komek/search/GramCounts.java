package kz.komek.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArrayMap;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.analysis.tokenattributes.TermFrequencyAttribute;
import org.apache.lucene.index.FieldInvertState;
import org.apache.lucene.search.CollectionStatistics;
import org.apache.lucene.search.TermStatistics;
import org.apache.lucene.search.similarities.BM25Similarity;
import org.apache.lucene.search.similarities.PerFieldSimilarityWrapper;
import org.apache.lucene.search.similarities.Similarity;
import org.apache.lucene.util.SmallFloat;

/**
 * The n-gram field as the index writes it: each distinct gram of a document once, with its count as the term
 * frequency, and each word's grams remembered. A document has about seven grams per word, and adding every one of
 * them to the writer's term hash was over a third of building the index (7.5 of 20 s at 100,000 questions). The
 * postings and norms are those of {@link Analyzers#ngrams()}, which queries keep using (GramCountsTest).
 */
final class GramCounts {
    private GramCounts() {}

    /** Words a token stream remembers; past this it forgets them all at the next document. */
    private static final int MAX_WORDS = 100_000;

    /** The analyzer of {@link SearchIndex#NGRAMS} at index time. */
    static Analyzer analyzer() {
        return chain().analyzer();
    }

    /** Its chain, for words cut once for every field ({@link SharedWords}). */
    static Analyzers.Chain chain() {
        return new Analyzers.Chain(
                java.util.Optional.of(Analyzers.KEYBOARDLESS), ts -> new Counting(new LowerCaseFilter(ts)));
    }

    /** A word's character 3-grams with "_" marking its start and end, by code point, as NGramTokenFilter cuts them. */
    static String[] cut(String word) {
        String marked = "_" + word + "_";
        int points = marked.codePointCount(0, marked.length());
        if (points < 3) {
            return new String[0];
        }
        var out = new String[points - 2];
        int start = 0;
        for (int i = 0; i < out.length; i++) {
            int end = marked.offsetByCodePoints(start, 3);
            out[i] = marked.substring(start, end);
            start = marked.offsetByCodePoints(start, 1);
        }
        return out;
    }

    /**
     * Reads all words of the field, then gives each distinct gram once with its count. The first gram's position
     * increment is the number of words: {@link #NORMS} turns it into the length that per-gram tokens gave, where
     * each word's grams after its first overlapped it. One stream serves one thread, so its memory of words and
     * grams (numbered, counted in an array) needs no locks and allocates nothing for a word seen before.
     */
    private static final class Counting extends TokenFilter {
        private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
        private final TermFrequencyAttribute frequency = addAttribute(TermFrequencyAttribute.class);
        private final PositionIncrementAttribute increment = addAttribute(PositionIncrementAttribute.class);
        private final CharArrayMap<int[]> wordGrams = new CharArrayMap<>(1024, false);
        private final CharArrayMap<Integer> gramIds = new CharArrayMap<>(1024, false);
        private final List<char[]> gramText = new ArrayList<>();
        private int[] counts = new int[1024];
        private int[] seen = new int[256];
        private int distinct;
        private int next = -1;

        Counting(TokenStream input) {
            super(input);
        }

        @Override
        public boolean incrementToken() throws IOException {
            if (next < 0) {
                int words = 0;
                while (input.incrementToken()) {
                    int[] ids = wordGrams.get(term.buffer(), 0, term.length());
                    if (ids == null) {
                        ids = remember(term.toString());
                    }
                    if (ids.length > 0) {
                        words++;
                    }
                    for (int id : ids) {
                        if (counts[id]++ == 0) {
                            if (distinct == seen.length) {
                                seen = Arrays.copyOf(seen, distinct * 2);
                            }
                            seen[distinct++] = id;
                        }
                    }
                }
                next = 0;
                clearAttributes();
                increment.setPositionIncrement(words);
            } else {
                clearAttributes();
                increment.setPositionIncrement(0);
            }
            if (next == distinct) {
                return false;
            }
            int id = seen[next++];
            char[] text = gramText.get(id);
            term.copyBuffer(text, 0, text.length);
            frequency.setTermFrequency(counts[id]);
            counts[id] = 0;
            return true;
        }

        private int[] remember(String word) {
            String[] grams = cut(word);
            int[] ids = new int[grams.length];
            for (int i = 0; i < grams.length; i++) {
                Integer id = gramIds.get(grams[i]);
                if (id == null) {
                    id = gramText.size();
                    gramText.add(grams[i].toCharArray());
                    gramIds.put(grams[i], id);
                    if (id == counts.length) {
                        counts = Arrays.copyOf(counts, id * 2);
                    }
                }
                ids[i] = id;
            }
            wordGrams.put(word, ids);
            return ids;
        }

        @Override
        public void end() throws IOException {
            super.end();
            // the tokenizer adds trailing skipped words (over 255 letters) here; the length counts words only
            increment.setPositionIncrement(0);
        }

        @Override
        public void reset() throws IOException {
            super.reset();
            for (int i = next < 0 ? 0 : next; i < distinct; i++) {
                counts[seen[i]] = 0; // a stream closed before its last gram
            }
            distinct = 0;
            next = -1;
            if (wordGrams.size() > MAX_WORDS) {
                wordGrams.clear();
                gramIds.clear();
                gramText.clear();
            }
        }
    }

    /**
     * Norms as BM25 gives them, except for the n-gram field, whose length is its number of words: the position
     * {@link Counting} ends at. Only the writer computes norms; searches score with Lucene's BM25 as before.
     */
    static final Similarity NORMS = new PerFieldSimilarityWrapper() {
        private final BM25Similarity bm25 = new BM25Similarity();
        private final Similarity grams = new Similarity() {
            @Override
            public long computeNorm(FieldInvertState state) {
                return SmallFloat.intToByte4(state.getPosition() + 1);
            }

            @Override
            public SimScorer scorer(float boost, CollectionStatistics collection, TermStatistics... terms) {
                return bm25.scorer(boost, collection, terms);
            }
        };

        @Override
        public Similarity get(String name) {
            return SearchIndex.NGRAMS.equals(name) ? grams : bm25;
        }
    };
}
