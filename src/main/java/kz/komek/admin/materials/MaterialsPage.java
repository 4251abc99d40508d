package kz.komek.admin.materials;

import java.util.List;
import java.util.Optional;
import kz.komek.admin.AdminFrame;
import kz.komek.admin.FramedPage;

/** Model of {@code admin/materials/list.jte}: every video and document (of one section, when chosen). */
public record MaterialsPage(
        AdminFrame frame,
        List<Row> rows,
        List<SectionOption> sections,
        Optional<SectionOption> selected,
        boolean mayEdit,
        Optional<String> done)
        implements FramedPage {
    public MaterialsPage {
        rows = List.copyOf(rows);
        sections = List.copyOf(sections);
    }

    /** A material as the table lists it, its texts in the page's language. */
    public record Row(long id, String title, String kind, String place, int position, String status) {}

    /**
     * A videos or documents section to filter by or to put a new material in: {@code id} for the filter, {@code
     * place} ({@code site/path}) for the editor.
     */
    public record SectionOption(long id, String place, String label) {}

    /** The new-material editor, in the chosen section when there is one. */
    public String newHref() {
        return selected.map(s -> {
                    int slash = s.place().indexOf('/');
                    return "/admin/materials/new?site=" + s.place().substring(0, slash) + "&section="
                            + s.place().substring(slash + 1);
                })
                .orElse("/admin/materials/new");
    }

    public boolean isSelected(SectionOption s) {
        return selected.map(o -> o.id() == s.id()).orElse(false);
    }
}
