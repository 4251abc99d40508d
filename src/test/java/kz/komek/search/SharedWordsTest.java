package kz.komek.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import kz.komek.bundle.BundleJson;
import kz.komek.content.AnswerRenderer;
import kz.komek.content.ContentConfig;
import kz.komek.generate.BundleGenerator;
import kz.komek.i18n.Locale;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.FieldInfo;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.junit.jupiter.api.Test;

/** Words cut once per text index exactly as each field's analyzer indexes the text itself. */
class SharedWordsTest {
    private record Texts(
            Locale locale, String title, String phrasings, String text, String sections, String description) {
        Texts(Locale locale, String title, String text, String sections, String description) {
            this(locale, title, "", text, sections, description);
        }
    }

    @Test
    void everyFieldHoldsTheSamePostingsOffsetsAndNormsAsItsAnalyzerGives() throws IOException {
        var texts = new ArrayList<Texts>();
        String longWord = "ф".repeat(300);
        List<String> odd = List.of(
                "",
                "   ",
                "Ёлка, ЁЖ и ёж: Қалай төлеймін? толеймин 2024 года, 3.5% — «карта»!",
                "a b c a b c и в на по",
                longWord,
                longWord + " в конце длинное слово " + "y".repeat(256),
                "слово " + longWord,
                "эмодзи \uD83D\uDE00 и суррогаты \uD83D\uDE00\uD83D\uDE00x",
                "bonus qalai alamyn, Kaspi.kz и www.example.com/path?x=1 e-mail@host.kz",
                "— … !!! ???");
        for (Locale l : Locale.values()) {
            for (String a : odd) {
                for (String b : List.of(odd.get(2), longWord, "")) {
                    texts.add(new Texts(l, a, b, a + " / " + b, b));
                    texts.add(new Texts(l, b, a, "", a));
                }
            }
        }
        // phrasings (a document with them has a field more, and they go with the title), among documents without
        for (Locale l : Locale.values()) {
            for (String a : odd) {
                if (!a.isEmpty()) {
                    texts.add(new Texts(l, odd.get(2), a + "\nоткатить перевод\nвернуть деньги", odd.get(3), "", a));
                    texts.add(new Texts(l, "", a, "", "раздел", ""));
                    texts.add(new Texts(l, "Заголовок", "ещё формулировка", a, "раздел", ""));
                }
            }
        }
        // an answer longer than a thread keeps arrays for, then an ordinary one on the same thread
        texts.add(new Texts(Locale.RU, "Заголовок", "слово ёж ".repeat(130_000), "раздел", ""));
        texts.add(new Texts(Locale.RU, "Короткий", odd.get(2), "раздел", "описание"));
        String demo = new String(
                SharedWordsTest.class
                        .getResourceAsStream("/demo/demo.bundle.json")
                        .readAllBytes(),
                java.nio.charset.StandardCharsets.UTF_8);
        var renderer = new AnswerRenderer(ContentConfig.defaults());
        for (var bundle : List.of(
                new BundleJson().read(demo),
                new BundleGenerator().generate(300, 5, BundleGenerator.Options.defaults()))) {
            for (SearchDocument d : new SearchDocuments(renderer).from(bundle)) {
                texts.add(new Texts(d.locale(), d.title(), d.phrasings(), d.text(), d.sections(), d.description()));
            }
        }

        var shared = new SharedWords(SearchIndex.SHARED_TYPES);
        var expected = index(
                texts,
                t -> SearchIndex.textFields(
                        t.locale(), t.title(), t.phrasings(), t.text(), t.sections(), t.description()));
        var actual = index(
                texts,
                t -> shared.fields(t.locale(), t.title(), t.phrasings(), t.text(), t.sections(), t.description()));

        assertThat(actual.size()).isEqualTo(expected.size()).isGreaterThan(texts.size());
        for (int i = 0; i < expected.size(); i++) {
            assertThat(actual.get(i)).isEqualTo(expected.get(i));
        }
    }

    /** Every field's terms with their postings (documents, frequencies, positions and offsets), then its norms. */
    private static List<String> index(List<Texts> texts, Function<Texts, List<Field>> fields) throws IOException {
        try (var dir = new ByteBuffersDirectory()) {
            var config = new IndexWriterConfig(SearchIndex.analyzer())
                    .setSimilarity(GramCounts.NORMS)
                    .setRAMBufferSizeMB(256);
            try (var writer = new IndexWriter(dir, config)) {
                for (Texts t : texts) {
                    var doc = new Document();
                    fields.apply(t).forEach(doc::add);
                    writer.addDocument(doc);
                }
                writer.forceMerge(1);
            }
            try (var reader = DirectoryReader.open(dir)) {
                LeafReader leaf = reader.leaves().get(0).reader();
                var out = new ArrayList<String>();
                for (FieldInfo info : leaf.getFieldInfos()) {
                    boolean positions =
                            info.getIndexOptions().compareTo(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS) >= 0;
                    TermsEnum e = leaf.terms(info.name).iterator();
                    PostingsEnum p = null;
                    while (e.next() != null) {
                        var line = new StringBuilder(info.name)
                                .append(' ')
                                .append(e.term().utf8ToString());
                        p = e.postings(p, positions ? PostingsEnum.ALL : PostingsEnum.FREQS);
                        for (int doc = p.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = p.nextDoc()) {
                            line.append(" d").append(doc).append('×').append(p.freq());
                            for (int i = 0; positions && i < p.freq(); i++) {
                                line.append(" @")
                                        .append(p.nextPosition())
                                        .append(':')
                                        .append(p.startOffset())
                                        .append('-')
                                        .append(p.endOffset());
                            }
                        }
                        out.add(line.toString());
                    }
                    var norms = leaf.getNormValues(info.name);
                    var line = new StringBuilder(info.name).append(" norms");
                    for (int doc = 0; norms != null && doc < leaf.maxDoc(); doc++) {
                        line.append(' ').append(norms.advanceExact(doc) ? norms.longValue() : -1);
                    }
                    out.add(line.toString());
                }
                return out;
            }
        }
    }
}
