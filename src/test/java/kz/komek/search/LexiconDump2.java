package kz.komek.search;

import java.nio.file.*;
import kz.komek.content.*;
import kz.komek.i18n.Locale;

public class LexiconDump2 {
    public static void main(String[] a) throws Exception {
        var b = new kz.komek.bundle.BundleJson().read(Files.readString(Path.of(a[0])));
        var docs = new SearchDocuments(new AnswerRenderer(ContentConfig.defaults())).from(b);
        try (var index = SearchIndex.inMemory()) {
            index.replaceAll(docs, 1);
            var lex = new LexiconLearner().learn(index);
            var s = new SearchService(index);
            s.lexicon(lex);
            System.out.println(SearchService.terms(
                    Analyzers.forLocale(Locale.KZ), "body_kz", "Жерасты тұрақ қайда орналасқан тұраққа тұрағы"));
            for (int i = 1; i < a.length; i++) {
                var r = s.search(new SearchRequest(
                        a[i], "client", java.util.Optional.of(Locale.RU), 5, java.time.LocalDateTime.now(), false));
                System.out.println(a[i] + " -> "
                        + r.hits().stream().map(h -> h.id() + ":" + h.score()).toList());
            }
            lex.pairs().stream()
                    .filter(p -> p.ru().startsWith("парк") || p.kz().startsWith("тұр"))
                    .forEach(System.out::println);
        }
    }
}
