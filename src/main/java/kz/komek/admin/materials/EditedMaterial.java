package kz.komek.admin.materials;

import java.util.Objects;
import java.util.Optional;
import kz.komek.bundle.Bundle;

/**
 * A material as editors see it: its latest record (the live one for a material never edited here, revision 0), where
 * it stands, and which revision readers see.
 */
public record EditedMaterial(
        Bundle.Material record, MaterialStatus status, int revision, Optional<Integer> publishedRevision) {
    public EditedMaterial {
        Objects.requireNonNull(record, "record");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(publishedRevision, "publishedRevision");
    }

    public long id() {
        return record.id();
    }

    /** Readers see one of its revisions now (or will, at its scheduled time). */
    public boolean isPublic() {
        return publishedRevision.isPresent();
    }

    /** Its title in {@code locale}, else in the other one. */
    public String title(kz.komek.i18n.Locale locale) {
        var t = record.locales().get(locale.code());
        if (t == null) {
            t = record.locales().get(locale.other().code());
        }
        return t == null ? "" : t.title();
    }
}
