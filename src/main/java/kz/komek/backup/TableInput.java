package kz.komek.backup;

import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.function.LongConsumer;

/**
 * One table's file as it is read from the zip, checked against the manifest as it goes: more bytes than the
 * manifest gives fail at once (a zip bomb costs no more than the manifest admits), and at the end the size and the
 * SHA-256 must be the manifest's. A failure is an {@link Mismatch} thrown from {@code read}, so that COPY, which
 * reads this stream, is cancelled before it ends: a damaged file never commits.
 */
final class TableInput extends InputStream {
    /** The file is not the one the manifest describes. */
    static final class Mismatch extends IOException {
        private static final long serialVersionUID = 1L;

        Mismatch(String message) {
            super(message);
        }
    }

    private final InputStream in;
    private final Manifest.Table table;
    private final MessageDigest sha256 = TableOutput.sha256();
    private final LongConsumer bytesSoFar;
    private long bytes;
    private long rows;
    private boolean ended;

    TableInput(InputStream in, Manifest.Table table, LongConsumer bytesSoFar) {
        this.in = in;
        this.table = table;
        this.bytesSoFar = bytesSoFar;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (ended) {
            return -1;
        }
        // never more than one byte past what the manifest admits
        int n = in.read(b, off, (int) Math.min(len, table.bytes() - bytes + 1));
        if (n < 0) {
            ended = true;
            verify();
            return -1;
        }
        bytes += n;
        if (bytes > table.bytes()) {
            throw new Mismatch(
                    table.file() + " is longer than the " + table.bytes() + " bytes " + Manifest.FILE + " gives");
        }
        sha256.update(b, off, n);
        for (int i = off; i < off + n; i++) {
            if (b[i] == '\n') {
                rows++;
            }
        }
        bytesSoFar.accept(n);
        return n;
    }

    private void verify() throws Mismatch {
        if (bytes != table.bytes()) {
            throw new Mismatch(table.file() + " has " + bytes + " bytes; " + Manifest.FILE + " gives " + table.bytes()
                    + " (a cut-off file?)");
        }
        String sum = HexFormat.of().formatHex(sha256.digest());
        if (!sum.equals(table.sha256())) {
            throw new Mismatch(table.file() + " does not match its SHA-256 in " + Manifest.FILE + ": the file was "
                    + "changed or damaged");
        }
        if (rows != table.rows()) {
            throw new Mismatch(table.file() + " has " + rows + " rows; " + Manifest.FILE + " gives " + table.rows());
        }
    }

    /** Reads to the end, checking; for the check before the database is touched. */
    void drain() throws IOException {
        byte[] buffer = new byte[1 << 16];
        while (read(buffer, 0, buffer.length) >= 0) {
            // counted and hashed by read
        }
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
