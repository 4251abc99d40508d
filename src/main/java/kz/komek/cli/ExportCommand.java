package kz.komek.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.Callable;
import kz.komek.bundle.BundleJson;
import kz.komek.bundle.BundleStore;
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
        String json;
        try (var database = db.open()) {
            json = new BundleJson().write(new BundleStore(database.jdbi()).export());
        }
        if (file.equals("-")) {
            console.out().print(json);
            console.out().flush();
            return 0;
        }
        // Write beside the target, then move: a reader never sees half a bundle.
        Path target = Path.of(file).toAbsolutePath();
        Path tmp = Files.createTempFile(target.getParent(), ".komek-export", ".json");
        try {
            Files.writeString(tmp, json, StandardCharsets.UTF_8);
            // A temp file is private (0600); an export is an ordinary file the operator shares or archives.
            if (tmp.getFileSystem().supportedFileAttributeViews().contains("posix")) {
                Files.setPosixFilePermissions(
                        tmp, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
            }
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
        console.err().println("exported to " + target);
        return 0;
    }
}
