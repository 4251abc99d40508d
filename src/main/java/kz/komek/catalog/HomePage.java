package kz.komek.catalog;

import java.util.List;

/** Model of {@code catalog/home.jte}: a site's products with their themes. */
public record HomePage(Chrome chrome, String heading, List<ProductCard> products) {
    public HomePage {
        products = List.copyOf(products);
    }
}
