package kz.komek.admin.questions;

import java.util.List;
import kz.komek.admin.AdminFrame;
import kz.komek.admin.AdminText;

/** Model of {@code admin/question/diff.jte}: the fields that differ between two revisions. */
public record DiffPage(AdminFrame frame, long id, String title, int from, int to, List<TextDiff> changes) {
    public DiffPage {
        changes = List.copyOf(changes);
    }

    public String t(AdminText text) {
        return frame.t(text);
    }

    public String heading() {
        return AdminText.Q_DIFF_HEADING.format(frame.locale(), id, from, to);
    }

    public String href(String path) {
        return frame.href(path);
    }
}
