package kz.komek.search;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class KeyboardLayoutTest {

    @Test
    void mapsTheWholeRussianAlphabet() {
        assertThat(KeyboardLayout.latinToRussian("qwertyuiop[]asdfghjkl;'zxcvbnm,.`"))
                .isEqualTo("йцукенгшщзхъфывапролджэячсмитьбюё");
        assertThat(KeyboardLayout.latinToRussian("QWERTYUIOP{}ASDFGHJKL:\"ZXCVBNM<>~"))
                .isEqualTo("ЙЦУКЕНГШЩЗХЪФЫВАПРОЛДЖЭЯЧСМИТЬБЮЁ");
    }

    @Test
    void mapsTheWholeKazakhAlphabet() {
        assertThat(KeyboardLayout.latinToKazakh("qwertyuiop[]asdfghjkl;'zxcvbnm,.2345890-="))
                .isEqualTo("йцукенгшщзхъфывапролджэячсмитьбюәіңғүұқөһ");
        assertThat(KeyboardLayout.latinToKazakh("Q@#$%*()_+")).isEqualTo("ЙӘІҢҒҮҰҚӨҺ");
    }

    @Test
    void convertsWrongLayoutQueries() {
        assertThat(KeyboardLayout.latinToRussian("rfr gjgjkybnm rfhne")).isEqualTo("как пополнить карту");
        assertThat(KeyboardLayout.latinToRussian("rfr pf,kjrbhjdfnm rfhne")).isEqualTo("как заблокировать карту");
        assertThat(KeyboardLayout.latinToKazakh("rfhnfys 0fqnf")).isEqualTo("картаны қайта");
        assertThat(KeyboardLayout.latinToKazakh(",jyecns 0fkfq ;9vcfqvsy")).isEqualTo("бонусты қалай жұмсаймын");
        assertThat(KeyboardLayout.latinToKazakh("9zks ,fqkfysc")).isEqualTo("ұялы байланыс");
    }

    @Test
    void keepsNumbersThatAreNumbers() {
        assertThat(KeyboardLayout.latinToKazakh("hfcchjxrf 0-0-12")).isEqualTo("рассрочка 0-0-12");
        assertThat(KeyboardLayout.latinToRussian("ntktajy 500")).isEqualTo("телефон 500");
    }

    @Test
    void wrongLayoutIsLikelierForLayoutGarbageThanForTransliteration() {
        String[] garbage = {
            "rfr jgkfnbnm", "rfr pf,kjrbhjdfnm rfhne", "rehmth yt ghbdtp pfrfp", "rhtlbn yfkbxysvb", "ltgjpbn fie",
            ",jyecns 0fkfq ;9vcfqvsy", "nfefhls 0fqnfhe", "ckjdfhm", "gthtdjl", "ghbdtn"
        };
        String[] latin = {
            "kak oplatit kommunalku",
            "limit na perevody za granicu",
            "skolko idet dostavka",
            "pikir zhazganga bonus qalai alamyn",
            "qr arqyly bolip toleu",
            "shtraf pdd skidka 50",
            "apple pay",
            "dala gold",
            "kartamdy zhogaltyp aldym",
            "privet"
        };
        for (String g : garbage) {
            assertThat(KeyboardLayout.wrongLayoutLikelihood(g)).as(g).isGreaterThan(0.7);
        }
        for (String l : latin) {
            assertThat(KeyboardLayout.wrongLayoutLikelihood(l)).as(l).isLessThan(0.4);
        }
        assertThat(KeyboardLayout.wrongLayoutLikelihood("как оплатить")).isZero();
    }
}
