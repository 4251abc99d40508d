package kz.komek.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import kz.komek.i18n.Locale;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.document.BinaryDocValuesField;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.FeatureField;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.KnnFloatVectorField;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.SortedNumericDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherFactory;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.BytesRef;

/**
 * The Lucene index of one node, under {@code <data>/index} (or in memory for an evaluation). One document per
 * question and locale. Each text field exists once per locale ({@code title_ru}, {@code title_kz}…) so that each
 * is analysed by its own language's analyzer: the Russian stemmer never sees Kazakh text.
 *
 * <p>The commit's user data records the schema of the fields and the content version indexed, so a restart
 * catches up from there instead of rebuilding.
 *
 * <p>Longer than 500 lines: the schema, the writer's changes and the refreshes that show them to searches (with what
 * each change replaced, for {@link IndexChanges}) share one lock and must be read together.
 */
public final class SearchIndex implements AutoCloseable {
    /** Bump when fields or analysis change: an index of another schema is rebuilt on start. */
    public static final String SCHEMA = "10";

    static final String KEY = "key";
    static final String ID = "id";
    static final String SITE = "site";
    static final String LOCALE = "locale";
    static final String HAS = "has";
    static final String PUBLISHED = "published";
    static final String FEATURES = "features";
    static final String RANK = "rank";
    static final String NGRAMS = "ng";
    static final String FOLD = "fold";
    static final String WORDS = "words";
    static final String TITLE_WORDS = "title_words";
    static final String SECTION_PATH = "section_path";
    static final String SECTION_TITLE = "section_title";
    static final String SHOWN_TITLE = "title";
    static final String LOCALE_STORED = "locale_stored";
    static final String SIGNATURE = "signature";
    /** A material's kind ({@code video}, {@code document}); a question's document has none. */
    static final String KIND = "kind";
    /** A sentence vector of title and answer, only with {@code --embedding-model} (decision 0031). */
    static final String VECTOR = "vector";

    static String title(Locale l) {
        return "title_" + l.code();
    }

    /** Editors' other phrasings of the question: analysed and weighed like the title, never shown. */
    static String phrasings(Locale l) {
        return "phrasings_" + l.code();
    }

    /**
     * Readers' phrases in language {@code l} (the language they searched in, on any document of the question):
     * what enough distinct readers typed before this question answered them ({@link ReaderWords}). Never shown.
     */
    static String readers(Locale l) {
        return "readers_" + l.code();
    }

    static String body(Locale l) {
        return "body_" + l.code();
    }

    static String sections(Locale l) {
        return "sections_" + l.code();
    }

    static String description(Locale l) {
        return "desc_" + l.code();
    }

    /** Stored with offsets: the highlighter cuts snippets from them without re-analysing. */
    private static final FieldType HIGHLIGHTED = new FieldType(TextField.TYPE_STORED);

    /**
     * Matched and scored by term only: no query here needs positions (no phrases), and positions of the n-gram,
     * sound-key and word fields were most of the index and of its build time.
     */
    private static final FieldType UNPOSITIONED = new FieldType(TextField.TYPE_NOT_STORED);

    /** As {@link #UNPOSITIONED}, stored: what an edit replaces must be known (see {@link IndexChanges}). */
    private static final FieldType UNPOSITIONED_STORED = new FieldType(TextField.TYPE_STORED);

    /** As {@link #HIGHLIGHTED}, the text stored in a field of its own (a field of words is not stored). */
    private static final FieldType HIGHLIGHTED_WORDS = new FieldType(TextField.TYPE_NOT_STORED);

    static final SharedWords.Types SHARED_TYPES;

    static {
        HIGHLIGHTED.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS);
        HIGHLIGHTED.freeze();
        HIGHLIGHTED_WORDS.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS);
        HIGHLIGHTED_WORDS.freeze();
        UNPOSITIONED.setIndexOptions(IndexOptions.DOCS_AND_FREQS);
        UNPOSITIONED.freeze();
        UNPOSITIONED_STORED.setIndexOptions(IndexOptions.DOCS_AND_FREQS);
        UNPOSITIONED_STORED.freeze();
        SHARED_TYPES = new SharedWords.Types(HIGHLIGHTED_WORDS, UNPOSITIONED);
    }

    /** Guards the writer's changes and the refreshes that publish them, so that each change has one from and to. */
    private final Object changing = new Object();

    private final IndexChanges changes;
    private final List<Consumer<IndexChanges.Change>> listeners = new CopyOnWriteArrayList<>();

    private final Directory directory;
    private final Analyzer analyzer;
    private final IndexWriter writer;
    private final SearcherManager searchers;

    /**
     * What searches see (this holds one reference to its reader). A refresh makes it the new reader only after the
     * listeners ran: searches then find the results carried over to it, rather than start on it with none while
     * the refreshing thread works out what changed (under load, most of a second).
     */
    private final AtomicReference<IndexSearcher> visible;

    private final SharedWords sharedWords = new SharedWords(SHARED_TYPES);

    private final Optional<SentenceEncoder> encoder;

    private SearchIndex(Directory directory, Optional<SentenceEncoder> encoder) throws IOException {
        this.directory = directory;
        this.encoder = encoder;
        this.analyzer = analyzer();
        this.changes = new IndexChanges(analyzer, GramCounts.NORMS);
        var config = new IndexWriterConfig(analyzer)
                .setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND)
                // Fewer, larger segments from a full rebuild: each term is looked up once per segment per query.
                .setRAMBufferSizeMB(128)
                // BM25's norms, but the n-gram field's length in words, as it is written counted (GramCounts)
                .setSimilarity(GramCounts.NORMS)
                // Only commit(version) makes changes durable: a close in the middle of a rebuild must not commit
                // half an index over the whole old one.
                .setCommitOnClose(false);
        this.writer = new IndexWriter(directory, config);
        this.searchers = new SearcherManager(writer, new SearcherFactory() {
            @Override
            public IndexSearcher newSearcher(IndexReader reader, IndexReader previous) {
                var searcher = new IndexSearcher(reader);
                searcher.setSimilarity(Scoring.SIMILARITY);
                return searcher;
            }
        });
        this.visible = new AtomicReference<>(searchers.acquire());
    }

    public static SearchIndex open(Path dir) {
        return open(dir, Optional.empty());
    }

    /** With {@code encoder}, each document also gets its sentence vector (the encoder stays the caller's). */
    public static SearchIndex open(Path dir, Optional<SentenceEncoder> encoder) {
        try {
            return new SearchIndex(FSDirectory.open(dir), encoder);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the search index in " + dir, e);
        }
    }

    public static SearchIndex inMemory() {
        return inMemory(Optional.empty());
    }

    public static SearchIndex inMemory(Optional<SentenceEncoder> encoder) {
        try {
            return new SearchIndex(new ByteBuffersDirectory(), encoder);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Which analyzer reads which field; queries use the same one. */
    static Analyzer analyzer() {
        Map<String, Analyzer> fields = new HashMap<>();
        for (Locale l : Locale.values()) {
            Analyzer language = Analyzers.forLocale(l);
            fields.put(title(l), language);
            fields.put(phrasings(l), language);
            fields.put(readers(l), language);
            fields.put(body(l), language);
            fields.put(sections(l), language);
            fields.put(description(l), language);
        }
        fields.put(NGRAMS, GramCounts.analyzer());
        fields.put(FOLD, Analyzers.folded());
        fields.put(WORDS, words());
        fields.put(TITLE_WORDS, words());
        return new PerFieldAnalyzerWrapper(words(), fields);
    }

    /** Words as typed, lower-cased, ё = е: for typo tolerance, prefixes and spelling suggestions. */
    static Analyzer words() {
        return Analyzers.wordsChain().analyzer();
    }

    Analyzer indexAnalyzer() {
        return analyzer;
    }

    /** The schema this index writes: with vectors, the model's too, so that changing it rebuilds. */
    public String schema() {
        return encoder.map(e -> SCHEMA + "+vectors:" + e.id()).orElse(SCHEMA);
    }

    Optional<SentenceEncoder> encoder() {
        return encoder;
    }

    /** The schema and content version of the last commit; empty for a new index. */
    public Map<String, String> commitData() {
        try {
            if (!DirectoryReader.indexExists(directory)) {
                return Map.of();
            }
            try (var reader = DirectoryReader.open(directory)) {
                return reader.getIndexCommit().getUserData();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Replaces everything with these documents and records {@code version} as indexed. */
    public void replaceAll(Collection<SearchDocument> docs, long version) {
        synchronized (changing) {
            startRebuild();
            add(docs);
            commit(version);
        }
    }

    /** Called after each refresh that changed what searches see, in the thread that refreshed. */
    void onChange(Consumer<IndexChanges.Change> listener) {
        listeners.add(listener);
    }

    /** IndexWriter takes documents from several threads at once; analysis is the cost, so use every core. */
    private void add(Collection<SearchDocument> docs) {
        if (encoder.isPresent()) {
            addWithVectors(List.copyOf(docs), encoder.get());
            return;
        }
        docs.parallelStream().forEach(d -> {
            try {
                writer.addDocument(document(d));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /** Texts encoded together: a batch runs faster than its texts one by one, and holds little memory. */
    static final int ENCODED_TOGETHER = 32;

    /**
     * As {@link #add}, each document with its vector. Encoding is most of the cost: batches are encoded side by side,
     * one per core (the encoder runs each call on one thread).
     */
    private void addWithVectors(List<SearchDocument> docs, SentenceEncoder encoder) {
        java.util.stream.IntStream.range(0, (docs.size() + ENCODED_TOGETHER - 1) / ENCODED_TOGETHER)
                .parallel()
                .forEach(b -> {
                    List<SearchDocument> batch =
                            docs.subList(b * ENCODED_TOGETHER, Math.min(docs.size(), (b + 1) * ENCODED_TOGETHER));
                    float[][] vectors = encoder.passages(
                            batch.stream().map(SearchIndex::passage).toList());
                    for (int i = 0; i < batch.size(); i++) {
                        Document doc = document(batch.get(i));
                        // unit vectors: the dot product is the cosine, and cheaper
                        doc.add(new KnnFloatVectorField(VECTOR, vectors[i], VectorSimilarityFunction.DOT_PRODUCT));
                        try {
                            writer.addDocument(doc);
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    }
                });
    }

    /** Characters of a document that its vector reads: about the tokens a model reads (256), to spare the tokenizer. */
    static final int PASSAGE_CHARS = 1500;

    /** What a document's vector stands for: its title and the start of its answer. */
    static String passage(SearchDocument d) {
        String text = d.title() + "\n" + d.text();
        return text.length() <= PASSAGE_CHARS ? text : text.substring(0, PASSAGE_CHARS);
    }

    /**
     * Replaces the documents of these questions (all locales) with {@code docs}; searchable after {@link #refresh}
     * or {@link #commit}.
     */
    public void update(Collection<Long> questions, Collection<SearchDocument> docs) {
        synchronized (changing) {
            try {
                for (long id : questions) {
                    replaced(id);
                    writer.deleteDocuments(new Term(ID, Long.toString(id)));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            for (SearchDocument d : docs) {
                if (changes.question(d.id())) {
                    changes.added(
                            d.id(),
                            d.locale().code(),
                            withReaders(
                                    textFields(
                                            d.locale(),
                                            d.title(),
                                            d.phrasings(),
                                            d.text(),
                                            d.sections(),
                                            d.description()),
                                    d.readers()),
                            signature(d));
                }
            }
            add(docs);
        }
    }

    private static String stored(Document doc, String field) {
        String value = doc.get(field);
        return value == null ? "" : value;
    }

    /** Notes the terms of a question's documents as searches see them now, before they go. */
    private void replaced(long id) throws IOException {
        if (!changes.question(id)) {
            return;
        }
        IndexSearcher searcher = acquire();
        try {
            var leaves = searcher.getIndexReader().leaves();
            for (ScoreDoc sd : searcher.search(new TermQuery(new Term(ID, Long.toString(id))), 16).scoreDocs) {
                Document old = searcher.storedFields().document(sd.doc);
                Locale l = Locale.parse(old.get(LOCALE_STORED)).orElseThrow();
                var segment =
                        leaves.get(ReaderUtil.subIndex(sd.doc, leaves)).reader().getCoreCacheHelper();
                changes.deleted(
                        id,
                        l.code(),
                        segment.getKey(),
                        withReaders(
                                textFields(
                                        l,
                                        stored(old, title(l)),
                                        stored(old, phrasings(l)),
                                        stored(old, body(l)),
                                        stored(old, sections(l)),
                                        stored(old, description(l))),
                                storedReaders(old)),
                        stored(old, SIGNATURE));
            }
        } finally {
            release(searcher);
        }
    }

    /**
     * Starts a rebuild: drops every document, in the writer only. Searchers, and the last commit on disk, keep the
     * old documents until {@link #commit}, so readers never see an empty index, nor does a restart after a crash.
     */
    public void startRebuild() {
        synchronized (changing) {
            changes.everything();
            try {
                writer.deleteAll();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** Adds documents of questions the index does not hold (a rebuild's): nothing to delete first. */
    public void addNew(Collection<SearchDocument> docs) {
        synchronized (changing) {
            changes.everything();
            add(docs);
        }
    }

    /**
     * Makes the changes so far searchable (near real time: from the writer's memory) without making them durable;
     * {@link #commit} does both, and costs an fsync.
     */
    public void refresh() {
        synchronized (changing) {
            publish(() -> searchers.maybeRefreshBlocking());
        }
    }

    private interface IoAction {
        void run() throws IOException;
    }

    /** Runs a refresh, tells the listeners what it changed for searches, then shows it to searches. */
    private void publish(IoAction refresh) {
        IndexSearcher before = visible.get();
        try {
            refresh.run();
            IndexSearcher after = searchers.acquire();
            if (after.getIndexReader() == before.getIndexReader()) {
                searchers.release(after);
                return;
            }
            try {
                var change = changes.publish(before.getIndexReader(), after.getIndexReader());
                listeners.forEach(l -> l.accept(change));
            } finally {
                visible.set(after); // its reference passes to visible
                searchers.release(before);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Deletes the documents of questions not in {@code live} (deleted from the database); searchable after
     * {@link #refresh} or {@link #commit}. Returns how many questions went.
     */
    public int retainOnly(java.util.Set<Long> live) {
        synchronized (changing) {
            return retain(live);
        }
    }

    private int retain(java.util.Set<Long> live) {
        var searcher = acquire();
        try {
            var gone = new java.util.HashSet<Long>();
            for (var leaf : searcher.getIndexReader().leaves()) {
                var ids = org.apache.lucene.index.DocValues.getNumeric(leaf.reader(), ID);
                var liveDocs = leaf.reader().getLiveDocs();
                for (int doc = ids.nextDoc();
                        doc != org.apache.lucene.search.DocIdSetIterator.NO_MORE_DOCS;
                        doc = ids.nextDoc()) {
                    if ((liveDocs == null || liveDocs.get(doc)) && !live.contains(ids.longValue())) {
                        gone.add(ids.longValue());
                    }
                }
            }
            for (long id : gone) {
                replaced(id);
                writer.deleteDocuments(new Term(ID, Long.toString(id)));
            }
            return gone.size();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            release(searcher);
        }
    }

    /** Makes the changes durable and searchable, recording {@code version} as the content indexed. */
    public void commit(long version) {
        synchronized (changing) {
            publish(() -> {
                writer.setLiveCommitData(Map.of("schema", schema(), "version", Long.toString(version))
                        .entrySet());
                writer.commit();
                searchers.maybeRefreshBlocking();
            });
        }
    }

    private Document document(SearchDocument d) {
        var doc = new Document();
        Locale l = d.locale();
        doc.add(new StringField(KEY, d.key(), Field.Store.NO));
        doc.add(new StringField(ID, Long.toString(d.id()), Field.Store.NO));
        doc.add(new StringField(SITE, d.site(), Field.Store.NO));
        doc.add(new StringField(LOCALE, l.code(), Field.Store.NO));
        doc.add(new StoredField(LOCALE_STORED, l.code()));
        doc.add(new StoredField(SIGNATURE, signature(d)));
        long mask = 0;
        for (Locale has : d.locales()) {
            doc.add(new StringField(HAS, has.code(), Field.Store.NO));
            mask |= 1L << has.ordinal();
        }
        // Doc values for the request filter, which checks hits as they are collected (see RequestFilter).
        doc.add(new SortedDocValuesField(SITE, new BytesRef(d.site())));
        doc.add(new SortedDocValuesField(LOCALE, new BytesRef(l.code())));
        doc.add(new NumericDocValuesField(HAS, mask));
        // Unscheduled questions count as published long ago.
        long published = d.published().map(p -> p.toEpochSecond(ZoneOffset.UTC)).orElse(Long.MIN_VALUE);
        doc.add(new LongPoint(PUBLISHED, published));
        doc.add(new SortedNumericDocValuesField(PUBLISHED, published));
        // Usefulness (0..1) and pinning as one static feature, added to the text score by the query (see
        // SearchService.SIGNALS). A feature field keeps Lucene's top-k skipping, which a multiplying function
        // would disable.
        doc.add(new FeatureField(FEATURES, RANK, (float) (1.0 + d.usefulness() + (d.pinned() ? 0.5 : 0.0))));
        doc.add(new NumericDocValuesField(ID, d.id()));
        // What a hit shows, as doc values: read for the few hits only, without decompressing their stored answers
        doc.add(new BinaryDocValuesField(SECTION_PATH, new BytesRef(d.sectionPath())));
        doc.add(new BinaryDocValuesField(SECTION_TITLE, new BytesRef(d.sectionTitle())));
        doc.add(new BinaryDocValuesField(SHOWN_TITLE, new BytesRef(d.title())));
        if (!d.kind().equals(SearchDocument.QUESTION)) {
            doc.add(new BinaryDocValuesField(KIND, new BytesRef(d.kind())));
        }
        // the fields textFields gives, from words cut once per text (SharedWords); their stored values beside them
        sharedWords
                .fields(l, d.title(), d.phrasings(), d.text(), d.sections(), d.description())
                .forEach(doc::add);
        doc.add(new StoredField(title(l), d.title()));
        if (!d.phrasings().isEmpty()) {
            doc.add(new StoredField(phrasings(l), d.phrasings()));
        }
        doc.add(new StoredField(body(l), d.text()));
        doc.add(new StoredField(sections(l), d.sections()));
        doc.add(new StoredField(description(l), d.description()));
        readerFields(d.readers()).forEach(doc::add);
        return doc;
    }

    /** Readers' phrases per language, stored: a change must know what it replaced. None when there are none. */
    static List<Field> readerFields(Map<Locale, String> readers) {
        var out = new ArrayList<Field>(readers.size());
        for (Locale l : Locale.values()) {
            String text = readers.get(l);
            if (text != null && !text.isEmpty()) {
                out.add(new Field(readers(l), text, UNPOSITIONED_STORED));
            }
        }
        return out;
    }

    private static List<Field> withReaders(List<Field> text, Map<Locale, String> readers) {
        if (readers.isEmpty()) {
            return text;
        }
        var out = new ArrayList<Field>(text);
        out.addAll(readerFields(readers));
        return out;
    }

    private static Map<Locale, String> storedReaders(Document old) {
        var out = new java.util.EnumMap<Locale, String>(Locale.class);
        for (Locale l : Locale.values()) {
            String v = old.get(readers(l));
            if (v != null) {
                out.put(l, v);
            }
        }
        return out;
    }

    /**
     * What besides its text decides whether and how a document matches: its site, schedule, locales and static
     * rank. An edit that changes it may move the document in any result it matches (see {@link IndexChanges}).
     */
    private static String signature(SearchDocument d) {
        return d.site() + "|" + d.published().map(Object::toString).orElse("") + "|"
                + d.locales().stream().map(Locale::code).sorted().toList() + "|"
                + d.usefulness() + "|" + d.pinned();
    }

    /**
     * The searched text of a document, from its parts; the parts are stored, so a change knows what it replaced.
     * Phrasings go where the title goes (but for the title's own words, which suggestions complete): a document
     * without them has exactly the fields it had before phrasings existed.
     */
    static List<Field> textFields(
            Locale l, String title, String phrasings, String text, String sections, String description) {
        boolean phrased = !phrasings.isEmpty();
        String asked = phrased ? title + " " + phrasings : title;
        var fields = new ArrayList<Field>(9);
        fields.add(new Field(title(l), title, HIGHLIGHTED));
        if (phrased) {
            fields.add(new Field(phrasings(l), phrasings, UNPOSITIONED_STORED));
        }
        fields.add(new Field(body(l), text, HIGHLIGHTED));
        fields.add(new Field(sections(l), sections, UNPOSITIONED_STORED));
        fields.add(new Field(description(l), description, UNPOSITIONED_STORED));
        fields.add(new Field(NGRAMS, title + " " + asked + " " + text, UNPOSITIONED));
        fields.add(new Field(FOLD, asked + " " + sections + " " + text, UNPOSITIONED));
        fields.add(new Field(WORDS, asked + " " + text, UNPOSITIONED));
        fields.add(new Field(TITLE_WORDS, title, UNPOSITIONED));
        return fields;
    }

    IndexSearcher acquire() {
        while (true) {
            IndexSearcher s = visible.get();
            if (s.getIndexReader().tryIncRef()) {
                return s;
            }
            if (visible.get() == s) {
                throw new org.apache.lucene.store.AlreadyClosedException("the search index is closed");
            }
            // replaced and released meanwhile: the next one is there
        }
    }

    void release(IndexSearcher searcher) {
        try {
            searchers.release(searcher);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public int size() {
        var s = acquire();
        try {
            return s.getIndexReader().numDocs();
        } finally {
            release(s);
        }
    }

    @Override
    public void close() {
        try {
            searchers.release(visible.get());
            searchers.close();
            writer.close();
            directory.close();
            sharedWords.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
