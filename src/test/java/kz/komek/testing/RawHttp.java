package kz.komek.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * A request written on a socket by hand, for what Java's HttpClient will not send: a chunked body (no
 * Content-Length), or headers announcing a length the body never reaches. The body is written from another thread
 * while the answer is read, as a client does that the server may answer (and stop reading) before the body ends.
 */
public final class RawHttp {
    private RawHttp() {}

    /** What came back: the status code, the headers as sent and the body (chunked bodies joined). */
    public record Response(int status, String head, String body) {
        public String header(String name) {
            for (String line : head.split("\r\n")) {
                int colon = line.indexOf(':');
                if (colon > 0 && line.substring(0, colon).equalsIgnoreCase(name)) {
                    return line.substring(colon + 1).strip();
                }
            }
            return null;
        }
    }

    /**
     * POSTs {@code prefix}, then {@code filler} bytes of {@code x}, then {@code suffix} to {@code path} with
     * {@code Transfer-Encoding: chunked}, in chunks of 16 KiB. {@code headers} are whole header lines.
     */
    public static Response chunked(
            String baseUrl, String path, String[] headers, byte[] prefix, long filler, byte[] suffix)
            throws IOException {
        return post(baseUrl, path, headers, prefix, filler, suffix, true);
    }

    /** The same body with its {@code Content-Length} announced instead, written in 16 KiB pieces. */
    public static Response withLength(
            String baseUrl, String path, String[] headers, byte[] prefix, long filler, byte[] suffix)
            throws IOException {
        return post(baseUrl, path, headers, prefix, filler, suffix, false);
    }

    private static Response post(
            String baseUrl, String path, String[] headers, byte[] prefix, long filler, byte[] suffix, boolean chunked)
            throws IOException {
        URI url = URI.create(baseUrl);
        try (var socket = new Socket(url.getHost(), url.getPort())) {
            socket.setSoTimeout(20_000);
            OutputStream out = socket.getOutputStream();
            var head = new StringBuilder("POST " + path + " HTTP/1.1\r\nHost: localhost\r\n");
            for (String h : headers) {
                head.append(h).append("\r\n");
            }
            head.append(
                    chunked
                            ? "Transfer-Encoding: chunked\r\n"
                            : "Content-Length: " + (prefix.length + filler + suffix.length) + "\r\n");
            head.append("Connection: close\r\n\r\n");
            out.write(head.toString().getBytes(StandardCharsets.US_ASCII));
            out.flush();
            var writer = new Thread(() -> {
                try {
                    chunk(out, prefix, chunked);
                    byte[] block = new byte[16 * 1024];
                    java.util.Arrays.fill(block, (byte) 'x');
                    for (long left = filler; left > 0; left -= block.length) {
                        chunk(out, left >= block.length ? block : java.util.Arrays.copyOf(block, (int) left), chunked);
                    }
                    chunk(out, suffix, chunked);
                    if (chunked) {
                        out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                    }
                    out.flush();
                } catch (IOException e) {
                    // the server answered and closed before the body ended: what a refusal may do
                }
            });
            writer.setDaemon(true);
            writer.start();
            return read(socket.getInputStream());
        }
    }

    private static void chunk(OutputStream out, byte[] bytes, boolean chunked) throws IOException {
        if (bytes.length == 0) {
            return;
        }
        if (!chunked) {
            out.write(bytes);
            out.flush();
            return;
        }
        out.write((Integer.toHexString(bytes.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.write(bytes);
        out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    private static Response read(InputStream in) throws IOException {
        var all = new ByteArrayOutputStream();
        byte[] buf = new byte[8192];
        String text;
        int end;
        while (true) {
            int n;
            try {
                n = in.read(buf);
            } catch (java.net.SocketException e) {
                n = -1; // a reset after the answer was sent
            }
            if (n < 0) {
                break;
            }
            all.write(buf, 0, n);
            text = all.toString(StandardCharsets.UTF_8);
            end = text.indexOf("\r\n\r\n");
            if (end >= 0 && complete(text.substring(0, end), text.substring(end + 4))) {
                break;
            }
        }
        text = all.toString(StandardCharsets.UTF_8);
        end = text.indexOf("\r\n\r\n");
        if (end < 0) {
            throw new IOException("no answer, or an incomplete one: \"" + text + "\"");
        }
        String head = text.substring(0, end);
        String body = text.substring(end + 4);
        var response = new Response(Integer.parseInt(head.substring(9, 12)), head, body);
        if ("chunked".equalsIgnoreCase(response.header("Transfer-Encoding"))) {
            body = dechunk(body);
        }
        return new Response(response.status(), head, body);
    }

    private static boolean complete(String head, String body) {
        var r = new Response(Integer.parseInt(head.substring(9, 12)), head, body);
        String length = r.header("Content-Length");
        if (length != null) {
            return body.getBytes(StandardCharsets.UTF_8).length >= Integer.parseInt(length);
        }
        return "chunked".equalsIgnoreCase(r.header("Transfer-Encoding")) && body.endsWith("0\r\n\r\n");
    }

    private static String dechunk(String body) {
        var out = new StringBuilder();
        int at = 0;
        while (at < body.length()) {
            int eol = body.indexOf("\r\n", at);
            int size = Integer.parseInt(body.substring(at, eol).strip().toLowerCase(Locale.ROOT), 16);
            if (size == 0) {
                break;
            }
            // sizes count bytes; the bodies here are ASCII or short enough that this is exact for UTF-8 below
            byte[] rest = body.substring(eol + 2).getBytes(StandardCharsets.UTF_8);
            String piece = new String(rest, 0, size, StandardCharsets.UTF_8);
            out.append(piece);
            at = eol + 2 + piece.length() + 2;
        }
        return out.toString();
    }
}
