package kz.komek.admin.sections;

import kz.komek.admin.AdminFrame;
import kz.komek.admin.AdminText;
import kz.komek.admin.FramedPage;

/** Model of {@code admin/sections/delete.jte}: what deleting a section removes, and the confirmation form. */
public record SectionDeletePage(AdminFrame frame, SectionEditor.Deletion deletion, boolean mayEdit)
        implements FramedPage {
    public String heading() {
        return AdminText.SECTIONS_DELETE_TITLE.format(
                frame.locale(),
                deletion.section().site() + "/" + deletion.section().path());
    }

    public String refused() {
        return AdminText.SECTIONS_DELETE_REFUSED.format(frame.locale(), deletion.live(), deletion.drafts());
    }
}
