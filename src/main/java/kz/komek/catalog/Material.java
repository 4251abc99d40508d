package kz.komek.catalog;

import java.util.Map;
import java.util.Optional;
import kz.komek.i18n.Locale;

/** A video or document listed in a section of its kind, with its texts in every locale it has. */
public record Material(
        long id, String site, SectionPath section, MaterialKind kind, int position, Map<Locale, MaterialText> texts) {
    public Material {
        if (id <= 0) {
            throw new IllegalArgumentException("a material id is positive, was " + id);
        }
        texts = Map.copyOf(texts);
    }

    public Optional<MaterialText> text(Locale locale) {
        return Optional.ofNullable(texts.get(locale));
    }

    /** The material's place on its section's page: {@code m9001}, the anchor of {@code #m9001}. */
    public static String anchor(long id) {
        return "m" + id;
    }
}
