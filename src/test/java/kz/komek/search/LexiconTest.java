package kz.komek.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import kz.komek.i18n.Locale;
import org.junit.jupiter.api.Test;

class LexiconTest {
    private static Lexicon.Pair pair(String ru, String kz) {
        return new Lexicon.Pair(List.of(ru.split(" ")), List.of(kz.split(" ")));
    }

    @Test
    void wordsThatTravelTogetherAcrossQuestionsArePaired() {
        var lexicon = Lexicon.learn(List.of(
                pair("налог оплат приложен", "салық төле қосымша"),
                pair("налог задолжен", "салық берешек"),
                pair("задолжен оплат", "берешек төле"),
                pair("выписк приложен", "көшірме қосымша"),
                pair("выписк налог", "көшірме салық"),
                pair("приложен обнов", "қосымша жаңарт"),
                pair("обнов выписк", "жаңарт көшірме")));

        assertThat(lexicon.translate(new Synonyms.Stem(Locale.RU, "налог")))
                .first()
                .satisfies(t -> assertThat(t.stem()).isEqualTo(new Synonyms.Stem(Locale.KZ, "салық")));
        assertThat(lexicon.translate(new Synonyms.Stem(Locale.KZ, "көшірме")))
                .first()
                .satisfies(t -> assertThat(t.stem()).isEqualTo(new Synonyms.Stem(Locale.RU, "выписк")));
        // seen together once only: not learned
        assertThat(lexicon.translate(new Synonyms.Stem(Locale.RU, "обнов")).stream()
                        .map(t -> t.stem().stem()))
                .containsOnly("жаңарт");
        assertThat(lexicon.translate(new Synonyms.Stem(Locale.RU, "неизвестн"))).isEmpty();
    }

    @Test
    void numbersAndTheSameWordInBothAreNoTranslation() {
        assertThat(Lexicon.worthTranslating("swift", "swift")).isFalse();
        assertThat(Lexicon.worthTranslating("5000", "мың")).isFalse();
        assertThat(Lexicon.worthTranslating("налог", "салық")).isTrue();
    }
}
