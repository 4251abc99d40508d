package kz.komek.cli;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import kz.komek.bundle.Bundle;
import kz.komek.bundle.BundleException;
import kz.komek.bundle.BundleInput;
import kz.komek.bundle.BundleJson;
import kz.komek.bundle.BundleReader;
import kz.komek.bundle.BundleSource;
import kz.komek.bundle.BundleStore;
import kz.komek.bundle.HeapBudget;
import kz.komek.bundle.ImportReport;
import kz.komek.bundle.VotePolicy;
import kz.komek.bundle.nuxt.NuxtImport;
import kz.komek.bundle.nuxt.NuxtPayloadReader;
import kz.komek.progress.Progress;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.TypeConversionException;

@Command(
        name = "import",
        mixinStandardHelpOptions = true,
        description = "Import a komek-bundle/1 JSON file or a Nuxt page payload, all or nothing.")
final class ImportCommand implements Callable<Integer> {
    @Mixin
    Console console;

    @Mixin
    DbOptions db;

    @Parameters(
            index = "0",
            paramLabel = "FILE",
            description = "A bundle (.json) or a page payload (__NUXT_DATA__ array or HTML page).")
    Path file;

    @Option(
            names = "--site",
            defaultValue = "client",
            description = "Site of a page payload's questions (default ${DEFAULT-VALUE}).")
    String site;

    @Option(names = "--dry-run", description = "Check and report, change nothing.")
    boolean dryRun;

    @Option(
            names = "--max-bytes",
            defaultValue = "268435456",
            description = "Refuse files larger than this (default ${DEFAULT-VALUE}, 256 MiB).")
    long maxBytes;

    @Option(
            names = "--votes",
            paramLabel = "replace|keep|add",
            defaultValue = "keep",
            converter = VotesConverter.class,
            description = "Vote counts of questions already stored: keep (the default: readers' votes stay, the"
                    + " file's are ignored), replace (the file's counts and ratio win), add (the file's counts are"
                    + " added to the stored ones; its ratio is taken only where none is stored). New questions"
                    + " always take the file's.")
    VotePolicy votes;

    /** {@code --votes} as people write it, in lower case; a wrong value is a usage error naming the right ones. */
    static final class VotesConverter implements ITypeConverter<VotePolicy> {
        @Override
        public VotePolicy convert(String value) {
            try {
                return VotePolicy.parse(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }

    @Override
    public Integer call() {
        long size;
        try {
            size = size(file, maxBytes);
        } catch (BundleException e) {
            return console.refused(e.getMessage());
        }
        ImportReport report;
        // progress on standard error: standard output is the report alone, as before
        try (Progress progress = Progress.forOperator("import", console.err())) {
            Input input;
            try {
                input = input(file, site, progress);
            } catch (BundleException e) {
                progress.close();
                return nothingChanged(e);
            }
            try (var database = db.open()) {
                report = new BundleStore(database.jdbi())
                        .importBundle(input.bundle(), input.findings(), votes, dryRun, progress);
                progress.close(); // its last line before the database's goodbye
            } catch (BundleException e) {
                progress.close();
                return nothingChanged(e);
            }
        }
        console.out().print(report.describe());
        console.out().println(dryRun ? "dry run: nothing was changed" : "imported " + file);
        return 0;
    }

    /** A file checked, ready to import: its records, read again one at a time as they are written. */
    record Input(BundleInput bundle, List<String> findings) {}

    /**
     * Checks {@code file} before the database is touched. A bundle is read as a stream, twice (checked whole first,
     * its questions written on the second reading), so its size is bounded by the disk, not the heap; a page
     * payload (small) is read whole, within the heap ({@link #read}).
     */
    static Input input(Path file, String site, Progress progress) {
        BundleSource source;
        try {
            source = BundleSource.file(file);
        } catch (java.nio.file.NoSuchFileException e) {
            throw new BundleException(file.toString(), "no such file");
        } catch (IOException e) {
            throw new BundleException(file.toString(), "cannot read: " + e.getMessage());
        }
        if (BundleReader.isBundle(source)) {
            return new Input(new BundleReader().scan(source, progress), List.of());
        }
        Read read = read(file, source.size(), site, HeapBudget.ofThisJvm(source.size()));
        return new Input(BundleInput.of(read.bundle()), read.findings());
    }

    /** A file read whole: the bundle and what reading it noticed. */
    record Read(Bundle bundle, List<String> findings) {}

    /**
     * Reads and parses {@code file} ({@code size} bytes) whole, within {@code heap}: a page payload, or a bundle
     * {@code search-eval} needs in memory anyway. A file the heap cannot hold is refused before it is read, and one
     * that runs out of heap while being read is refused the same way; the database is not touched before this
     * returns. The text lives only inside the reading, so it is garbage once it is parsed.
     */
    static Read read(Path file, long size, String site, HeapBudget heap) {
        return heap.read(file.toString(), size, () -> {
            String text = text(file);
            if (NuxtPayloadReader.looksLikePayload(text)) {
                NuxtImport nuxt = new NuxtPayloadReader().read(text, site);
                return new Read(nuxt.bundle(), nuxt.findings());
            }
            return new Read(new BundleJson().read(text), List.of());
        });
    }

    private int nothingChanged(BundleException e) {
        // a problem with the file itself names it already; one inside it names a record
        console.refused(e.getMessage().startsWith(file + ": ") ? e.getMessage() : file + ": " + e.getMessage());
        return console.refused("nothing was changed");
    }

    /** The file's size; missing, unreadable or larger than {@code maxBytes} is bad input. */
    static long size(Path file, long maxBytes) {
        long size;
        try {
            size = Files.size(file);
        } catch (java.nio.file.NoSuchFileException e) {
            throw new BundleException(file.toString(), "no such file");
        } catch (IOException e) {
            throw new BundleException(file.toString(), "cannot read: " + e.getMessage());
        }
        if (size > maxBytes) {
            throw new BundleException(
                    file.toString(),
                    "is " + size + " bytes; the largest file this import takes is " + maxBytes
                            + " bytes (--max-bytes)");
        }
        return size;
    }

    /** The file as UTF-8 text; unreadable or not UTF-8 is bad input. */
    private static String text(Path file) {
        try {
            byte[] bytes = Files.readAllBytes(file);
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new BundleException(file.toString(), "is not UTF-8 text");
        } catch (java.nio.file.NoSuchFileException e) {
            throw new BundleException(file.toString(), "no such file");
        } catch (IOException e) {
            throw new BundleException(file.toString(), "cannot read: " + e.getMessage());
        }
    }
}
