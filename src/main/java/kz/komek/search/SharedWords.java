package kz.komek.search;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import kz.komek.i18n.Locale;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.util.CloseableThreadLocal;

/**
 * A document's searched fields, from its texts cut into words once. Eight fields read the title, answer, section
 * names and description (stems per language, n-grams, sound keys, words as typed), and each used to cut its text
 * again: the answer four times, the title six. Here each text is cut once by the tokenizer the analyzers use, and
 * every field's filters run on those words ({@link Analyzers.Chain#on}); the postings are the analyzers' own
 * (SharedWordsTest). Editors' phrasings, when a question has them, are a ninth field and go with the title.
 *
 * <p>Each thread keeps its tokenizer and one token stream per field, which the writer consumes within {@code
 * addDocument}; so the fields of one document must be indexed by the thread that made them, before it makes the next.
 */
final class SharedWords implements AutoCloseable {
    private final Map<Locale, Analyzers.Chain> languages = new EnumMap<>(Locale.class);
    private final Analyzers.Chain grams = GramCounts.chain();
    private final Analyzers.Chain fold = Analyzers.foldedChain();
    private final Analyzers.Chain words = Analyzers.wordsChain();
    /** Closed with the index: a thread's streams (and their memory of words) do not outlive it. */
    private final CloseableThreadLocal<PerThread> threads = new CloseableThreadLocal<>() {
        @Override
        protected PerThread initialValue() {
            return new PerThread();
        }
    };

    private final Types types;

    SharedWords(Types types) {
        this.types = types;
        for (Locale l : Locale.values()) {
            languages.put(l, Analyzers.chain(l));
        }
    }

    @Override
    public void close() {
        threads.close();
    }

    /** The field types of the texts: each field of {@link SearchIndex#textFields}, with nothing stored. */
    record Types(FieldType positioned, FieldType unpositioned) {}

    /** The indexed text fields of one document: the same fields, in the same order, as its texts would give. */
    List<Field> fields(Locale l, String title, String phrasings, String text, String sections, String description) {
        PerThread t = threads.get();
        Cut ti = t.cut(0, title);
        Cut tx = t.cut(1, text);
        Cut se = t.cut(2, sections);
        Cut de = t.cut(3, description);
        Analyzers.Chain language = languages.get(l);
        var fields = new ArrayList<Field>(9);
        fields.add(new Field(SearchIndex.title(l), t.stream(SearchIndex.title(l), language, ti), types.positioned()));
        if (phrasings.isEmpty()) {
            fields.add(field(t, SearchIndex.body(l), language, types.positioned(), tx));
            fields.add(field(t, SearchIndex.sections(l), language, types.unpositioned(), se));
            fields.add(field(t, SearchIndex.description(l), language, types.unpositioned(), de));
            fields.add(field(t, SearchIndex.NGRAMS, grams, types.unpositioned(), ti, ti, tx));
            fields.add(field(t, SearchIndex.FOLD, fold, types.unpositioned(), ti, se, tx));
            fields.add(field(t, SearchIndex.WORDS, words, types.unpositioned(), ti, tx));
        } else {
            // as SearchIndex.textFields: the phrasings' own field, and after the title wherever the title goes
            Cut ph = t.cut(4, phrasings);
            fields.add(field(t, SearchIndex.phrasings(l), language, types.unpositioned(), ph));
            fields.add(field(t, SearchIndex.body(l), language, types.positioned(), tx));
            fields.add(field(t, SearchIndex.sections(l), language, types.unpositioned(), se));
            fields.add(field(t, SearchIndex.description(l), language, types.unpositioned(), de));
            fields.add(field(t, SearchIndex.NGRAMS, grams, types.unpositioned(), ti, ti, ph, tx));
            fields.add(field(t, SearchIndex.FOLD, fold, types.unpositioned(), ti, ph, se, tx));
            fields.add(field(t, SearchIndex.WORDS, words, types.unpositioned(), ti, ph, tx));
        }
        fields.add(field(t, SearchIndex.TITLE_WORDS, words, types.unpositioned(), ti));
        return fields;
    }

    private static Field field(PerThread t, String name, Analyzers.Chain chain, FieldType type, Cut... parts) {
        return new Field(name, t.stream(name, chain, parts), type);
    }

    /** One thread's tokenizer, the texts it cut for the current document, and a token stream per field. */
    private static final class PerThread {
        private final StandardTokenizer tokenizer = new StandardTokenizer();
        private final CharTermAttribute term = tokenizer.addAttribute(CharTermAttribute.class);
        private final OffsetAttribute offset = tokenizer.addAttribute(OffsetAttribute.class);
        private final PositionIncrementAttribute increment = tokenizer.addAttribute(PositionIncrementAttribute.class);
        private final Cut[] cuts = {new Cut(), new Cut(), new Cut(), new Cut(), new Cut()};
        private final Map<String, Replay> replays = new HashMap<>();
        private final Map<String, TokenStream> streams = new HashMap<>();

        Cut cut(int slot, String text) {
            Cut c = cuts[slot];
            c.clear(text.length());
            try {
                tokenizer.setReader(new StringReader(text));
                tokenizer.reset();
                while (tokenizer.incrementToken()) {
                    c.add(
                            term.buffer(),
                            term.length(),
                            offset.startOffset(),
                            offset.endOffset(),
                            increment.getPositionIncrement());
                }
                tokenizer.end();
                c.trailing = increment.getPositionIncrement();
                tokenizer.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e); // a string reader does not fail
            }
            return c;
        }

        /** The field's token stream over these texts, as if they were one text joined by spaces. */
        TokenStream stream(String field, Analyzers.Chain chain, Cut... parts) {
            Replay replay = replays.get(field);
            if (replay == null) {
                replay = new Replay();
                replays.put(field, replay);
                streams.put(field, chain.on(replay));
            }
            replay.parts = parts;
            return streams.get(field);
        }
    }

    /** A text's words: their letters, offsets and position increments, as the tokenizer gave them. */
    private static final class Cut {
        private static final int KEPT_LETTERS = 1 << 20;
        private static final int KEPT_WORDS = 1 << 17;

        private char[] letters = new char[1024];
        private int used;
        private int[] starts = new int[128];
        private int[] lengths = new int[128];
        private int[] startOffsets = new int[128];
        private int[] endOffsets = new int[128];
        private int[] increments = new int[128];
        private int size;
        private int textLength;
        private int trailing;

        void clear(int textLength) {
            // a huge answer's arrays are not kept by the thread for good
            if (letters.length > KEPT_LETTERS || starts.length > KEPT_WORDS) {
                letters = new char[1024];
                starts = new int[128];
                lengths = new int[128];
                startOffsets = new int[128];
                endOffsets = new int[128];
                increments = new int[128];
            }
            used = 0;
            size = 0;
            trailing = 0;
            this.textLength = textLength;
        }

        void add(char[] buffer, int length, int start, int end, int increment) {
            if (size == starts.length) {
                int n = size * 2;
                starts = Arrays.copyOf(starts, n);
                lengths = Arrays.copyOf(lengths, n);
                startOffsets = Arrays.copyOf(startOffsets, n);
                endOffsets = Arrays.copyOf(endOffsets, n);
                increments = Arrays.copyOf(increments, n);
            }
            if (used + length > letters.length) {
                letters = Arrays.copyOf(letters, Math.max(letters.length * 2, used + length));
            }
            System.arraycopy(buffer, 0, letters, used, length);
            starts[size] = used;
            lengths[size] = length;
            startOffsets[size] = start;
            endOffsets[size] = end;
            increments[size] = increment;
            used += length;
            size++;
        }
    }

    /**
     * The words of one or more cut texts, as the tokenizer gives them for the texts joined by single spaces: offsets
     * shifted past the earlier texts, and words a text skipped at its end counted in the next one's first increment.
     */
    private static final class Replay extends TokenStream {
        private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
        private final OffsetAttribute offset = addAttribute(OffsetAttribute.class);
        private final PositionIncrementAttribute increment = addAttribute(PositionIncrementAttribute.class);
        private Cut[] parts = new Cut[0];
        private int part;
        private int word;
        private int shift;
        private int carried;

        @Override
        public void reset() throws IOException {
            super.reset();
            part = 0;
            word = 0;
            shift = 0;
            carried = 0;
        }

        @Override
        public boolean incrementToken() {
            while (part < parts.length && word == parts[part].size) {
                carried += parts[part].trailing;
                shift += parts[part].textLength + 1;
                part++;
                word = 0;
            }
            if (part == parts.length) {
                return false;
            }
            clearAttributes();
            Cut c = parts[part];
            term.copyBuffer(c.letters, c.starts[word], c.lengths[word]);
            offset.setOffset(shift + c.startOffsets[word], shift + c.endOffsets[word]);
            increment.setPositionIncrement(c.increments[word] + carried);
            carried = 0;
            word++;
            return true;
        }

        @Override
        public void end() throws IOException {
            super.end();
            int length = -1;
            for (Cut c : parts) {
                length += c.textLength + 1;
            }
            offset.setOffset(Math.max(0, length), Math.max(0, length));
            // words the tokenizer skipped after the last word it gave (incrementToken passed them into carried)
            increment.setPositionIncrement(carried);
        }
    }
}
