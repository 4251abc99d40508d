package kz.komek.catalog;

import java.util.List;
import java.util.Optional;

/**
 * A product, theme or subtheme as section and question pages show it.
 *
 * @param heading the product's or theme's title (subthemes are tabs of their theme)
 * @param menu the product's themes, the current one marked
 * @param tabs the theme's subthemes, the selected one marked; empty on product pages
 * @param cards the product's themes with their subthemes; only on product pages
 * @param lists the selected subtheme's questions, then the section's own questions
 * @param top the product's most read and most useful questions; only on product pages
 */
public record SectionView(
        String heading,
        List<LinkItem> menu,
        List<LinkItem> tabs,
        List<ProductCard> cards,
        List<QuestionList> lists,
        Optional<QuestionList> top) {
    public SectionView {
        menu = List.copyOf(menu);
        tabs = List.copyOf(tabs);
        cards = List.copyOf(cards);
        lists = List.copyOf(lists);
    }

    public boolean hasQuestions() {
        return lists.stream().anyMatch(l -> !l.items().isEmpty());
    }
}
