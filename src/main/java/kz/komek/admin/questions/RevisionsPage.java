package kz.komek.admin.questions;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import kz.komek.admin.AdminFrame;
import kz.komek.admin.AdminText;
import kz.komek.admin.Role;

/** Model of {@code admin/question/revisions.jte}: a question's history, to compare two revisions or restore one. */
public record RevisionsPage(
        AdminFrame frame,
        EditedQuestion question,
        String title,
        List<RevisionInfo> revisions,
        Optional<String> done,
        ZoneId zone) {
    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm:ss");

    public RevisionsPage {
        revisions = List.copyOf(revisions);
    }

    public String t(AdminText text) {
        return frame.t(text);
    }

    public long id() {
        return question.record().id();
    }

    public String heading() {
        return AdminText.Q_REVISIONS_HEADING.format(frame.locale(), id(), title);
    }

    public boolean mayRestore() {
        return frame.principal().may(question.status() == QuestionStatus.DELETED ? Role.PUBLISHER : Role.EDITOR);
    }

    /** Shown in the help center's zone, with the ISO instant in the markup. */
    public String when(RevisionInfo r) {
        return SHOWN.format(r.createdAt().atZone(zone));
    }

    /** A revision's note in the editor's language when komek wrote it, else as its author typed it. */
    public String note(RevisionInfo r) {
        return r.note().map(n -> RevisionNote.shown(n, frame.locale())).orElse("");
    }

    /** The default comparison: the one before the latest against the latest. */
    public int defaultFrom() {
        return revisions.size() > 1
                ? revisions.get(1).revision()
                : revisions.isEmpty() ? 1 : revisions.get(0).revision();
    }

    public int defaultTo() {
        return revisions.isEmpty() ? 1 : revisions.get(0).revision();
    }

    public String href(String path) {
        return frame.href(path);
    }

    public String csrf() {
        return frame.csrf().orElse("");
    }
}
