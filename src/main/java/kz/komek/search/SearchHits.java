package kz.komek.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.LongConsumer;
import kz.komek.catalog.CatalogUrls;
import kz.komek.catalog.Material;
import kz.komek.i18n.Locale;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.BinaryDocValues;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TotalHits;
import org.apache.lucene.search.uhighlight.DefaultPassageFormatter;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.jsoup.parser.Parser;

/**
 * The hits of a ranked search: one per question or material, best first, then with passages of their answers (a
 * material's description).
 */
final class SearchHits {
    private SearchHits() {}

    /** A hit as found, without its snippet yet, and the document it came from. */
    record Found(int doc, SearchResults.Hit hit) {}

    /**
     * The best {@code n} of {@code docs} by score, equal scores by question and locale (as {@link
     * RequestFilter#BEST_FIRST}), never by document number; {@code questions} is told the question of each of
     * {@code docs}.
     */
    static ScoreDoc[] bestFirst(IndexSearcher searcher, ScoreDoc[] docs, int n, LongConsumer questions)
            throws IOException {
        var leaves = searcher.getIndexReader().leaves();
        long[] ids = new long[docs.length];
        String[] locales = new String[docs.length];
        Integer[] order = new Integer[docs.length];
        for (int i = 0; i < docs.length; i++) {
            var leaf = leaves.get(ReaderUtil.subIndex(docs[i].doc, leaves));
            int doc = docs[i].doc - leaf.docBase;
            NumericDocValues id = DocValues.getNumeric(leaf.reader(), SearchIndex.ID);
            ids[i] = id.advanceExact(doc) ? id.longValue() : Long.MAX_VALUE;
            questions.accept(ids[i]);
            locales[i] = sorted(leaf.reader(), SearchIndex.LOCALE, doc);
            order[i] = i;
        }
        java.util.Arrays.sort(order, (a, b) -> {
            int c = Float.compare(docs[b].score, docs[a].score);
            c = c != 0 ? c : Long.compare(ids[a], ids[b]);
            return c != 0 ? c : locales[a].compareTo(locales[b]);
        });
        ScoreDoc[] best = new ScoreDoc[Math.min(n, docs.length)];
        for (int i = 0; i < best.length; i++) {
            best[i] = docs[order[i]];
        }
        return best;
    }

    /**
     * Hits past the re-scored window, as the first pass ranked them, with its scores (a collector sorting by score
     * keeps them among its sort values); {@code questions} is told the question of each (they are hits too, so an edit
     * of one may change the result).
     */
    static ScoreDoc[] firstPass(IndexSearcher searcher, ScoreDoc[] docs, LongConsumer questions) throws IOException {
        var leaves = searcher.getIndexReader().leaves();
        ScoreDoc[] out = new ScoreDoc[docs.length];
        for (int i = 0; i < docs.length; i++) {
            var leaf = leaves.get(ReaderUtil.subIndex(docs[i].doc, leaves));
            NumericDocValues id = DocValues.getNumeric(leaf.reader(), SearchIndex.ID);
            if (id.advanceExact(docs[i].doc - leaf.docBase)) {
                questions.accept(id.longValue());
            }
            float score = docs[i] instanceof FieldDoc f && f.fields[0] instanceof Float s ? s : docs[i].score;
            out[i] = new ScoreDoc(docs[i].doc, score);
        }
        return out;
    }

    /** The locale code of each of {@code docs}. */
    static String[] locales(IndexSearcher searcher, ScoreDoc[] docs) throws IOException {
        var leaves = searcher.getIndexReader().leaves();
        String[] out = new String[docs.length];
        for (int i = 0; i < docs.length; i++) {
            var leaf = leaves.get(ReaderUtil.subIndex(docs[i].doc, leaves));
            out[i] = sorted(leaf.reader(), SearchIndex.LOCALE, docs[i].doc - leaf.docBase);
        }
        return out;
    }

    static ScoreDoc[] concat(ScoreDoc[] a, ScoreDoc[] b) {
        ScoreDoc[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    /**
     * The hits of a request's page and how many distinct questions all of {@code docs} are.
     *
     * @param found one per question, from the request's offset on, at most its limit
     */
    record Page(List<Found> found, int questions) {}

    /**
     * One hit per question, in the order of {@code docs}: those of the request's page; what a hit shows comes from doc
     * values, read for those only.
     */
    static Page collapse(IndexSearcher searcher, ScoreDoc[] docs, SearchRequest request) throws IOException {
        var leaves = searcher.getIndexReader().leaves();
        var seen = new HashSet<Long>();
        var hits = new ArrayList<Found>();
        int from = request.offset();
        int to = request.offset() + request.limit();
        for (ScoreDoc sd : docs) {
            var leaf = leaves.get(ReaderUtil.subIndex(sd.doc, leaves));
            var reader = leaf.reader();
            int doc = sd.doc - leaf.docBase;
            NumericDocValues ids = DocValues.getNumeric(reader, SearchIndex.ID);
            if (!ids.advanceExact(doc) || !seen.add(ids.longValue())) {
                continue;
            }
            int rank = seen.size() - 1;
            if (rank < from || rank >= to) {
                continue;
            }
            long id = ids.longValue();
            Locale locale =
                    Locale.parse(sorted(reader, SearchIndex.LOCALE, doc)).orElseThrow();
            String path = binary(reader, SearchIndex.SECTION_PATH, doc);
            String site = sorted(reader, SearchIndex.SITE, doc);
            // a material is indexed under its id negated, and found on its section's page
            boolean question = id > 0;
            hits.add(new Found(
                    sd.doc,
                    new SearchResults.Hit(
                            Math.abs(id),
                            locale,
                            binary(reader, SearchIndex.SHOWN_TITLE, doc),
                            question
                                    ? CatalogUrls.question(site, locale, path, id)
                                    : CatalogUrls.section(site, locale, path) + "#" + Material.anchor(-id),
                            path,
                            binary(reader, SearchIndex.SECTION_TITLE, doc),
                            "",
                            "",
                            request.locale().map(l -> l != locale).orElse(false),
                            sd.score,
                            question ? SearchDocument.QUESTION : binary(reader, SearchIndex.KIND, doc))));
        }
        return new Page(hits, seen.size());
    }

    private static String sorted(LeafReader reader, String field, int doc) throws IOException {
        SortedDocValues values = DocValues.getSorted(reader, field);
        return values.advanceExact(doc) ? values.lookupOrd(values.ordValue()).utf8ToString() : "";
    }

    private static String binary(LeafReader reader, String field, int doc) throws IOException {
        BinaryDocValues values = DocValues.getBinary(reader, field);
        return values.advanceExact(doc) ? values.binaryValue().utf8ToString() : "";
    }

    /**
     * The hits with a passage of each answer where the readings' stems matched, or else the answer's start. The
     * answers are read by {@code analyzer}, the stems by each language's analyzer.
     */
    static List<SearchResults.Hit> withSnippets(
            IndexSearcher searcher,
            Analyzer analyzer,
            Map<Locale, Analyzer> languages,
            List<Found> hits,
            List<SearchService.Reading> readings)
            throws IOException {
        if (hits.isEmpty()) {
            return List.of();
        }
        var terms = new BooleanQuery.Builder();
        for (SearchService.Reading r : readings) {
            for (Locale l : Locale.values()) {
                for (String t : SearchService.terms(languages.get(l), SearchIndex.body(l), r.text())) {
                    terms.add(new TermQuery(new Term(SearchIndex.body(l), t)), Occur.SHOULD);
                }
            }
        }
        var highlighter = UnifiedHighlighter.builder(searcher, analyzer)
                .withFormatter(new DefaultPassageFormatter("<mark>", "</mark>", " … ", true))
                .withMaxLength(20_000)
                .build();
        Query query = terms.build();
        // Each hit's passages come from its own locale's answer field only: asking every field of every hit
        // loaded and searched fields the hit does not have.
        var passages = new String[hits.size()];
        for (Locale l : Locale.values()) {
            var ofLocale = new ArrayList<Integer>();
            for (int i = 0; i < hits.size(); i++) {
                if (hits.get(i).hit().locale() == l) {
                    ofLocale.add(i);
                }
            }
            if (ofLocale.isEmpty()) {
                continue;
            }
            // the highlighter wants documents in order; it answers in the order given
            var docs = new ScoreDoc[ofLocale.size()];
            for (int j = 0; j < docs.length; j++) {
                Found f = hits.get(ofLocale.get(j));
                docs[j] = new ScoreDoc(f.doc(), f.hit().score());
            }
            var topDocs = new TopDocs(new TotalHits(docs.length, TotalHits.Relation.EQUAL_TO), docs);
            String field = SearchIndex.body(l);
            String[] found = highlighter
                    .highlightFields(new String[] {field}, query, topDocs, new int[] {2})
                    .get(field);
            for (int j = 0; j < docs.length; j++) {
                passages[ofLocale.get(j)] = found[j];
            }
        }
        StoredFields stored = searcher.storedFields();
        var out = new ArrayList<SearchResults.Hit>();
        for (int i = 0; i < hits.size(); i++) {
            SearchResults.Hit h = hits.get(i).hit();
            String html = passages[i];
            if (html == null || html.isBlank()) {
                String text = Optional.ofNullable(
                                stored.document(hits.get(i).doc(), Set.of(SearchIndex.body(h.locale())))
                                        .get(SearchIndex.body(h.locale())))
                        .orElse("");
                String cut = text.length() > 220 ? text.substring(0, 220).replaceAll("\\s+\\S*$", "") + " …" : text;
                html = escape(cut);
            }
            out.add(new SearchResults.Hit(
                    h.id(),
                    h.locale(),
                    h.title(),
                    h.url(),
                    h.sectionPath(),
                    h.sectionTitle(),
                    text(html),
                    html,
                    h.otherLocale(),
                    h.score(),
                    h.kind()));
        }
        return out;
    }

    /** The text of a passage as formatted above: escaped text with {@code <mark>} around matches. */
    static String text(String html) {
        return Parser.unescapeEntities(html.replace("<mark>", "").replace("</mark>", ""), false);
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
