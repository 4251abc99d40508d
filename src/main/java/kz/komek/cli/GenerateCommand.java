package kz.komek.cli;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Locale;
import java.util.concurrent.Callable;
import kz.komek.generate.BundleGenerator;
import kz.komek.progress.Progress;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
        name = "generate",
        mixinStandardHelpOptions = true,
        description = "Write a synthetic bilingual komek-bundle/1 help center of N questions, for benchmarks.")
public final class GenerateCommand implements Callable<Integer> {
    @Mixin
    Console console;

    @Option(
            names = "--questions",
            required = true,
            paramLabel = "N",
            description = "How many questions (1 to 2,000,000).")
    int questions;

    @Option(
            names = "--out",
            paramLabel = "FILE",
            defaultValue = "-",
            description = "Where to write the bundle; - for standard output (default).")
    String out;

    @Option(
            names = "--seed",
            defaultValue = "1",
            description = "Random seed; the same seed and options give byte-identical output (default: 1).")
    long seed;

    @Option(names = "--sites", defaultValue = "2", description = "1: clients only; 2: clients and sellers (default).")
    int sites;

    @Option(
            names = "--kz-only-share",
            defaultValue = "0.03",
            description = "Share of questions published in Kazakh only (default: 0.03).")
    double kzOnlyShare;

    @Option(
            names = "--ru-only-share",
            defaultValue = "0.05",
            description = "Share of questions published in Russian only (default: 0.05).")
    double ruOnlyShare;

    @Override
    public Integer call() {
        var err = console.err();
        BundleGenerator.Options options;
        try {
            if (questions < 1 || questions > BundleGenerator.MAX_QUESTIONS) {
                throw new IllegalArgumentException(
                        "--questions must be 1 to " + BundleGenerator.MAX_QUESTIONS + ", not " + questions);
            }
            options = new BundleGenerator.Options(sites, kzOnlyShare, ruOnlyShare);
        } catch (IllegalArgumentException e) {
            err.println("komek: " + e.getMessage());
            return Cli.BAD_INPUT;
        }
        var generator = new BundleGenerator();
        long started = System.nanoTime();
        if (out.equals("-")) {
            // progress on standard error: standard output is the bundle
            try (Progress progress = Progress.forOperator("generate", err)) {
                Writer w = console.out();
                generator.write(w, questions, seed, options, progress);
                w.flush();
                return 0;
            } catch (IOException e) {
                err.println("komek: cannot write to standard output: " + e.getMessage());
                return Cli.BAD_INPUT;
            }
        }
        // Write beside the target, then move: a reader never sees half a bundle.
        Path target = Path.of(out).toAbsolutePath();
        Path tmp = null;
        try {
            if (Files.isDirectory(target)) {
                throw new IOException(target + " is a directory");
            }
            // not Files.createTempFile: its owner-only permissions would stay on the bundle
            tmp = target.resolveSibling(
                    ".komek-generate-" + ProcessHandle.current().pid() + "-" + target.getFileName());
            BundleGenerator.Summary summary;
            try (Writer w = new BufferedWriter(
                            new OutputStreamWriter(
                                    Files.newOutputStream(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE),
                                    StandardCharsets.UTF_8),
                            1 << 16);
                    Progress progress = Progress.forOperator("generate", err)) {
                summary = generator.write(w, questions, seed, options, progress);
            }
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            err.println(String.format(
                    Locale.ROOT,
                    "generated %d questions in %d sections of %d sites: %s (%.1f MB, %.1f s)",
                    summary.questions(),
                    summary.sections(),
                    summary.sites(),
                    target,
                    Files.size(target) / 1e6,
                    (System.nanoTime() - started) / 1e9));
            return 0;
        } catch (IOException e) {
            err.println("komek: cannot write " + target + ": " + describe(e));
            return Cli.BAD_INPUT;
        } finally {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // the move succeeded or the directory is gone; nothing to clean
                }
            }
        }
    }

    private static String describe(IOException e) {
        String kind = e.getClass().getSimpleName();
        return e.getMessage() == null ? kind : kind.replace("Exception", "") + " " + e.getMessage();
    }
}
