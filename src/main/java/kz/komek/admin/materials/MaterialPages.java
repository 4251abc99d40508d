package kz.komek.admin.materials;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import kz.komek.admin.Actor;
import kz.komek.admin.AdminFrame;
import kz.komek.admin.AdminKit;
import kz.komek.admin.AdminLocale;
import kz.komek.admin.AdminText;
import kz.komek.admin.Principal;
import kz.komek.admin.Role;
import kz.komek.bundle.BundleException;
import kz.komek.bundle.MaterialJson;
import kz.komek.catalog.CatalogStore;
import kz.komek.catalog.MaterialKind;
import kz.komek.catalog.Section;
import kz.komek.catalog.SectionKind;
import kz.komek.catalog.SectionTree;
import kz.komek.catalog.Site;
import kz.komek.http.BadRequestException;
import kz.komek.http.ConflictException;
import kz.komek.i18n.Locale;

/**
 * The editors' pages of videos and documents ({@code /admin/materials…}): the list (of one section, when chosen), the
 * editor (both locales side by side; save a draft, publish now or at a time, unpublish) and the history with
 * restoring. Every write goes through {@link MaterialEditor}; a refused write shows the form again as it was typed,
 * with the reason in the editor's language.
 */
public final class MaterialPages {
    private final AdminKit kit;
    private final MaterialEditor editor;
    private final CatalogStore catalog;
    private final MaterialJson json = new MaterialJson();

    public MaterialPages(AdminKit kit, MaterialEditor editor, CatalogStore catalog) {
        this.kit = kit;
        this.editor = editor;
        this.catalog = catalog;
    }

    /** {@code GET /admin/materials[?section=ID]}. */
    public void list(Context ctx) {
        Principal who = kit.access().require(ctx, Role.VIEWER);
        AdminFrame frame = frame(ctx, who, AdminText.M_LIST_TITLE);
        Locale locale = frame.locale();
        var sections = sections(locale);
        Optional<MaterialsPage.SectionOption> selected = Optional.ofNullable(ctx.queryParam("section"))
                .filter(s -> !s.isBlank())
                .map(s -> {
                    long id = number(s, "section");
                    return sections.stream()
                            .filter(o -> o.id() == id)
                            .findFirst()
                            .orElseThrow(() -> new BadRequestException(
                                    "query parameter section: " + id + " is no videos or documents section"));
                });
        Optional<String> site =
                selected.map(o -> o.place().substring(0, o.place().indexOf('/')));
        Optional<String> path = selected.map(o -> o.place().substring(o.place().indexOf('/') + 1));
        var rows = editor.list(site, path, who).stream()
                .map(r -> new MaterialsPage.Row(
                        r.id(),
                        r.title(),
                        (r.kind().equals(MaterialKind.DOCUMENT.code())
                                        ? AdminText.M_KIND_DOCUMENT
                                        : AdminText.M_KIND_VIDEO)
                                .in(locale),
                        r.site() + "/" + r.section(),
                        r.position(),
                        r.status().label(locale)))
                .toList();
        kit.render(
                ctx,
                HttpStatus.OK,
                "admin/materials/list.jte",
                new MaterialsPage(frame, rows, sections, selected, who.may(Role.EDITOR), done(ctx)));
    }

    /** {@code GET /admin/materials/new[?site=S&section=PATH]}: an empty editor. */
    public void newForm(Context ctx) {
        Principal who = kit.access().require(ctx, Role.EDITOR);
        var form = MaterialForm.blank(
                Optional.ofNullable(ctx.queryParam("site")), Optional.ofNullable(ctx.queryParam("section")));
        render(ctx, HttpStatus.OK, page(ctx, who, Optional.empty(), form, Optional.empty(), Optional.empty()));
    }

    /** {@code POST /admin/materials/new}: the first draft (and, for a publisher, its publication). */
    public void create(Context ctx) {
        Principal who = kit.access().require(ctx, Role.EDITOR);
        var form = MaterialForm.from(ctx);
        Plan plan = plan(ctx, who);
        Map<String, MaterialKind> kinds = kinds();
        MaterialEditor.Saved saved;
        try {
            saved = editor.create(
                    id -> form.record(id, Optional.empty(), p -> Optional.ofNullable(kinds.get(p)), json),
                    plan.action(),
                    form.note(),
                    actor(ctx, who));
        } catch (BundleException e) {
            refused(ctx, who, Optional.empty(), form, MaterialProblem.of(e, AdminLocale.of(ctx)));
            return;
        } catch (ConflictException e) {
            refused(ctx, HttpStatus.CONFLICT, who, Optional.empty(), form, e.getMessage());
            return;
        }
        if (plan.refused().isPresent()) {
            // the draft exists: the page is the saved draft's, so that sending it again makes no second one
            EditedMaterial m = saved.material();
            refused(
                    ctx,
                    HttpStatus.BAD_REQUEST,
                    who,
                    Optional.of(m),
                    MaterialForm.of(m.record()),
                    plan.refused().get());
            return;
        }
        done(ctx, saved.material().id(), plan.done());
    }

    /** {@code GET /admin/materials/{id}}. */
    public void edit(Context ctx) {
        Principal who = kit.access().require(ctx, Role.VIEWER);
        EditedMaterial m = editor.existing(id(ctx), who);
        render(
                ctx,
                HttpStatus.OK,
                page(ctx, who, Optional.of(m), MaterialForm.of(m.record()), done(ctx), Optional.empty()));
    }

    /**
     * {@code POST /admin/materials/{id}} with {@code action}: {@code save} (a draft), {@code publish} (save if
     * changed, then publish now) or {@code schedule} (the same at {@code at}).
     */
    public void save(Context ctx) {
        Principal who = kit.access().require(ctx, Role.EDITOR);
        long id = id(ctx);
        EditedMaterial current = editor.existing(id, who);
        var form = MaterialForm.from(ctx);
        Map<String, MaterialKind> kinds = kinds();
        try {
            Plan plan = plan(ctx, who);
            MaterialEditor.Saved saved = editor.save(
                    id,
                    latest -> form.record(id, latest, p -> Optional.ofNullable(kinds.get(p)), json),
                    baseRevision(ctx),
                    plan.action(),
                    form.note(),
                    actor(ctx, who));
            if (plan.refused().isPresent()) {
                refused(
                        ctx,
                        HttpStatus.BAD_REQUEST,
                        who,
                        Optional.of(saved.material()),
                        form,
                        plan.refused().get());
                return;
            }
            done(ctx, id, !saved.changed() && !plan.action().publish() ? "unchanged" : plan.done());
        } catch (MaterialEditor.Stale e) {
            // what was typed comes back, now based on the newest revision: saving again is a deliberate choice
            refused(
                    ctx,
                    HttpStatus.CONFLICT,
                    who,
                    Optional.of(editor.existing(id, who)),
                    form,
                    AdminText.M_STALE.format(AdminLocale.of(ctx), e.latest(), e.author()));
        } catch (BundleException e) {
            refused(ctx, who, Optional.of(current), form, MaterialProblem.of(e, AdminLocale.of(ctx)));
        } catch (ConflictException e) {
            refused(
                    ctx,
                    HttpStatus.CONFLICT,
                    who,
                    Optional.of(current),
                    form,
                    AdminText.M_ALREADY_PUBLIC.in(AdminLocale.of(ctx)));
        }
    }

    /** {@code POST /admin/materials/{id}/unpublish}. */
    public void unpublish(Context ctx) {
        Principal who = kit.access().require(ctx, Role.PUBLISHER);
        long id = id(ctx);
        try {
            editor.unpublish(id, actor(ctx, who));
        } catch (ConflictException e) {
            EditedMaterial m = editor.existing(id, who);
            refused(
                    ctx,
                    HttpStatus.CONFLICT,
                    who,
                    Optional.of(m),
                    MaterialForm.of(m.record()),
                    AdminText.M_NOT_PUBLIC_NOW.in(AdminLocale.of(ctx)));
            return;
        }
        done(ctx, id, "unpublished");
    }

    /** {@code GET /admin/materials/{id}/revisions}. */
    public void revisions(Context ctx) {
        Principal who = kit.access().require(ctx, Role.VIEWER);
        long id = id(ctx);
        var revisions = editor.revisions(id, who);
        kit.render(
                ctx,
                HttpStatus.OK,
                "admin/materials/revisions.jte",
                new MaterialRevisionsPage(
                        frame(ctx, who, AdminText.M_HISTORY),
                        id,
                        revisions,
                        who.may(Role.EDITOR),
                        done(ctx),
                        kit.zone()));
    }

    /** {@code POST /admin/materials/{id}/revisions/{rev}/restore}: the revision becomes the newest draft. */
    public void restore(Context ctx) {
        Principal who = kit.access().require(ctx, Role.EDITOR);
        long id = id(ctx);
        editor.restore(id, (int) number(ctx.pathParam("rev"), "revision"), actor(ctx, who));
        done(ctx, id, "restored");
    }

    // --- helpers ---

    /**
     * What the form's {@code action} asks, what the page then says, and why a time to publish at was refused (the
     * text is still saved as a draft, and the page says so).
     */
    private record Plan(MaterialEditor.Action action, String done, Optional<String> refused) {}

    private Plan plan(Context ctx, Principal who) {
        String action = Optional.ofNullable(ctx.formParam("action")).orElse("save");
        if (!List.of("save", "publish", "schedule").contains(action)) {
            throw new BadRequestException("field action: expected save, publish or schedule");
        }
        if (action.equals("save")) {
            return new Plan(MaterialEditor.Action.DRAFT, "saved", Optional.empty());
        }
        kit.access().require(ctx, Role.PUBLISHER);
        if (action.equals("publish")) {
            return new Plan(MaterialEditor.Action.NOW, "published", Optional.empty());
        }
        Locale locale = AdminLocale.of(ctx);
        String at = Optional.ofNullable(ctx.formParam("at")).orElse("").strip();
        if (at.isEmpty()) {
            return new Plan(MaterialEditor.Action.DRAFT, "saved", Optional.of(AdminText.M_AT_MISSING.in(locale)));
        }
        try {
            LocalDateTime t = LocalDateTime.parse(at);
            if (!t.isAfter(LocalDateTime.now(kit.clock()))) {
                return new Plan(
                        MaterialEditor.Action.DRAFT, "saved", Optional.of(AdminText.M_AT_PASSED.format(locale, at)));
            }
            return new Plan(MaterialEditor.Action.at(t), "scheduled", Optional.empty());
        } catch (DateTimeParseException e) {
            return new Plan(MaterialEditor.Action.DRAFT, "saved", Optional.of(AdminText.M_AT_BAD.format(locale, at)));
        }
    }

    private MaterialEditPage page(
            Context ctx,
            Principal who,
            Optional<EditedMaterial> m,
            MaterialForm form,
            Optional<String> done,
            Optional<MaterialProblem> problem) {
        AdminFrame frame = frame(ctx, who, m.isPresent() ? AdminText.M_EDIT_TITLE : AdminText.M_NEW_TITLE);
        return new MaterialEditPage(
                frame,
                m,
                form,
                places(frame.locale()),
                done,
                problem.map(MaterialProblem::message),
                problem.flatMap(MaterialProblem::input),
                who.may(Role.EDITOR),
                who.may(Role.PUBLISHER),
                LocalDateTime.now(kit.clock()));
    }

    private void refused(
            Context ctx, HttpStatus status, Principal who, Optional<EditedMaterial> m, MaterialForm form, String why) {
        render(
                ctx,
                status,
                page(ctx, who, m, form, Optional.empty(), Optional.of(new MaterialProblem(Optional.empty(), why))));
    }

    private void refused(
            Context ctx, Principal who, Optional<EditedMaterial> m, MaterialForm form, MaterialProblem problem) {
        render(ctx, HttpStatus.BAD_REQUEST, page(ctx, who, m, form, Optional.empty(), Optional.of(problem)));
    }

    private void render(Context ctx, HttpStatus status, MaterialEditPage page) {
        kit.render(ctx, status, "admin/materials/edit.jte", page);
    }

    /** The videos and documents sections of every site, as the editor's choice and the list's filter offer them. */
    private List<MaterialsPage.SectionOption> sections(Locale locale) {
        var out = new ArrayList<MaterialsPage.SectionOption>();
        for (Site site : catalog.sites()) {
            String siteTitle =
                    site.title(locale).or(() -> site.title(locale.other())).orElse(site.slug());
            SectionTree tree = catalog.tree(site.slug());
            for (Section s : tree.all()) {
                if (s.kind() == SectionKind.QUESTIONS) {
                    continue;
                }
                var names = new ArrayList<String>();
                for (Section step : tree.lineage(s)) {
                    names.add(step.title(locale)
                            .or(() -> step.title(locale.other()))
                            .orElse(step.path().lastSegment()));
                }
                String kind = (s.kind() == SectionKind.VIDEOS
                                ? AdminText.SECTIONS_KIND_VIDEOS
                                : AdminText.SECTIONS_KIND_DOCUMENTS)
                        .in(locale);
                out.add(new MaterialsPage.SectionOption(
                        s.id(),
                        s.site() + "/" + s.path().value(),
                        siteTitle + " › " + String.join(" › ", names) + " (" + kind + ")"));
            }
        }
        return out;
    }

    private List<MaterialEditPage.Place> places(Locale locale) {
        return sections(locale).stream()
                .map(o -> new MaterialEditPage.Place(o.place(), o.label()))
                .toList();
    }

    /** The kind of material each videos or documents section lists, by {@code site/path}. */
    private Map<String, MaterialKind> kinds() {
        var out = new HashMap<String, MaterialKind>();
        for (Site site : catalog.sites()) {
            for (Section s : catalog.tree(site.slug()).all()) {
                s.kind()
                        .materials()
                        .ifPresent(k -> out.put(s.site() + "/" + s.path().value(), k));
            }
        }
        return out;
    }

    private AdminFrame frame(Context ctx, Principal who, AdminText title) {
        return AdminFrame.of(ctx, kit.access(), who, "materials", title);
    }

    /** The confirmation a 303 brought back, in the page's language; unknown codes show nothing. */
    private static Optional<String> done(Context ctx) {
        AdminText text = switch (Optional.ofNullable(ctx.queryParam("done")).orElse("")) {
            case "saved" -> AdminText.M_DONE_SAVED;
            case "unchanged" -> AdminText.M_DONE_UNCHANGED;
            case "published" -> AdminText.M_DONE_PUBLISHED;
            case "scheduled" -> AdminText.M_DONE_SCHEDULED;
            case "unpublished" -> AdminText.M_DONE_UNPUBLISHED;
            case "restored" -> AdminText.M_DONE_RESTORED;
            default -> null;
        };
        return Optional.ofNullable(text).map(t -> t.in(AdminLocale.of(ctx)));
    }

    /** Back to the editor (303), which says what was done. */
    private static void done(Context ctx, long id, String done) {
        ctx.redirect(
                AdminFrame.withLang("/admin/materials/" + id + "?done=" + done, AdminLocale.of(ctx)),
                HttpStatus.SEE_OTHER);
    }

    /** The revision the form was filled from ({@code revision}, hidden). */
    private static Optional<Integer> baseRevision(Context ctx) {
        String v = ctx.formParam("revision");
        if (v == null || v.isBlank()) {
            return Optional.empty();
        }
        return Optional.of((int) number(v, "revision", 0));
    }

    private static long id(Context ctx) {
        return number(ctx.pathParam("id"), "material id");
    }

    private static long number(String s, String what) {
        return number(s, what, 1);
    }

    /** A whole number from {@code min}: 400 naming {@code what} otherwise. */
    private static long number(String s, String what, long min) {
        try {
            long n = Long.parseLong(s == null ? "" : s.strip());
            if (n >= min && n <= Integer.MAX_VALUE) {
                return n;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw new BadRequestException(what + ": expected a whole number from " + min + ", found \"" + s + "\"");
    }

    private static Actor actor(Context ctx, Principal who) {
        return Actor.of(who, ctx.header("X-Request-Id"));
    }
}
