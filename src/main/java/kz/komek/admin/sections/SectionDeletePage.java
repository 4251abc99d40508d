package kz.komek.admin.sections;

import kz.komek.admin.AdminFrame;
import kz.komek.admin.AdminText;

/** Model of {@code admin/sections/delete.jte}: what deleting a section removes, and the confirmation form. */
public record SectionDeletePage(AdminFrame frame, SectionEditor.Deletion deletion, boolean mayEdit) {
    public String t(AdminText text) {
        return frame.t(text);
    }

    public String href(String path) {
        return frame.href(path);
    }

    public String csrf() {
        return frame.csrf().orElse("");
    }

    public String lang() {
        return frame.locale().code();
    }

    public String heading() {
        return AdminText.SECTIONS_DELETE_TITLE.format(
                frame.locale(),
                deletion.section().site() + "/" + deletion.section().path());
    }

    public String refused() {
        return AdminText.SECTIONS_DELETE_REFUSED.format(frame.locale(), deletion.live(), deletion.drafts());
    }
}
