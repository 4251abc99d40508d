package kz.komek.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import kz.komek.catalog.CatalogUrls;
import kz.komek.i18n.Locale;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TotalHits;
import org.apache.lucene.search.uhighlight.DefaultPassageFormatter;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.jsoup.Jsoup;

/** The hits of a ranked search: one per question, best first, then with passages of their answers. */
final class SearchHits {
    private static final Set<String> HIT_FIELDS =
            Set.of(SearchIndex.ID, SearchIndex.LOCALE, SearchIndex.SITE, "section_path", "section_title", "title");

    private SearchHits() {}

    /** A hit as found, without its snippet yet, and the document it came from. */
    record Found(int doc, SearchResults.Hit hit) {}

    /** One hit per question, best first, at most {@code limit}; stored fields are read for those only. */
    static List<Found> collapse(IndexSearcher searcher, TopDocs top, SearchRequest request) throws IOException {
        var leaves = searcher.getIndexReader().leaves();
        var seen = new HashSet<Long>();
        var kept = new ArrayList<ScoreDoc>();
        for (ScoreDoc sd : top.scoreDocs) {
            var leaf = leaves.get(ReaderUtil.subIndex(sd.doc, leaves));
            NumericDocValues ids = DocValues.getNumeric(leaf.reader(), SearchIndex.ID);
            if (!ids.advanceExact(sd.doc - leaf.docBase) || !seen.add(ids.longValue())) {
                continue;
            }
            kept.add(sd);
            if (kept.size() == request.limit()) {
                break;
            }
        }
        StoredFields stored = searcher.storedFields();
        var hits = new ArrayList<Found>();
        for (ScoreDoc sd : kept) {
            var d = stored.document(sd.doc, HIT_FIELDS);
            long id = Long.parseLong(d.get(SearchIndex.ID));
            Locale locale = Locale.parse(d.get(SearchIndex.LOCALE)).orElseThrow();
            String path = d.get("section_path");
            hits.add(new Found(
                    sd.doc,
                    new SearchResults.Hit(
                            id,
                            locale,
                            d.get("title"),
                            CatalogUrls.question(d.get(SearchIndex.SITE), locale, path, id),
                            path,
                            d.get("section_title"),
                            "",
                            "",
                            request.locale().map(l -> l != locale).orElse(false),
                            sd.score)));
        }
        return hits;
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
        var docs = new ScoreDoc[hits.size()];
        for (int i = 0; i < hits.size(); i++) {
            docs[i] = new ScoreDoc(hits.get(i).doc(), hits.get(i).hit().score());
        }
        var topDocs = new TopDocs(new TotalHits(docs.length, TotalHits.Relation.EQUAL_TO), docs);
        String[] fields = {SearchIndex.body(Locale.RU), SearchIndex.body(Locale.KZ)};
        Map<String, String[]> found = highlighter.highlightFields(fields, terms.build(), topDocs, new int[] {2, 2});
        StoredFields stored = searcher.storedFields();
        var out = new ArrayList<SearchResults.Hit>();
        for (int i = 0; i < hits.size(); i++) {
            SearchResults.Hit h = hits.get(i).hit();
            String html = found.get(SearchIndex.body(h.locale()))[i];
            if (html == null || html.isBlank()) {
                String text = Optional.ofNullable(
                                stored.document(hits.get(i).doc()).get(SearchIndex.body(h.locale())))
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
                    Jsoup.parse(html).text(),
                    html,
                    h.otherLocale(),
                    h.score()));
        }
        return out;
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
