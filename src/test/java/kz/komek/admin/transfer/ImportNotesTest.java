package kz.komek.admin.transfer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import kz.komek.i18n.Locale;
import org.junit.jupiter.api.Test;

/**
 * A Nuxt page's notes as its importer writes them (bundle.nuxt; a komek bundle's own are read on real imports by
 * AdminLanguageTest), said in both languages of the admin; a truncated page's forensic detail stays English.
 */
class ImportNotesTest {
    @Test
    void aNuxtPagesNotesAreSaidInBothLanguages() {
        var notes = List.of(
                "question positions follow their order in the payload (17561, 17562), first is position 1",
                "votes: the payload shows only the ratio usefulness, which is kept; vote counts are left unset",
                "voted is per visitor and not stored; it is true for questions 17561, 17562",
                "voted is per visitor and not stored; it is false for question 17561",
                "question 17563: neither its title nor its meta title survives; skipped",
                "question 17561: listed twice with different values; the first is kept",
                "question 17561: listed twice; the first is kept");
        for (String note : notes) {
            for (Locale locale : Locale.values()) {
                var shown = ImportNotes.shown(note, locale);
                assertThat(shown).as(note).isPresent();
                assertThat(shown.get().before() + shown.get().after())
                        .as(note)
                        .doesNotContainPattern("(?i)\\b(the|is|question|votes|payload|listed|kept|true|false)\\b");
            }
        }
        assertThat(ImportNotes.shown("question 17561: listed twice; the first is kept", Locale.KZ)
                        .get()
                        .before())
                .isEqualTo("17561-сұрақ екі рет берілген; біріншісі алынды");
    }

    @Test
    void aFileOwnFieldNamesAreKeptAsCode() {
        var shown = ImportNotes.shown("question 456, locale kz: kept unknown fields [x_a, x_b]", Locale.RU)
                .get();
        assertThat(shown.before()).isEqualTo("вопрос 456, текст по-казахски: сохранены незнакомые поля ");
        assertThat(shown.code()).hasValue("x_a, x_b");
    }

    @Test
    void aForensicNoteIsNotRecognised() {
        assertThat(ImportNotes.shown(
                        "2 value(s) right after the cut belong to an object stored before it; they do not match a"
                                + " question's fields and are ignored",
                        Locale.RU))
                .isEmpty();
    }
}
