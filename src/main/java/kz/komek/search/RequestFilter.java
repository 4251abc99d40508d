package kz.komek.search;

import java.io.IOException;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import kz.komek.i18n.Locale;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.index.SortedNumericDocValues;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.CollectionTerminatedException;
import org.apache.lucene.search.Collector;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.FilterCollector;
import org.apache.lucene.search.FilterLeafCollector;
import org.apache.lucene.search.LeafCollector;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopFieldCollector;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.apache.lucene.util.BytesRef;

/**
 * What a request may see: its site, questions published by now, and its locale or, for a question without a text
 * in that locale, the other one. Checked on each hit as it is collected, from doc values, rather than as filter
 * clauses: the filter passes most documents, and as a clause it would lead the iteration over all of them and
 * stop Lucene from skipping the documents that cannot make the top hits.
 */
final class RequestFilter {
    private final BytesRef site;
    private final long now;
    private final Optional<Locale> locale;

    RequestFilter(SearchRequest request) {
        this.site = new BytesRef(request.site());
        this.now = request.now().toEpochSecond(ZoneOffset.UTC);
        this.locale = request.locale();
    }

    /** True when the site is a small part of the index: then a filter clause is the cheaper way to leave the rest out. */
    boolean siteIsSelective(IndexReader reader) throws IOException {
        return reader.docFreq(new Term(SearchIndex.SITE, site)) < reader.maxDoc() / 2;
    }

    /**
     * Equal scores are ordered by question, then locale, not by document number: document numbers change as
     * segments merge and differ between nodes, and the same request must give the same hits on every node and
     * before and after an edit elsewhere (see {@link ResultCache}).
     */
    static final Sort BEST_FIRST = new Sort(
            SortField.FIELD_SCORE,
            new SortField(SearchIndex.ID, SortField.Type.LONG),
            new SortField(SearchIndex.LOCALE, SortField.Type.STRING));

    /** The best {@code n} hits that pass the filter, in {@link #BEST_FIRST} order. */
    CollectorManager<Collector, TopDocs> topDocs(int n) {
        var inner = new TopFieldCollectorManager(BEST_FIRST, n, null, SearchResults.COUNTED);
        List<TopFieldCollector> collectors = new ArrayList<>();
        return new CollectorManager<>() {
            @Override
            public Collector newCollector() throws IOException {
                TopFieldCollector c = inner.newCollector();
                collectors.add(c);
                return new FilterCollector(c) {
                    @Override
                    public LeafCollector getLeafCollector(LeafReaderContext context) throws IOException {
                        Leaf leaf = new Leaf(context);
                        return new FilterLeafCollector(super.getLeafCollector(context)) {
                            @Override
                            public void collect(int doc) throws IOException {
                                if (leaf.accept(doc)) {
                                    in.collect(doc);
                                }
                            }
                        };
                    }
                };
            }

            @Override
            public TopDocs reduce(Collection<Collector> ignored) throws IOException {
                return inner.reduce(collectors);
            }
        };
    }

    /**
     * The same filter as a query, for the vector search (decision 0031), which needs the documents that pass before
     * it walks its graph rather than checking its hits after.
     */
    Query asQuery() {
        var q = new BooleanQuery.Builder()
                .add(new TermQuery(new Term(SearchIndex.SITE, site)), Occur.FILTER)
                .add(LongPoint.newRangeQuery(SearchIndex.PUBLISHED, now + 1, Long.MAX_VALUE), Occur.MUST_NOT);
        locale.ifPresent(l -> {
            Query lacksOwn = new BooleanQuery.Builder()
                    .add(new MatchAllDocsQuery(), Occur.FILTER)
                    .add(new TermQuery(new Term(SearchIndex.HAS, l.code())), Occur.MUST_NOT)
                    .build();
            q.add(
                    new BooleanQuery.Builder()
                            .add(new TermQuery(new Term(SearchIndex.LOCALE, l.code())), Occur.SHOULD)
                            .add(lacksOwn, Occur.SHOULD)
                            .build(),
                    Occur.FILTER);
        });
        return q.build();
    }

    private final class Leaf {
        private final SortedDocValues sites;
        private final SortedDocValues locales;
        private final NumericDocValues has;
        private final SortedNumericDocValues published;
        private final int siteOrd;
        private final int ownOrd;
        private final long ownBit;

        Leaf(LeafReaderContext context) throws IOException {
            var reader = context.reader();
            sites = DocValues.getSorted(reader, SearchIndex.SITE);
            siteOrd = sites.lookupTerm(site);
            if (siteOrd < 0) {
                throw new CollectionTerminatedException(); // no document of this site in the segment
            }
            locales = DocValues.getSorted(reader, SearchIndex.LOCALE);
            has = DocValues.getNumeric(reader, SearchIndex.HAS);
            published = DocValues.getSortedNumeric(reader, SearchIndex.PUBLISHED);
            ownOrd = locale.isPresent()
                    ? locales.lookupTerm(new BytesRef(locale.get().code()))
                    : -1;
            ownBit = locale.map(l -> 1L << l.ordinal()).orElse(0L);
        }

        boolean accept(int doc) throws IOException {
            if (!sites.advanceExact(doc) || sites.ordValue() != siteOrd) {
                return false;
            }
            if (published.advanceExact(doc) && published.nextValue() > now) {
                return false;
            }
            if (locale.isEmpty() || (locales.advanceExact(doc) && locales.ordValue() == ownOrd)) {
                return true;
            }
            // Another locale's text: only for a question that has none in the reader's locale.
            return has.advanceExact(doc) && (has.longValue() & ownBit) == 0;
        }
    }
}
