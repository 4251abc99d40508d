package kz.komek.bundle;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * A bundle as an import takes it, without holding its questions: everything else (the {@code head}), the ids of the
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
                new Bundle(
                        bundle.locales(),
                        bundle.defaultLocale(),
                        bundle.sites(),
                        bundle.sections(),
                        List.of(),
                        bundle.extra()),
                bundle.questions().stream().mapToLong(Bundle.Question::id).toArray(),
                notes,
                sink -> bundle.questions().forEach(sink));
    }

    /** How many questions. */
    public int size() {
        return ids.length;
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
