package kz.komek.ops;

import java.security.SecureRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A request's id: the one a proxy or client sent in {@code X-Request-Id} when it is sane, else one of this node's
 * own. It is echoed in the response and carried by the request's log lines, so one request can be followed from the
 * proxy's log to komek's. A hostile header (too long, control characters, quotes for a log parser) is never used,
 * nor logged: the request gets a new id instead.
 */
public final class RequestIds {
    public static final String HEADER = "X-Request-Id";
    /** The MDC key, so that JSON log lines carry {@code request_id}. */
    public static final String MDC_KEY = "request_id";
    /** Where the id waits on the request for handlers behind the front handler. */
    public static final String ATTRIBUTE = "komek.request_id";

    static final int MAX_LENGTH = 128;

    /** Random per process, so that two nodes' counters never make the same id. */
    private final String prefix;

    private final AtomicLong counter = new AtomicLong();

    public RequestIds() {
        var random = new SecureRandom();
        var chars = new char[8];
        String alphabet = "abcdefghijklmnopqrstuvwxyz0123456789";
        for (int i = 0; i < chars.length; i++) {
            chars[i] = alphabet.charAt(random.nextInt(alphabet.length()));
        }
        this.prefix = new String(chars) + "-";
    }

    /** The request's id: {@code sent} when it is sane, else a new one (a counter: pages from memory stay cheap). */
    public String of(String sent) {
        return sane(sent) ? sent : next();
    }

    String next() {
        return prefix + Long.toString(counter.incrementAndGet(), 36);
    }

    /** 1 to 128 characters of {@code A-Z a-z 0-9 . _ : -}. */
    static boolean sane(String id) {
        if (id == null || id.isEmpty() || id.length() > MAX_LENGTH) {
            return false;
        }
        for (int i = 0; i < id.length(); i++) {
            char c = id.charAt(i);
            boolean ok = (c >= 'a' && c <= 'z')
                    || (c >= 'A' && c <= 'Z')
                    || (c >= '0' && c <= '9')
                    || c == '.'
                    || c == '_'
                    || c == ':'
                    || c == '-';
            if (!ok) {
                return false;
            }
        }
        return true;
    }
}
