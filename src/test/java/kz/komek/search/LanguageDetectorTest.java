package kz.komek.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import kz.komek.i18n.Locale;
import org.junit.jupiter.api.Test;

class LanguageDetectorTest {

    private static final String[][] QUERIES = {
        // Russian, Cyrillic
        {"как пополнить карту", "ru"},
        {"не пришли деньги", "ru"},
        {"лимит снятия наличных", "ru"},
        {"где взять справку о доходах", "ru"},
        {"сколько стоит доставка", "ru"},
        {"почему заблокировали карту", "ru"},
        {"отменить заказ", "ru"},
        {"перевод за рубеж комиссия", "ru"},
        {"как закрыть депозит", "ru"},
        {"начисляются ли бонусы", "ru"},
        {"вернуть товар", "ru"},
        {"оплатить штраф", "ru"},
        {"забыл пин код", "ru"},
        {"выписка по счёту", "ru"},
        {"можно ли платить картой за границей", "ru"},
        {"когда придёт кэшбэк", "ru"},
        {"рассрочка на телефон", "ru"},
        {"изменить номер телефона", "ru"},
        // Kazakh, Cyrillic (with and without Kazakh letters)
        {"картаны бұғаттау", "kz"},
        {"бонустарымды жұмсау", "kz"},
        {"ақша қалай жіберемін", "kz"},
        {"депозит ашуға бола ма", "kz"},
        {"төлем өтпеді", "kz"},
        {"несие алу", "kz"},
        {"шетелге аударым", "kz"},
        {"тапсырысты болдырмау", "kz"},
        {"пин кодты ұмыттым", "kz"},
        {"кэшбэк қашан түседі", "kz"},
        {"картамды жоғалттым", "kz"},
        {"салық төлеу", "kz"},
        {"коммуналдык толем", "kz"},
        {"бонус калай аламын", "kz"},
        {"толеуге болама", "kz"},
        {"кредит керек", "kz"},
        {"карталар мен комиссиялар", "kz"},
        {"неге бонус келмеди", "kz"},
        // Russian, Latin
        {"kak oplatit kommunalku", "ru"},
        {"limit na perevody za granicu", "ru"},
        {"skolko idet dostavka", "ru"},
        {"vernut tovar kuplennyi v rassrochku", "ru"},
        {"pochemu ne prishli dengi", "ru"},
        {"kak zakryt depozit", "ru"},
        {"gde moi bonusy", "ru"},
        {"chto delat esli poteryal kartu", "ru"},
        {"otmenit zakaz", "ru"},
        {"kak popolnit kartu", "ru"},
        // Kazakh, Latin
        {"pikir zhazganga bonus qalai alamyn", "kz"},
        {"kartamdy zhogaltyp aldym ne isteu kerek", "kz"},
        {"depozit boiynsha syiaqy qashan tusedi", "kz"},
        {"qr arqyly bolip toleu", "kz"},
        {"aqsha audaru", "kz"},
        {"tölem qalaı jasaımyn", "kz"},
        {"bonus kalay alamin", "kz"},
        {"kredit alu ushin ne kerek", "kz"},
        {"shetelge audarym", "kz"},
        {"kartany buğattau", "kz"},
        // wrong layout
        {"rfr gjgjkybnm rfhne", "ru"},
        {"rhtlbn yfkbxysvb", "ru"},
        {",jyecns 0fkfq ;9vcfqvsy", "kz"},
        {"nfefhls 0fqnfhe", "kz"},
    };

    @Test
    void detectsTheLanguageOfShortQueries() {
        int right = 0, unsure = 0;
        List<String> wrong = new ArrayList<>();
        for (String[] q : QUERIES) {
            Optional<Locale> got = LanguageDetector.detect(q[0]);
            if (got.map(Locale::code).orElse("").equals(q[1])) {
                right++;
            } else if (got.isEmpty()) {
                unsure++;
                wrong.add(q[0] + " → unsure");
            } else {
                wrong.add(q[0] + " → " + got.get());
            }
        }
        System.out.printf(
                "Language detection: %d queries, %.1f%% right, %d unsure, %d wrong%n",
                QUERIES.length, 100.0 * right / QUERIES.length, unsure, QUERIES.length - right - unsure);
        System.out.println("Not right: " + wrong);
        assertThat(QUERIES.length).isGreaterThanOrEqualTo(60);
        assertThat(right).isGreaterThanOrEqualTo(QUERIES.length * 9 / 10);
        // being unsure is acceptable; being wrong is worse
        assertThat(QUERIES.length - right - unsure).isLessThanOrEqualTo(2);
    }

    @Test
    void kazakhLettersDecide() {
        assertThat(LanguageDetector.detect("карта қайда")).contains(Locale.KZ);
        assertThat(LanguageDetector.detect("Dala Gold")).isEmpty();
        assertThat(LanguageDetector.detect("")).isEmpty();
    }
}
