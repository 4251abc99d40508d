package kz.komek.catalog;

import java.util.List;
import java.util.Optional;

/**
 * A section with its visible children, as the site home and the product page list them.
 *
 * @param children its subsections, or its first questions when it has no subsection to show
 * @param more the link to all its questions when the card shows only the first
 */
public record ProductCard(String title, String href, List<LinkItem> children, Optional<LinkItem> more) {
    public ProductCard {
        children = List.copyOf(children);
    }
}
