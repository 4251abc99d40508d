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
 * @param materials the videos or documents of the selected subtheme, then of the section itself, where they are
 *     of those kinds
 */
public record SectionView(
        String heading,
        List<LinkItem> menu,
        List<LinkItem> tabs,
        List<ProductCard> cards,
        List<QuestionList> lists,
        Optional<QuestionList> top,
        List<MaterialList> materials) {
    public SectionView {
        menu = List.copyOf(menu);
        tabs = List.copyOf(tabs);
        cards = List.copyOf(cards);
        lists = List.copyOf(lists);
        materials = List.copyOf(materials);
    }

    /** A view without materials. */
    public SectionView(
            String heading,
            List<LinkItem> menu,
            List<LinkItem> tabs,
            List<ProductCard> cards,
            List<QuestionList> lists,
            Optional<QuestionList> top) {
        this(heading, menu, tabs, cards, lists, top, List.of());
    }

    /** The videos the page shows, for their structured data. */
    public List<VideoItem> videos() {
        return materials.stream()
                .filter(MaterialList.VideoList.class::isInstance)
                .flatMap(l -> ((MaterialList.VideoList) l).items().stream())
                .toList();
    }

    public boolean hasQuestions() {
        return lists.stream().anyMatch(l -> !l.items().isEmpty());
    }
}
