package kz.komek.admin.materials;

import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import kz.komek.admin.AdminFrame;
import kz.komek.admin.AdminText;
import kz.komek.admin.FramedPage;
import kz.komek.catalog.CatalogUrls;
import kz.komek.catalog.Material;
import kz.komek.i18n.Locale;

/**
 * Model of {@code admin/materials/edit.jte}: a material's editor (or a new one's), its status and history link, the
 * form as typed, and what the last action did or why it was refused.
 *
 * @param places the videos and documents sections a material may be listed in
 * @param invalidInput the input a refusal points at
 */
public record MaterialEditPage(
        AdminFrame frame,
        Optional<EditedMaterial> material,
        MaterialForm form,
        List<Place> places,
        Optional<String> done,
        Optional<String> error,
        Optional<String> invalidInput,
        boolean mayEdit,
        boolean mayPublish,
        LocalDateTime now)
        implements FramedPage {
    public MaterialEditPage {
        places = List.copyOf(places);
    }

    /** A section to choose: {@code site/path} and a readable name with its kind. */
    public record Place(String value, String label) {}

    /** A link to the material on a reader page. */
    public record Link(String label, String href) {}

    public boolean isNew() {
        return material.isEmpty();
    }

    public long id() {
        return material.map(EditedMaterial::id).orElse(0L);
    }

    public String heading() {
        return material.map(m -> AdminText.M_HEADING.format(frame.locale(), m.id()))
                .orElse(t(AdminText.M_NEW_TITLE));
    }

    public String path() {
        return isNew() ? "/admin/materials/new" : "/admin/materials/" + id();
    }

    public String status() {
        return material.map(m -> m.status().label(frame.locale())).orElse("");
    }

    public String statusCode() {
        return material.map(m -> m.status().code()).orElse("new");
    }

    public String revisionLine() {
        return material.map(m -> AdminText.M_REVISION_LINE.format(
                        frame.locale(),
                        m.revision(),
                        m.publishedRevision().map(Object::toString).orElse(t(AdminText.M_NOT_PUBLIC))))
                .orElse("");
    }

    public boolean isPublic() {
        return material.map(EditedMaterial::isPublic).orElse(false);
    }

    /** The material where readers find it, in each locale it has (once it is public). */
    public List<Link> publicLinks() {
        var out = new ArrayList<Link>();
        material.filter(EditedMaterial::isPublic).ifPresent(m -> {
            for (String code : m.record().locales().keySet()) {
                Locale.parse(code)
                        .ifPresent(l -> out.add(new Link(
                                code,
                                CatalogUrls.section(
                                                m.record().site(), l, m.record().section()) + "#"
                                        + Material.anchor(m.id()))));
            }
        });
        return out;
    }

    public List<String> locales() {
        return MaterialForm.LOCALES;
    }

    public String localeName(String code) {
        return code.equals("kz") ? t(AdminText.M_KAZAKH) : t(AdminText.M_RUSSIAN);
    }

    public String htmlLang(String code) {
        return code.equals("kz") ? "kk" : "ru";
    }

    /** {@code "true"} on the input a refusal points at (aria-invalid); null elsewhere. */
    public String invalid(String input) {
        return invalidInput.filter(input::equals).map(i -> "true").orElse(null);
    }

    /** The earliest time a schedule may name: the next minute. */
    public String scheduleMin() {
        return MaterialForm.LOCAL_INPUT
                .format(now.truncatedTo(ChronoUnit.MINUTES).plusMinutes(1))
                .substring(0, 16);
    }
}
