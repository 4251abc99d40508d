package kz.komek.catalog;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import kz.komek.i18n.Locale;

/** A site's sections as a tree: products, their themes, the themes' subthemes. */
public final class SectionTree {
    private final List<Section> all;
    private final Map<String, Section> byPath = new HashMap<>();

    public SectionTree(List<Section> sections) {
        for (Section s : sections) {
            byPath.put(s.path().value(), s);
        }
        var roots = children(sections, Optional.empty());
        var ordered = new ArrayList<Section>();
        addDepthFirst(sections, roots, ordered);
        this.all = List.copyOf(ordered);
    }

    private static void addDepthFirst(List<Section> sections, List<Section> level, List<Section> out) {
        for (Section s : level) {
            out.add(s);
            addDepthFirst(sections, children(sections, Optional.of(s.path())), out);
        }
    }

    private static List<Section> children(List<Section> sections, Optional<SectionPath> parent) {
        return sections.stream()
                .filter(s -> s.path().parent().equals(parent))
                .sorted(Comparator.comparingInt(Section::position)
                        .thenComparing(s -> s.path().value()))
                .toList();
    }

    /** Every section, depth first, siblings by position then path: the order of menus and of an export. */
    public List<Section> all() {
        return all;
    }

    public Optional<Section> find(SectionPath path) {
        return Optional.ofNullable(byPath.get(path.value()));
    }

    public List<Section> products() {
        return children(all, Optional.empty());
    }

    public List<Section> childrenOf(Section parent) {
        return children(all, Optional.of(parent.path()));
    }

    /** The section has its page in {@code locale}: it and all its ancestors exist and are shown there. */
    public boolean shownWithAncestors(Section section, Locale locale) {
        var lineage = lineage(section);
        return lineage.size() == section.depth() && lineage.stream().allMatch(s -> s.shownIn(locale));
    }

    /** The section and its ancestors, product first. */
    public List<Section> lineage(Section section) {
        return section.path().lineage().stream()
                .map(p -> byPath.get(p.value()))
                .filter(s -> s != null)
                .toList();
    }
}
