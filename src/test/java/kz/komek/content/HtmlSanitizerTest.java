package kz.komek.content;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import kz.komek.bundle.Bundle;
import kz.komek.bundle.nuxt.NuxtPayloadReader;
import kz.komek.testing.SharedCorpus;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HtmlSanitizerTest {
    private final HtmlSanitizer sanitizer = new HtmlSanitizer();

    /** Every answer of the seed payload, as imported. */
    static List<String> seedAnswers() throws IOException {
        try (InputStream in = HtmlSanitizerTest.class.getResourceAsStream("/demo/kz-bonus-save-general.payload.txt")) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            List<String> answers = new ArrayList<>();
            for (Bundle.Question q :
                    new NuxtPayloadReader().read(text, "client").bundle().questions()) {
                for (Bundle.QuestionLocale l : q.locales().values()) {
                    if (l.content() != null) {
                        answers.add(l.content());
                    }
                }
            }
            return answers;
        }
    }

    /** Every answer of the shared corpus (skips outside CI when ../shared is absent). */
    static List<String> corpusAnswers() throws IOException {
        JsonNode root = new ObjectMapper()
                .readTree(SharedCorpus.file("corpus/dala-help.bundle.json").toFile());
        List<String> answers = new ArrayList<>();
        for (JsonNode q : root.path("questions")) {
            for (Map.Entry<String, JsonNode> l : q.path("locales").properties()) {
                JsonNode content = l.getValue().path("content");
                if (content.isTextual()) {
                    answers.add(content.asText());
                }
            }
        }
        return answers;
    }

    private Sanitized clean(String html) {
        return sanitizer.sanitize(html);
    }

    private static Document parse(String html) {
        return Jsoup.parseBodyFragment(html);
    }

    /** OWASP breaks "{{" (a template expression) with an empty comment; that guard is no comment of the input's. */
    @Test
    void theTemplateGuardIsNoCommentButARealCommentGoes() {
        Sanitized once = clean("<p>{{x}}</p>");
        assertThat(once.html()).contains("{<!-- -->{");
        Sanitized twice = clean(once.html());
        assertThat(twice.removed()).isEmpty();
        assertThat(twice.html()).isSameAs(once.html());

        Sanitized comment = clean("<p>{<!-- a secret -->{</p>");
        assertThat(comment.removed()).contains("removed comment");
        assertThat(comment.html()).doesNotContain("secret");
        assertThat(clean(comment.html()).removed()).isEmpty();
    }

    @Test
    void seedAnswersComeBackUnchanged() throws IOException {
        List<String> answers = seedAnswers();
        assertThat(answers).hasSizeGreaterThan(5);
        for (String answer : answers) {
            Sanitized s = clean(answer);
            assertThat(s.removed()).as(answer).isEmpty();
            assertThat(s.html()).isSameAs(answer);
        }
    }

    @Test
    void corpusAnswersComeBackUnchanged() throws IOException {
        List<String> answers = corpusAnswers();
        assertThat(answers).hasSizeGreaterThan(250);
        for (String answer : answers) {
            Sanitized s = clean(answer);
            assertThat(s.removed()).as(answer).isEmpty();
            assertThat(s.html()).isSameAs(answer);
        }
    }

    @Test
    void platformSpansKeepTheirClasses() {
        String html = "<p>Оформите <span class=\"mobileApp_only mobileApp-text\">в приложении</span>"
                + "<span class=\"mobile_only\">на сайте</span><span class=\"desktop_only\">онлайн</span></p>";
        Sanitized s = clean(html);
        assertThat(s.changed()).isFalse();
        assertThat(s.html()).isSameAs(html);
        // and when something else forces a rewrite, the classes still survive it
        Sanitized dirty = clean(html + "<script>x()</script>");
        assertThat(dirty.removed()).containsExactly("removed <script>");
        Document d = parse(dirty.html());
        assertThat(d.select("span.mobileApp_only.mobileApp-text")).hasSize(1);
        assertThat(d.select("span.mobile_only")).hasSize(1);
        assertThat(d.select("span.desktop_only")).hasSize(1);
    }

    @Test
    void macrosAndNobrAreKeptVerbatim() {
        String html = "<p>Нажмите %вставка ссылка_приложения(в приложении Dala.kz)% и <nobr>0 ₸</nobr>.</p>\n"
                + "<p>%вставка остались_вопросы()%</p>";
        Sanitized s = clean(html);
        assertThat(s.removed()).isEmpty();
        assertThat(s.html()).isSameAs(html);

        Sanitized forced = clean(html + "<p onclick=\"x()\">и</p>");
        assertThat(forced.removed()).containsExactly("removed onclick on <p>");
        assertThat(forced.html())
                .contains("%вставка ссылка_приложения(в приложении Dala.kz)%")
                .contains("%вставка остались_вопросы()%")
                .contains("<nobr>0 ₸</nobr>");
    }

    @Test
    void linksKeepHrefTargetAndRelWithoutAddingAny() {
        String html = "<p><a href=\"https://dala.kz/shop/\" target=\"_blank\">Магазин</a>, "
                + "<a href=\"/bank/bonus?fromDashboard=true\" target=\"_blank\" rel=\"nofollow\">бонусы</a>, "
                + "<a href=\"mailto:help@dala.kz\">почта</a>, <a href=\"tel:+77000000000\">звонок</a></p>";
        Sanitized s = clean(html);
        assertThat(s.removed()).isEmpty();
        assertThat(s.html()).isSameAs(html);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            <p>a<script>alert(1)</script>b</p>                     | removed <script>
            <p>a<SCRIPT SRC=//x></SCRIPT>b</p>                     | removed <script>
            <p><img src=x onerror=alert(1)></p>                    | removed onerror on <img>
            <a href="javascript:alert(1)">x</a>                    | removed href on <a> (javascript: URL)
            <a href="JaVaScRiPt:alert(1)">x</a>                    | removed href on <a> (javascript: URL)
            <a href="jav&#x09;ascript:alert(1)">x</a>              | removed href on <a> (javascript: URL)
            <a href=" javascript:alert(1)">x</a>                   | removed href on <a> (javascript: URL)
            <a href="data:text/html;base64,PHNjcmlwdD4=">x</a>     | removed href on <a> (data: URL)
            <a href="vbscript:msgbox(1)">x</a>                     | removed href on <a> (vbscript: URL)
            <img src="data:image/png;base64,iVBORw0KGgo=">         | removed src on <img> (data: URL)
            <p>a<svg onload=alert(1)></svg></p>                    | removed <svg>
            <p>a<math><mi>x</mi></math></p>                        | removed <math>
            <p>a<iframe src="https://evil"></iframe></p>           | removed <iframe>
            <p>a<object data="x.swf"></object></p>                 | removed <object>
            <p>a<embed src="x.swf"></p>                            | removed <embed>
            <style>p{display:none}</style><p>a</p>                 | removed <style>
            <link rel=stylesheet href=//evil/x.css><p>a</p>        | removed <link>
            <meta http-equiv=refresh content="0;url=//evil"><p>a</p> | removed <meta>
            <base href="//evil/"><p>a</p>                          | removed <base>
            <form action="//evil"><p>a</p></form>                  | removed <form>
            <p onclick="x()">a</p>                                 | removed onclick on <p>
            <a href="/x" onmouseover="x()">a</a>                   | removed onmouseover on <a>
            <p id="main">a</p>                                     | removed id on <p>
            <a href="/x" target="_self">a</a>                      | removed target on <a>
            <p style="position:fixed;top:0;left:0">a</p>           | removed style property position
            <p style="display:none">a</p>                          | removed style property display
            <p style="visibility:hidden">a</p>                     | removed style property visibility
            <p style="opacity:0">a</p>                             | removed style property opacity
            <p style="z-index:9999">a</p>                          | removed style property z-index
            <p style="background:url(javascript:alert(1))">a</p>   | removed style property background
            <p style="width:expression(alert(1))">a</p>            | removed style property width
            <p>a<noscript>b</noscript></p>                         | removed <noscript>
            <p>a<template>b</template></p>                         | removed <template>
            <p>a<textarea>b</textarea></p>                         | removed <textarea>
            <p>a<!-- hidden --></p>                                | removed comment
            <p>a<!--[if IE]><script>alert(1)</script><![endif]--></p> | removed comment
            <p>a<![CDATA[<script>alert(1)</script>]]></p>          | removed <!…> or <?…> markup
            <p>a</p></div>                                         | removed stray </div>
            <p><b>a</p>                                            | closed unclosed <b>
            <p>a\\u0000b</p>                                       | removed control characters
            """)
    void hostileItemIsRemovedAndReported(String html, String expected) {
        String input = html.replace("\\u0000", "\u0000");
        Sanitized s = clean(input);
        assertThat(s.changed()).isTrue();
        assertThat(s.removed()).as(s.html()).contains(expected);
        HostileHtmlTest.assertSafe(s.html());
        assertThat(clean(s.html()).removed()).as("idempotent").isEmpty();
    }

    @Test
    void styleKeepsTheSafeSubset() {
        Sanitized s = clean("<p style=\"color:#c00;font-weight:bold;position:absolute;z-index:5\">a</p>");
        assertThat(s.removed()).containsExactly("removed style property position", "removed style property z-index");
        assertThat(parse(s.html()).selectFirst("p").attr("style"))
                .contains("color")
                .contains("font-weight")
                .doesNotContain("position")
                .doesNotContain("z-index");
    }

    @Test
    void wordTableKeepsRowsCellsAndText() {
        String html = """
                <!--[if gte mso 9]><xml><o:OfficeDocumentSettings></o:OfficeDocumentSettings></xml><![endif]-->
                <table class=MsoTableGrid border=1 cellspacing=0 cellpadding=0
                 style='border-collapse:collapse;border:none;mso-border-alt:solid windowtext .5pt;mso-yfti-tbllook:1184'>
                 <tr style='mso-yfti-irow:0;mso-yfti-firstrow:yes'>
                  <td width=295 valign=top style='width:221.4pt;border:solid windowtext 1.0pt;padding:0cm 5.4pt 0cm 5.4pt'>
                  <p class=MsoNormal style='margin-bottom:0cm;line-height:normal'><span lang=RU
                  style='mso-ansi-language:RU'>Тариф<o:p></o:p></span></p>
                  </td>
                  <td width=295 valign=top style='width:221.4pt'>
                  <p class=MsoNormal><b><span lang=RU>Стоимость</span></b><o:p></o:p></p>
                  </td>
                 </tr>
                 <tr>
                  <td><p class=MsoNormal>Dala Gold</p></td>
                  <td><p class=MsoNormal><nobr>0 ₸</nobr></p></td>
                 </tr>
                </table>
                """;
        Sanitized s = clean(html);
        assertThat(s.removed())
                .contains(
                        "removed comment",
                        "removed border on <table>",
                        "removed style property mso-border-alt",
                        "removed width on <td>",
                        "removed valign on <td>",
                        "removed lang on <span>",
                        "removed <o:p>");
        Document d = parse(s.html());
        assertThat(d.select("table.MsoTableGrid")).hasSize(1);
        assertThat(d.select("tr")).hasSize(2);
        assertThat(d.select("td")).hasSize(4);
        assertThat(d.select("td").eachText()).containsExactly("Тариф", "Стоимость", "Dala Gold", "0 ₸");
        assertThat(d.select("td").first().attr("style")).contains("width").doesNotContain("mso");
        assertThat(d.select("p.MsoNormal")).hasSize(4);
        assertThat(s.html()).doesNotContain("mso-").doesNotContain("<!--").doesNotContain("o:p");
        assertThat(clean(s.html()).removed()).isEmpty();
    }

    @Test
    void tableMarkupIsAllowed() {
        String html = "<table class=\"tariffs\"><caption>Тарифы</caption><colgroup><col span=\"2\"></colgroup>"
                + "<thead><tr><th scope=\"col\">Карта</th><th scope=\"col\">Цена</th></tr></thead>"
                + "<tbody><tr><td colspan=\"2\" rowspan=\"1\" class=\"note\">0 ₸</td></tr></tbody>"
                + "<tfoot><tr><td headers=\"a b\">x</td><td>y</td></tr></tfoot></table>";
        Sanitized s = clean(html);
        assertThat(s.removed()).isEmpty();
        assertThat(s.html()).isSameAs(html);
    }

    @Test
    void otherAllowedMarkupIsKept() {
        String html = "<h2>Заголовок</h2><h3>a</h3><h4>b</h4><div class=\"note\" dir=\"ltr\"><strong>c</strong>"
                + "<em>d</em><u>e</u><s>f</s><sub>g</sub><sup>h</sup><small>i</small><mark>j</mark></div>"
                + "<ol start=\"3\" type=\"a\"><li>k</li></ol><blockquote>l</blockquote><pre><code>m</code></pre><hr>"
                + "<img src=\"/img/card.png\" alt=\"Карта\" title=\"Карта\" width=\"120\" height=\"80\">";
        Sanitized s = clean(html);
        assertThat(s.removed()).isEmpty();
        assertThat(s.html()).isSameAs(html);
    }

    @Test
    void reserialisingDifferencesAloneAreNoChange() {
        String html = "<p class='mobile_only'>a &amp; b &nbsp; c &lt; d<br/>é</p>";
        Sanitized s = clean(html);
        assertThat(s.removed()).isEmpty();
        assertThat(s.html()).isSameAs(html);
    }

    @Test
    void sanitizingIsIdempotentOnCorpusAndHostileSamples() throws IOException {
        List<String> inputs = new ArrayList<>(seedAnswers());
        inputs.add("<div><span class=\"x\"><p>a<li>b<table><td>c</table></span><a href=javascript:x>d</a>");
        inputs.add("<p>".repeat(300) + "x");
        for (String input : inputs) {
            Sanitized once = clean(input);
            Sanitized twice = clean(once.html());
            assertThat(twice.removed()).as(input).isEmpty();
            assertThat(twice.html()).isEqualTo(once.html());
        }
    }

    @Test
    void deepNestingIsCutWithoutLosingText() {
        String html = "<span class=\"mobile_only\">".repeat(2_000) + "deep" + "</span>".repeat(1_000);
        Sanitized s = clean(html);
        assertThat(s.removed()).contains("removed <span> nested deeper than " + SanitizerPass.MAX_DEPTH);
        assertThat(parse(s.html()).text()).isEqualTo("deep");
        assertThat(clean(s.html()).removed()).isEmpty();
    }

    @Test
    void notesAreDeduplicatedAndInOrder() {
        Sanitized s = clean("<p onclick=a>1</p><script>x</script><p onclick=b>2</p><a href=\"javascript:y\">3</a>");
        assertThat(s.removed())
                .containsExactly(
                        "removed onclick on <p>",
                        "removed <script>",
                        "removed href on <a> (javascript: URL)",
                        "removed <a>");
    }
}
