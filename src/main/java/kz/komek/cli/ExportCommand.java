package kz.komek.cli;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.Callable;
import kz.komek.bundle.BundleStore;
import kz.komek.progress.Progress;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

@Command(
        name = "export",
        mixinStandardHelpOptions = true,
        description = "Write the whole help center as a komek-bundle/1 file.")
final class ExportCommand implements Callable<Integer> {
    @Mixin
    Console console;

    @Mixin
    DbOptions db;

    @Parameters(index = "0", paramLabel = "FILE", description = "Where to write the bundle; - for standard output.")
    String file;

    @Override
    public Integer call() throws IOException {
        // progress on standard error: standard output may be the bundle itself
        try (var database = db.open();
                Progress progress = Progress.forOperator("export", console.err())) {
            var store = new BundleStore(database.jdbi());
            if (file.equals("-")) {
                store.export(console.out(), progress);
                return 0;
            }
            // Write beside the target, then move: a reader never sees half a bundle.
            Path target = Path.of(file).toAbsolutePath();
            Path tmp = Files.createTempFile(target.getParent(), ".komek-export", ".json");
            try {
                try (Writer w = new BufferedWriter(
                        new OutputStreamWriter(Files.newOutputStream(tmp), StandardCharsets.UTF_8), 1 << 16)) {
                    store.export(w, progress);
                }
                // A temp file is private (0600); an export is an ordinary file the operator shares or archives.
                if (tmp.getFileSystem().supportedFileAttributeViews().contains("posix")) {
                    Files.setPosixFilePermissions(
                            tmp, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
                }
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(tmp);
            }
            progress.close();
            console.err().println("exported to " + target);
            return 0;
        }
    }
}
