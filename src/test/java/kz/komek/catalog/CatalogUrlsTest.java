package kz.komek.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import kz.komek.catalog.CatalogUrls.Home;
import kz.komek.catalog.CatalogUrls.QuestionAt;
import kz.komek.catalog.CatalogUrls.SectionAt;
import kz.komek.i18n.Locale;
import org.junit.jupiter.api.Test;

/** The reader pages' addresses, read and written without a server. */
class CatalogUrlsTest {
    @Test
    void buildsEveryKindOfPage() {
        assertThat(CatalogUrls.prefix("client", Locale.RU)).isEqualTo("/client/ru");
        assertThat(CatalogUrls.home("client", Locale.KZ)).isEqualTo("/client/kz/");
        assertThat(CatalogUrls.section("client", Locale.RU, "bonus/save")).isEqualTo("/client/ru/bonus/save");
        assertThat(CatalogUrls.question("client", Locale.RU, "bonus/save/general", 456))
                .isEqualTo("/client/ru/bonus/save/general/q456");
        assertThat(CatalogUrls.questionPath("bonus/save/general", 456)).isEqualTo("/bonus/save/general/q456");
    }

    @Test
    void readsWhatItBuilds() {
        String path = CatalogUrls.questionPath("bonus/save/general", 456);
        assertThat(CatalogUrls.parse(path)).isEqualTo(new QuestionAt("bonus/save/general", 456));
        assertThat(CatalogUrls.questionAtEnd(path)).hasValue(456L);
    }

    @Test
    void anEmptyPathIsTheHome() {
        assertThat(CatalogUrls.parse("")).isEqualTo(new Home());
        assertThat(CatalogUrls.parse("//")).isEqualTo(new Home());
    }

    @Test
    void slashesAroundThePathDoNotCount() {
        assertThat(CatalogUrls.parse("/bonus/save/")).isEqualTo(new SectionAt("bonus/save"));
        assertThat(CatalogUrls.parse("bonus/q7/")).isEqualTo(new QuestionAt("bonus", 7));
    }

    @Test
    void aQuestionMayStandWithoutItsSection() {
        assertThat(CatalogUrls.parse("q42")).isEqualTo(new QuestionAt("", 42));
    }

    @Test
    void onlyTheLastSegmentNamesAQuestion() {
        assertThat(CatalogUrls.parse("q42/general")).isEqualTo(new SectionAt("q42/general"));
        assertThat(CatalogUrls.parse("bonus/q42x")).isEqualTo(new SectionAt("bonus/q42x"));
        assertThat(CatalogUrls.parse("bonus/Q42")).isEqualTo(new SectionAt("bonus/Q42"));
    }

    @Test
    void anIdLongerThanEighteenDigitsNamesNoQuestion() {
        assertThat(CatalogUrls.questionId("q" + "9".repeat(18))).hasValue(999_999_999_999_999_999L);
        assertThat(CatalogUrls.questionId("q" + "9".repeat(19))).isEmpty();
        assertThat(CatalogUrls.parse("bonus/q" + "1".repeat(19))).isEqualTo(new SectionAt("bonus/q" + "1".repeat(19)));
    }

    @Test
    void noSectionMayLookLikeAQuestion() {
        assertThat(SectionPath.parse("q42")).isEmpty();
        assertThat(SectionPath.parse("q" + "1".repeat(19))).isEmpty();
        assertThat(SectionPath.parse("q42x")).isPresent();
    }

    @Test
    void aCanonicalNamesItsQuestionInItsLastSegment() {
        assertThat(CatalogUrls.questionAtEnd("/bonus/q12")).hasValue(12L);
        assertThat(CatalogUrls.questionAtEnd("/q12")).hasValue(12L);
        assertThat(CatalogUrls.questionAtEnd("q12")).isEmpty();
        assertThat(CatalogUrls.questionAtEnd("/bonus/q12/")).isEmpty();
        assertThat(CatalogUrls.questionAtEnd("/bonus")).isEmpty();
        assertThat(CatalogUrls.questionAtEnd("/bonus/q")).isEmpty();
    }
}
