package kz.komek.catalog;

/** Model of {@code catalog/section.jte}: a product, theme or subtheme page. */
public record SectionPage(Chrome chrome, SectionView view) {}
