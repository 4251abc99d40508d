package kz.komek.admin.questions;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import kz.komek.bundle.BundleException;
import kz.komek.i18n.Locale;
import org.junit.jupiter.api.Test;

class FormProblemTest {
    private static FormProblem of(String where, String problem, Locale locale) {
        return FormProblem.of(new BundleException(where, problem), locale);
    }

    @Test
    void aFieldOfALocaleBecomesItsInputAndLabelInTheEditorsLanguage() {
        var p = of("question 5, field locales.kz.published", "not an ISO local date-time (…): \"x\"", Locale.KZ);
        assertThat(p.input()).contains("q-kz-published");
        assertThat(p.message()).isEqualTo("Жарияланған уақыты (қазақша): күн мен уақыт керек");
        var meta = of("question 5, field locales.ru.meta_description", "longer than 300 characters", Locale.RU);
        assertThat(meta.input()).contains("q-ru-meta-description");
        assertThat(meta.message()).endsWith("(по-русски): длиннее 300 символов");
    }

    @Test
    void anUnknownProblemKeepsTheRecordsWordsButStillNamesTheInput() {
        var p = of("question 5, field section", "section \"x\" does not exist in site \"client\"", Locale.RU);
        assertThat(p.input()).contains("q-place");
        assertThat(p.message()).endsWith(": section \"x\" does not exist in site \"client\"");
    }

    @Test
    void aMessageThatNamesNoFieldIsKeptWhole() {
        var p = of("form field ru.content", "is longer than 1000000 characters", Locale.RU);
        assertThat(p.input()).isEqualTo(Optional.empty());
        assertThat(p.message()).isEqualTo("form field ru.content: is longer than 1000000 characters");
    }
}
