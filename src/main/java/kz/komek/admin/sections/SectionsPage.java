package kz.komek.admin.sections;

import java.util.List;
import java.util.Optional;
import kz.komek.admin.AdminFrame;
import kz.komek.admin.FramedPage;

/** Model of {@code admin/sections/list.jte}: every site's tree and the form for a new section. */
public record SectionsPage(
        AdminFrame frame,
        List<SectionEditor.SiteTree> sites,
        boolean mayEdit,
        Optional<String> done,
        Optional<String> error,
        NewSection form)
        implements FramedPage {

    /** What the new-section form shows (again, after an error). */
    public record NewSection(String site, String path, String ru, String kz) {
        static NewSection empty() {
            return new NewSection("", "", "", "");
        }
    }

    public String title(SectionEditor.Node n) {
        return n.title(lang()).isEmpty() ? n.title(frame.locale().other().code()) : n.title(lang());
    }

    public String siteTitle(SectionEditor.SiteTree site) {
        return site.titles().getOrDefault(lang(), site.site());
    }
}
