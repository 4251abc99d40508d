package kz.komek.admin.questions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import kz.komek.bundle.BundleException;
import kz.komek.bundle.BundleJson;
import kz.komek.i18n.Locale;
import org.junit.jupiter.api.Test;

/**
 * Refusals of the editor's form, made by the real checks (the form and the bundle format) and said in the editor's
 * language: each kind of problem has its words, and the field it names becomes the input to fix.
 */
class FormProblemTest {
    private final BundleJson json = new BundleJson();
    private final Set<BundleException.Kind> seen = EnumSet.noneOf(BundleException.Kind.class);

    /** A filled form of question 5 in bonus/spend, both locales present, with {@code changes} made to it. */
    private BundleException refusal(Map<String, String> changes) {
        var values = new HashMap<String, String>(Map.of(
                "place", "client/bonus/spend",
                "position", "3",
                "ru.present", "on",
                "ru.title", "Как потратить бонусы?",
                "ru.content", "<p>На кассе.</p>",
                "kz.present", "on",
                "kz.title", "Бонустарды қалай жұмсауға болады?",
                "kz.content", "<p>Кассада.</p>"));
        values.putAll(changes);
        return refused(() -> new QuestionForm(values).record(5, Optional.empty(), json));
    }

    private BundleException refused(Runnable check) {
        BundleException e = catchThrowableOfType(check::run, BundleException.class);
        assertThat(e).as("refused").isNotNull();
        seen.add(e.kind());
        return e;
    }

    private static FormProblem said(BundleException e, Locale locale) {
        return FormProblem.of(e, locale);
    }

    @Test
    void aFieldOfALocaleBecomesItsInputAndLabelInTheEditorsLanguage() {
        var blank = refusal(Map.of("ru.title", "   "));
        assertThat(blank.kind()).isEqualTo(BundleException.Kind.EMPTY);
        assertThat(said(blank, Locale.RU).input()).contains("q-ru-title");
        assertThat(said(blank, Locale.RU).message()).isEqualTo("Вопрос (по-русски): не заполнено");
        assertThat(said(blank, Locale.KZ).message()).isEqualTo("Сұрақ (орысша): толтырылмаған");

        var when = refusal(Map.of("kz.published", "ертең"));
        assertThat(when.kind()).isEqualTo(BundleException.Kind.NOT_A_DATE_TIME);
        assertThat(said(when, Locale.KZ).input()).contains("q-kz-published");
        assertThat(said(when, Locale.KZ).message()).isEqualTo("Жарияланған уақыты (қазақша): күн мен уақыт керек");

        var updated = refusal(Map.of("ru.updated", "3.1.2021"));
        assertThat(updated.kind()).isEqualTo(BundleException.Kind.NOT_A_DATE);
        assertThat(said(updated, Locale.RU).input()).contains("q-ru-updated");
        assertThat(said(updated, Locale.RU).message())
                .isEqualTo("Дата обновления (по-русски): нужна дата (ГГГГ-ММ-ДД)");

        var longTitle = refusal(Map.of("kz.title", "ұ".repeat(1_001)));
        assertThat(longTitle.kind()).isEqualTo(BundleException.Kind.TOO_LONG);
        assertThat(said(longTitle, Locale.RU).input()).contains("q-kz-title");
        assertThat(said(longTitle, Locale.RU).message()).isEqualTo("Вопрос (по-казахски): длиннее 1000 символов");
    }

    @Test
    void theFormsOwnFieldsAreNamedAndSaidToo() {
        var position = refusal(Map.of("position", "пятый"));
        assertThat(position.kind()).isEqualTo(BundleException.Kind.NOT_A_NUMBER);
        assertThat(said(position, Locale.KZ).input()).contains("q-position");
        assertThat(said(position, Locale.KZ).message()).isEqualTo("Бөлімдегі реті: бүтін сан керек");
        // the same kind from the bundle format's own check
        var negative = refusal(Map.of("position", "-1"));
        assertThat(negative.kind()).isEqualTo(BundleException.Kind.NOT_A_NUMBER);
        assertThat(said(negative, Locale.RU).message()).isEqualTo("Порядок в разделе: нужно целое число");

        var place = refusal(Map.of("place", ""));
        assertThat(place.kind()).isEqualTo(BundleException.Kind.MISSING);
        assertThat(said(place, Locale.RU).input()).contains("q-place");
        assertThat(said(place, Locale.RU).message()).isEqualTo("Раздел: выберите раздел, в котором будет вопрос");

        var none = refusal(Map.of("ru.present", "", "kz.present", ""));
        assertThat(none.kind()).isEqualTo(BundleException.Kind.EMPTY);
        assertThat(said(none, Locale.RU).input()).contains("q-ru-present");
        assertThat(said(none, Locale.RU).message())
                .isEqualTo("вопросу нужен текст хотя бы на одном языке: отметьте русский или казахский");
    }

    @Test
    void aMissingFieldOfARecordSentAsJsonIsSaidLikeAnEmptyOne() {
        var missing = refused(() -> json.readQuestion(json.tree("""
                        {"site": "client", "section": "bonus/spend", "locales": {"kz": {"content": "<p>x</p>"}}}""", "question 5"), 5));
        assertThat(missing.kind()).isEqualTo(BundleException.Kind.MISSING);
        assertThat(said(missing, Locale.RU).input()).contains("q-kz-title");
        assertThat(said(missing, Locale.RU).message()).isEqualTo("Вопрос (по-казахски): не заполнено");
    }

    @Test
    void aProblemWithoutWordsKeepsTheRecordsOwnButStillNamesTheInput() {
        var canonical = refusal(Map.of("canonical", "not a path"));
        assertThat(canonical.kind()).isEqualTo(BundleException.Kind.OTHER);
        var p = said(canonical, Locale.RU);
        assertThat(p.input()).contains("q-canonical");
        assertThat(p.message()).isEqualTo("Канонический адрес (пусто — сам вопрос): " + canonical.problem());
        assertThat(canonical.getMessage()).isEqualTo("question 5, field canonical: " + canonical.problem());
    }

    @Test
    void aRefusalThatNamesNoFieldIsKeptWhole() {
        var broken = refused(() -> json.tree("{\"site\": ", "question 5"));
        assertThat(broken.field()).isEmpty();
        assertThat(said(broken, Locale.KZ).input()).isEmpty();
        assertThat(said(broken, Locale.KZ).message()).isEqualTo(broken.getMessage());
    }

    @Test
    void aCharacterThatCannotBeStoredIsSaidInTheEditorsLanguage() {
        var nul = refusal(Map.of("ru.title", "Как\u0000 тратить"));
        assertThat(nul.kind()).isEqualTo(BundleException.Kind.NOT_STORABLE);
        assertThat(nul.getMessage()).isEqualTo("question 5, field locales.ru.title: contains a NUL character (U+0000)");
        var p = said(nul, Locale.KZ);
        assertThat(p.input()).contains("q-ru-title");
        assertThat(p.message()).contains("сақтауға болмайтын таңба бар");
    }

    @Test
    void aBadPhrasingNamesItsTextareaAndWhichLine() {
        var twice = refusal(Map.of("ru.phrasings", "откатить перевод\n\n  Откатить ПЕРЕВОД  "));
        assertThat(twice.kind()).isEqualTo(BundleException.Kind.DUPLICATE);
        assertThat(twice.getMessage())
                .isEqualTo("question 5, field phrasings.ru[1]: \"Откатить ПЕРЕВОД\" is given twice");
        assertThat(said(twice, Locale.RU).input()).contains("q-ru-phrasings");
        assertThat(said(twice, Locale.RU).message())
                .isEqualTo("Другие формулировки вопроса (по-русски), №2: «Откатить ПЕРЕВОД» уже есть выше"
                        + " (регистр не важен)");

        var many = refusal(Map.of(
                "kz.phrasings",
                String.join(
                        "\n",
                        java.util.stream.IntStream.rangeClosed(1, 21)
                                .mapToObj(i -> "аударым " + i)
                                .toList())));
        assertThat(many.kind()).isEqualTo(BundleException.Kind.TOO_MANY);
        assertThat(said(many, Locale.KZ).input()).contains("q-kz-phrasings");
        assertThat(said(many, Locale.KZ).message()).isEqualTo("Сұрақтың басқа тұжырымдары (қазақша): 20 жолдан көп");

        var markup = refusal(Map.of("ru.phrasings", "вернуть <b>деньги</b>"));
        assertThat(markup.kind()).isEqualTo(BundleException.Kind.MARKUP);
        assertThat(said(markup, Locale.RU).message())
                .isEqualTo("Другие формулировки вопроса (по-русски), №1: только простой текст, без HTML");

        var longOne = refusal(Map.of("ru.phrasings", "а".repeat(201)));
        assertThat(longOne.kind()).isEqualTo(BundleException.Kind.TOO_LONG);
        assertThat(said(longOne, Locale.RU).message())
                .isEqualTo("Другие формулировки вопроса (по-русски), №1: длиннее 200 символов");
    }

    @Test
    void everyKindOfProblemIsMetByARealCheck() {
        aFieldOfALocaleBecomesItsInputAndLabelInTheEditorsLanguage();
        theFormsOwnFieldsAreNamedAndSaidToo();
        aMissingFieldOfARecordSentAsJsonIsSaidLikeAnEmptyOne();
        aProblemWithoutWordsKeepsTheRecordsOwnButStillNamesTheInput();
        aCharacterThatCannotBeStoredIsSaidInTheEditorsLanguage();
        aBadPhrasingNamesItsTextareaAndWhichLine();
        assertThat(seen).containsExactlyInAnyOrder(BundleException.Kind.values());
    }
}
