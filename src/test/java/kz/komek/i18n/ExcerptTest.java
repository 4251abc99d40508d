package kz.komek.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ExcerptTest {
    @Test
    void shortTextStaysAsItIs() {
        assertThat(Excerpt.of("бонус", 40)).isEqualTo("бонус");
        assertThat(Excerpt.of(null, 40)).isEmpty();
    }

    @Test
    void longTextIsCutWithAnEllipsis() {
        assertThat(Excerpt.of("a".repeat(100), 40)).isEqualTo("a".repeat(40) + "…");
    }

    @Test
    void controlCharactersAndNonCharactersBecomeQuestionMarks() {
        assertThat(Excerpt.of("a\u0000b\nc\u001Bd\uFFFE", 40)).isEqualTo("a?b?c?d?");
    }

    @Test
    void aCutNeverSplitsASurrogatePair() {
        String emoji = "\uD83D\uDE00";
        assertThat(Excerpt.of("abc" + emoji + "def", 4)).isEqualTo("abc…");
        assertThat(Excerpt.of("abc" + emoji + "def", 5)).isEqualTo("abc" + emoji + "…");
    }
}
