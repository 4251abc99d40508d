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

    @Test
    void aRelearnThatMovesWeightsAStepIsNearTheLastOne() {
        var pairs = new java.util.ArrayList<>(List.of(
                pair("налог оплат приложен", "салық төле қосымша"),
                pair("налог задолжен", "салық берешек"),
                pair("задолжен оплат", "берешек төле"),
                pair("выписк приложен", "көшірме қосымша"),
                pair("выписк налог", "көшірме салық")));
        var first = Lexicon.learn(pairs);
        assertThat(first.near(first, 0)).isTrue();
        // one more question with the same words: the same pairs, weights a step or two apart at most
        pairs.add(pair("налог оплат", "салық төле"));
        var second = Lexicon.learn(pairs);
        assertThat(second.near(first, 0.1)).isTrue();
        // a new pair is no longer near
        pairs.add(pair("обнов выписк", "жаңарт көшірме"));
        pairs.add(pair("обнов приложен", "жаңарт қосымша"));
        var third = Lexicon.learn(pairs);
        assertThat(third.translate(new Synonyms.Stem(Locale.RU, "обнов"))).isNotEmpty();
        assertThat(third.near(first, 0.1)).isFalse();
        assertThat(Lexicon.empty().near(first, 1)).isFalse();
    }
}
