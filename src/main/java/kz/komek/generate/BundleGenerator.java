package kz.komek.generate;

import static kz.komek.generate.GeneratorVocabulary.LOCALES;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import kz.komek.bundle.Bundle;
import kz.komek.bundle.BundleJson;
import kz.komek.progress.Progress;

/**
 * Generates a realistic bilingual {@code komek-bundle/1} help center of a given size, for search and load
 * benchmarks: a section tree sized like a real help center, questions from Russian and Kazakh templates over a
 * banking/marketplace vocabulary ({@code generate/vocabulary.json}), answers in the seed's HTML conventions.
 *
 * <p>Output depends only on the question count, the seed and the options: every question draws from its own
 * random stream (seeded by its index), so a cross-listed copy can regenerate its original's text instead of
 * keeping it, and {@link #write} streams without holding the questions.
 */
public final class BundleGenerator {
    public static final int MAX_QUESTIONS = 2_000_000;

    /** Generation knobs; shares are of questions published in one locale only. */
    public record Options(int sites, double kzOnlyShare, double ruOnlyShare) {
        public Options {
            if (sites < 1 || sites > 2) {
                throw new IllegalArgumentException(
                        "--sites must be 1 (clients) or 2 (clients and sellers), not " + sites);
            }
            if (!(kzOnlyShare >= 0 && kzOnlyShare <= 1) || !(ruOnlyShare >= 0 && ruOnlyShare <= 1)) {
                throw new IllegalArgumentException("locale shares must be between 0 and 1, found --kz-only-share "
                        + kzOnlyShare + " and --ru-only-share " + ruOnlyShare);
            }
            if (kzOnlyShare + ruOnlyShare > 1) {
                throw new IllegalArgumentException("--kz-only-share and --ru-only-share add up to more than 1");
            }
        }

        public static Options defaults() {
            return new Options(2, 0.03, 0.05);
        }
    }

    /** What {@link #write} wrote. */
    public record Summary(int sites, int sections, int questions) {}

    private final GeneratorVocabulary vocab;

    public BundleGenerator() {
        vocab = GeneratorVocabulary.load();
    }

    /** The whole bundle in memory (about 2 KB of heap per question). */
    public Bundle generate(int questions, long seed, Options options) {
        GeneratorPlan plan = plan(questions, seed, options);
        List<Bundle.Question> out = new ArrayList<>(questions);
        plan.questions(out::add);
        return new Bundle(List.of(LOCALES), "ru", plan.sites(), plan.sections(), out, Map.of());
    }

    /**
     * Streams the bundle as pretty-printed JSON, byte for byte what {@link BundleJson#write} gives for {@link
     * #generate}, holding one question at a time.
     */
    public Summary write(Writer writer, int questions, long seed, Options options) throws IOException {
        return write(writer, questions, seed, options, Progress.NONE);
    }

    /** As {@link #write(Writer, int, long, Options)}; {@code progress} hears of every question written. */
    public Summary write(Writer writer, int questions, long seed, Options options, Progress progress)
            throws IOException {
        GeneratorPlan plan = plan(questions, seed, options);
        Bundle head = new Bundle(List.of(LOCALES), "ru", plan.sites(), plan.sections(), List.of(), Map.of());
        progress.phase("", questions, "questions");
        int[] done = {0};
        new BundleJson()
                .write(
                        writer,
                        head,
                        sink -> plan.questions(q -> {
                            sink.accept(q);
                            progress.at(++done[0]);
                        }));
        return new Summary(plan.sites().size(), plan.sections().size(), questions);
    }

    private GeneratorPlan plan(int questions, long seed, Options options) {
        if (questions < 1 || questions > MAX_QUESTIONS) {
            throw new IllegalArgumentException(
                    "the number of questions must be 1 to " + MAX_QUESTIONS + ", not " + questions);
        }
        return GeneratorPlan.of(vocab, questions, seed, options);
    }

    /** {@code 1 000 000}: groups of three with a space, as the seed writes amounts. */
    static String money(int amount) {
        String digits = Integer.toString(amount);
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < digits.length(); i++) {
            if (i > 0 && (digits.length() - i) % 3 == 0) {
                out.append(' ');
            }
            out.append(digits.charAt(i));
        }
        return out.toString();
    }
}
