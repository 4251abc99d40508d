package kz.komek.admin.questions;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;
import kz.komek.admin.Actor;
import kz.komek.admin.AdminFrame;
import kz.komek.admin.AdminKit;
import kz.komek.admin.AdminLocale;
import kz.komek.admin.AdminText;
import kz.komek.admin.Principal;
import kz.komek.admin.Role;
import kz.komek.bundle.Bundle;
import kz.komek.bundle.BundleException;
import kz.komek.bundle.BundleJson;
import kz.komek.catalog.CatalogPages;
import kz.komek.catalog.CatalogStore;
import kz.komek.catalog.Question;
import kz.komek.catalog.QuestionText;
import kz.komek.catalog.Section;
import kz.komek.catalog.SectionPath;
import kz.komek.catalog.Site;
import kz.komek.content.Platform;
import kz.komek.http.BadFieldException;
import kz.komek.http.BadRequestException;
import kz.komek.http.ConflictException;
import kz.komek.i18n.Locale;

/**
 * The editors' question pages: the editor (both locales side by side, HTML source, live preview on desktop,
 * mobile and app), publishing and scheduling, unpublishing, and deleting after a confirmation ({@link RevisionPages}
 * has the history). Every write goes through {@link QuestionEditor}, as the JSON API's do; a refused write shows
 * the form again as it was typed, with the reason in the editor's language.
 */
public final class QuestionPages {
    private final AdminKit kit;
    private final QuestionEditor editor;
    private final CatalogStore catalog;
    private final CatalogPages pages;
    private final BundleJson json = new BundleJson();
    /** How many questions a title search lists. */
    private static final int FOUND = 100;

    public QuestionPages(AdminKit kit, QuestionEditor editor, CatalogStore catalog, CatalogPages pages) {
        this.kit = kit;
        this.editor = editor;
        this.catalog = catalog;
        this.pages = pages;
    }

    /** {@code GET /admin}: the landing page: open a question, start a new one, and what waits for publishing. */
    public void home(Context ctx) {
        Principal who = kit.access().require(ctx, Role.VIEWER);
        var frame = AdminFrame.of(ctx, kit.access(), who, "home", AdminText.ADMIN_TITLE);
        render(
                ctx,
                HttpStatus.OK,
                "admin/home.jte",
                new DashboardPage(frame, editor.pending(50, who), kit.clock().getZone()));
    }

    /**
     * {@code GET /admin/questions?q=…}: a number opens that question; words list the questions whose title has them,
     * drafts and deleted ones too.
     */
    public void find(Context ctx) {
        Principal who = kit.access().require(ctx, Role.VIEWER);
        String q = Optional.ofNullable(ctx.queryParam("q"))
                .or(() -> Optional.ofNullable(ctx.queryParam("id")))
                .orElse("")
                .strip();
        BadFieldException.storable("", "q", q);
        if (q.matches("[0-9]{1,18}")) {
            ctx.redirect(QuestionHttp.href(ctx, "/admin/questions/" + QuestionHttp.id(q)), HttpStatus.SEE_OTHER);
            return;
        }
        if (q.length() < 2 || q.length() > 200) {
            throw new BadRequestException("query parameter q: a question number, or 2 to 200 characters of its title");
        }
        var frame = AdminFrame.of(ctx, kit.access(), who, "home", AdminText.Q_FIND_TITLE);
        render(
                ctx,
                HttpStatus.OK,
                "admin/question/find.jte",
                new FindPage(frame, q, editor.find(q, FOUND, who), FOUND));
    }

    /** {@code GET /admin/questions/new[?site=S&section=PATH]}: an empty editor. */
    public void newForm(Context ctx) {
        Principal who = kit.access().require(ctx, Role.EDITOR);
        var form = QuestionForm.blank(
                        Optional.ofNullable(ctx.queryParam("site")), Optional.ofNullable(ctx.queryParam("section")))
                .withTitle(Optional.ofNullable(ctx.queryParam("locale")), Optional.ofNullable(ctx.queryParam("title")));
        render(
                ctx,
                HttpStatus.OK,
                editPage(ctx, who, Optional.empty(), form, List.of(), Optional.empty(), Optional.empty()));
    }

    /** {@code POST /admin/questions/new}: the new question's first draft (and, for a publisher, its publication). */
    public void create(Context ctx) {
        Principal who = kit.access().require(ctx, Role.EDITOR);
        var form = QuestionForm.from(ctx);
        String action = action(ctx);
        if (!action.equals("save")) {
            kit.access().require(ctx, Role.PUBLISHER);
        }
        Plan plan = plan(ctx, action);
        SavedDraft saved;
        try {
            saved = editor.create(
                    id -> form.record(id, Optional.empty(), json), plan.action(), form.note(), actor(ctx, who));
        } catch (BundleException e) {
            refused(ctx, who, Optional.empty(), form, FormProblem.of(e, AdminLocale.of(ctx)));
            return;
        } catch (BadRequestException | ConflictException e) {
            refused(ctx, HttpStatus.BAD_REQUEST, who, Optional.empty(), form, e.getMessage());
            return;
        }
        if (plan.refused().isPresent()) {
            // the draft exists: the page is the saved draft's, so that sending it again makes no second one
            EditedQuestion q = saved.question();
            refused(
                    ctx,
                    HttpStatus.BAD_REQUEST,
                    who,
                    Optional.of(q),
                    QuestionForm.of(q.record()),
                    plan.refused().get());
            return;
        }
        showSaved(ctx, who, saved, plan.done());
    }

    /** {@code GET /admin/questions/{id}}: the editor with the latest revision and what lint says of it. */
    public void edit(Context ctx) {
        Principal who = kit.access().require(ctx, Role.VIEWER);
        EditedQuestion q = editor.existing(QuestionHttp.id(ctx.pathParam("id")), who);
        Optional<String> done =
                Optional.ofNullable(ctx.queryParam("done")).map(d -> Done.of(d).in(AdminLocale.of(ctx)));
        showStored(ctx, who, q, editor.check(q.record()), done);
    }

    /**
     * {@code POST /admin/questions/{id}} with {@code action}: {@code save} (a draft), {@code publish} (save if
     * changed, then publish now) or {@code schedule} (the same at {@code at}). The page comes back with what the
     * sanitizer took out and what lint found; a refused write keeps what was typed.
     */
    public void save(Context ctx) {
        Principal who = kit.access().require(ctx, Role.EDITOR);
        long id = QuestionHttp.id(ctx.pathParam("id"));
        Optional<Integer> base = baseRevision(ctx);
        EditedQuestion current = editor.existing(id, who);
        var form = QuestionForm.from(ctx);
        String action = action(ctx);
        try {
            if (!action.equals("save")) {
                kit.access().require(ctx, Role.PUBLISHER);
            }
            Plan plan = plan(ctx, action);
            // the record is made from the latest revision under the write's lock: the form keeps what it does not show
            SavedDraft saved = editor.save(
                    id, latest -> form.record(id, latest, json), base, plan.action(), form.note(), actor(ctx, who));
            if (plan.refused().isPresent()) {
                refused(
                        ctx,
                        HttpStatus.BAD_REQUEST,
                        who,
                        Optional.of(saved.question()),
                        form,
                        plan.refused().get());
                return;
            }
            showSaved(ctx, who, saved, !saved.changed() && action.equals("save") ? Done.UNCHANGED : plan.done());
        } catch (StaleRevisionException e) {
            // what was typed comes back, now based on the newest revision: saving again is a deliberate choice
            Locale locale = AdminLocale.of(ctx);
            refused(
                    ctx,
                    HttpStatus.CONFLICT,
                    who,
                    Optional.of(editor.existing(id, who)),
                    form,
                    AdminText.Q_STALE.format(locale, e.latest(), e.author()));
        } catch (BundleException e) {
            refused(ctx, who, Optional.of(current), form, FormProblem.of(e, AdminLocale.of(ctx)));
        } catch (BadRequestException | ConflictException e) {
            refused(ctx, HttpStatus.BAD_REQUEST, who, Optional.of(current), form, e.getMessage());
        }
    }

    /** {@code POST /admin/questions/{id}/unpublish}. */
    public void unpublish(Context ctx) {
        publisherAction(ctx, editor::unpublish, Done.UNPUBLISHED);
    }

    /** {@code GET /admin/questions/{id}/delete}: what deleting means, and the button that does it. */
    public void confirmDelete(Context ctx) {
        Principal who = kit.access().require(ctx, Role.PUBLISHER);
        EditedQuestion q = editor.existing(QuestionHttp.id(ctx.pathParam("id")), who);
        var frame = AdminFrame.of(ctx, kit.access(), who, "sections", AdminText.Q_DELETE_TITLE);
        render(
                ctx,
                HttpStatus.OK,
                "admin/question/delete.jte",
                new QuestionDeletePage(frame, q, q.title(frame.locale())));
    }

    /** {@code POST /admin/questions/{id}/delete}: the question leaves readers; its history stays. */
    public void delete(Context ctx) {
        publisherAction(ctx, editor::delete, Done.DELETED);
    }

    private void publisherAction(Context ctx, BiFunction<Long, Actor, EditedQuestion> action, Done done) {
        Principal who = kit.access().require(ctx, Role.PUBLISHER);
        long id = QuestionHttp.id(ctx.pathParam("id"));
        action.apply(id, actor(ctx, who));
        done(ctx, id, done);
    }

    /**
     * {@code GET /admin/questions/{id}/preview?locale=ru&platform=mobile[&revision=N]}: a saved revision (the
     * latest by default) rendered as readers would see it on that platform.
     */
    public void previewSaved(Context ctx) {
        Principal who = kit.access().require(ctx, Role.VIEWER);
        long id = QuestionHttp.id(ctx.pathParam("id"));
        Bundle.Question record;
        String revision = ctx.queryParam("revision");
        if (revision == null || revision.isBlank()) {
            record = editor.existing(id, who).record();
        } else {
            record = editor.revision(id, (int) QuestionHttp.id(revision), who);
        }
        preview(ctx, record);
    }

    /**
     * {@code POST /admin/questions/{id}/preview?locale=&platform=} (and {@code /admin/questions/new/preview}) with
     * the editor's form: the text as typed, sanitized as a save would, rendered without saving anything.
     */
    public void previewForm(Context ctx) {
        Principal who = kit.access().require(ctx, Role.EDITOR);
        String given = ctx.pathParamMap().get("id");
        long id = given == null ? 0 : QuestionHttp.id(given);
        Optional<Bundle.Question> base =
                id == 0 ? Optional.empty() : editor.get(id, who).map(EditedQuestion::record);
        // a new question has no number yet; the preview shows it under the largest one that can exist
        Bundle.Question record = QuestionForm.from(ctx).record(id == 0 ? Long.MAX_VALUE : id, base, json);
        preview(ctx, editor.sanitized(record));
    }

    private void preview(Context ctx, Bundle.Question record) {
        Locale locale = Locale.parse(ctx.queryParam("locale"))
                .orElseThrow(() -> new BadRequestException("query parameter locale: expected ru or kz"));
        Platform platform = Platform.parse(ctx.queryParam("platform"))
                .orElseThrow(
                        () -> new BadRequestException("query parameter platform: expected desktop, mobile or app"));
        ctx.header("X-Robots-Tag", "noindex, nofollow");
        ctx.html(pages.preview(ctx, readerQuestion(record), locale, platform));
    }

    // --- helpers ---

    /**
     * What the form's {@code action} asks of the editor, what the page says once it is done, and why the time to
     * publish at was refused, in the editor's language: the text is still saved as a draft, then the page says so.
     */
    private record Plan(SaveAction action, Done done, Optional<String> refused) {}

    private Plan plan(Context ctx, String action) {
        if (action.equals("save")) {
            return new Plan(SaveAction.DRAFT, Done.SAVED, Optional.empty());
        }
        if (action.equals("publish")) {
            return new Plan(SaveAction.PUBLISH_NOW, Done.PUBLISHED, Optional.empty());
        }
        Locale locale = AdminLocale.of(ctx);
        String at = Optional.ofNullable(ctx.formParam("at")).orElse("").strip();
        if (at.isEmpty()) {
            return new Plan(SaveAction.DRAFT, Done.SAVED, Optional.of(AdminText.Q_AT_MISSING.in(locale)));
        }
        try {
            LocalDateTime t = LocalDateTime.parse(at);
            if (!t.isAfter(LocalDateTime.now(kit.clock()))) {
                return new Plan(SaveAction.DRAFT, Done.SAVED, Optional.of(AdminText.Q_AT_PASSED.format(locale, at)));
            }
            return new Plan(SaveAction.publishAt(t), Done.SCHEDULED, Optional.empty());
        } catch (DateTimeParseException e) {
            return new Plan(SaveAction.DRAFT, Done.SAVED, Optional.of(AdminText.Q_AT_BAD.format(locale, at)));
        }
    }

    private void showSaved(Context ctx, Principal who, SavedDraft saved, Done done) {
        EditedQuestion q = saved.question();
        showStored(ctx, who, q, saved.findings(), Optional.of(done.in(AdminLocale.of(ctx))));
    }

    /** The editor with a stored revision, what lint found in it, and what was just done. */
    private void showStored(
            Context ctx, Principal who, EditedQuestion q, List<EditFinding> findings, Optional<String> done) {
        render(
                ctx,
                HttpStatus.OK,
                editPage(ctx, who, Optional.of(q), QuestionForm.of(q.record()), findings, done, Optional.empty()));
    }

    /** The editor again, as the editor typed it, with why the action was refused. */
    private void refused(
            Context ctx, HttpStatus status, Principal who, Optional<EditedQuestion> q, QuestionForm form, String why) {
        render(ctx, status, editPage(ctx, who, q, form, List.of(), Optional.empty(), Optional.of(why)));
    }

    /** A form whose record is not valid (400): what to fix, in the editor's words, with its input marked. */
    private void refused(
            Context ctx, Principal who, Optional<EditedQuestion> q, QuestionForm form, FormProblem problem) {
        QuestionEditPage page = editPage(ctx, who, q, form, List.of(), Optional.empty(), Optional.of(problem.message()))
                .withInvalid(problem.input());
        render(ctx, HttpStatus.BAD_REQUEST, page);
    }

    private QuestionEditPage editPage(
            Context ctx,
            Principal who,
            Optional<EditedQuestion> q,
            QuestionForm form,
            List<EditFinding> findings,
            Optional<String> done,
            Optional<String> error) {
        var frame = AdminFrame.of(
                ctx, kit.access(), who, "sections", q.isPresent() ? AdminText.Q_EDIT_TITLE : AdminText.Q_NEW_TITLE);
        boolean outside =
                q.isPresent() && editor.changedOutside(q.get().record().id(), who);
        return new QuestionEditPage(
                frame,
                q,
                form,
                places(frame.locale()),
                findings,
                done,
                error,
                LocalDateTime.now(kit.clock()),
                outside,
                Optional.empty());
    }

    /** Every section of every site, as the "listed in" choice offers them. */
    private List<QuestionEditPage.Place> places(Locale locale) {
        var out = new ArrayList<QuestionEditPage.Place>();
        for (Site site : catalog.sites()) {
            String siteTitle =
                    site.title(locale).or(() -> site.title(locale.other())).orElse(site.slug());
            var tree = catalog.tree(site.slug());
            for (Section product : tree.products()) {
                addPlaces(out, siteTitle, tree, product, locale);
            }
        }
        return out;
    }

    private static void addPlaces(
            List<QuestionEditPage.Place> out,
            String siteTitle,
            kz.komek.catalog.SectionTree tree,
            Section s,
            Locale locale) {
        var names = new ArrayList<String>();
        for (Section step : tree.lineage(s)) {
            names.add(step.title(locale)
                    .or(() -> step.title(locale.other()))
                    .orElse(step.path().lastSegment()));
        }
        out.add(new QuestionEditPage.Place(
                s.site() + "/" + s.path().value(), siteTitle + " › " + String.join(" › ", names)));
        for (Section child : tree.childrenOf(s)) {
            addPlaces(out, siteTitle, tree, child, locale);
        }
    }

    private void render(Context ctx, HttpStatus status, QuestionEditPage page) {
        render(ctx, status, "admin/question/edit.jte", page);
    }

    private void render(Context ctx, HttpStatus status, String template, Object page) {
        kit.render(ctx, status, template, page);
    }

    /** Back to the editor (303), which says what was done. */
    private static void done(Context ctx, long id, Done done) {
        ctx.redirect(QuestionHttp.href(ctx, "/admin/questions/" + id + "?done=" + done.code()), HttpStatus.SEE_OTHER);
    }

    /** The question as the reader pages hold one: what a preview renders. */
    static Question readerQuestion(Bundle.Question q) {
        var texts = new EnumMap<Locale, QuestionText>(Locale.class);
        q.locales().forEach((code, t) -> Locale.parse(code).ifPresent(l -> texts.put(l, t.readerText())));
        return new Question(
                q.id(),
                q.site(),
                new SectionPath(q.section()),
                q.position(),
                q.pinned(),
                q.canonical(),
                q.votes().map(Bundle.Votes::up),
                q.votes().map(Bundle.Votes::down),
                q.usefulness(),
                q.incomplete(),
                texts);
    }

    /** The revision the editor's form was filled from ({@code revision}, hidden); absent from older forms. */
    private static Optional<Integer> baseRevision(Context ctx) {
        String v = ctx.formParam("revision");
        if (v == null || v.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Integer.parseInt(v.strip())).filter(r -> r >= 0);
        } catch (NumberFormatException e) {
            throw new BadRequestException("field revision: expected a revision number, found \"" + v + "\"");
        }
    }

    private static String action(Context ctx) {
        String a = ctx.formParam("action");
        if (a == null || a.isBlank()) {
            return "save";
        }
        if (!List.of("save", "publish", "schedule").contains(a)) {
            throw new BadRequestException("field action: expected save, publish or schedule");
        }
        return a;
    }

    private static Actor actor(Context ctx, Principal who) {
        return QuestionHttp.actor(ctx, who);
    }
}
