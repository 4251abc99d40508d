package kz.komek.admin.sections;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.ArrayList;
import java.util.LinkedHashMap;
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
import kz.komek.http.BadFieldException;
import kz.komek.http.BadRequestException;
import kz.komek.http.ConflictException;
import kz.komek.http.NotFoundException;
import kz.komek.i18n.Locale;

/**
 * The sections pages of the admin ({@code /admin/sections…}): the tree of every site, one section with its
 * questions, and the delete confirmation. Forms post here (with {@code _csrf}, checked by the gate) and are sent
 * back (303) with {@code ?done=…}; a refused change shows the page again with the reason in {@code role="alert"}.
 */
public final class SectionPages {
    private final AdminKit kit;
    private final SectionEditor sections;
    private final Placement placement;

    public SectionPages(AdminKit kit, SectionEditor sections, Placement placement) {
        this.kit = kit;
        this.sections = sections;
        this.placement = placement;
    }

    /** {@code GET /admin/sections}. */
    public void list(Context ctx) {
        Principal p = kit.access().require(ctx, Role.VIEWER);
        renderList(ctx, p, Optional.empty(), SectionsPage.NewSection.empty());
    }

    /** {@code POST /admin/sections}: site, path, ru, kz. */
    public void create(Context ctx) {
        Principal p = kit.access().require(ctx, Role.PUBLISHER);
        var form =
                new SectionsPage.NewSection(field(ctx, "site"), field(ctx, "path"), field(ctx, "ru"), field(ctx, "kz"));
        try {
            var titles = new LinkedHashMap<String, String>();
            titles.put("ru", form.ru());
            titles.put("kz", form.kz());
            SectionEditor.Node n = sections.create(form.site(), form.path(), titles, Optional.empty(), actor(ctx, p));
            back(ctx, "/admin/sections/" + n.id() + "?done=created");
        } catch (SectionRefusal | BadRequestException | BadFieldException | ConflictException | BundleException e) {
            ctx.status(status(e));
            renderList(ctx, p, Optional.of(said(e, AdminLocale.of(ctx))), form);
        }
    }

    /** {@code GET /admin/sections/{id}}. */
    public void section(Context ctx) {
        Principal p = kit.access().require(ctx, Role.VIEWER);
        renderSection(ctx, p, SectionsApi.id(ctx, "section id"), Optional.empty());
    }

    /** {@code POST /admin/sections/{id}/titles}: ru, kz. */
    public void retitle(Context ctx) {
        write(ctx, Role.PUBLISHER, "retitled", (id, by) -> {
            var titles = new LinkedHashMap<String, String>();
            titles.put("ru", field(ctx, "ru"));
            titles.put("kz", field(ctx, "kz"));
            sections.retitle(id, titles, by);
        });
    }

    /** {@code POST /admin/sections/{id}/kind}: kind = questions, videos or documents. */
    public void kind(Context ctx) {
        write(ctx, Role.PUBLISHER, "kind", (id, by) -> sections.setKind(id, field(ctx, "kind"), by));
    }

    /** {@code POST /admin/sections/{id}/move}: path. */
    public void move(Context ctx) {
        write(ctx, Role.PUBLISHER, "moved", (id, by) -> sections.move(id, field(ctx, "path"), by));
    }

    /** {@code POST /admin/sections/{id}/shift}: by = -1 (up) or 1 (down) among its siblings. */
    public void shift(Context ctx) {
        write(ctx, Role.PUBLISHER, "ordered", (id, by) -> sections.shift(id, delta(ctx), by));
    }

    /** {@code GET /admin/sections/{id}/delete}: what would go, and the confirmation form. */
    public void confirmDelete(Context ctx) {
        Principal p = kit.access().require(ctx, Role.PUBLISHER);
        long id = SectionsApi.id(ctx, "section id");
        var page = new SectionDeletePage(frame(ctx, p), sections.deletion(id, p), p.may(Role.PUBLISHER));
        render(ctx, "admin/sections/delete.jte", page);
    }

    /** {@code POST /admin/sections/{id}/delete}. */
    public void delete(Context ctx) {
        Principal p = kit.access().require(ctx, Role.PUBLISHER);
        long id = SectionsApi.id(ctx, "section id");
        try {
            sections.delete(id, actor(ctx, p));
            back(ctx, "/admin/sections?done=deleted");
        } catch (SectionRefusal e) {
            ctx.status(e.status());
            renderSection(ctx, p, id, Optional.of(said(e, AdminLocale.of(ctx))));
        }
    }

    /** {@code POST /admin/sections/{id}/questions/{question}/shift}: by = -1 or 1 in the section's list. */
    public void shiftQuestion(Context ctx) {
        write(ctx, Role.EDITOR, "placed", (id, by) -> {
            long question = question(ctx);
            int delta = delta(ctx);
            SectionEditor.Detail d =
                    sections.detail(id, by.principal()).orElseThrow(() -> new NotFoundException("no section " + id));
            var order = new ArrayList<>(
                    d.questions().stream().map(SectionStore.Listed::id).toList());
            int from = order.indexOf(question);
            if (from < 0) {
                throw new BadRequestException("question " + question + " is not listed in this section");
            }
            int to = Math.max(0, Math.min(order.size() - 1, from + delta));
            order.remove(from);
            order.add(to, question);
            // positions 1, 2, 3… in the new order; only the questions whose position changes get a revision
            Map<Long, Integer> positions = new LinkedHashMap<>();
            d.questions().forEach(q -> positions.put(q.id(), q.position()));
            for (int i = 0; i < order.size(); i++) {
                long q = order.get(i);
                if (positions.get(q) != i + 1) {
                    placement.place(q, Optional.empty(), Optional.empty(), Optional.of(i + 1), Optional.empty(), by);
                }
            }
        });
    }

    /** {@code POST /admin/sections/{id}/questions/{question}/pin}: pinned = true or false. */
    public void pin(Context ctx) {
        write(
                ctx,
                Role.EDITOR,
                "placed",
                (id, by) -> placement.place(
                        question(ctx),
                        Optional.empty(),
                        Optional.empty(),
                        Optional.empty(),
                        Optional.of(Boolean.parseBoolean(field(ctx, "pinned"))),
                        by));
    }

    /** {@code POST /admin/sections/{id}/questions/{question}/crosslist}: target = site:path. */
    public void crossList(Context ctx) {
        write(ctx, Role.EDITOR, "crosslisted", (id, by) -> {
            String target = field(ctx, "target");
            int colon = target.indexOf(':');
            if (colon < 1) {
                throw new BadRequestException("field target: choose a section");
            }
            placement.crossList(question(ctx), target.substring(0, colon), target.substring(colon + 1), by);
        });
    }

    // --- the steps ---

    private interface Write {
        void run(long section, Actor by);
    }

    /** Runs a form's write, then 303 back to the section with {@code done}; a refusal shows the page again. */
    private void write(Context ctx, Role role, String done, Write w) {
        Principal p = kit.access().require(ctx, role);
        long id = SectionsApi.id(ctx, "section id");
        try {
            w.run(id, actor(ctx, p));
            back(ctx, "/admin/sections/" + id + "?done=" + done);
        } catch (SectionRefusal | BadRequestException | BadFieldException | ConflictException | BundleException e) {
            ctx.status(status(e));
            renderSection(ctx, p, id, Optional.of(said(e, AdminLocale.of(ctx))));
        }
    }

    private static int status(RuntimeException refused) {
        if (refused instanceof SectionRefusal r) {
            return r.status();
        }
        return refused instanceof ConflictException ? 409 : 400;
    }

    /**
     * What a page says for a refused write: the section editor's refusal in the page's language, another refusal
     * (a question's placement, a form field) in its own words.
     */
    static String said(RuntimeException refused, Locale locale) {
        if (!(refused instanceof SectionRefusal r)) {
            return refused.getMessage();
        }
        AdminText text = switch (r.code()) {
            case EXISTS -> AdminText.SECTIONS_ERR_EXISTS;
            case NO_PARENT -> AdminText.SECTIONS_ERR_NO_PARENT;
            case SAME_PATH -> AdminText.SECTIONS_ERR_SAME;
            case UNDER_ITSELF -> AdminText.SECTIONS_ERR_UNDER_ITSELF;
            case TOO_DEEP -> AdminText.SECTIONS_ERR_DEPTH;
            case BAD_PATH -> AdminText.SECTIONS_ERR_PATH;
            case NO_TITLE -> AdminText.SECTIONS_ERR_NO_TITLE;
            case TITLE_TOO_LONG -> AdminText.SECTIONS_ERR_TITLE_LONG;
            case NOT_EMPTY -> AdminText.SECTIONS_ERR_NOT_EMPTY;
            case KIND_NOT_EMPTY -> AdminText.SECTIONS_ERR_KIND_NOT_EMPTY;
            case MOVED_MEANWHILE -> AdminText.SECTIONS_ERR_MOVED;
            // a title's text (its locale named); another field's keeps the API's English
            case BAD_TEXT -> r.args().get(0).equals("") ? null : AdminText.SECTIONS_ERR_TEXT;
            // the pages' forms give no way to these (an unknown site or locale, a position or order
            // of one's own): they keep the API's English
            case NO_SITE, BAD_POSITION, UNKNOWN_LOCALE, NO_ORDER_PARENT, BAD_ORDER, BAD_KIND -> null;
        };
        return text == null
                ? refused.getMessage()
                : text.format(locale, r.args().toArray());
    }

    private void renderList(Context ctx, Principal p, Optional<String> error, SectionsPage.NewSection form) {
        AdminFrame frame = frame(ctx, p);
        var page = new SectionsPage(
                frame,
                sections.tree(p),
                p.may(Role.PUBLISHER),
                done(ctx),
                error.map(m -> AdminText.SECTIONS_ERROR.format(frame.locale(), m)),
                form);
        render(ctx, "admin/sections/list.jte", page);
    }

    private void renderSection(Context ctx, Principal p, long id, Optional<String> error) {
        SectionEditor.Detail d =
                sections.detail(id, p).orElseThrow(() -> new NotFoundException("there is no section " + id));
        AdminFrame frame = frame(ctx, p);
        String lang = frame.locale().code();
        var rows = new ArrayList<SectionPage.QuestionRow>();
        List<SectionStore.Listed> listed = d.questions();
        for (int i = 0; i < listed.size(); i++) {
            SectionStore.Listed q = listed.get(i);
            AdminText status = !q.live()
                    ? AdminText.SECTIONS_STATUS_DRAFT
                    : q.draftPending() ? AdminText.SECTIONS_STATUS_PENDING : AdminText.SECTIONS_STATUS_PUBLISHED;
            rows.add(new SectionPage.QuestionRow(
                    q.id(),
                    q.titles().getOrDefault("ru", ""),
                    q.titles().getOrDefault("kz", ""),
                    frame.t(status),
                    q.pinned(),
                    i == 0,
                    i == listed.size() - 1));
        }
        var targets = new ArrayList<SectionPage.Target>();
        for (SectionEditor.SiteTree site : sections.tree(p)) {
            for (SectionEditor.Node n : site.sections()) {
                if (n.id() != id) {
                    String title = n.title(lang).isEmpty()
                            ? n.title(frame.locale().other().code())
                            : n.title(lang);
                    targets.add(new SectionPage.Target(
                            n.site() + ":" + n.path(), n.site() + "/" + n.path() + " — " + title));
                }
            }
        }
        List<SectionEditor.Node> siblings = d.siblings();
        var page = new SectionPage(
                frame,
                d.section(),
                d.children(),
                !siblings.isEmpty() && siblings.get(0).id() == id,
                !siblings.isEmpty() && siblings.get(siblings.size() - 1).id() == id,
                rows,
                targets,
                p.may(Role.PUBLISHER),
                p.may(Role.EDITOR),
                done(ctx),
                error.map(m -> AdminText.SECTIONS_ERROR.format(frame.locale(), m)),
                ctx.method().name().equals("POST") && ctx.formParam("path") != null
                        ? field(ctx, "path")
                        : d.section().path());
        render(ctx, "admin/sections/section.jte", page);
    }

    private AdminFrame frame(Context ctx, Principal p) {
        return AdminFrame.of(ctx, kit.access(), p, "sections", AdminText.SECTIONS_TITLE);
    }

    /** The confirmation a 303 brought back, in the page's language; unknown codes show nothing. */
    private Optional<String> done(Context ctx) {
        AdminText text = switch (Optional.ofNullable(ctx.queryParam("done")).orElse("")) {
            case "created" -> AdminText.SECTIONS_DONE_CREATED;
            case "retitled" -> AdminText.SECTIONS_DONE_RETITLED;
            case "moved" -> AdminText.SECTIONS_DONE_MOVED;
            case "ordered" -> AdminText.SECTIONS_DONE_ORDERED;
            case "deleted" -> AdminText.SECTIONS_DONE_DELETED;
            case "placed" -> AdminText.SECTIONS_DONE_PLACED;
            case "crosslisted" -> AdminText.SECTIONS_DONE_CROSSLISTED;
            case "kind" -> AdminText.SECTIONS_DONE_KIND;
            default -> null;
        };
        return Optional.ofNullable(text).map(t -> t.in(AdminLocale.of(ctx)));
    }

    private void back(Context ctx, String path) {
        ctx.redirect(AdminFrame.withLang(path, AdminLocale.of(ctx)), HttpStatus.SEE_OTHER);
    }

    private void render(Context ctx, String template, Object page) {
        kit.render(ctx, ctx.status(), template, page); // a refusal set its status before
    }

    private static String field(Context ctx, String name) {
        return Optional.ofNullable(ctx.formParam(name)).map(String::strip).orElse("");
    }

    private static int delta(Context ctx) {
        return switch (field(ctx, "by")) {
            case "-1" -> -1;
            case "1" -> 1;
            default -> throw new BadRequestException("field by: -1 (up) or 1 (down)");
        };
    }

    /** A question number from 1 (0 or below reached the database's check and answered 500). */
    private static long question(Context ctx) {
        String s = ctx.pathParam("question");
        try {
            long n = Long.parseLong(s);
            if (n > 0) {
                return n;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw new BadRequestException("question id: expected a number from 1, was \"" + s + "\"");
    }

    private static Actor actor(Context ctx, Principal p) {
        return Actor.of(p, ctx.header("X-Request-Id"));
    }
}
