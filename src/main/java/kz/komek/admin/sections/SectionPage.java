package kz.komek.admin.sections;

import java.util.List;
import java.util.Optional;
import kz.komek.admin.AdminFrame;
import kz.komek.admin.FramedPage;

/** Model of {@code admin/sections/section.jte}: one section, its forms and its questions. */
public record SectionPage(
        AdminFrame frame,
        SectionEditor.Node section,
        List<SectionEditor.Node> children,
        boolean first,
        boolean last,
        List<QuestionRow> questions,
        List<Target> targets,
        boolean mayEdit,
        boolean mayPlace,
        Optional<String> done,
        Optional<String> error,
        String newPath)
        implements FramedPage {

    /** A question of the section as the table lists it. */
    public record QuestionRow(
            long id, String ru, String kz, String status, boolean pinned, boolean first, boolean last) {}

    /** A section a question can be cross-listed into: {@code value} is {@code site:path}. */
    public record Target(String value, String label) {}

    public String base() {
        return "/admin/sections/" + section.id();
    }

    public String publicUrl() {
        return "/" + section.site() + "/" + lang() + "/" + section.path();
    }

    public String newQuestion() {
        return "/admin/questions/new?site=" + section.site() + "&section=" + section.path();
    }

    public String title(SectionEditor.Node n) {
        return n.title(lang()).isEmpty() ? n.title(frame.locale().other().code()) : n.title(lang());
    }
}
