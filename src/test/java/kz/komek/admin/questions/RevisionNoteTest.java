package kz.komek.admin.questions;

import static org.assertj.core.api.Assertions.assertThat;

import kz.komek.i18n.Locale;
import org.junit.jupiter.api.Test;

/** Every note komek writes on a revision reads back in both languages of the admin; an editor's stays as typed. */
class RevisionNoteTest {
    @Test
    void everyKindIsSaidInBothLanguagesWithWhatItNames() {
        for (RevisionNote kind : RevisionNote.values()) {
            String stored = switch (kind) {
                case PUBLISHED_AT -> kind.write("2099-06-01T09:00:00");
                case PLACED, PLACED_PINNED -> kind.write("client/bonus/spend", 3);
                case SECTION_MOVED -> kind.write("shop/delivery", "shop/shipping");
                case RESTORED, CROSS_LISTED -> kind.write(17);
                default -> kind.write();
            };
            for (Locale locale : Locale.values()) {
                String shown = RevisionNote.shown(stored, locale);
                assertThat(shown).as(kind + " in " + locale).isNotEqualTo(stored);
                assertThat(shown)
                        .doesNotContainPattern("(?i)\\b(the|revision|placed|position|pinned|section|published)\\b");
            }
        }
        assertThat(RevisionNote.shown(RevisionNote.PLACED_PINNED.write("client/bonus", 2), Locale.RU))
                .isEqualTo("новое место: client/bonus, порядок 2, закреплён");
        assertThat(RevisionNote.shown(RevisionNote.PUBLISHED_AT.write("2099-06-01T09:00:00"), Locale.KZ))
                .isEqualTo("жариялану уақыты: 01.06.2099 09:00");
    }

    @Test
    void anEditorsNoteIsShownAsTyped() {
        assertThat(RevisionNote.shown("поправила опечатку", Locale.KZ)).isEqualTo("поправила опечатку");
        assertThat(RevisionNote.shown("restored from memory", Locale.RU)).isEqualTo("restored from memory");
    }
}
