package kz.komek.deflection;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MaskedTest {
    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "карта 4400 4301 2345 6789 не работает|карта [карта] не работает",
                "карта 4400430123456789 не работает|карта [карта] не работает",
                "номер карты 4400-4301-2345-6789.|номер карты [карта].",
                "мой ИИН 900101300123, помогите|мой ИИН [карта], помогите",
                "звоните +7 701 234 56 78 вечером|звоните [телефон] вечером",
                "звоните +77012345678|звоните [телефон]",
                "мой номер 8 (701) 234-56-78|мой номер [телефон]",
                "мой номер 87012345678!|мой номер [телефон]!",
                "номер 7012345678|номер [телефон]",
                "пишите на aigerim.n@mail.kz пожалуйста|пишите на [почта] пожалуйста",
                "счёт KZ86 125K ZT50 0410 0100 не пополняется|счёт [счёт] не пополняется",
                "счёт KZ86125KZT5004100100|счёт [счёт]",
            })
    void numbersAndAddressesThatNameAPersonAreMasked(String raw, String masked) {
        assertThat(Masked.of(raw).text()).isEqualTo(masked);
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "лимит 500 000 тенге в месяц",
                "перевод за 1-2 дня",
                "код из 4 цифр 1234",
                "кредит на 24 месяца под 15%",
                "в 2025 году 12.05",
            })
    void amountsDatesAndShortNumbersStay(String raw) {
        assertThat(Masked.of(raw).text()).isEqualTo(raw);
    }

    @Test
    void searchReadsNoMaskWords() {
        assertThat(Masked.of("заблокируйте 4400 4301 2345 6789").withoutMasks().strip())
                .isEqualTo("заблокируйте");
    }

    @Test
    void chatPhrasesAreTakenOutButTheQuestionsWordsStay() {
        assertThat(ChatWords.question("Здравствуйте! Подскажите пожалуйста, как заблокировать карту? Заранее спасибо"))
                .isEqualTo("! , как заблокировать карту?");
        assertThat(ChatWords.question("Сәлеметсіз бе, картаны қалай бұғаттауға болады? Рақмет"))
                .isEqualTo(", картаны қалай бұғаттауға болады?");
        assertThat(ChatWords.question("спасибо")).isEmpty();
        // a word that only starts like a phrase stays whole
        assertThat(ChatWords.question("привета нет, вопросительный знак"))
                .isEqualTo("привета нет, вопросительный знак");
    }
}
