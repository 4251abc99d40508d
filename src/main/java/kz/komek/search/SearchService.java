package kz.komek.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import kz.komek.catalog.Locale;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.document.FeatureField;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.SortedNumericDocValuesField;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.FuzzyQuery;
import org.apache.lucene.search.IndexOrDocValuesQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TotalHits;
import org.apache.lucene.search.spell.DirectSpellChecker;
import org.apache.lucene.search.uhighlight.DefaultPassageFormatter;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.jsoup.Jsoup;

/**
 * Answers queries the way people type them. A query is read in up to a few ways (as typed; as Latin letters
 * typed on the Russian or Kazakh layout; as Russian or Kazakh written in Latin letters); the readings whose
 * words the help center actually contains win. Each reading is matched by stemmed words per language (title
 * weighted), a folded "sound key" field (Latin spellings), character n-grams (word forms, typos), and fuzzy
 * matching for words the index does not know. BM25 decides; usefulness and pinning nudge.
 */
public final class SearchService {
    /** Field weights for the stemmed words of a query: the title says what a question is about. */
    static final float TITLE = 3.0f;

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

    private final SearchIndex index;
    private final Synonyms synonyms;
    private final Analyzer words = SearchIndex.words();
    private final Analyzer folded = Analyzers.folded();
    private final Analyzer ngrams = Analyzers.ngrams();
    private final Map<Locale, Analyzer> languages = new java.util.EnumMap<>(Locale.class);

    public SearchService(SearchIndex index) {
        this(index, Synonyms.of(Optional.empty()));
    }

    public SearchService(SearchIndex index, Synonyms synonyms) {
        this.index = index;
        this.synonyms = synonyms;
        for (Locale l : Locale.values()) {
            languages.put(l, Analyzers.forLocale(l));
        }
    }

    public SearchResults search(SearchRequest request) {
        return run(request, true);
    }

    /** Instant suggestions: titles for a query being typed, without snippets or spelling help. */
    public SearchResults suggest(SearchRequest request) {
        return run(request, false);
    }

    private SearchResults run(SearchRequest request, boolean full) {
        if (request.query().isBlank()) {
            return new SearchResults(request.query(), 0, List.of(), Optional.empty(), Optional.empty());
        }
        IndexSearcher searcher = index.acquire();
        try {
            var readings = readings(searcher, request.query());
            Reading best = readings.get(0);
            Optional<Locale> target = request.locale().or(() -> LanguageDetector.detect(best.text()));
            var anyReading = new BooleanQuery.Builder();
            for (Reading r : readings) {
                anyReading.add(
                        new BoostQuery(reading(searcher, r, languages(request, r.text()), request.asYouType()), (float)
                                r.weight()),
                        Occur.SHOULD);
            }
            // MUST: beside a FILTER clause, SHOULD clauses alone would let every filtered document match.
            var query = new BooleanQuery.Builder()
                    .add(anyReading.build(), Occur.MUST)
                    .add(filter(request), Occur.FILTER);
            // Usefulness and pinning add at most SIGNALS × 2.5 to a text score of typically 3–30: they order
            // near-equals and never lift a poor match over a good one.
            query.add(FeatureField.newLinearQuery(SearchIndex.FEATURES, SearchIndex.RANK, SIGNALS), Occur.SHOULD);
            Query ranked = query.build();
            if (request.locale().isEmpty() && target.isPresent()) {
                // No locale asked: the query's language goes first, the other still counts.
                ranked = new BooleanQuery.Builder()
                        .add(ranked, Occur.MUST)
                        .add(
                                new BoostQuery(
                                        new TermQuery(new Term(
                                                SearchIndex.LOCALE, target.get().code())),
                                        0.01f),
                                Occur.SHOULD)
                        .build();
            }
            TopDocs top = searcher.search(ranked, request.limit() * 2 + 10);
            var hits = collapse(searcher, top, request);
            Optional<String> understood = best.rewritten() ? Optional.of(best.text()) : Optional.empty();
            Optional<String> didYouMean = Optional.empty();
            if (full) {
                snippets(searcher, hits, readings, request);
                if (understood.isEmpty() && hits.size() < 3) {
                    didYouMean = spelling(searcher, request.query());
                }
            }
            long total = top.totalHits.relation == TotalHits.Relation.EQUAL_TO
                    ? Math.min(top.totalHits.value, distinctTotal(top, hits, request))
                    : top.totalHits.value;
            var list = new ArrayList<SearchResults.Hit>();
            for (MutableHit h : hits) {
                list.add(h.freeze());
            }
            return new SearchResults(request.query(), (int) total, list, understood, didYouMean);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            index.release(searcher);
        }
    }

    /** Duplicates (a question in two locales) count once when they are all in view. */
    private static long distinctTotal(TopDocs top, List<MutableHit> hits, SearchRequest request) {
        return top.scoreDocs.length < request.limit() * 2 + 10 ? hits.size() : top.totalHits.value;
    }

    // --- reading the query ---

    /** One way of reading the query; {@code rewritten} when it is not the text as typed. */
    record Reading(String text, double weight, boolean rewritten) {}

    List<Reading> readings(IndexSearcher searcher, String query) throws IOException {
        var readings = new ArrayList<Reading>();
        double asTyped = coverage(searcher, query);
        if (latinShare(query) < 0.5) {
            readings.add(new Reading(query, 1.0, false));
            return readings;
        }
        var alternatives = new LinkedHashMap<String, Double>();
        double layout = KeyboardLayout.wrongLayoutLikelihood(query);
        for (String s : List.of(KeyboardLayout.latinToRussian(query), KeyboardLayout.latinToKazakh(query))) {
            alternatives.merge(s, coverage(searcher, s) * (0.8 + 0.4 * layout), Math::max);
        }
        for (Locale l : Locale.values()) {
            for (String s : Transliteration.toCyrillic(query, l, 2)) {
                alternatives.merge(s, coverage(searcher, s) * (1.2 - 0.4 * layout), Math::max);
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
    double coverage(IndexSearcher searcher, String text) throws IOException {
        List<String> tokens = terms(words, SearchIndex.WORDS, text);
        if (tokens.isEmpty()) {
            return 0;
        }
        IndexReader reader = searcher.getIndexReader();
        int known = 0;
        for (String t : tokens) {
            if (reader.docFreq(new Term(SearchIndex.WORDS, t)) > 0 || stemKnown(reader, t)) {
                known++;
            }
        }
        return known / (double) tokens.size();
    }

    private boolean stemKnown(IndexReader reader, String token) throws IOException {
        for (Locale l : Locale.values()) {
            for (String stem : terms(languages.get(l), SearchIndex.body(l), token)) {
                if (reader.docFreq(new Term(SearchIndex.body(l), stem)) > 0
                        || reader.docFreq(new Term(SearchIndex.title(l), stem)) > 0) {
                    return true;
                }
            }
        }
        return false;
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

    private Query reading(IndexSearcher searcher, Reading reading, Set<Locale> stemLocales, boolean asYouType)
            throws IOException {
        var q = new BooleanQuery.Builder();
        String text = reading.text();
        var expansions = new LinkedHashMap<Synonyms.Stem, Boolean>();
        var typedStems = new java.util.HashSet<String>();
        for (Locale l : stemLocales) {
            for (String term : terms(languages.get(l), SearchIndex.body(l), text)) {
                typedStems.add(term);
                q.add(fields(l, term), Occur.SHOULD);
                synonyms.expand(new Synonyms.Stem(l, term)).forEach(s -> expansions.putIfAbsent(s, true));
            }
        }
        // Synonyms, in either language: how a query in Russian finds an answer written only in Kazakh.
        Set<Locale> written = queryLanguages(text);
        for (Synonyms.Stem s : expansions.keySet()) {
            // A cognate (карта / карта, депозит / депозит) is no translation: it weighs like a synonym.
            boolean translation = !written.contains(s.locale()) && !cognate(s.stem(), typedStems);
            q.add(boost(fields(s.locale(), s.stem()), translation ? TRANSLATION : SYNONYM), Occur.SHOULD);
        }
        List<String> typed = terms(words, SearchIndex.WORDS, text);
        // Latin spellings meet Cyrillic text through the folded sound keys; for Cyrillic queries they also
        // catch misspelt endings, but weigh little there: stems and n-grams do most of that work.
        var keys = terms(folded, SearchIndex.FOLD, text);
        if (!keys.isEmpty()) {
            var f = new BooleanQuery.Builder();
            keys.forEach(t -> f.add(new TermQuery(new Term(SearchIndex.FOLD, t)), Occur.SHOULD));
            q.add(boost(f.build(), latinShare(text) > 0.5 ? 1.2f : FOLD_CYRILLIC), Occur.SHOULD);
        }
        IndexReader reader = searcher.getIndexReader();
        for (int i = 0; i < typed.size(); i++) {
            String t = typed.get(i);
            boolean last = i == typed.size() - 1;
            // Typos: only words the index does not know; one edit from 5 letters, two from 9; the first letter holds.
            if (t.length() >= 5 && reader.docFreq(new Term(SearchIndex.WORDS, t)) == 0 && !(asYouType && last)) {
                q.add(
                        boost(
                                new FuzzyQuery(new Term(SearchIndex.WORDS, t), t.length() >= 9 ? 2 : 1, 1, 50, true),
                                0.8f),
                        Occur.SHOULD);
            }
            if (asYouType && last && t.length() >= 2) {
                q.add(boost(new PrefixQuery(new Term(SearchIndex.TITLE_WORDS, t)), 1.5f), Occur.SHOULD);
                q.add(boost(new PrefixQuery(new Term(SearchIndex.WORDS, t)), 0.5f), Occur.SHOULD);
            }
        }
        var grams = terms(ngrams, SearchIndex.NGRAMS, text);
        // A hit must match a word, a synonym, a sound key, a near spelling or a prefix; n-grams alone only
        // rank, or any text would find something.
        var core = q.build();
        q = new BooleanQuery.Builder().add(core, Occur.MUST);
        if (!grams.isEmpty()) {
            // Character n-grams rank word forms and typos the stemmers miss; weighted to count like a word or two.
            var g = new BooleanQuery.Builder();
            // Grams found in more than 5% of documents say little and cost most: left out.
            int maxDf = Math.max(50, reader.maxDoc() / 20);
            var useful = new ArrayList<String>();
            for (String t : new java.util.LinkedHashSet<>(grams)) {
                if (useful.size() < 32 && reader.docFreq(new Term(SearchIndex.NGRAMS, t)) <= maxDf) {
                    useful.add(t);
                }
            }
            useful.forEach(t -> g.add(new TermQuery(new Term(SearchIndex.NGRAMS, t)), Occur.SHOULD));
            g.setMinimumNumberShouldMatch(Math.max(1, (int) Math.ceil(useful.size() * 0.3)));
            if (!useful.isEmpty()) {
                q.add(boost(g.build(), (float) (1.5 * Math.max(1, typed.size()) / grams.size())), Occur.SHOULD);
            }
        }
        return q.build();
    }

    /** One stem in a language's fields; the best field counts, the others a little. */
    private static Query fields(Locale l, String term) {
        return new DisjunctionMaxQuery(
                List.of(
                        boost(new TermQuery(new Term(SearchIndex.title(l), term)), TITLE),
                        boost(new TermQuery(new Term(SearchIndex.sections(l), term)), SECTIONS),
                        boost(new TermQuery(new Term(SearchIndex.body(l), term)), BODY),
                        boost(new TermQuery(new Term(SearchIndex.description(l), term)), DESCRIPTION)),
                0.3f);
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

    /** Site, publication time and locale: a question lacking the reader's locale may answer in another. */
    private static Query filter(SearchRequest request) {
        var f = new BooleanQuery.Builder();
        f.add(new TermQuery(new Term(SearchIndex.SITE, request.site())), Occur.FILTER);
        long now = request.now().toEpochSecond(ZoneOffset.UTC);
        // Points when the date decides, doc values when other clauses already picked few documents.
        f.add(
                new IndexOrDocValuesQuery(
                        LongPoint.newRangeQuery(SearchIndex.PUBLISHED, Long.MIN_VALUE, now),
                        SortedNumericDocValuesField.newSlowRangeQuery(SearchIndex.PUBLISHED, Long.MIN_VALUE, now)),
                Occur.FILTER);
        if (request.locale().isPresent()) {
            Locale l = request.locale().get();
            var own = new TermQuery(new Term(SearchIndex.LOCALE, l.code()));
            var fallback = new BooleanQuery.Builder()
                    .add(new TermQuery(new Term(SearchIndex.LOCALE, l.other().code())), Occur.FILTER)
                    .add(new TermQuery(new Term(SearchIndex.HAS, l.code())), Occur.MUST_NOT)
                    .build();
            f.add(
                    new BooleanQuery.Builder()
                            .add(own, Occur.SHOULD)
                            .add(fallback, Occur.SHOULD)
                            .build(),
                    Occur.FILTER);
        }
        return f.build();
    }

    // --- results ---

    private static final class MutableHit {
        final int doc;
        final long id;
        final Locale locale;
        final String title;
        final String url;
        final String sectionPath;
        final String sectionTitle;
        final boolean otherLocale;
        final float score;
        String snippet = "";
        String snippetHtml = "";

        MutableHit(
                int doc,
                long id,
                Locale locale,
                String title,
                String url,
                String path,
                String sectionTitle,
                boolean otherLocale,
                float score) {
            this.doc = doc;
            this.id = id;
            this.locale = locale;
            this.title = title;
            this.url = url;
            this.sectionPath = path;
            this.sectionTitle = sectionTitle;
            this.otherLocale = otherLocale;
            this.score = score;
        }

        SearchResults.Hit freeze() {
            return new SearchResults.Hit(
                    id, locale, title, url, sectionPath, sectionTitle, snippet, snippetHtml, otherLocale, score);
        }
    }

    /** One hit per question, best first, at most {@code limit}. */
    private static List<MutableHit> collapse(IndexSearcher searcher, TopDocs top, SearchRequest request)
            throws IOException {
        StoredFields stored = searcher.storedFields();
        var seen = new HashSet<Long>();
        var hits = new ArrayList<MutableHit>();
        for (ScoreDoc sd : top.scoreDocs) {
            var d = stored.document(sd.doc);
            long id = Long.parseLong(d.get(SearchIndex.ID));
            if (!seen.add(id)) {
                continue;
            }
            Locale locale = Locale.parse(d.get(SearchIndex.LOCALE)).orElseThrow();
            String path = d.get("section_path");
            hits.add(new MutableHit(
                    sd.doc,
                    id,
                    locale,
                    d.get("title"),
                    "/" + d.get(SearchIndex.SITE) + "/" + locale.code() + "/" + path + "/q" + id,
                    path,
                    d.get("section_title"),
                    request.locale().map(l -> l != locale).orElse(false),
                    sd.score));
            if (hits.size() == request.limit()) {
                break;
            }
        }
        return hits;
    }

    private void snippets(IndexSearcher searcher, List<MutableHit> hits, List<Reading> readings, SearchRequest request)
            throws IOException {
        if (hits.isEmpty()) {
            return;
        }
        var terms = new BooleanQuery.Builder();
        for (Reading r : readings) {
            for (Locale l : Locale.values()) {
                for (String t : terms(languages.get(l), SearchIndex.body(l), r.text())) {
                    terms.add(new TermQuery(new Term(SearchIndex.body(l), t)), Occur.SHOULD);
                }
            }
        }
        var highlighter = UnifiedHighlighter.builder(searcher, index.indexAnalyzer())
                .withFormatter(new DefaultPassageFormatter("<mark>", "</mark>", " … ", true))
                .withMaxLength(20_000)
                .build();
        var docs = new ScoreDoc[hits.size()];
        for (int i = 0; i < hits.size(); i++) {
            docs[i] = new ScoreDoc(hits.get(i).doc, hits.get(i).score);
        }
        var topDocs = new TopDocs(new TotalHits(docs.length, TotalHits.Relation.EQUAL_TO), docs);
        String[] fields = {SearchIndex.body(Locale.RU), SearchIndex.body(Locale.KZ)};
        Map<String, String[]> found = highlighter.highlightFields(fields, terms.build(), topDocs, new int[] {2, 2});
        StoredFields stored = searcher.storedFields();
        for (int i = 0; i < hits.size(); i++) {
            MutableHit h = hits.get(i);
            String html = found.get(SearchIndex.body(h.locale))[i];
            if (html == null || html.isBlank()) {
                String text = Optional.ofNullable(stored.document(h.doc).get(SearchIndex.body(h.locale)))
                        .orElse("");
                String cut = text.length() > 220 ? text.substring(0, 220).replaceAll("\\s+\\S*$", "") + " …" : text;
                html = escape(cut);
            }
            h.snippetHtml = html;
            h.snippet = Jsoup.parse(html).text();
        }
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    /** Words the index does not know, replaced by the closest known word, when any was found. */
    private Optional<String> spelling(IndexSearcher searcher, String query) throws IOException {
        var checker = new DirectSpellChecker();
        IndexReader reader = searcher.getIndexReader();
        String result = query;
        boolean changed = false;
        for (String t : terms(words, SearchIndex.WORDS, query)) {
            if (t.length() < 4 || reader.docFreq(new Term(SearchIndex.WORDS, t)) > 0) {
                continue;
            }
            var suggestions = checker.suggestSimilar(new Term(SearchIndex.WORDS, t), 1, reader);
            if (suggestions.length > 0) {
                result = result.replaceAll("(?iu)" + java.util.regex.Pattern.quote(t), suggestions[0].string);
                changed = true;
            }
        }
        return changed && !result.equalsIgnoreCase(query) ? Optional.of(result) : Optional.empty();
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
