package kz.komek.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.apache.lucene.analysis.core.WhitespaceAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.FuzzyQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.junit.jupiter.api.Test;

class NearWordsTest {
    private static final List<String> WORDS = List.of(
            "карта",
            "карты",
            "картой",
            "карточка",
            "карточки",
            "катра",
            "парта",
            "кредит",
            "кредиты",
            "кредитка",
            "перевод",
            "переводы",
            "первод",
            "пополнить",
            "пополнение",
            "пополнила",
            "граница",
            "границу",
            "гранит",
            "бонус",
            "бонусы",
            "бонустар",
            "қалай",
            "қала",
            "депозит",
            "депозиты",
            "а",
            "к");

    @Test
    void distanceCountsASwapOfNeighboursAsOneEdit() {
        assertThat(NearWords.distance("карта", "катра", 2)).isEqualTo(1);
        assertThat(NearWords.distance("карта", "карты", 2)).isEqualTo(1);
        assertThat(NearWords.distance("карта", "картой", 2)).isEqualTo(2);
        assertThat(NearWords.distance("перевод", "первод", 2)).isEqualTo(1);
        assertThat(NearWords.distance("карта", "кредит", 2)).isEqualTo(3);
        assertThat(NearWords.distance("", "аб", 2)).isEqualTo(2);
    }

    @Test
    void findsTheWordsFuzzyQueryFinds() throws IOException {
        try (var dir = new ByteBuffersDirectory()) {
            try (var writer = new IndexWriter(dir, new IndexWriterConfig(new WhitespaceAnalyzer()))) {
                for (String w : WORDS) {
                    var doc = new Document();
                    doc.add(new TextField("words", w, Field.Store.NO));
                    writer.addDocument(doc);
                }
            }
            try (var reader = DirectoryReader.open(dir)) {
                var searcher = new IndexSearcher(reader);
                var near = new NearWords(new TermCache());
                assertThat(terms(near.query(searcher, "words", "картв", 1))).containsExactly("карта", "карты");
                assertThat(terms(near.query(searcher, "words", "граниуц", 2))).contains("граница", "границу", "гранит");
                for (String typed :
                        List.of("картв", "кратa", "перевд", "пополнть", "граниуц", "бнус", "кридит", "қолай")) {
                    for (int edits = 1; edits <= 2; edits++) {
                        Query expected = searcher.rewrite(new FuzzyQuery(new Term("words", typed), edits, 1, 50, true));
                        assertThat(terms(near.query(searcher, "words", typed, edits)))
                                .as("%s within %d", typed, edits)
                                .isEqualTo(terms(expected));
                    }
                }
            }
        }
    }

    private static Set<String> terms(Query q) {
        var out = new TreeSet<String>();
        q.visit(new QueryVisitor() {
            @Override
            public void consumeTerms(Query query, Term... terms) {
                for (Term t : terms) {
                    out.add(t.text());
                }
            }

            @Override
            public QueryVisitor getSubVisitor(org.apache.lucene.search.BooleanClause.Occur occur, Query parent) {
                return this;
            }
        });
        return out;
    }
}
