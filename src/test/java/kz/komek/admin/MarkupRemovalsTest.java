package kz.komek.admin;

import static org.assertj.core.api.Assertions.assertThat;

import kz.komek.content.HtmlSanitizer;
import kz.komek.i18n.Locale;
import org.junit.jupiter.api.Test;

/** What the real sanitizer says it removed is said again in both languages of the admin, removal by removal. */
class MarkupRemovalsTest {
    @Test
    void everyRemovalOfAHostileAnswerIsSaidInBothLanguages() {
        var sanitized = new HtmlSanitizer()
                .sanitize("<!-- note --><p onclick=\"x()\" title=\"a\" title=\"b\">Текст</p><script>x()</script>"
                        + "<a href=\"javascript:alert(1)\">ссылка</a><p style=\"position: fixed; color: red\">ц</p>"
                        + "<iframe src=\"https://example.com\"></iframe></div>\u0007");
        assertThat(sanitized.removed()).hasSizeGreaterThanOrEqualTo(4);
        for (String removal : sanitized.removed()) {
            for (Locale locale : Locale.values()) {
                assertThat(MarkupRemovals.one(removal, locale)).as(removal).isPresent();
                assertThat(MarkupRemovals.one(removal, locale).get())
                        .as(removal)
                        .doesNotContain("removed", "rewrote", " on ");
            }
        }
    }

    @Test
    void aListIsSaidRemovalByRemovalAndWhatIsNotRecognisedStays() {
        assertThat(MarkupRemovals.list("removed onclick on <p>; removed <script>; something new", Locale.RU))
                .isEqualTo("атрибут onclick у <p>; <script>; something new");
        assertThat(MarkupRemovals.list("removed href on <a> (javascript: URL)", Locale.KZ))
                .isEqualTo("<a> тегіндегі href атрибуты (javascript: мекенжайы)");
    }
}
