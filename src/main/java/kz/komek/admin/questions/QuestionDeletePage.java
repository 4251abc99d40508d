package kz.komek.admin.questions;

import kz.komek.admin.AdminFrame;
import kz.komek.admin.AdminText;

/** Model of {@code admin/question/delete.jte}: what deleting a question does, and the button that does it. */
public record QuestionDeletePage(AdminFrame frame, EditedQuestion question, String title) {
    public String t(AdminText text) {
        return frame.t(text);
    }

    public long id() {
        return question.record().id();
    }

    public String heading() {
        return AdminText.Q_DELETE_HEADING.format(frame.locale(), id(), title);
    }

    public boolean deleted() {
        return question.status() == QuestionStatus.DELETED;
    }
}
