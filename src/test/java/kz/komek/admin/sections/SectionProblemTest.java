package kz.komek.admin.sections;

import static org.assertj.core.api.Assertions.assertThat;

import kz.komek.i18n.Locale;
import org.junit.jupiter.api.Test;

class SectionProblemTest {
    @Test
    void theCommonRefusalsAreSaidInThePagesLanguage() {
        assertThat(SectionProblem.in("section client/bonus/x already exists", Locale.RU))
                .isEqualTo("Раздел client/bonus/x уже есть.");
        assertThat(SectionProblem.in("section client/a/b, field path: its parent a does not exist", Locale.KZ))
                .isEqualTo("a бөлімі жоқ: алдымен ата бөлімді құрыңыз.");
        assertThat(SectionProblem.in("section client/a, field path: x/y does not exist", Locale.RU))
                .isEqualTo("Раздела x/y нет: сначала создайте родительский раздел.");
        assertThat(SectionProblem.in("section client/a, field path: a/b is under the section itself", Locale.RU))
                .contains("внутрь самого себя (a/b)");
        assertThat(SectionProblem.in(
                        "section client/a, field path: x/y would put its sections 5 levels deep; at most 3", Locale.RU))
                .contains("5 уровней", "не больше 3");
        assertThat(SectionProblem.in(
                        "section client/bonus still holds 3 live question(s) and 1 draft(s) (itself or the sections"
                                + " below it); move or delete them first",
                        Locale.KZ))
                .contains("3 жарияланған сұрақ және 1 жоба");
        assertThat(SectionProblem.in(
                        "section, field path: section path Bonus has a segment that is not a lowercase slug",
                        Locale.RU))
                .startsWith("Путь раздела:");
    }

    @Test
    void anUnknownRefusalKeepsItsOwnWords() {
        assertThat(SectionProblem.in("order, field ids: name each of the 3 sections under client once", Locale.RU))
                .isEqualTo("order, field ids: name each of the 3 sections under client once");
    }
}
