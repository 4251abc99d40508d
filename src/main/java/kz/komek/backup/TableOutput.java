package kz.komek.backup;

import java.io.IOException;
import java.io.OutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.function.LongConsumer;

/**
 * Where COPY writes one table's file: passed on to the zip (left open for the next entry), counted in bytes and
 * rows, and hashed, for the manifest.
 */
final class TableOutput extends OutputStream {
    private final OutputStream out;
    private final MessageDigest sha256 = sha256();
    private final LongConsumer rowsSoFar;
    private long bytes;
    private long rows;

    /** @param rowsSoFar told the rows written every few thousand, for progress */
    TableOutput(OutputStream out, LongConsumer rowsSoFar) {
        this.out = out;
        this.rowsSoFar = rowsSoFar;
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        out.write(b, off, len);
        sha256.update(b, off, len);
        bytes += len;
        long before = rows;
        // COPY's text format ends each row with a newline and writes a newline inside a value as \n
        for (int i = off; i < off + len; i++) {
            if (b[i] == '\n') {
                rows++;
            }
        }
        if (rows / 4096 != before / 4096) {
            rowsSoFar.accept(rows);
        }
    }

    @Override
    public void close() {
        // the zip goes on with the next table
    }

    long bytes() {
        return bytes;
    }

    long rows() {
        return rows;
    }

    String sha256Hex() {
        return HexFormat.of().formatHex(sha256.digest());
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }
}
