package kz.komek.content;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import kz.komek.i18n.Locale;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PlainTextTest {
    private final HtmlSanitizer sanitizer = new HtmlSanitizer();
    private final AnswerRenderer renderer = new AnswerRenderer(ContentConfig.defaults());

    @ParameterizedTest
    @ValueSource(
            strings = {
                "<p>Один</p><p>два</p>",
                "<div>One</div>Two <b>three</b>four",
                "<ul><li>a</li><li>b</li></ul>после",
                "a<br>b<br/>c",
                "<p>  много\n\t пробелов&nbsp;и&amp;знаков &lt;тег&gt; </p>",
                "<p>{<!-- -->{x}}</p>",
                "<table><tr><td>1</td><td>2</td></tr></table>текст",
                "<p>soft\u00adhyphen and zero\u200bwidth</p>",
                "<h2>Заголовок</h2><p>Абзац с <a href=\"https://example.com/?a=1&amp;b=2\">ссылкой</a>.</p>",
                "<pre>  как   есть\n  </pre><p>x</p>",
                "<p><span class=\"mobileApp_only\">в приложении</span><span class=\"desktop_only\">на сайте</span></p>",
                "<p>%вставка остались_вопросы%</p>",
            })
    void readsAsJsoupReadsTheRenderedAnswer(String html) {
        assertSameAsJsoup(sanitizer.sanitize(html).html());
    }

    @Test
    void everyCorpusAnswerReadsAsJsoupReadsIt() throws IOException {
        var answers = HtmlSanitizerTest.corpusAnswers();
        assertThat(answers).hasSizeGreaterThan(100);
        answers.forEach(a -> assertSameAsJsoup(sanitizer.sanitize(a).html()));
    }

    @Test
    void everySeedAnswerReadsAsJsoupReadsIt() throws IOException {
        var answers = HtmlSanitizerTest.seedAnswers();
        assertThat(answers).isNotEmpty();
        answers.forEach(a -> assertSameAsJsoup(sanitizer.sanitize(a).html()));
    }

    private void assertSameAsJsoup(String stored) {
        for (Platform p : Platform.values()) {
            for (Locale l : Locale.values()) {
                String rendered = renderer.render(stored, p, l);
                assertThat(renderer.text(stored, p, l))
                        .as(p + "/" + l + " of " + rendered)
                        .isEqualTo(Jsoup.parseBodyFragment(rendered).text());
            }
        }
    }
}
