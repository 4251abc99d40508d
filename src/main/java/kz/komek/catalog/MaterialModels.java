package kz.komek.catalog;

import java.util.Optional;
import kz.komek.i18n.Locale;

/**
 * Builds the material lists of a section page (videos or documents) from what {@link CatalogMemory} holds: only
 * what is public in the page's locale now, each item with its facts in the page's language.
 */
final class MaterialModels {
    private final CatalogMemory store;

    MaterialModels(CatalogMemory store) {
        this.store = store;
    }

    /**
     * The list of {@code section} under {@code heading}; empty for a section of questions.
     *
     * @param headingShown false where the heading would only repeat a selected tab or the page's h1
     */
    Optional<MaterialList> list(PageRequest req, Section section, String heading, boolean headingShown) {
        Locale locale = req.locale();
        if (section.kind() == SectionKind.QUESTIONS) {
            return Optional.empty();
        }
        var materials = store.materialsIn(section.id(), locale, req.now());
        if (section.kind() == SectionKind.VIDEOS) {
            var items = materials.stream()
                    .filter(m -> m.kind() == MaterialKind.VIDEO)
                    .flatMap(m -> video(m, locale).stream())
                    .toList();
            return Optional.of(new MaterialList.VideoList(heading, headingShown, items));
        }
        var items = materials.stream()
                .filter(m -> m.kind() == MaterialKind.DOCUMENT)
                .flatMap(m -> document(m, locale).stream())
                .toList();
        return Optional.of(new MaterialList.DocumentList(heading, headingShown, items));
    }

    /** The page's own list of a videos or documents section, under the kind's name (hidden when {@code hidden}). */
    Optional<MaterialList> own(PageRequest req, Section section, boolean headingShown) {
        String heading = section.kind() == SectionKind.DOCUMENTS
                ? UiText.DOCUMENTS.in(req.locale())
                : UiText.VIDEOS.in(req.locale());
        return list(req, section, heading, headingShown);
    }

    private static Optional<VideoItem> video(Material m, Locale locale) {
        return m.text(locale)
                .flatMap(t -> VideoSource.of(t.url())
                        .map(source -> new VideoItem(
                                m.id(),
                                t.title(),
                                source,
                                t.description().filter(d -> !d.isBlank()),
                                t.length(),
                                t.length().map(d -> MaterialFormat.duration(d, locale)),
                                t.updated(),
                                t.published())));
    }

    private static Optional<DocumentItem> document(Material m, Locale locale) {
        return m.text(locale).map(t -> {
            Optional<String> format = t.format().map(f -> f.toUpperCase(java.util.Locale.ROOT));
            boolean pdf = format.map("PDF"::equals).orElse(false)
                    || t.url().toLowerCase(java.util.Locale.ROOT).matches("[^?#]*\\.pdf([?#].*)?");
            return new DocumentItem(
                    m.id(),
                    t.title(),
                    t.url(),
                    t.description().filter(d -> !d.isBlank()),
                    format,
                    t.size().map(s -> MaterialFormat.size(s, locale)),
                    t.updated(),
                    pdf);
        });
    }
}
