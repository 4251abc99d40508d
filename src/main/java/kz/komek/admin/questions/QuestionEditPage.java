package kz.komek.admin.questions;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import kz.komek.admin.AdminFrame;
import kz.komek.admin.AdminText;
import kz.komek.admin.Role;
import kz.komek.catalog.CatalogUrls;
import kz.komek.content.Platform;
import kz.komek.i18n.Locale;

/**
 * Model of {@code admin/question/edit.jte}: the question editor.
 *
 * @param question the stored question; empty for a new one
 * @param form what the fields show: the latest revision, or what the editor sent when a save was refused
 * @param findings what the sanitizer took out and lint found in the saved text
 * @param done what the last action did
 * @param error why the last action was refused (the form keeps what was typed)
 */
public record QuestionEditPage(
        AdminFrame frame,
        Optional<EditedQuestion> question,
        QuestionForm form,
        List<Place> places,
        List<EditFinding> findings,
        Optional<String> done,
        Optional<String> error,
        LocalDateTime now,
        boolean changedOutside,
        Optional<String> invalid) {

    /** A section a question can be listed in: {@code site/path} and its titles from the site down. */
    public record Place(String value, String label) {}

    public QuestionEditPage {
        places = List.copyOf(places);
        findings = List.copyOf(findings);
    }

    /** The same page with input {@code id} marked as the one to fix. */
    QuestionEditPage withInvalid(Optional<String> id) {
        return new QuestionEditPage(frame, question, form, places, findings, done, error, now, changedOutside, id);
    }

    /** {@code aria-invalid} of input {@code id}: "true" on the one a refusal names, else none (null: no attribute). */
    public String invalid(String id) {
        return invalid.filter(id::equals).map(i -> "true").orElse(null);
    }

    public Optional<String> invalidInput() {
        return invalid;
    }

    public String t(AdminText text) {
        return frame.t(text);
    }

    public Locale locale() {
        return frame.locale();
    }

    public boolean isNew() {
        return question.isEmpty();
    }

    public String path() {
        return question.map(q -> "/admin/questions/" + q.record().id()).orElse("/admin/questions/new");
    }

    public String action() {
        return path();
    }

    public String previewAction() {
        return path() + "/preview";
    }

    public String heading() {
        return question.map(q ->
                        AdminText.Q_EDIT_HEADING.format(locale(), q.record().id()))
                .orElse(t(AdminText.Q_NEW_TITLE));
    }

    public boolean mayEdit() {
        return frame.principal().may(Role.EDITOR) && !deleted();
    }

    public boolean mayPublish() {
        return frame.principal().may(Role.PUBLISHER) && !deleted();
    }

    public boolean deleted() {
        return question.map(q -> q.status() == QuestionStatus.DELETED).orElse(false);
    }

    public boolean isPublic() {
        return question.flatMap(EditedQuestion::publishedRevision)
                        .filter(r -> r > 0)
                        .isPresent()
                || question.map(q -> q.revision() == 0).orElse(false);
    }

    public String status() {
        return question.map(EditedQuestion::status).orElse(QuestionStatus.DRAFT).label(locale());
    }

    public String statusCode() {
        return question.map(q -> q.status().code()).orElse("draft");
    }

    public String revisionLine() {
        return question.map(q -> q.publishedRevision()
                        .map(live -> AdminText.Q_REVISION_LINE.format(locale(), q.revision(), live.toString()))
                        .orElseGet(() -> AdminText.Q_REVISION_LINE_UNPUBLISHED.format(locale(), q.revision())))
                .orElse("");
    }

    /** The public pages of this question (as stored now), one per locale it has. */
    public List<Link> publicLinks() {
        if (question.isEmpty() || !isPublic()) {
            return List.of();
        }
        var r = question.get().record();
        return r.locales().keySet().stream()
                .map(code -> new Link(
                        code,
                        localeName(code),
                        "/" + r.site() + "/" + code + CatalogUrls.questionPath(r.section(), r.id())))
                .toList();
    }

    /** A public page of the question: its locale's code, the language's own name, the address. */
    public record Link(String code, String label, String href) {}

    public List<String> locales() {
        return QuestionForm.LOCALES;
    }

    public String localeName(String code) {
        return Locale.parse(code)
                .map(l -> l == Locale.KZ ? "Қазақша" : "Русский")
                .orElse(code);
    }

    public String htmlLang(String code) {
        return Locale.parse(code).map(Locale::htmlLang).orElse(code);
    }

    public List<Platform> platforms() {
        return List.of(Platform.DESKTOP, Platform.MOBILE, Platform.APP);
    }

    public String platformName(Platform p) {
        return switch (p) {
            case DESKTOP -> t(AdminText.Q_PLATFORM_DESKTOP);
            case MOBILE -> t(AdminText.Q_PLATFORM_MOBILE);
            case APP -> t(AdminText.Q_PLATFORM_APP);
        };
    }

    /**
     * The preview of the saved text, before any script replaces it with the text as typed. Its address names no
     * fragment: Chromium scrolls the editor's own page too to bring a frame's fragment into view.
     */
    public Optional<String> savedPreview(Platform p, String locale) {
        return question.filter(q -> q.record().locales().containsKey(locale))
                .map(q -> frame.href(
                        "/admin/questions/" + q.record().id() + "/preview?locale=" + locale + "&platform=" + p.code()));
    }

    public String previewLocale() {
        if (question.isPresent() && !question.get().record().locales().containsKey(locale().code())) {
            return question.get().record().locales().keySet().stream()
                    .findFirst()
                    .orElse(locale().code());
        }
        return locale().code();
    }

    /** A suggestion for the schedule field: tomorrow at nine. */
    public String scheduleDefault() {
        return DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm")
                .format(now.plusDays(1).truncatedTo(ChronoUnit.DAYS).plusHours(9));
    }

    public String scheduleMin() {
        return DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm").format(now.truncatedTo(ChronoUnit.MINUTES));
    }

    public String findingKind(EditFinding f) {
        return FindingWords.kind(f, locale());
    }

    public String findingDetail(EditFinding f) {
        return FindingWords.detail(f, locale());
    }

    /** The language of a finding's text, in the editor's. */
    public String findingLanguage(EditFinding f) {
        return Locale.parse(f.locale())
                .map(l -> (l == Locale.KZ ? AdminText.WORDS_KZ : AdminText.WORDS_RU).in(locale()))
                .orElse(f.locale());
    }

    public String href(String path) {
        return frame.href(path);
    }

    public String csrf() {
        return frame.csrf().orElse("");
    }

    public long id() {
        return question.map(q -> q.record().id()).orElse(0L);
    }
}
