package kz.komek.search;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import kz.komek.i18n.Locale;
import kz.komek.testing.TestApp;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.ru.RussianAnalyzer;
import org.apache.lucene.analysis.ru.RussianLightStemFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.util.QueryBuilder;
import org.junit.jupiter.api.Test;

class AnalyzersTest {

    static List<String> tokens(Analyzer a, String text) throws IOException {
        List<String> out = new ArrayList<>();
        try (TokenStream ts = a.tokenStream("f", text)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            ts.reset();
            while (ts.incrementToken()) {
                out.add(term.toString());
            }
            ts.end();
        }
        return out;
    }

    @Test
    void russianConflatesWordFormsAndYo() throws IOException {
        Analyzer ru = Analyzers.russian();
        assertThat(tokens(ru, "карточку карточка карточки")).containsOnly("карточк");
        assertThat(tokens(ru, "счёт")).isEqualTo(tokens(ru, "счет"));
        assertThat(tokens(ru, "перевёл деньги")).isEqualTo(tokens(ru, "перевел деньги"));
        // Snowball keeps the verb's prefix: заблокировали → заблокирова, блокировка → блокировк. They do not meet
        // here; the n-gram field ("бло", "лок", "оки"…) carries that pair.
        assertThat(tokens(ru, "заблокировали блокировка")).containsExactly("заблокирова", "блокировк");
        assertThat(tokens(ru, "Как пополнить карту в приложении")).containsExactly("пополн", "карт", "приложен");
    }

    @Test
    void kazakhConflatesParadigmsAndDropsFunctionWords() throws IOException {
        Analyzer kz = Analyzers.kazakh();
        assertThat(tokens(kz, "карта карталар картаны картасы картамен картадан картаға"))
                .containsOnly("карта");
        assertThat(tokens(kz, "кітап кітаптар кітабым кітаптарымыз кітапқа кітаптан кітаппен"))
                .containsOnly("кітап");
        assertThat(tokens(kz, "төлем төлемдер төлемді төлемнен")).containsOnly("төлем");
        assertThat(tokens(kz, "аударым аударымдар аударымды")).containsOnly("аударым");
        assertThat(tokens(kz, "бонус бонустар бонусты бонусым")).containsOnly("бонус");
        assertThat(tokens(kz, "Dala Gold картасын Apple Pay-ге қалай қосамын"))
                .containsExactly("dala", "gold", "карта", "apple", "pay", "қос");
        // the Russian stemmer would make қалай "how" into қала "city"; ours keeps them apart (and stops қалай)
        assertThat(tokens(kz, "қала мен қалай")).containsExactly("қала");
        assertThat(tokens(kz, "қаладағы қалалар")).containsOnly("қала");
    }

    @Test
    void foldedKeysOfLatinAndCyrillicSpellingsMeet() throws IOException {
        Analyzer f = Analyzers.folded();
        String[][] same = {
            {"bonus qalai alamyn", "bonus kalay alamin", "бонус қалай аламын", "бонус калай аламын"},
            {"kak oplatit kommunalku", "как оплатить коммуналку", "kak oplatit' kommunalku"},
            {"kartamdy zhogaltyp aldym", "kartamdi jogaltip aldim", "картамды жоғалтып алдым"},
            {"depozit boiynsha syiaqy", "depozit boyynsha syyaqy", "депозит бойынша сыйақы"},
            {"Qazaqstan tölem", "Kazakstan tolem", "Қазақстан төлем"},
            {"schet", "счёт", "счет"},
            {"zhenshina", "женщина"},
            {"perevod za granicu", "perevod za granitsu", "перевод за границу"},
            {"shetelge audarym", "şetelge audarym", "шетелге аударым"},
            {"sälem", "salem", "сәлем"},
        };
        for (String[] group : same) {
            List<String> first = tokens(f, group[0]);
            for (String other : group) {
                assertThat(tokens(f, other)).as(other + " vs " + group[0]).isEqualTo(first);
            }
        }
        // word forms meet on the short key: карта / картаны / карту
        assertThat(tokens(f, "карта картаны карту kartany")).containsOnly("kart");
        assertThat(tokens(f, "қала")).isNotEqualTo(tokens(f, "қалай"));
    }

    @Test
    void ngramsAreBoundaryMarkedTrigrams() throws IOException {
        assertThat(tokens(Analyzers.ngrams(), "Карта ёлка"))
                .containsExactly("_ка", "кар", "арт", "рта", "та_", "_ел", "елк", "лка", "ка_");
        // Kazakh letters fold to the Russian keys people type them with
        assertThat(tokens(Analyzers.ngrams(), "төлеймін")).isEqualTo(tokens(Analyzers.ngrams(), "толеймин"));
    }

    @Test
    void forLocalePicksTheLanguageAnalyzer() throws IOException {
        assertThat(tokens(Analyzers.forLocale(Locale.KZ), "картасы")).containsExactly("карта");
        assertThat(tokens(Analyzers.forLocale(Locale.RU), "карточки")).containsExactly("карточк");
    }

    @Test
    void rememberedStemsAreTheStemmersOwn() throws IOException {
        // ё is folded before tokenizing by komek's analyzers only: fold it here for both
        String text = TestApp.resource("/fixtures/search.bundle.json")
                .replace('ё', 'е')
                .replace('Ё', 'Е');
        Analyzer kazakhWords = new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String field) {
                Tokenizer source = new StandardTokenizer();
                return new TokenStreamComponents(source, new StopFilter(new LowerCaseFilter(source), kazakhStop()));
            }
        };
        var stemmer = new KazakhStemmer();
        List<String> kazakhStems =
                tokens(kazakhWords, text).stream().map(stemmer::stem).toList();
        List<String> russianStems = tokens(russianWith(false), text);
        Analyzer kazakh = Analyzers.kazakh();
        Analyzer russian = Analyzers.russian();
        for (int pass = 0; pass < 2; pass++) { // the second pass reads every stem from the analyzers' memos
            assertThat(tokens(kazakh, text)).isEqualTo(kazakhStems);
            assertThat(tokens(russian, text)).isEqualTo(russianStems);
        }
    }

    private static CharArraySet kazakhStop() {
        return new CharArraySet(TranslitResources.list("search/kazakh-stop.txt"), false);
    }

    // ---- measurements on the corpus and the dev queries (printed; the assertions only guard against regressions)

    private static Analyzer russianWith(boolean light) {
        return new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String field) {
                Tokenizer source = new StandardTokenizer();
                TokenStream ts = new LowerCaseFilter(source);
                ts = new StopFilter(ts, RussianAnalyzer.getDefaultStopSet());
                ts = light
                        ? new RussianLightStemFilter(ts)
                        : new org.apache.lucene.analysis.snowball.SnowballFilter(
                                ts, new org.tartarus.snowball.ext.RussianStemmer());
                return new TokenStreamComponents(source, ts);
            }
        };
    }

    /** Our Kazakh chain with the stop list minus the question words. */
    private static Analyzer kazakhKeepingQuestionWords() {
        Set<String> questionWords = Set.of("қалай", "қашан", "неге", "неліктен", "қайда", "қанша", "қандай");
        CharArraySet stops = new CharArraySet(
                TranslitResources.list("search/kazakh-stop.txt").stream()
                        .filter(w -> !questionWords.contains(w))
                        .toList(),
                false);
        return new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String field) {
                Tokenizer source = new StandardTokenizer();
                TokenStream ts = new StopFilter(new LowerCaseFilter(source), stops);
                return new TokenStreamComponents(source, new StemMemo().filter(ts, () -> new KazakhStemmer()::stem));
            }
        };
    }

    /** MRR@10 of an OR query over title+content of one locale, dev queries in that locale's script. */
    static double mrr(Supplier<Analyzer> analyzer, String locale) throws IOException {
        Path shared = Files.exists(Path.of("../shared")) ? Path.of("../shared") : Path.of("/work/shared");
        ObjectMapper json = new ObjectMapper();
        JsonNode bundle =
                json.readTree(shared.resolve("corpus/dala-help.bundle.json").toFile());
        Analyzer a = analyzer.get();
        ByteBuffersDirectory dir = new ByteBuffersDirectory();
        try (IndexWriter w = new IndexWriter(dir, new IndexWriterConfig(a))) {
            for (JsonNode q : bundle.get("questions")) {
                JsonNode l = q.path("locales").path(locale);
                Document d = new Document();
                d.add(new StoredField("id", q.get("id").asInt()));
                String text =
                        l.path("title").asText("") + " " + l.path("content").asText("");
                d.add(new TextField("text", text.replaceAll("<[^>]+>", " "), Field.Store.NO));
                w.addDocument(d);
            }
        }
        double sum = 0;
        int n = 0;
        try (DirectoryReader r = DirectoryReader.open(dir)) {
            IndexSearcher s = new IndexSearcher(r);
            QueryBuilder qb = new QueryBuilder(a);
            for (String line : Files.readAllLines(shared.resolve("corpus/queries-dev.jsonl"))) {
                JsonNode q = json.readTree(line);
                String kind = q.get("kind").asText();
                if (!q.get("locale").asText().equals(locale) || kind.equals("layout") || kind.equals("translit")) {
                    continue;
                }
                Set<Integer> relevant = new HashSet<>();
                q.get("relevant").forEach(x -> relevant.add(x.asInt()));
                n++;
                Query query = qb.createBooleanQuery("text", q.get("q").asText());
                if (query == null) {
                    continue;
                }
                ScoreDoc[] hits = s.search(query, 10).scoreDocs;
                for (int i = 0; i < hits.length; i++) {
                    int id = s.storedFields()
                            .document(hits[i].doc)
                            .getField("id")
                            .numericValue()
                            .intValue();
                    if (relevant.contains(id)) {
                        sum += 1.0 / (i + 1);
                        break;
                    }
                }
            }
        }
        return sum / n;
    }

    @Test
    void measuresStemmerAndStopWordChoices() throws IOException {
        double snowball = mrr(() -> russianWith(false), "ru");
        double light = mrr(() -> russianWith(true), "ru");
        double kazakh = mrr(Analyzers::kazakh, "kz");
        double kazakhKeepingQuestionWords = mrr(AnalyzersTest::kazakhKeepingQuestionWords, "kz");
        System.out.printf("MRR@10 ru: Snowball %.3f, RussianLight %.3f%n", snowball, light);
        System.out.printf(
                "MRR@10 kz: ours (question words stopped) %.3f, question words kept %.3f%n",
                kazakh, kazakhKeepingQuestionWords);
        assertThat(snowball).isGreaterThanOrEqualTo(light - 0.01);
        assertThat(kazakh).isGreaterThan(0.3);
    }
}
