package kz.komek.admin.questions;

import java.util.List;
import kz.komek.admin.AdminFrame;
import kz.komek.admin.AdminText;

/** Model of {@code admin/question/find.jte}: the questions whose title has what the editor typed. */
public record FindPage(AdminFrame frame, String query, List<RevisionStore.Found> found, int limit) {
    public FindPage {
        found = List.copyOf(found);
    }

    public String t(AdminText text) {
        return frame.t(text);
    }

    public String heading() {
        return AdminText.Q_FIND_HEADING.format(frame.locale(), query);
    }

    public boolean more() {
        return found.size() >= limit;
    }

    public String status(RevisionStore.Found f) {
        return f.status().label(frame.locale());
    }

    public String href(String path) {
        return frame.href(path);
    }
}
