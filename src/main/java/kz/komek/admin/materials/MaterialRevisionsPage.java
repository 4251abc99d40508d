package kz.komek.admin.materials;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import kz.komek.admin.AdminFrame;
import kz.komek.admin.AdminText;
import kz.komek.admin.FramedPage;

/** Model of {@code admin/materials/revisions.jte}: a material's history, newest first, and restoring. */
public record MaterialRevisionsPage(
        AdminFrame frame,
        long id,
        List<MaterialEditor.Revision> revisions,
        boolean mayRestore,
        Optional<String> done,
        ZoneId zone)
        implements FramedPage {
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    public MaterialRevisionsPage {
        revisions = List.copyOf(revisions);
    }

    public String heading() {
        return AdminText.M_HEADING.format(frame.locale(), id) + " · " + t(AdminText.M_HISTORY);
    }

    public String when(MaterialEditor.Revision r) {
        return WHEN.format(r.createdAt().atZone(zone));
    }
}
