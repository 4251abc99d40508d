package kz.komek.admin.sections;

import static kz.komek.admin.sections.SectionRefusal.Code.*;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import kz.komek.admin.Actor;
import kz.komek.admin.questions.RevisionNote;
import kz.komek.admin.questions.RevisionStore;
import kz.komek.catalog.SectionPath;
import org.jdbi.v3.core.Handle;

/**
 * Moving or renaming a section with its subtree, the one section write that reaches into questions: drafts name
 * sections by path, so each question whose latest (or published) revision names a moved section gets a revision
 * naming the new path (see docs/decisions/0014-sections-editing.md).
 */
record SectionMove(SectionStore store, SectionContentStore contents, SectionTree tree, RevisionStore revisions) {
    /** What a move did: the section before and after, live questions that moved, revisions added. */
    record Moved(SectionEditor.Node before, SectionEditor.Node after, int questions, int revisions) {}

    /** {@link SectionEditor#move}'s changes, in its transaction (the editor writes the audit row). */
    Moved move(Handle h, long id, SectionPath target, Actor by) {
        SectionEditor.Node before = tree.node(h, id);
        String site = before.site();
        String old = before.path();
        if (old.equals(target.value())) {
            throw new SectionRefusal(SAME_PATH, "section " + site + "/" + old + ", field path: it is already there");
        }
        // question heads first, then the writers' lock: the order the question editor takes them in
        List<SectionStore.Head> heads = store.lockHeads(h, store.headsNaming(h, site, old));
        var materialHeads = contents.lockMaterialHeads(h, site, old);
        long version = store.lockVersion(h);
        if (!tree.node(h, id).path().equals(old)) {
            throw new SectionRefusal(MOVED_MEANWHILE, "section " + id + " was moved meanwhile; reload and try again");
        }
        if (target.value().startsWith(old + "/")) {
            throw new SectionRefusal(
                    UNDER_ITSELF,
                    "section " + site + "/" + old + ", field path: " + target.value() + " is under the section itself",
                    target.value());
        }
        int below = store.subtreeDepth(h, site, old);
        if (target.depth() + below > SectionPath.MAX_DEPTH) {
            throw new SectionRefusal(
                    TOO_DEEP,
                    "section " + site + "/" + old + ", field path: " + target.value() + " would put its sections "
                            + (target.depth() + below) + " levels deep; at most " + SectionPath.MAX_DEPTH,
                    target.depth() + below,
                    SectionPath.MAX_DEPTH);
        }
        Optional<Long> parent = tree.parentOfNew(h, site, target, "section " + site + "/" + old + ", field path: ");
        String note = RevisionNote.SECTION_MOVED.write(old, target.value());
        int added = 0;
        for (SectionStore.Head head : heads) {
            added += rewrite(h, head, site, old, target.value(), by, note);
        }
        // materials' drafts name sections by path too (their live rows follow the section by itself)
        added += contents.moveMaterialRevisions(
                h,
                materialHeads,
                old,
                target.value(),
                by.principal().userId(),
                by.principal().name(),
                note);
        int moved = store.recordMoves(h, site, old);
        store.renameSubtree(h, id, site, old, target.value(), parent);
        store.recordSectionMoves(h, site, old, target.value());
        if (!parent.equals(before.parentId())) {
            List<Long> order = new ArrayList<>(store.siblings(h, site, parent).stream()
                    .map(SectionStore.Row::id)
                    .filter(s -> s != id)
                    .toList());
            order.add(id);
            store.renumber(h, order);
            store.renumber(
                    h,
                    store.siblings(h, site, before.parentId()).stream()
                            .map(SectionStore.Row::id)
                            .toList());
        }
        store.reindexUnder(h, site, target.value(), version);
        store.bumpVersion(h);
        return new Moved(before, tree.node(h, id), moved, added);
    }

    /**
     * New revisions naming the new path for one locked question. The live tables must keep holding exactly the
     * published revision (the live row follows the section row by itself), and a pending draft stays the latest.
     */
    private int rewrite(Handle h, SectionStore.Head head, String site, String old, String now, Actor by, String note) {
        long id = head.id();
        boolean latestNames = store.revisionNames(h, id, head.latest(), site, old);
        Optional<Integer> published = head.live() ? head.published() : Optional.empty();
        if (published.equals(Optional.of(head.latest()))) {
            if (!latestNames) {
                return 0;
            }
            int r = revisions.appendMoved(h, id, head.latest(), old, now, by, note);
            revisions.setPublished(h, id, Optional.of(r));
            return 1;
        }
        int added = 0;
        if (published.isPresent() && store.revisionNames(h, id, published.get(), site, old)) {
            int r = revisions.appendMoved(h, id, published.get(), old, now, by, note);
            revisions.setPublished(h, id, Optional.of(r));
            added++;
        }
        if (latestNames || added > 0) {
            // the draft stays on top (with the new path when it named a moved section)
            revisions.appendMoved(h, id, head.latest(), old, now, by, note);
            added++;
        }
        return added;
    }
}
