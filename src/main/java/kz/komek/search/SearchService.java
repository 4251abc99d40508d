package kz.komek.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import kz.komek.i18n.Locale;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.document.FeatureField;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryRescorer;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TotalHits;
import org.apache.lucene.search.spell.DirectSpellChecker;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.StringHelper;

/**
 * Answers queries the way people type them. A query is read in up to a few ways (as typed; as Latin letters
 * typed on the Russian or Kazakh layout; as Russian or Kazakh written in Latin letters); the readings whose
 * words the help center actually contains win. Each reading is matched by stemmed words per language (title
 * weighted), a folded "sound key" field (Latin spellings), character n-grams (word forms, typos), and fuzzy
 * matching for words the index does not know. BM25 decides; usefulness and pinning nudge.
 *
 * <p>Longer than 500 lines: one query's way from text to ranked hits, whose reading, two queries and re-scoring
 * share the analyzers and the term cache; the hits and their snippets are in {@link SearchHits}, the reader's
 * language first in {@link LocaleFirst}.
 */
public final class SearchService {
    /** Field weights for the stemmed words of a query: the title says what a question is about. */
    static final float TITLE = 3.0f;

    /** Editors' other phrasings of a question: another way to say its title, a little less sure than the title. */
    static final float PHRASINGS = 2.5f;

    /**
     * Readers' phrases: what enough distinct readers typed before the question answered them. Less sure than an
     * editor's phrasing, surer than the answer's words.
     */
    static final float READERS = 2.0f;

    static final float SECTIONS = 1.2f;
    static final float BODY = 1.0f;
    static final float DESCRIPTION = 0.8f;

    /** Weight of a synonym in the query's own language against the word typed. */
    static final float SYNONYM = 0.6f;

    /**
     * Weight of a translation into the other language. It only reaches questions that have no text in the
     * reader's language (others are filtered out) or, without a locale, the same question's other text: for those
     * the translation is the only way in, and it carries fewer of the query's words than a text in the reader's
     * own language would, so it counts more than the word itself.
     */
    static final float TRANSLATION = 1.2f;

    /** Weight of the sound-key match for a query written in Cyrillic. */
    static final float FOLD_CYRILLIC = 0.1f;

    /** Weight of the static rank feature (1 + usefulness + 0.5 if pinned). */
    static final float SIGNALS = 0.1f;

    /** Learned translations used per typed stem, the surest first. */
    static final int LEARNED = 2;

    private final SearchIndex index;
    private final Synonyms synonyms;
    /** Pairs learned from the content ({@link LexiconUpkeep}); the glossary overrides them. */
    private final java.util.concurrent.atomic.AtomicReference<Learned> lexicon =
            new java.util.concurrent.atomic.AtomicReference<>(new Learned(0, Lexicon.empty()));

    /**
     * A lexicon and its number, which cached results are kept under: a search computed with one lexicon is never
     * served to searches with another, whenever it finishes.
     */
    private record Learned(long number, Lexicon lexicon) {}

    private final Analyzer words = SearchIndex.words();
    private final Analyzer folded = Analyzers.folded();
    private final Analyzer ngrams = Analyzers.ngrams();
    private final Map<Locale, Analyzer> languages = new java.util.EnumMap<>(Locale.class);
    private final TermCache termCache = new TermCache();
    private final NearWords nearWords = new NearWords(termCache);
    private final Optional<ResultCache> results;
    private final Optional<SemanticSearch> semantic;
    /** Time and empty answers per endpoint; no-ops until {@link #register} gives them a registry. */
    private volatile SearchMeters meters = SearchMeters.NONE;

    public SearchService(SearchIndex index) {
        this(index, Synonyms.of(Optional.empty()));
    }

    public SearchService(SearchIndex index, Synonyms synonyms) {
        this(index, synonyms, ResultCache.MAX_WEIGHT);
    }

    /** @param resultCacheBytes about how much memory recent results may keep; 0 computes every request */
    public SearchService(SearchIndex index, Synonyms synonyms, long resultCacheBytes) {
        this.index = index;
        this.synonyms = synonyms;
        this.results = resultCacheBytes > 0 ? Optional.of(new ResultCache(resultCacheBytes)) : Optional.empty();
        results.ifPresent(r -> index.onChange(r::changed));
        this.semantic = index.encoder().map(SemanticSearch::new);
        for (Locale l : Locale.values()) {
            languages.put(l, Analyzers.forLocale(l));
        }
    }

    public SearchResults search(SearchRequest request) {
        return run(request, true);
    }

    /**
     * Searches expand with {@code learned} from now on. A different lexicon gets the next number, and cached results
     * are kept under the number they were computed with, so those of an earlier lexicon are never served again,
     * even from a search that finishes after the change (they age out of the cache).
     */
    void lexicon(Lexicon learned) {
        lexicon.updateAndGet(old -> old.lexicon().equals(learned) ? old : new Learned(old.number() + 1, learned));
    }

    /** The pairs searches use now, editors' verdicts applied, the surest first. */
    public List<LearnedPair> lexiconPairs() {
        return lexicon.get().lexicon().pairs();
    }

    /**
     * Counts of searches and suggestions by how they were answered: {@code cached}, {@code computed} (and kept), or
     * {@code uncached} (computed for a reader a refresh had already replaced). A low share cached means the result
     * cache is too small or edits keep emptying it. Also the time searches and suggestions take, and how many found
     * nothing ({@link SearchMeters}).
     */
    public void register(io.micrometer.core.instrument.MeterRegistry registry) {
        meters = new SearchMeters(registry);
        results.ifPresent(r -> {
            String name = "komek.search.results";
            String help = "searches and suggestions by how they were answered";
            for (var outcome : Map.of("cached", r.hits, "computed", r.misses, "uncached", r.bypassed)
                    .entrySet()) {
                io.micrometer.core.instrument.FunctionCounter.builder(
                                name, outcome.getValue(), java.util.concurrent.atomic.LongAdder::doubleValue)
                        .description(help)
                        .tag("outcome", outcome.getKey())
                        .register(registry);
            }
        });
    }

    /**
     * Instant suggestions: titles for a query being typed, without snippets or spelling help. Candidates come from
     * titles only (decision 0017): a suggestion shows a title, and title postings are a fraction of the answers'.
     */
    public SearchResults suggest(SearchRequest request) {
        return run(request, false);
    }

    private SearchResults run(SearchRequest request, boolean full) {
        if (request.query().isBlank()) {
            return SearchResults.none(request.query());
        }
        long started = System.nanoTime();
        SearchResults found = find(request, full);
        meters.answered(full, System.nanoTime() - started, found.total() == 0);
        return found;
    }

    private SearchResults find(SearchRequest request, boolean full) {
        IndexSearcher searcher = index.acquire();
        Learned learned = lexicon.get();
        try {
            return results.isEmpty()
                    ? compute(searcher, request, full, learned.lexicon(), new Dependencies())
                    : results.get()
                            .get(
                                    searcher.getIndexReader(),
                                    request,
                                    full,
                                    learned.number(),
                                    deps -> compute(searcher, request, full, learned.lexicon(), deps));
        } finally {
            index.release(searcher);
        }
    }

    /** Computes a result, noting in {@code deps} what it depended on (for {@link ResultCache}). */
    private SearchResults compute(
            IndexSearcher searcher, SearchRequest request, boolean full, Lexicon learned, Dependencies deps) {
        for (int maxWords = MAX_WORDS; ; maxWords /= 2) {
            try {
                return run(searcher, request, full, maxWords, learned, deps);
            } catch (IndexSearcher.TooManyClauses e) {
                // words that expand to more terms than the limit foresaw (typos, synonyms): half as many again
                if (maxWords <= 2) {
                    throw e;
                }
            }
        }
    }

    /**
     * A query of more words keeps its most specific ones: a chat message pasted whole says what it is about in a
     * few rare words, and Lucene refuses a query of over 1,024 clauses.
     */
    static final int MAX_WORDS = 32;

    private SearchResults run(
            IndexSearcher searcher,
            SearchRequest request,
            boolean full,
            int maxWords,
            Lexicon learned,
            Dependencies deps) {
        try {
            var readings = readings(searcher, specific(searcher, request.query(), maxWords, deps), deps);
            Reading best = readings.get(0);
            Optional<Locale> target = request.locale().or(() -> LanguageDetector.detect(best.text()));
            var recall = new BooleanQuery.Builder();
            var precise = new BooleanQuery.Builder();
            ReadingTerms bestTerms = null;
            for (Reading r : readings) {
                var terms = new ReadingTerms(
                        searcher, r, languages(request, r.text()), request.asYouType(), !full, learned, deps);
                // Candidates come from the best reading only; the others still count when re-scoring. At 100,000
                // questions this took about 30% off and found as often.
                if (r == best) {
                    terms.addRecall(recall);
                    bestTerms = terms;
                }
                precise.add(boost(terms.precise(), (float) r.weight()), Occur.SHOULD);
            }
            // Usefulness and pinning add at most SIGNALS × 2.5 to a text score of typically 3–30: they order
            // near-equals and never lift a poor match over a good one.
            precise.add(FeatureField.newLinearQuery(SearchIndex.FEATURES, SearchIndex.RANK, SIGNALS), Occur.SHOULD);
            if (request.locale().isEmpty() && target.isPresent()) {
                // No locale asked: the query's language goes first, the other still counts.
                precise.add(
                        boost(
                                new TermQuery(new Term(
                                        SearchIndex.LOCALE, target.get().code())),
                                0.01f),
                        Occur.SHOULD);
            }
            var filter = new RequestFilter(request);
            Query first = recall.build();
            if (filter.siteIsSelective(searcher.getIndexReader())) {
                first = new BooleanQuery.Builder()
                        .add(first, Occur.MUST)
                        .add(new TermQuery(new Term(SearchIndex.SITE, request.site())), Occur.FILTER)
                        .build();
            }
            // The precise query re-scores a window of the first pass's best that depends on the page size alone, so
            // that every page of one search is a slice of the same ranking; hits past it (deeper pages) keep the
            // first pass's order. Twice the hits shown and 10 more: a question's texts in two locales collapse.
            int window = full ? Math.max(request.limit() * 2 + 10, CANDIDATES) : request.limit() * 2 + 10;
            int asked = Math.max(window, (request.offset() + request.limit()) * 2 + 10);
            TopDocs candidates = searcher.search(first, filter.topDocs(asked));
            ScoreDoc[] all = candidates.scoreDocs;
            int rescoredCount = Math.min(window, all.length);
            TopDocs rescored = new PreciseRescorer(precise.build())
                    .rescore(
                            searcher,
                            new TopDocs(candidates.totalHits, java.util.Arrays.copyOf(all, rescoredCount)),
                            rescoredCount);
            ScoreDoc[] ranked = SearchHits.bestFirst(searcher, rescored.scoreDocs, rescoredCount, deps::candidate);
            ScoreDoc[] tail = SearchHits.firstPass(
                    searcher, java.util.Arrays.copyOfRange(all, rescoredCount, all.length), deps::candidate);
            ranked = request.locale().isPresent()
                    ? LocaleFirst.order(searcher, request.locale().get(), ranked, tail, bestTerms::words)
                    : SearchHits.concat(ranked, tail);
            TopDocs top = new TopDocs(candidates.totalHits, ranked);
            if (full && semantic.isPresent()) {
                // with --embedding-model: the nearest by meaning join (decision 0031); suggestions stay words only
                top = semantic.get()
                        .fuse(searcher, request, best.text(), top, ranked.length + SemanticSearch.NEAREST, deps);
            }
            SearchHits.Page page = SearchHits.collapse(searcher, top.scoreDocs, request);
            List<SearchHits.Found> found = page.found();
            List<SearchResults.Hit> hits =
                    found.stream().map(SearchHits.Found::hit).toList();
            // past COUNTED the count depends on how much Lucene skipped: it is given as "more than COUNTED"
            boolean more = top.totalHits.relation != TotalHits.Relation.EQUAL_TO
                    || top.totalHits.value > SearchResults.COUNTED;
            // when the first pass found fewer than it was asked for, every match is in view: a question's texts in
            // two locales count once
            long total = more
                    ? SearchResults.COUNTED
                    : all.length < asked ? Math.min(top.totalHits.value, page.questions()) : top.totalHits.value;
            Optional<String> understood = best.rewritten() ? Optional.of(best.text()) : Optional.empty();
            List<String> spellings = List.of();
            if (full) {
                hits = SearchHits.withSnippets(searcher, index.indexAnalyzer(), languages, found, readings);
                if (understood.isEmpty() && total < 3) {
                    spellings = spellings(searcher, request.query(), deps);
                }
            }
            return new SearchResults(request.query(), (int) total, more, hits, understood, spellings);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // --- reading the query ---

    /**
     * At most {@code maxWords} of the query's words, in their order: those the index knows least first (a word it
     * does not know at all may be a typo, a name or another script: it is kept before a common one), the longer
     * first among equals, punctuation last.
     */
    private String specific(IndexSearcher searcher, String query, int maxWords, Dependencies deps) throws IOException {
        List<String> all = List.of(query.split("\\s+"));
        if (all.size() <= maxWords) {
            return query;
        }
        var rarity = new java.util.HashMap<String, Integer>();
        for (String w : all) {
            if (!rarity.containsKey(w)) {
                List<String> terms = terms(words, SearchIndex.WORDS, w);
                // a "word" with no letters or digits (a dash, an emoji) says nothing: it goes last
                int df = terms.isEmpty() ? Integer.MAX_VALUE : 0;
                for (String t : terms) {
                    df = Math.max(df, docFreq(searcher, new Term(SearchIndex.WORDS, t), deps));
                }
                rarity.put(w, df);
            }
        }
        Set<String> kept = rarity.keySet().stream()
                .sorted(java.util.Comparator.<String>comparingInt(rarity::get)
                        .thenComparing(java.util.Comparator.comparingInt(String::length)
                                .reversed())
                        .thenComparing(java.util.Comparator.naturalOrder()))
                .limit(maxWords)
                .collect(java.util.stream.Collectors.toSet());
        var seen = new java.util.HashSet<String>();
        return String.join(
                " ", all.stream().filter(w -> kept.contains(w) && seen.add(w)).toList());
    }

    /** One way of reading the query; {@code rewritten} when it is not the text as typed. */
    record Reading(String text, double weight, boolean rewritten) {}

    private List<Reading> readings(IndexSearcher searcher, String query, Dependencies deps) throws IOException {
        var readings = new ArrayList<Reading>();
        if (latinShare(query) < 0.5) {
            readings.add(new Reading(query, 1.0, false));
            return readings;
        }
        double asTyped = coverage(searcher, query, deps);
        var alternatives = new LinkedHashMap<String, Double>();
        double layout = KeyboardLayout.wrongLayoutLikelihood(query);
        for (String s : List.of(KeyboardLayout.latinToRussian(query), KeyboardLayout.latinToKazakh(query))) {
            alternatives.merge(s, coverage(searcher, s, deps) * (0.8 + 0.4 * layout), Math::max);
        }
        for (Locale l : Locale.values()) {
            for (String s : Transliteration.toCyrillic(query, l, 2)) {
                alternatives.merge(s, coverage(searcher, s, deps) * (1.2 - 0.4 * layout), Math::max);
            }
        }
        var ranked = alternatives.entrySet().stream()
                .sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                .toList();
        if (!ranked.isEmpty() && ranked.get(0).getValue() > asTyped) {
            double top = ranked.get(0).getValue();
            readings.add(new Reading(ranked.get(0).getKey(), 1.0, true));
            if (ranked.size() > 1 && ranked.get(1).getValue() >= 0.9 * top) {
                readings.add(new Reading(ranked.get(1).getKey(), 0.6, true));
            }
            if (asTyped > 0) {
                readings.add(new Reading(query, 0.5, false)); // brand names and codes are typed in Latin
            }
        } else {
            readings.add(new Reading(query, 1.0, false));
        }
        return readings;
    }

    /** Share of the reading's words the index knows, as typed or as stems of either language. */
    private double coverage(IndexSearcher searcher, String text, Dependencies deps) throws IOException {
        List<String> tokens = terms(words, SearchIndex.WORDS, text);
        if (tokens.isEmpty()) {
            return 0;
        }
        int known = 0;
        for (String t : tokens) {
            if (docFreq(searcher, new Term(SearchIndex.WORDS, t), deps) > 0 || stemKnown(searcher, t, deps)) {
                known++;
            }
        }
        return known / (double) tokens.size();
    }

    private boolean stemKnown(IndexSearcher searcher, String token, Dependencies deps) throws IOException {
        for (Locale l : Locale.values()) {
            for (String stem : terms(languages.get(l), SearchIndex.body(l), token)) {
                if (docFreq(searcher, new Term(SearchIndex.body(l), stem), deps) > 0
                        || docFreq(searcher, new Term(SearchIndex.title(l), stem), deps) > 0
                        || docFreq(searcher, new Term(SearchIndex.phrasings(l), stem), deps) > 0
                        || docFreq(searcher, new Term(SearchIndex.readers(l), stem), deps) > 0) {
                    return true;
                }
            }
        }
        return false;
    }

    /** A term's document count on this reader, noted as something the result depends on. */
    private int docFreq(IndexSearcher searcher, Term term, Dependencies deps) throws IOException {
        deps.term(term);
        return termCache.docFreq(searcher, term);
    }

    /**
     * The number of documents, to two significant digits, for the thresholds that shape a query (which n-grams and
     * stems are too common): so that they move in steps, not with every edit, and an edit that moves them is known
     * to change every result (see {@link ResultCache}).
     */
    static int size(IndexReader reader) {
        int n = reader.numDocs();
        int unit = 1;
        while (n / unit >= 100) {
            unit *= 10;
        }
        return n / unit * unit;
    }

    static double latinShare(String text) {
        int latin = 0;
        int letters = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isLetter(c)) {
                letters++;
                if (c < 0x250) {
                    latin++;
                }
            }
        }
        return letters == 0 ? 0 : latin / (double) letters;
    }

    // --- building the query ---

    /**
     * The languages whose fields a reading's stems are looked up in: the reader's own, plus the other one only
     * when the reading looks written in it. Answers in the other language are still reached through synonyms.
     */
    private static Set<Locale> languages(SearchRequest request, String text) {
        if (request.locale().isEmpty()) {
            return Set.of(Locale.values());
        }
        Locale own = request.locale().get();
        return LanguageDetector.detect(text).filter(l -> l != own).isPresent() ? Set.of(Locale.values()) : Set.of(own);
    }

    /**
     * How many of the first pass's best documents the precise query re-scores (suggestions: only as many as they
     * show). At 100,000 questions, 50 found the wanted question in the top 10 as often as 100 or 200 did (within
     * 3%) at a fraction of the cost; on the corpus it changed nothing.
     */
    static final int CANDIDATES = 50;

    /**
     * A query of more stems than this (per language) is long: a story, a whole title. Its stems found in more than
     * {@link #COMMON} of the documents find candidates by their title field only, and count in the answer and
     * section fields when re-scoring: their postings in the answers are the longest and say the least, and a
     * candidate worth re-scoring has a rarer stem of the query or the common one in its title.
     */
    static final int LONG_QUERY = 4;

    static final double COMMON = 0.05;

    /**
     * One reading of the query, analysed once: its stems per language, synonyms, sound keys, near spellings of
     * unknown words, completions of the word being typed, and character n-grams. From them come two queries: a
     * flat, cheap one that finds candidates, and a precise one that orders them.
     */
    private final class ReadingTerms {
        private final IndexSearcher searcher;
        private final float weight;
        private final List<WeightedStem> stems = new ArrayList<>();
        private final List<String> keys;
        private final boolean latin;
        private final List<Query> fuzzy = new ArrayList<>();
        private Query titleCompletions;
        private Query wordCompletions;
        private final List<String> grams = new ArrayList<>();
        private final int typedWords;
        private final int allGrams;
        private final boolean suggesting;
        private final int stemsPerLanguage;
        private final Dependencies deps;
        /** Per language the reading was stemmed in, per word of it: its stem, synonyms and translations. */
        private final Map<Locale, List<Set<Synonyms.Stem>>> wordStems = new java.util.EnumMap<>(Locale.class);

        /** {@code suggesting}: candidates for suggestions come from titles only. */
        ReadingTerms(
                IndexSearcher searcher,
                Reading reading,
                Set<Locale> stemLocales,
                boolean asYouType,
                boolean suggesting,
                Lexicon learned,
                Dependencies deps)
                throws IOException {
            this.searcher = searcher;
            this.deps = deps;
            this.weight = (float) reading.weight();
            this.suggesting = suggesting;
            String text = reading.text();
            var expansions = new LinkedHashMap<Synonyms.Stem, Float>();
            var typedStems = new HashSet<String>();
            var untranslated = new ArrayList<Synonyms.Stem>();
            var wordOf = new java.util.HashMap<Synonyms.Stem, Set<Synonyms.Stem>>();
            for (Locale l : stemLocales) {
                for (String term : terms(languages.get(l), SearchIndex.body(l), text)) {
                    typedStems.add(term);
                    stems.add(new WeightedStem(l, term, 1f));
                    var typed = new Synonyms.Stem(l, term);
                    var glossary = synonyms.expand(typed);
                    glossary.forEach(s -> expansions.putIfAbsent(s, 1f));
                    if (!wordOf.containsKey(typed)) { // a word said twice is one word
                        var word = new java.util.LinkedHashSet<Synonyms.Stem>();
                        word.add(typed);
                        // a name or a code (Dala Gold, Apple Pay, SWIFT) is the same word in the other language
                        for (Locale other : Locale.values()) {
                            word.add(new Synonyms.Stem(other, term));
                        }
                        word.addAll(glossary);
                        wordStems.computeIfAbsent(l, x -> new ArrayList<>()).add(word);
                        wordOf.put(typed, word);
                    }
                    // the hand-written glossary is the editors' override: what it translates, it alone translates
                    if (glossary.stream().noneMatch(s -> s.locale() != l)) {
                        untranslated.add(typed);
                    }
                }
            }
            // Learned pairs, weighed by how sure the lexicon is and how specific the typed word is.
            for (Synonyms.Stem typed : untranslated) {
                var translations = learned.translate(typed);
                if (translations.isEmpty()) {
                    continue;
                }
                float specific = specificity(typed);
                translations.stream().limit(LEARNED).forEach(t -> {
                    expansions.merge(t.stem(), (float) t.weight() * specific, Math::max);
                    wordOf.get(typed).add(t.stem());
                });
            }
            // Synonyms, in either language: how a query in Russian finds an answer written only in Kazakh.
            Set<Locale> written = queryLanguages(text);
            // Per language: a query without a locale is stemmed in both.
            this.stemsPerLanguage = stems.size() / stemLocales.size();
            for (var e : expansions.entrySet()) {
                Synonyms.Stem s = e.getKey();
                // A cognate (карта / карта, депозит / депозит) is no translation: it weighs like a synonym.
                boolean translation = !written.contains(s.locale()) && !cognate(s.stem(), typedStems);
                stems.add(new WeightedStem(s.locale(), s.stem(), (translation ? TRANSLATION : SYNONYM) * e.getValue()));
            }
            latin = latinShare(text) > 0.5;
            keys = terms(folded, SearchIndex.FOLD, text);
            List<String> typed = terms(words, SearchIndex.WORDS, text);
            typedWords = typed.size();
            for (int i = 0; i < typed.size(); i++) {
                String t = typed.get(i);
                boolean last = i == typed.size() - 1;
                // Typos: only words the index knows neither as typed nor by their stem (a word form it lacks is no
                // typo); one edit from 5 letters, two from 9; the first letter holds. Found here once, as both
                // passes use it. Suggestions look among title words, one edit away.
                if (t.length() >= 5
                        && !(asYouType && last)
                        && docFreq(SearchIndex.WORDS, t) == 0
                        && !stemKnown(searcher, t, deps)) {
                    String field = suggesting ? SearchIndex.TITLE_WORDS : SearchIndex.WORDS;
                    int edits = t.length() >= 9 && !suggesting ? 2 : 1;
                    deps.near(field, t, edits);
                    fuzzy.add(nearWords.query(searcher, field, t, edits));
                }
                if (asYouType && last && t.length() >= 2) {
                    deps.prefix(SearchIndex.TITLE_WORDS, t);
                    deps.prefix(SearchIndex.WORDS, t);
                    titleCompletions = completions(searcher.getIndexReader(), SearchIndex.TITLE_WORDS, t);
                    wordCompletions = completions(searcher.getIndexReader(), SearchIndex.WORDS, t);
                }
            }
            var distinctGrams = new java.util.LinkedHashSet<>(terms(ngrams, SearchIndex.NGRAMS, text));
            allGrams = distinctGrams.size();
            // Grams found in more than 5% of documents say little and cost most: left out.
            int maxDf = Math.max(50, size(searcher.getIndexReader()) / 20);
            for (String g : distinctGrams) {
                int df = docFreq(SearchIndex.NGRAMS, g);
                if (grams.size() < 32 && df <= maxDf) {
                    grams.add(g);
                    deps.ngram(new Term(SearchIndex.NGRAMS, g));
                }
            }
        }

        /**
         * The first pass: single terms only, so that the disjunction stays flat. Suggestions look in titles only;
         * a long query's common stems too.
         */
        void addRecall(BooleanQuery.Builder q) throws IOException {
            // As for n-grams, at least 50: in a small help center every stem is in a few percent of the documents.
            int common = Math.max(50, (int) (size(searcher.getIndexReader()) * COMMON));
            for (WeightedStem s : stems) {
                float w = weight * s.factor();
                q.add(boost(term(SearchIndex.title(s.locale()), s.stem()), TITLE * w), Occur.SHOULD);
                if (!suggesting) {
                    q.add(boost(term(SearchIndex.phrasings(s.locale()), s.stem()), PHRASINGS * w), Occur.SHOULD);
                    q.add(boost(term(SearchIndex.readers(s.locale()), s.stem()), READERS * w), Occur.SHOULD);
                }
                if (suggesting
                        || stemsPerLanguage > LONG_QUERY && docFreq(SearchIndex.body(s.locale()), s.stem()) > common) {
                    continue;
                }
                q.add(boost(term(SearchIndex.body(s.locale()), s.stem()), BODY * w), Occur.SHOULD);
                // The product or theme a reader names; descriptions (summaries of the answer) only re-score.
                q.add(boost(term(SearchIndex.sections(s.locale()), s.stem()), SECTIONS * w), Occur.SHOULD);
            }
            if (latin) {
                for (String k : keys) {
                    q.add(boost(term(SearchIndex.FOLD, k), 1.2f * weight), Occur.SHOULD);
                }
            }
            for (Query f : fuzzy) {
                q.add(boost(f, 0.8f * weight), Occur.SHOULD);
            }
            if (titleCompletions != null) {
                q.add(boost(titleCompletions, 1.5f * weight), Occur.SHOULD);
            }
        }

        /**
         * The second pass: each stem's best field counts, the others a little; sound keys; near spellings;
         * completions; n-grams for the word forms and typos the stemmers miss.
         */
        Query precise() throws IOException {
            var q = new BooleanQuery.Builder();
            for (WeightedStem s : stems) {
                q.add(boost(fields(s.locale(), s.stem()), s.factor()), Occur.SHOULD);
            }
            // Latin spellings meet Cyrillic text through the folded sound keys; for Cyrillic queries they also
            // catch misspelt endings, but weigh little there: stems and n-grams do most of that work.
            if (!keys.isEmpty()) {
                var f = new BooleanQuery.Builder();
                for (String k : keys) {
                    f.add(term(SearchIndex.FOLD, k), Occur.SHOULD);
                }
                q.add(boost(f.build(), latin ? 1.2f : FOLD_CYRILLIC), Occur.SHOULD);
            }
            fuzzy.forEach(f -> q.add(boost(f, 0.8f), Occur.SHOULD));
            if (titleCompletions != null) {
                q.add(boost(titleCompletions, 1.5f), Occur.SHOULD);
                q.add(boost(wordCompletions, 0.5f), Occur.SHOULD);
            }
            // A hit must match a word, a synonym, a sound key, a near spelling or a prefix; n-grams alone only
            // rank, or any text would find something.
            var withGrams = new BooleanQuery.Builder().add(q.build(), Occur.MUST);
            if (!grams.isEmpty()) {
                var g = new BooleanQuery.Builder();
                for (String t : grams) {
                    g.add(term(SearchIndex.NGRAMS, t), Occur.SHOULD);
                }
                g.setMinimumNumberShouldMatch(Math.max(1, (int) Math.ceil(grams.size() * 0.3)));
                // Weighted to count like a word or two.
                withGrams.add(boost(g.build(), (float) (1.5 * Math.max(1, typedWords) / allGrams)), Occur.SHOULD);
            }
            return withGrams.build();
        }

        /**
         * Per language the reading was stemmed in, one query per word of it: what matches the word, a synonym or a
         * translation of it in any field; a near spelling of an unknown word and the completions of the word being
         * typed count as words too. For counting how much of the query a hit matches ({@link LocaleFirst}).
         */
        List<List<Query>> words() throws IOException {
            var out = new ArrayList<List<Query>>();
            for (List<Set<Synonyms.Stem>> language : wordStems.values()) {
                var queries = new ArrayList<Query>();
                for (Set<Synonyms.Stem> word : language) {
                    var q = new BooleanQuery.Builder();
                    for (Synonyms.Stem s : word) {
                        q.add(fields(s.locale(), s.stem()), Occur.SHOULD);
                    }
                    queries.add(q.build());
                }
                queries.addAll(fuzzy);
                if (titleCompletions != null) {
                    queries.add(new BooleanQuery.Builder()
                            .add(titleCompletions, Occur.SHOULD)
                            .add(wordCompletions, Occur.SHOULD)
                            .build());
                }
                out.add(queries);
            }
            return out;
        }

        /** One stem in a language's fields; the best field counts, the others a little. */
        private Query fields(Locale l, String stem) throws IOException {
            return new DisjunctionMaxQuery(
                    List.of(
                            boost(term(SearchIndex.title(l), stem), TITLE),
                            boost(term(SearchIndex.phrasings(l), stem), PHRASINGS),
                            boost(term(SearchIndex.readers(l), stem), READERS),
                            boost(term(SearchIndex.sections(l), stem), SECTIONS),
                            boost(term(SearchIndex.body(l), stem), BODY),
                            boost(term(SearchIndex.description(l), stem), DESCRIPTION)),
                    0.3f);
        }

        private Query term(String field, String text) throws IOException {
            var t = new Term(field, text);
            deps.term(t);
            return termCache.query(searcher, t);
        }

        private int docFreq(String field, String text) throws IOException {
            return SearchService.this.docFreq(searcher, new Term(field, text), deps);
        }

        /**
         * How much a typed stem says, 0.25..1: 1 for a stem in at most 1% of the documents, less as it grows more
         * common, so that a generic word of a long story drags in few translations.
         */
        private float specificity(Synonyms.Stem stem) throws IOException {
            int n = Math.max(100, size(searcher.getIndexReader()));
            int df = Math.max(1, docFreq(SearchIndex.body(stem.locale()), stem.stem()));
            return (float) Math.max(0.25, Math.min(1, Math.log((double) n / df) / Math.log(100)));
        }
    }

    private record WeightedStem(Locale locale, String stem, float factor) {}

    /** Maximum completions of a word being typed: the most frequent ones, as a PrefixQuery over thousands is slow. */
    static final int COMPLETIONS = 16;

    /** The word being typed, completed to the most frequent words that start with it, each counting alike. */
    static Query completions(IndexReader reader, String field, String prefix) throws IOException {
        var found = new java.util.PriorityQueue<Map.Entry<BytesRef, Integer>>(Map.Entry.comparingByValue());
        var counts = new java.util.HashMap<BytesRef, Integer>();
        BytesRef start = new BytesRef(prefix);
        for (var leaf : reader.leaves()) {
            var terms = leaf.reader().terms(field);
            if (terms == null) {
                continue;
            }
            var e = terms.iterator();
            if (e.seekCeil(start) == TermsEnum.SeekStatus.END) {
                continue;
            }
            for (BytesRef t = e.term(); t != null && StringHelper.startsWith(t, start); t = e.next()) {
                counts.merge(BytesRef.deepCopyOf(t), e.docFreq(), Integer::sum);
            }
        }
        for (var entry : counts.entrySet()) {
            found.add(entry);
            if (found.size() > COMPLETIONS) {
                found.poll();
            }
        }
        var q = new BooleanQuery.Builder();
        for (var entry : found) {
            q.add(new ConstantScoreQuery(new TermQuery(new Term(field, entry.getKey()))), Occur.SHOULD);
        }
        return q.build();
    }

    /** Re-scores the first pass's candidates by the precise query alone. */
    private static final class PreciseRescorer extends QueryRescorer {
        PreciseRescorer(Query precise) {
            super(precise);
        }

        @Override
        protected float combine(float firstPassScore, boolean secondPassMatches, float secondPassScore) {
            return secondPassMatches ? secondPassScore : 0f;
        }
    }

    static boolean cognate(String stem, Set<String> typed) {
        String head = stem.length() > 4 ? stem.substring(0, 4) : stem;
        return typed.stream()
                .anyMatch(t -> t.startsWith(head) || stem.startsWith(t.length() > 4 ? t.substring(0, 4) : t));
    }

    /** The languages a text may be in: Kazakh letters say Kazakh; otherwise either. */
    private static Set<Locale> queryLanguages(String text) {
        return LanguageDetector.detect(text).map(Set::of).orElse(Set.of(Locale.values()));
    }

    private static Query boost(Query q, float boost) {
        return new BoostQuery(q, boost);
    }

    /**
     * The query with the words the index does not know replaced by known words near them, up to {@link
     * SearchResults#SPELLINGS} ways: the first takes each word's closest, the next its second closest (a word with
     * fewer keeps its last), and so on; none when no word was replaced.
     */
    private List<String> spellings(IndexSearcher searcher, String query, Dependencies deps) throws IOException {
        var checker = new DirectSpellChecker();
        IndexReader reader = searcher.getIndexReader();
        var replaced = new LinkedHashMap<String, List<String>>();
        for (String t : terms(words, SearchIndex.WORDS, query)) {
            if (t.length() < 4
                    || replaced.containsKey(t)
                    || docFreq(searcher, new Term(SearchIndex.WORDS, t), deps) > 0) {
                continue;
            }
            deps.near(SearchIndex.WORDS, t, 2);
            var suggestions = checker.suggestSimilar(new Term(SearchIndex.WORDS, t), SearchResults.SPELLINGS, reader);
            if (suggestions.length > 0) {
                replaced.put(
                        t,
                        java.util.Arrays.stream(suggestions).map(w -> w.string).toList());
            }
        }
        var out = new java.util.LinkedHashSet<String>();
        for (int k = 0; k < SearchResults.SPELLINGS && !replaced.isEmpty(); k++) {
            String result = query;
            for (var e : replaced.entrySet()) {
                String word = e.getValue().get(Math.min(k, e.getValue().size() - 1));
                result = result.replaceAll(
                        "(?iu)" + java.util.regex.Pattern.quote(e.getKey()),
                        java.util.regex.Matcher.quoteReplacement(word));
            }
            if (!result.equalsIgnoreCase(query)) {
                out.add(result);
            }
        }
        return List.copyOf(out);
    }

    static List<String> terms(Analyzer analyzer, String field, String text) {
        var out = new ArrayList<String>();
        try (TokenStream ts = analyzer.tokenStream(field, text)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            ts.reset();
            while (ts.incrementToken()) {
                out.add(term.toString());
            }
            ts.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }
}
