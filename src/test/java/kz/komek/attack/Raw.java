package kz.komek.attack;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/** Sends a {@link Req} over a plain socket to 127.0.0.1 and reads what comes back, whatever it is. */
final class Raw {
    /** At most this much of a response is kept (bodies past it are read and dropped). */
    private static final int KEEP = 2 * 1024 * 1024;

    private final int port;
    private final int timeoutMillis;

    Raw(int port, int timeoutMillis) {
        this.port = port;
        this.timeoutMillis = timeoutMillis;
    }

    /** What came back: a status (or -1 when none did), the head and the body as text, or why nothing came. */
    record Reply(int status, String head, String body, String error) {
        boolean answered() {
            return status > 0;
        }

        String header(String name) {
            String prefix = "\n" + name.toLowerCase(Locale.ROOT) + ":";
            String h = head.toLowerCase(Locale.ROOT);
            int i = h.indexOf(prefix);
            if (i < 0) {
                return null;
            }
            int end = head.indexOf('\r', i + prefix.length());
            return head.substring(i + prefix.length(), end < 0 ? head.length() : end)
                    .strip();
        }
    }

    int port() {
        return port;
    }

    Reply send(Req req) {
        try (var socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), timeoutMillis);
            socket.setSoTimeout(timeoutMillis);
            var out = socket.getOutputStream();
            try {
                out.write(req.bytes("127.0.0.1:" + port));
                out.flush();
                // the request is all there is: a server waiting for a promised body sees its end at once
                socket.shutdownOutput();
            } catch (IOException e) {
                // the server may answer (413, 431, 400) and close before it has read everything: read that answer
            }
            return read(socket.getInputStream(), req.isHead());
        } catch (SocketTimeoutException e) {
            return new Reply(-1, "", "", "timeout");
        } catch (IOException e) {
            return new Reply(-1, "", "", e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    private static Reply read(InputStream in, boolean head) throws IOException {
        var buf = new ByteArrayOutputStream();
        byte[] chunk = new byte[16384];
        int headEnd = -1;
        long contentLength = -1;
        boolean chunked = false;
        long total = 0;
        while (true) {
            int n;
            try {
                n = in.read(chunk);
            } catch (IOException e) {
                if (total == 0) {
                    throw e;
                }
                break; // reset after a complete answer: keep what came
            }
            if (n < 0) {
                break;
            }
            total += n;
            if (buf.size() < KEEP) {
                buf.write(chunk, 0, Math.min(n, KEEP - buf.size()));
            }
            if (headEnd < 0) {
                String s = buf.toString(StandardCharsets.ISO_8859_1);
                headEnd = s.indexOf("\r\n\r\n");
                if (headEnd >= 0) {
                    String h = s.substring(0, headEnd).toLowerCase(Locale.ROOT);
                    var m = java.util.regex.Pattern.compile("\ncontent-length:\\s*(\\d+)")
                            .matcher(h);
                    if (m.find()) {
                        contentLength = Long.parseLong(m.group(1));
                    }
                    chunked = h.contains("\ntransfer-encoding: chunked");
                    if (h.startsWith("http/1.1 100")) {
                        // an interim answer to Expect: 100-continue; the real one follows
                        buf.reset();
                        buf.writeBytes(s.substring(headEnd + 4).getBytes(StandardCharsets.ISO_8859_1));
                        headEnd = -1;
                        contentLength = -1;
                        continue;
                    }
                }
            }
            if (headEnd >= 0) {
                long bodySoFar = total - headEnd - 4;
                if (head || (contentLength >= 0 && bodySoFar >= contentLength)) {
                    break;
                }
                if (chunked && buf.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n0\r\n\r\n")) {
                    break;
                }
            }
        }
        String all = buf.toString(StandardCharsets.UTF_8);
        int end = all.indexOf("\r\n\r\n");
        String headText = end < 0 ? all : all.substring(0, end);
        String body = end < 0 ? "" : all.substring(end + 4);
        int status = -1;
        if (headText.startsWith("HTTP/")) {
            try {
                status = Integer.parseInt(headText.substring(9, 12));
            } catch (RuntimeException e) {
                status = -1;
            }
        }
        return new Reply(status, headText, body, status < 0 ? "no status line (" + total + " bytes)" : null);
    }
}
