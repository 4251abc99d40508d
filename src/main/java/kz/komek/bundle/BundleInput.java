package kz.komek.bundle;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * A bundle as an import takes it, without holding its questions: everything else (the {@code head}, materials too), the ids of the
 * questions in the file's order, the notes on their fields this version does not know, and a way to hand the
 * questions over one at a time. A file's are read from it again ({@link BundleReader}); an in-memory bundle's come
 * from its list.
 */
public record BundleInput(
        Bundle head, long[] ids, List<String> questionNotes, Consumer<Consumer<Bundle.Question>> questions) {

    public BundleInput {
        questionNotes = List.copyOf(questionNotes);
    }

    /** A bundle already in memory (a page payload, the demo, tests). */
    public static BundleInput of(Bundle bundle) {
        var notes = new ArrayList<String>();
        bundle.questions().forEach(q -> notes.addAll(unknownFieldNotes(q)));
        return new BundleInput(
                bundle.withQuestions(List.of()),
                bundle.questions().stream().mapToLong(Bundle.Question::id).toArray(),
                notes,
                sink -> bundle.questions().forEach(sink));
    }

    /** How many questions. */
    public int size() {
        return ids.length;
    }

    /** What an import says of the fields it keeps without using them, outside questions. */
    static List<String> unknownFieldNotes(Bundle bundle) {
        var notes = new ArrayList<String>();
        if (!bundle.extra().isEmpty()) {
            notes.add(
                    "bundle: kept unknown fields " + bundle.extra().keySet() + " for export; komek does not use them");
        }
        bundle.sites().stream()
                .filter(s -> !s.extra().isEmpty())
                .forEach(s -> notes.add("site " + s.slug() + ": kept unknown fields "
                        + s.extra().keySet()));
        bundle.sections().stream()
                .filter(s -> !s.extra().isEmpty())
                .forEach(s -> notes.add("section " + s.site() + "/" + s.path() + ": kept unknown fields "
                        + s.extra().keySet()));
        for (Bundle.Material m : bundle.materials()) {
            if (!m.extra().isEmpty()) {
                notes.add("material " + m.id() + ": kept unknown fields "
                        + m.extra().keySet());
            }
            m.locales().forEach((code, t) -> {
                if (!t.extra().isEmpty()) {
                    notes.add("material " + m.id() + ", locale " + code + ": kept unknown fields "
                            + t.extra().keySet());
                }
            });
        }
        return notes;
    }

    /** What an import says of a question's fields it keeps without using them. */
    static List<String> unknownFieldNotes(Bundle.Question q) {
        var notes = new ArrayList<String>();
        if (!q.extra().isEmpty()) {
            notes.add(
                    "question " + q.id() + ": kept unknown fields " + q.extra().keySet());
        }
        q.locales().forEach((code, t) -> {
            if (!t.extra().isEmpty()) {
                notes.add("question " + q.id() + ", locale " + code + ": kept unknown fields "
                        + t.extra().keySet());
            }
        });
        return notes;
    }
}
