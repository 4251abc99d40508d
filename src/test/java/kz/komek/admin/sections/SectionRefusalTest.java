package kz.komek.admin.sections;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import kz.komek.admin.Actor;
import kz.komek.admin.Principal;
import kz.komek.admin.Role;
import kz.komek.admin.accounts.Password;
import kz.komek.admin.accounts.UserName;
import kz.komek.http.BadRequestException;
import kz.komek.i18n.Locale;
import kz.komek.testing.AdminHttp;
import kz.komek.testing.TestApp;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The section editor's real refusals, as the section pages say them (the API's English is in SectionsApiTest). */
class SectionRefusalTest {
    private final TestApp app = TestApp.withBundle("/fixtures/mini.bundle.json");
    private final SectionEditor editor =
            new SectionEditor(app.app().jdbi(), app.app().auditLog());
    private final Actor bolat = publisher();

    @AfterEach
    void close() {
        app.close();
    }

    @Test
    void theRefusalsAFormCanCauseAreSaidInThePagesLanguage() {
        long save = id("bonus/save");
        assertThat(said(() -> editor.create("client", "bonus/save", titled(), Optional.empty(), bolat), Locale.RU))
                .isEqualTo("Раздел client/bonus/save уже есть.");
        assertThat(said(() -> editor.create("client", "a/b", titled(), Optional.empty(), bolat), Locale.KZ))
                .isEqualTo("a бөлімі жоқ: алдымен ата бөлімді құрыңыз.");
        assertThat(said(() -> editor.move(save, "nope/save", bolat), Locale.RU))
                .isEqualTo("Раздела nope нет: сначала создайте родительский раздел.");
        assertThat(said(() -> editor.move(save, "bonus/save", bolat), Locale.RU))
                .isEqualTo("Раздел уже находится по этому пути.");
        assertThat(said(() -> editor.move(save, "bonus/save/x", bolat), Locale.RU))
                .isEqualTo("Раздел нельзя перенести внутрь самого себя (bonus/save/x).");
        assertThat(said(() -> editor.move(save, "shop/comment/x", bolat), Locale.RU))
                .isEqualTo("После переноса разделы окажутся на глубине 4 уровней, а можно не больше 3.");
        assertThat(said(() -> editor.move(save, "bonus/spend", bolat), Locale.KZ))
                .isEqualTo("client/bonus/spend бөлімі бар.");
        assertThat(said(() -> editor.create("client", "Bonus", titled(), Optional.empty(), bolat), Locale.RU))
                .startsWith("Путь раздела:");
        assertThat(said(
                        () -> editor.create("client", "bonus/new", Map.of("ru", " "), Optional.empty(), bolat),
                        Locale.RU))
                .isEqualTo("Нужно название хотя бы на одном языке.");
        assertThat(said(() -> editor.retitle(save, Map.of("ru", "", "kz", ""), bolat), Locale.KZ))
                .isEqualTo("Кемінде бір тілде атау керек.");
        assertThat(said(() -> editor.retitle(save, Map.of("ru", "я".repeat(201)), bolat), Locale.RU))
                .isEqualTo("Название длиннее 200 символов.");

        long bonus = id("bonus");
        SectionEditor.Deletion d = editor.deletion(bonus, bolat.principal());
        assertThat(said(() -> editor.delete(bonus, bolat), Locale.KZ))
                .contains(d.live() + " жарияланған сұрақ және " + d.drafts() + " жоба");
    }

    @Test
    void aRefusalWithoutAPageTextAndAnotherRefusalKeepTheirEnglish() {
        var refused = refusal(() -> editor.reorder("client", Optional.empty(), List.of(1L), bolat));
        assertThat(refused.code()).isEqualTo(SectionRefusal.Code.BAD_ORDER);
        assertThat(SectionPages.said(refused, Locale.RU))
                .isEqualTo(refused.getMessage())
                .startsWith("order, field ids: name each of the");
        assertThat(SectionPages.said(new BadRequestException("field by: -1 (up) or 1 (down)"), Locale.KZ))
                .isEqualTo("field by: -1 (up) or 1 (down)");
    }

    private static String said(ThrowingCallable write, Locale locale) {
        return SectionPages.said(refusal(write), locale);
    }

    private static SectionRefusal refusal(ThrowingCallable write) {
        SectionRefusal r = catchThrowableOfType(write, SectionRefusal.class);
        assertThat(r).as("refused").isNotNull();
        return r;
    }

    private static Map<String, String> titled() {
        return Map.of("ru", "Раздел");
    }

    private long id(String path) {
        return editor.tree(bolat.principal()).stream()
                .filter(t -> t.site().equals("client"))
                .flatMap(t -> t.sections().stream())
                .filter(n -> n.path().equals(path))
                .findFirst()
                .orElseThrow()
                .id();
    }

    private Actor publisher() {
        var user =
                app.app().accounts().addUser(new UserName("bolat"), Role.PUBLISHER, new Password(AdminHttp.PASSWORD));
        return Actor.of(new Principal(user.id(), user.name().value(), user.role(), Principal.Via.SESSION));
    }
}
