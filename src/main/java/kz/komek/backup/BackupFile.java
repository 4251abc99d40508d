package kz.komek.backup;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.function.LongConsumer;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import kz.komek.progress.Progress;

/**
 * A backup file opened for a restore: its manifest read and checked, and its entries exactly the manifest's files.
 * Entries are only ever looked up by the names the manifest's checked table names make, and read as streams, never
 * written to disk: a name like {@code ../x} has nowhere to go and is refused as an unexpected entry.
 */
public final class BackupFile implements AutoCloseable {
    private final Path path;
    private final ZipFile zip;
    private final Manifest manifest;

    private BackupFile(Path path, ZipFile zip, Manifest manifest) {
        this.path = path;
        this.zip = zip;
        this.manifest = manifest;
    }

    /** Opens {@code path} and reads its manifest; a missing, cut-off or foreign file is a {@link BackupException}. */
    public static BackupFile open(Path path) {
        ZipFile zip;
        try {
            zip = new ZipFile(path.toFile());
        } catch (NoSuchFileException | java.io.FileNotFoundException e) {
            throw new BackupException("no such file");
        } catch (ZipException e) {
            throw new BackupException("not a komek backup: not a zip file, or a cut-off one (" + e.getMessage() + ")");
        } catch (IOException e) {
            throw new BackupException("cannot read: " + e.getMessage(), e);
        }
        try {
            ZipEntry entry = zip.getEntry(Manifest.FILE);
            if (entry == null) {
                throw new BackupException("not a komek backup: it has no " + Manifest.FILE);
            }
            Manifest manifest;
            try (InputStream in = zip.getInputStream(entry)) {
                manifest = Manifest.read(in);
            }
            entries(zip, manifest);
            return new BackupFile(path, zip, manifest);
        } catch (IOException e) {
            close(zip);
            throw new BackupException("cannot read: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            close(zip);
            throw e;
        }
    }

    /** The zip holds the manifest and its tables' files, each once, and nothing else. */
    private static void entries(ZipFile zip, Manifest manifest) {
        Set<String> expected = new HashSet<>();
        expected.add(Manifest.FILE);
        manifest.tables().forEach(t -> expected.add(t.file()));
        Set<String> seen = new HashSet<>();
        var all = zip.entries();
        while (all.hasMoreElements()) {
            String name = all.nextElement().getName();
            if (!expected.contains(name)) {
                throw new BackupException("not a komek backup: it holds \"" + printable(name) + "\", which "
                        + Manifest.FILE + " does not list");
            }
            if (!seen.add(name)) {
                throw new BackupException("not a komek backup: it holds " + name + " twice");
            }
        }
        expected.removeAll(seen);
        if (!expected.isEmpty()) {
            throw new BackupException("the backup lacks "
                    + expected.stream().sorted().findFirst().orElseThrow() + ", which " + Manifest.FILE + " lists");
        }
    }

    private static String printable(String name) {
        String clean = name.replaceAll("\\p{Cntrl}", "?");
        return clean.length() <= 80 ? clean : clean.substring(0, 80) + "…";
    }

    public Manifest manifest() {
        return manifest;
    }

    public Path path() {
        return path;
    }

    /**
     * Reads every table's file to its end and checks its size, rows and SHA-256 against the manifest, before the
     * database is touched; the restore checks each again as it loads it.
     */
    public void check(Progress progress) {
        long total = manifest.tables().stream().mapToLong(Manifest.Table::bytes).sum();
        progress.phase("checking", Math.max(1, total >> 20), "MB");
        long[] done = {0};
        for (Manifest.Table t : manifest.tables()) {
            try (TableInput in = table(t, n -> progress.at((done[0] += n) >> 20))) {
                in.drain();
            } catch (TableInput.Mismatch e) {
                throw new BackupException(e.getMessage());
            } catch (IOException e) {
                throw new BackupException("cannot read " + t.file() + ": " + e.getMessage(), e);
            }
        }
    }

    /** A table's file as a stream that checks itself against the manifest ({@link TableInput}). */
    TableInput table(Manifest.Table t, LongConsumer bytesRead) throws IOException {
        ZipEntry entry = zip.getEntry(t.file());
        if (entry == null) {
            throw new BackupException("the backup lacks " + t.file());
        }
        return new TableInput(zip.getInputStream(entry), t, bytesRead);
    }

    @Override
    public void close() {
        close(zip);
    }

    private static void close(ZipFile zip) {
        try {
            zip.close();
        } catch (IOException e) {
            // read only: nothing is lost
        }
    }
}
