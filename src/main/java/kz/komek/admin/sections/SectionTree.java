package kz.komek.admin.sections;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import kz.komek.catalog.SectionPath;
import kz.komek.http.NotFoundException;
import org.jdbi.v3.core.Handle;

/** A site's sections as editors see them, from the store's rows in the caller's transaction. */
final class SectionTree {
    private final SectionStore store;
    private final SectionContentStore contents;

    SectionTree(SectionStore store, SectionContentStore contents) {
        this.store = store;
        this.contents = contents;
    }

    /**
     * The parent of a section about to be at {@code path} (empty: a product); refused when a section is there
     * already or the parent is missing ({@code missingParent} begins that English message).
     */
    Optional<Long> parentOfNew(Handle h, String site, SectionPath path, String missingParent) {
        if (store.sectionId(h, site, path.value()).isPresent()) {
            String taken = site + "/" + path.value();
            throw new SectionRefusal(SectionRefusal.Code.EXISTS, "section " + taken + " already exists", taken);
        }
        if (path.parent().isEmpty()) {
            return Optional.empty();
        }
        String parent = path.parent().get().value();
        return Optional.of(store.sectionId(h, site, parent)
                .orElseThrow(() -> new SectionRefusal(
                        SectionRefusal.Code.NO_PARENT, missingParent + parent + " does not exist", parent)));
    }

    SectionEditor.Node node(Handle h, long id) {
        SectionStore.Row row =
                store.section(h, id).orElseThrow(() -> new NotFoundException("there is no section " + id));
        return ordered(h, row.site()).stream()
                .filter(n -> n.id() == id)
                .findFirst()
                .orElseThrow();
    }

    /**
     * The sections of {@code site} depth first, siblings by position then path, with their counts of questions and
     * materials.
     */
    List<SectionEditor.Node> ordered(Handle h, String site) {
        List<SectionStore.Row> rows = store.sections(h, site);
        Map<Long, Integer> live = contents.liveCounts(h, site);
        Map<String, Integer> drafts = contents.draftCounts(h, site);
        var children = new LinkedHashMap<Optional<Long>, List<SectionStore.Row>>();
        rows.stream()
                .sorted(Comparator.comparingInt(SectionStore.Row::position).thenComparing(SectionStore.Row::path))
                .forEach(r -> children.computeIfAbsent(r.parentId(), k -> new ArrayList<>())
                        .add(r));
        var out = new ArrayList<SectionEditor.Node>();
        walk(Optional.empty(), children, live, drafts, out);
        return out;
    }

    private static void walk(
            Optional<Long> parent,
            Map<Optional<Long>, List<SectionStore.Row>> children,
            Map<Long, Integer> live,
            Map<String, Integer> drafts,
            List<SectionEditor.Node> out) {
        for (SectionStore.Row r : children.getOrDefault(parent, List.of())) {
            out.add(new SectionEditor.Node(
                    r.id(),
                    r.site(),
                    r.path(),
                    r.parentId(),
                    r.position(),
                    r.titles(),
                    live.getOrDefault(r.id(), 0),
                    drafts.getOrDefault(r.path(), 0),
                    r.kind()));
            walk(Optional.of(r.id()), children, live, drafts, out);
        }
    }
}
