package kz.komek.catalog;

import java.util.List;

/** A section with its visible children, as the site home and the product page list them. */
public record ProductCard(String title, String href, List<LinkItem> children) {
    public ProductCard {
        children = List.copyOf(children);
    }
}
