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

    /** A section of videos or documents lists materials, not questions. */
    public boolean listsMaterials() {
        return !section.kind().equals("questions");
    }

    public String materials() {
        return "/admin/materials?section=" + section.id();
    }

    public String newMaterial() {
        return "/admin/materials/new?site=" + section.site() + "&section=" + section.path();
    }

    /** The kinds a section may be, with their names in the page's language. */
    public java.util.List<KindOption> kinds() {
        return java.util.List.of(
                new KindOption("questions", t(kz.komek.admin.AdminText.SECTIONS_KIND_QUESTIONS)),
                new KindOption("videos", t(kz.komek.admin.AdminText.SECTIONS_KIND_VIDEOS)),
                new KindOption("documents", t(kz.komek.admin.AdminText.SECTIONS_KIND_DOCUMENTS)));
    }

    /** A choice of the kind form: {@code value} as the form sends it. */
    public record KindOption(String value, String label) {}

    public String title(SectionEditor.Node n) {
        return n.title(lang()).isEmpty() ? n.title(frame.locale().other().code()) : n.title(lang());
    }
}
