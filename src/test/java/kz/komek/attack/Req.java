package kz.komek.attack;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One request as bytes on the wire, built by hand so that it can be wrong in ways no HTTP client allows: the
 * request line and header lines are Latin-1 strings (one char, one byte; UTF-8 is encoded by {@link #utf8} first),
 * and {@code Content-Length} and {@code Connection: close} are added unless the request sets its own.
 */
record Req(String label, String method, String target, String version, List<String> headers, byte[] body) {
    static final byte[] NONE = new byte[0];

    static Req of(String label, String method, String target) {
        return new Req(label, method, target, "HTTP/1.1", List.of(), NONE);
    }

    Req label(String l) {
        return new Req(l, method, target, version, headers, body);
    }

    Req target(String t) {
        return new Req(label, method, t, version, headers, body);
    }

    Req version(String v) {
        return new Req(label, method, target, v, headers, body);
    }

    /** Adds raw header lines ("Name: value", or anything else: they are sent as given). */
    Req with(String... lines) {
        var all = new ArrayList<>(headers);
        all.addAll(List.of(lines));
        return new Req(label, method, target, version, all, body);
    }

    Req body(String contentType, byte[] bytes) {
        Req r = new Req(label, method, target, version, headers, bytes);
        return contentType == null ? r : r.with("Content-Type: " + contentType);
    }

    Req body(String contentType, String text) {
        return body(contentType, text.getBytes(StandardCharsets.UTF_8));
    }

    boolean has(String name) {
        String prefix = name.toLowerCase(Locale.ROOT) + ":";
        return headers.stream().anyMatch(h -> h.toLowerCase(Locale.ROOT).startsWith(prefix));
    }

    boolean isHead() {
        return method.equalsIgnoreCase("HEAD");
    }

    byte[] bytes(String host) {
        var out = new ByteArrayOutputStream();
        var head = new StringBuilder();
        head.append(method).append(' ').append(target);
        if (!version.isEmpty()) {
            head.append(' ').append(version);
        }
        head.append("\r\n");
        if (!has("Host") && !headers.contains("-Host")) {
            head.append("Host: ").append(host).append("\r\n");
        }
        for (String h : headers) {
            if (!h.equals("-Host") && !h.equals("-Length")) {
                head.append(h).append("\r\n");
            }
        }
        if (body.length > 0 && !has("Content-Length") && !has("Transfer-Encoding") && !headers.contains("-Length")) {
            head.append("Content-Length: ").append(body.length).append("\r\n");
        }
        if (!has("Connection")) {
            head.append("Connection: close\r\n");
        }
        head.append("\r\n");
        out.writeBytes(head.toString().getBytes(StandardCharsets.ISO_8859_1));
        out.writeBytes(body);
        return out.toByteArray();
    }

    /** A Unicode string as its UTF-8 bytes, one char per byte, for a request line or header. */
    static String utf8(String s) {
        return new String(s.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
    }
}
