package kz.komek.admin.audit;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import kz.komek.admin.AdminFrame;
import kz.komek.admin.AdminKit;
import kz.komek.admin.AdminText;
import kz.komek.admin.Principal;
import kz.komek.admin.Role;
import kz.komek.i18n.Locale;
import kz.komek.i18n.StorableText;

/**
 * {@code GET /admin/audit}: the audit log as a table, newest first, filtered by a GET form, paged by "older" links
 * ({@code before=} the last row's id, so a page stays the same while new rows come). Any role: an admin reads every
 * row, anyone else their own ({@link AuditLog#list(AuditLog.Filter, Principal)} decides).
 */
public final class AuditPages {
    static final int PAGE = 50;

    /** The actions komek writes, with their labels; an action not here is shown as it is stored. */
    static final Map<String, AdminText> ACTIONS = actions();

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final AdminKit kit;
    private final AuditLog audit;

    public AuditPages(AdminKit kit, AuditLog audit) {
        this.kit = kit;
        this.audit = audit;
    }

    private static Map<String, AdminText> actions() {
        var m = new LinkedHashMap<String, AdminText>();
        m.put("question.save_draft", AdminText.ACTION_QUESTION_SAVE_DRAFT);
        m.put("question.publish", AdminText.ACTION_QUESTION_PUBLISH);
        m.put("question.unpublish", AdminText.ACTION_QUESTION_UNPUBLISH);
        m.put("question.restore", AdminText.ACTION_QUESTION_RESTORE);
        m.put("question.delete", AdminText.ACTION_QUESTION_DELETE);
        m.put("question.create", AdminText.ACTION_QUESTION_CREATE);
        m.put("question.place", AdminText.ACTION_QUESTION_PLACE);
        m.put("question.cross_list", AdminText.ACTION_QUESTION_CROSS_LIST);
        m.put("section.create", AdminText.ACTION_SECTION_CREATE);
        m.put("section.retitle", AdminText.ACTION_SECTION_RETITLE);
        m.put("section.move", AdminText.ACTION_SECTION_MOVE);
        m.put("section.reorder", AdminText.ACTION_SECTION_REORDER);
        m.put("section.delete", AdminText.ACTION_SECTION_DELETE);
        m.put("section.kind", AdminText.ACTION_SECTION_KIND);
        m.put("material.create", AdminText.ACTION_MATERIAL_CREATE);
        m.put("material.save_draft", AdminText.ACTION_MATERIAL_SAVE_DRAFT);
        m.put("material.publish", AdminText.ACTION_MATERIAL_PUBLISH);
        m.put("material.unpublish", AdminText.ACTION_MATERIAL_UNPUBLISH);
        m.put("material.restore", AdminText.ACTION_MATERIAL_RESTORE);
        m.put("bundle.import", AdminText.ACTION_BUNDLE_IMPORT);
        m.put("lexicon.confirm", AdminText.ACTION_LEXICON_CONFIRM);
        m.put("lexicon.reject", AdminText.ACTION_LEXICON_REJECT);
        m.put("lexicon.forget", AdminText.ACTION_LEXICON_FORGET);
        m.put("reader_phrase.confirm", AdminText.ACTION_PHRASE_CONFIRM);
        m.put("reader_phrase.reject", AdminText.ACTION_PHRASE_REJECT);
        m.put("reader_phrase.forget", AdminText.ACTION_PHRASE_FORGET);
        m.put("user.create", AdminText.ACTION_USER_CREATE);
        m.put("user.disable", AdminText.ACTION_USER_DISABLE);
        m.put("user.enable", AdminText.ACTION_USER_ENABLE);
        m.put("user.role", AdminText.ACTION_USER_ROLE);
        m.put("user.password", AdminText.ACTION_USER_PASSWORD);
        m.put("token.create", AdminText.ACTION_TOKEN_CREATE);
        m.put("token.revoke", AdminText.ACTION_TOKEN_REVOKE);
        m.put("session.sign_in", AdminText.ACTION_SESSION_SIGN_IN);
        m.put("session.sign_out", AdminText.ACTION_SESSION_SIGN_OUT);
        return java.util.Collections.unmodifiableMap(m);
    }

    /** The label of an action in the UI's language, or the action as stored when komek does not know it. */
    static String label(String action, Locale locale) {
        AdminText t = ACTIONS.get(action);
        return t == null ? action : t.in(locale);
    }

    /** {@code GET /admin/audit?actor=&action=&object_type=&object_id=&from=&to=&before=}. */
    public void list(Context ctx) {
        Principal p = kit.access().require(ctx, Role.VIEWER);
        AdminFrame frame = AdminFrame.of(ctx, kit.access(), p, "audit", AdminText.AUDIT_TITLE);
        Locale locale = frame.locale();
        var form = new AuditPage.Form(
                param(ctx, "actor"),
                param(ctx, "action"),
                param(ctx, "object_type"),
                param(ctx, "object_id"),
                param(ctx, "from"),
                param(ctx, "to"));
        List<AuditPage.Option> options = new ArrayList<>();
        ACTIONS.forEach(
                (code, text) -> options.add(new AuditPage.Option(code, text.in(locale), code.equals(form.action()))));
        List<AuditPage.Option> objects = new ArrayList<>();
        AuditWords.OBJECTS.forEach((code, text) ->
                objects.add(new AuditPage.Option(code, text.in(locale), code.equals(form.objectType()))));
        if (!form.objectType().isEmpty() && !AuditWords.OBJECTS.containsKey(form.objectType())) {
            // a type komek does not write (an address typed by hand): kept, so the form shows what it filters
            objects.add(new AuditPage.Option(form.objectType(), form.objectType(), true));
        }
        AuditLog.Filter filter;
        try {
            filter = filter(form, param(ctx, "before"));
        } catch (IllegalArgumentException e) {
            render(
                    ctx,
                    HttpStatus.BAD_REQUEST,
                    new AuditPage(
                            frame,
                            form,
                            List.of(),
                            !p.may(Role.ADMIN),
                            Optional.of(AdminText.AUDIT_BAD_FILTER.format(locale, e.getMessage())),
                            Optional.empty(),
                            options,
                            objects));
            return;
        }
        List<AuditLog.Entry> entries = audit.list(filter, p);
        List<AuditPage.Row> rows = entries.stream().map(e -> row(e, frame)).toList();
        Optional<String> older = entries.size() == PAGE
                ? Optional.of(
                        frame.href(query(form, entries.get(entries.size() - 1).id())))
                : Optional.empty();
        render(
                ctx,
                HttpStatus.OK,
                new AuditPage(frame, form, rows, !p.may(Role.ADMIN), Optional.empty(), older, options, objects));
    }

    private AuditLog.Filter filter(AuditPage.Form form, String before) {
        storable("actor", form.actor());
        storable("action", form.action());
        storable("object_type", form.objectType());
        storable("object_id", form.objectId());
        Optional<Long> actorId = Optional.empty();
        Optional<String> actorName = Optional.empty();
        if (!form.actor().isEmpty()) {
            if (form.actor().chars().allMatch(Character::isDigit)) {
                actorId = Optional.of(number(form.actor(), "actor"));
            } else {
                actorName = Optional.of(form.actor());
            }
        }
        Optional<java.time.Instant> from =
                date(form.from(), "from").map(d -> d.atStartOfDay(kit.zone()).toInstant());
        // "to" is the last day shown, so the rows end at the start of the next
        Optional<java.time.Instant> to = date(form.to(), "to")
                .map(d -> d.plusDays(1).atStartOfDay(kit.zone()).toInstant());
        return new AuditLog.Filter(
                actorId,
                optional(form.action()),
                optional(form.objectType()),
                optional(form.objectId()),
                from,
                to,
                before.isEmpty() ? Optional.empty() : Optional.of(number(before, "before")),
                PAGE,
                actorName);
    }

    private AuditPage.Row row(AuditLog.Entry e, AdminFrame frame) {
        String object = AuditWords.object(e.objectType(), e.objectId(), frame.locale());
        Optional<String> href = switch (e.objectType()) {
            case "question" -> Optional.of(frame.href("/admin/questions/" + encode(e.objectId())));
            case "section" -> Optional.of(frame.href("/admin/sections/" + encode(e.objectId())));
            case "material" -> Optional.of(frame.href("/admin/materials/" + encode(e.objectId())));
            case "user" ->
                frame.principal().may(Role.ADMIN) ? Optional.of(frame.href("/admin/users")) : Optional.empty();
            default -> Optional.empty();
        };
        return new AuditPage.Row(
                e.id(),
                WHEN.format(e.at().atZone(kit.zone())),
                e.actorName(),
                frame.href("/admin/audit?actor=" + encode(e.actorName())),
                label(e.action(), frame.locale()),
                e.action(),
                object,
                href,
                changes(e.before(), e.after(), frame.locale()));
    }

    /**
     * The fields of both summaries, in order of appearance: each with its value before and after, in the reader's
     * language.
     */
    static List<AuditPage.Change> changes(Optional<JsonNode> before, Optional<JsonNode> after, Locale locale) {
        var fields = new LinkedHashSet<String>();
        before.filter(JsonNode::isObject).ifPresent(b -> b.fieldNames().forEachRemaining(fields::add));
        after.filter(JsonNode::isObject).ifPresent(a -> a.fieldNames().forEachRemaining(fields::add));
        var list = new ArrayList<AuditPage.Change>();
        for (String f : fields) {
            list.add(new AuditPage.Change(
                    f,
                    AuditWords.field(f, locale),
                    before.map(b -> AuditWords.value(f, b.get(f), locale)),
                    after.map(a -> AuditWords.value(f, a.get(f), locale))));
        }
        // a summary that is not an object (no komek action writes one) is shown whole
        if (before.isPresent() && !before.get().isObject()
                || after.isPresent() && !after.get().isObject()) {
            list.add(new AuditPage.Change(
                    "",
                    Optional.empty(),
                    before.map(b -> AuditWords.value("", b, locale)),
                    after.map(a -> AuditWords.value("", a, locale))));
        }
        return list;
    }

    private static String query(AuditPage.Form form, long before) {
        var q = new StringBuilder("/admin/audit?before=").append(before);
        add(q, "actor", form.actor());
        add(q, "action", form.action());
        add(q, "object_type", form.objectType());
        add(q, "object_id", form.objectId());
        add(q, "from", form.from());
        add(q, "to", form.to());
        return q.toString();
    }

    private static void add(StringBuilder q, String name, String value) {
        if (!value.isEmpty()) {
            q.append('&').append(name).append('=').append(encode(value));
        }
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static String param(Context ctx, String name) {
        String v = ctx.queryParam(name);
        return v == null ? "" : v.strip();
    }

    /** A filter PostgreSQL could not compare with (a NUL character): refused, naming the field. */
    private static void storable(String field, String value) {
        StorableText.problem(value).ifPresent(problem -> {
            throw new IllegalArgumentException(field + ": " + problem);
        });
    }

    private static Optional<String> optional(String s) {
        return s.isEmpty() ? Optional.empty() : Optional.of(s);
    }

    private static long number(String s, String field) {
        try {
            long n = Long.parseLong(s);
            if (n <= 0) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(field + " = " + s);
        }
    }

    private static Optional<LocalDate> date(String s, String field) {
        if (s.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDate.parse(s));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(field + " = " + s + " (yyyy-mm-dd)");
        }
    }

    private void render(Context ctx, HttpStatus status, AuditPage page) {
        kit.render(ctx, status, "admin/audit.jte", page);
    }
}
