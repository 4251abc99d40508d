package kz.komek.bundle;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A bundle's bytes, which a streamed import reads twice (once to check everything, once to write the questions):
 * a file, or an upload the request already holds.
 */
public interface BundleSource {
    /** What a problem with the bytes themselves names: the file, {@code body}. */
    String name();

    long size();

    InputStream open() throws IOException;

    static BundleSource file(Path file) throws IOException {
        return new FileSource(file, Files.size(file));
    }

    static BundleSource bytes(String name, byte[] body) {
        return new Bytes(name, body);
    }

    record FileSource(Path path, long size) implements BundleSource {
        @Override
        public String name() {
            return path.toString();
        }

        @Override
        public InputStream open() throws IOException {
            return Files.newInputStream(path);
        }
    }

    record Bytes(String name, byte[] body) implements BundleSource {
        @Override
        public long size() {
            return body.length;
        }

        @Override
        public InputStream open() {
            return new ByteArrayInputStream(body);
        }
    }
}
