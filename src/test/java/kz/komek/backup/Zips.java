package kz.komek.backup;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/** Backup files taken apart and put together again, changed as an attacker or a broken disk would change them. */
final class Zips {
    private static final ObjectMapper JSON = new ObjectMapper();

    private Zips() {}

    /** Every entry's bytes, in the file's order. */
    static Map<String, byte[]> read(Path zip) throws IOException {
        var entries = new LinkedHashMap<String, byte[]>();
        try (var z = new ZipFile(zip.toFile())) {
            for (var e : z.stream().toList()) {
                try (var in = z.getInputStream(e)) {
                    entries.put(e.getName(), in.readAllBytes());
                }
            }
        }
        return entries;
    }

    static void write(Map<String, byte[]> entries, Path zip) throws IOException {
        try (OutputStream file = Files.newOutputStream(zip);
                var out = new ZipOutputStream(file)) {
            for (var e : entries.entrySet()) {
                out.putNextEntry(new ZipEntry(e.getKey()));
                out.write(e.getValue());
                out.closeEntry();
            }
        }
    }

    /** A copy of {@code from} whose entries {@code change} edits. */
    static Path changed(Path from, Path to, Consumer<Map<String, byte[]>> change) throws IOException {
        var entries = read(from);
        change.accept(entries);
        write(entries, to);
        return to;
    }

    /** The manifest of {@code entries}, to edit; {@link #putManifest} writes it back. */
    static ObjectNode manifest(Map<String, byte[]> entries) throws IOException {
        return (ObjectNode) JSON.readTree(entries.get("manifest.json"));
    }

    static void putManifest(Map<String, byte[]> entries, ObjectNode manifest) throws IOException {
        entries.put("manifest.json", JSON.writeValueAsBytes(manifest));
    }

    /**
     * Replaces a table's file and makes the manifest agree with it (size, rows, SHA-256): a forgery the checksums
     * cannot catch.
     */
    static void forge(Map<String, byte[]> entries, String table, byte[] file) throws Exception {
        entries.put("tables/" + table + ".copy", file);
        ObjectNode manifest = manifest(entries);
        for (var t : manifest.get("tables")) {
            if (t.get("name").asText().equals(table)) {
                long rows = 0;
                for (byte b : file) {
                    rows += b == '\n' ? 1 : 0;
                }
                ((ObjectNode) t).put("rows", rows);
                ((ObjectNode) t).put("bytes", file.length);
                ((ObjectNode) t)
                        .put(
                                "sha256",
                                HexFormat.of()
                                        .formatHex(MessageDigest.getInstance("SHA-256")
                                                .digest(file)));
            }
        }
        putManifest(entries, manifest);
    }
}
