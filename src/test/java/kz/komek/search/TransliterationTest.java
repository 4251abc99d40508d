package kz.komek.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import kz.komek.i18n.Locale;
import org.junit.jupiter.api.Test;

class TransliterationTest {

    /** Latin spelling, locale, intended Cyrillic: official 2021 Latin, BGN-like and informal phone spellings. */
    private static final String[][] PAIRS = {
        // Kazakh, informal
        {"qalai", "kz", "қалай"},
        {"kalay", "kz", "қалай"},
        {"qashan", "kz", "қашан"},
        {"kerek", "kz", "керек"},
        {"tolem", "kz", "төлем"},
        {"toleu", "kz", "төлеу"},
        {"bolip", "kz", "бөліп"},
        {"arqyly", "kz", "арқылы"},
        {"zhogaltyp", "kz", "жоғалтып"},
        {"jogaltyp", "kz", "жоғалтып"},
        {"aldym", "kz", "алдым"},
        {"isteu", "kz", "істеу"},
        {"tusedi", "kz", "түседі"},
        {"syiaqy", "kz", "сыйақы"},
        {"boiynsha", "kz", "бойынша"},
        {"aqsha", "kz", "ақша"},
        {"aksha", "kz", "ақша"},
        {"audarym", "kz", "аударым"},
        {"shetelge", "kz", "шетелге"},
        {"kartamdy", "kz", "картамды"},
        {"pikir", "kz", "пікір"},
        {"bonustar", "kz", "бонустар"},
        {"tapsyrys", "kz", "тапсырыс"},
        {"qaitaru", "kz", "қайтару"},
        {"kaytaru", "kz", "қайтару"},
        {"bugattau", "kz", "бұғаттау"},
        {"bughattau", "kz", "бұғаттау"},
        {"zhetkizu", "kz", "жеткізу"},
        {"qyzmet", "kz", "қызмет"},
        {"kyzmet", "kz", "қызмет"},
        {"salem", "kz", "сәлем"},
        {"rakhmet", "kz", "рахмет"},
        {"nomir", "kz", "нөмір"},
        {"zhana", "kz", "жаңа"},
        {"keshiktirsem", "kz", "кешіктірсем"},
        {"bolady", "kz", "болады"},
        {"ushin", "kz", "үшін"},
        {"qandai", "kz", "қандай"},
        {"qansha", "kz", "қанша"},
        // Kazakh, official Latin 2021
        {"tölem", "kz", "төлем"},
        {"şetelge", "kz", "шетелге"},
        {"qalaı", "kz", "қалай"},
        {"aqşa", "kz", "ақша"},
        {"būğattau", "kz", "бұғаттау"},
        {"jeñildik", "kz", "жеңілдік"},
        {"sälem", "kz", "сәлем"},
        {"üşin", "kz", "үшін"},
        {"kümis", "kz", "күміс"},
        {"ūşaq", "kz", "ұшақ"},
        // Russian, informal and BGN
        {"kak", "ru", "как"},
        {"oplatit", "ru", "оплатить"},
        {"kommunalku", "ru", "коммуналку"},
        {"perevody", "ru", "переводы"},
        {"granicu", "ru", "границу"},
        {"granitsu", "ru", "границу"},
        {"skolko", "ru", "сколько"},
        {"dostavka", "ru", "доставка"},
        {"vernut", "ru", "вернуть"},
        {"tovar", "ru", "товар"},
        {"rassrochku", "ru", "рассрочку"},
        {"shtraf", "ru", "штраф"},
        {"skidka", "ru", "скидка"},
        {"zakaz", "ru", "заказ"},
        {"otmenit", "ru", "отменить"},
        {"chto", "ru", "что"},
        {"pochemu", "ru", "почему"},
        {"schet", "ru", "счет"},
        {"zhdat", "ru", "ждать"},
        {"nalichnye", "ru", "наличные"},
        {"kartu", "ru", "карту"},
        {"popolnit", "ru", "пополнить"},
        {"vypiska", "ru", "выписка"},
        {"kredit", "ru", "кредит"},
        {"bonusy", "ru", "бонусы"},
        {"yandeks", "ru", "яндекс"},
        {"obyavlenie", "ru", "объявление"},
        {"kuplennyi", "ru", "купленный"},
    };

    @Test
    void findsTheIntendedSpellingAmongTheCandidates() {
        int top1 = 0, top3 = 0;
        List<String> misses = new ArrayList<>();
        for (String[] p : PAIRS) {
            List<String> c = Transliteration.toCyrillic(p[0], Locale.parse(p[1]).orElseThrow(), 3);
            if (!c.isEmpty() && c.get(0).equals(p[2])) {
                top1++;
            }
            if (c.contains(p[2])) {
                top3++;
            } else {
                misses.add(p[0] + " → " + c + " (expected " + p[2] + ")");
            }
        }
        System.out.printf(
                "Transliteration: %d pairs, top-1 %.1f%%, top-3 %.1f%%%n",
                PAIRS.length, 100.0 * top1 / PAIRS.length, 100.0 * top3 / PAIRS.length);
        System.out.println("Top-3 misses: " + misses);
        assertThat(PAIRS.length).isGreaterThanOrEqualTo(60);
        assertThat(top1).isGreaterThanOrEqualTo(PAIRS.length * 8 / 10);
        assertThat(top3).isGreaterThanOrEqualTo(PAIRS.length * 9 / 10);
    }

    @Test
    void transliteratesWholeQueries() {
        assertThat(Transliteration.toCyrillic("pikir zhazganga bonus qalai alamyn", Locale.KZ, 3))
                .first()
                .isEqualTo("пікір жазғанға бонус қалай аламын");
        assertThat(Transliteration.toCyrillic("kak oplatit kommunalku", Locale.RU, 3))
                .first()
                .isEqualTo("как оплатить коммуналку");
        assertThat(Transliteration.toCyrillic("qr arqyly bolip toleu", Locale.KZ, 5))
                .hasSizeLessThanOrEqualTo(5);
        assertThat(Transliteration.toCyrillic("limit 50", Locale.RU, 1)).containsExactly("лимит 50");
    }

    @Test
    void prefersKazakhLettersForKazakh() {
        assertThat(Transliteration.toCyrillic("qala", Locale.KZ, 1)).containsExactly("қала");
        assertThat(Transliteration.toCyrillic("qala", Locale.RU, 1)).containsExactly("кала");
    }
}
