package kz.komek.admin.questions;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.util.List;
import kz.komek.admin.questions.Lint.Finding;
import kz.komek.admin.questions.Lint.Kind;
import kz.komek.bundle.BundleJson;
import kz.komek.content.ContentConfig;
import kz.komek.testing.TestApp;
import org.junit.jupiter.api.Test;

/** Each kind of problem in a bundle made for it (fixtures/lint.bundle.json), and nothing on the clean question. */
class LintTest {
    private final List<Finding> findings = new Lint(ContentConfig.defaults())
            .check(
                    new BundleJson().read(TestApp.resource("/fixtures/lint.bundle.json")),
                    LocalDateTime.of(2026, 11, 25, 12, 0));

    private List<Finding> of(long question) {
        return findings.stream().filter(f -> f.question() == question).toList();
    }

    @Test
    void findsAnUnknownMacro() {
        assertThat(of(1)).singleElement().satisfies(f -> {
            assertThat(f.kind()).isEqualTo(Kind.UNKNOWN_MACRO);
            assertThat(f.locale()).isEqualTo("ru");
            assertThat(f.detail()).contains("тариф_таблица");
        });
    }

    @Test
    void findsAMacroThatDoesNotParse() {
        assertThat(of(2)).extracting(Finding::kind).containsExactly(Kind.BROKEN_MACRO);
    }

    @Test
    void findsAPhraseMissingAVariant() {
        assertThat(of(3)).singleElement().satisfies(f -> {
            assertThat(f.kind()).isEqualTo(Kind.MISSING_VARIANT);
            assertThat(f.detail()).contains("mobile_only").doesNotContain("desktop_only");
        });
    }

    @Test
    void findsLinksToMissingAndUnpublishedQuestions() {
        assertThat(of(4)).singleElement().satisfies(f -> {
            assertThat(f.kind()).isEqualTo(Kind.BROKEN_LINK);
            assertThat(f.detail()).contains("99999 does not exist");
        });
        assertThat(of(5)).singleElement().satisfies(f -> {
            assertThat(f.kind()).isEqualTo(Kind.BROKEN_LINK);
            assertThat(f.detail()).contains("question 6 is not published in ru");
        });
    }

    @Test
    void findsAnEmptyAnswer() {
        assertThat(of(7)).extracting(Finding::kind).containsExactly(Kind.EMPTY_ANSWER);
    }

    @Test
    void findsAMissingTranslation() {
        assertThat(of(8)).singleElement().satisfies(f -> {
            assertThat(f.kind()).isEqualTo(Kind.MISSING_TRANSLATION);
            assertThat(f.locale()).isEqualTo("kz");
        });
    }

    @Test
    void aCleanQuestionHasNoFindings() {
        assertThat(of(6)).isEmpty();
        assertThat(of(9)).isEmpty();
    }

    @Test
    void theSeedsOwnMacrosAreKnown() {
        var seed = new kz.komek.bundle.nuxt.NuxtPayloadReader()
                .read(TestApp.resource("/demo/kz-bonus-save-general.payload.txt"), "client")
                .bundle();
        var seedFindings = new Lint(ContentConfig.defaults()).check(seed, LocalDateTime.of(2026, 11, 25, 12, 0));
        assertThat(seedFindings).extracting(Finding::kind).doesNotContain(Kind.UNKNOWN_MACRO, Kind.BROKEN_MACRO);
    }
}
