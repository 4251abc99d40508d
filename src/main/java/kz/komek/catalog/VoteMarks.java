package kz.komek.catalog;

import io.javalin.http.Cookie;
import io.javalin.http.SameSite;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A reader's own votes, carried in their browser: the one part of a page that differs between readers, read from the
 * request instead of the database, so that a reader who voted is served from the page cache like any other (decision
 * 0035). The cookie is {@code komek_votes}: entries {@code <question id><y|n>} joined by dots, oldest first, at
 * most {@value #MOST} (an older vote still counts and can be changed; only its mark on the page is forgotten), or
 * {@code -} for a reader who has none. A forged cookie only changes what its sender's own pages say about their
 * votes; the votes themselves are the database's.
 */
public record VoteMarks(Map<Long, Boolean> votes) {
    public static final String COOKIE = "komek_votes";
    public static final int MOST = 150;
    /** As long as the visitor cookie it stands beside. */
    public static final Duration LIFETIME = Duration.ofDays(730);

    /** What {@link #mark} says: no vote, a useful one, a not useful one, or a cookie that is not ours. */
    public static final int NONE = 0;

    public static final int USEFUL = 1;
    public static final int NOT_USEFUL = 2;
    public static final int UNREADABLE = -1;

    /** Longer than {@value #MOST} entries could be; anything longer is not read at all. */
    private static final int LONGEST = MOST * 21;

    public VoteMarks {
        if (votes.size() > MOST) {
            throw new IllegalArgumentException("at most " + MOST + " marks");
        }
        votes.keySet().forEach(id -> {
            if (id <= 0) {
                throw new IllegalArgumentException("question ids are positive: " + id);
            }
        });
        votes = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(votes));
    }

    public static VoteMarks none() {
        return new VoteMarks(Map.of());
    }

    /**
     * The reader's vote on question {@code id} in cookie {@code value}, without building anything: it is read on the
     * page cache's hot path. {@link #UNREADABLE} for a value komek did not write.
     */
    public static int mark(String value, long id) {
        if (value == null || value.isEmpty() || value.length() > LONGEST) {
            return UNREADABLE;
        }
        if (value.equals("-")) {
            return NONE;
        }
        int found = NONE;
        int i = 0;
        int n = value.length();
        while (i < n) {
            long entry = 0;
            int start = i;
            while (i < n && value.charAt(i) >= '0' && value.charAt(i) <= '9') {
                if (i - start >= 18) {
                    return UNREADABLE;
                }
                entry = entry * 10 + (value.charAt(i) - '0');
                i++;
            }
            if (i == start || value.charAt(start) == '0' || i >= n) {
                return UNREADABLE;
            }
            char verdict = value.charAt(i++);
            if (verdict != 'y' && verdict != 'n') {
                return UNREADABLE;
            }
            if (entry == id) {
                found = verdict == 'y' ? USEFUL : NOT_USEFUL;
            }
            if (i < n) {
                if (value.charAt(i) != '.' || i == n - 1) {
                    return UNREADABLE; // entries are joined by single dots, with none at the end
                }
                i++;
            }
        }
        return found;
    }

    /** The marks in cookie {@code value}; empty when it is absent or not one komek wrote. */
    public static Optional<VoteMarks> parse(String value) {
        if (value == null || mark(value, 0) == UNREADABLE) {
            return Optional.empty();
        }
        var votes = new LinkedHashMap<Long, Boolean>();
        if (!value.equals("-")) {
            for (String entry : value.split("\\.")) {
                long id = Long.parseLong(entry.substring(0, entry.length() - 1));
                votes.remove(id);
                votes.put(id, entry.endsWith("y"));
            }
        }
        while (votes.size() > MOST) {
            votes.remove(votes.keySet().iterator().next());
        }
        return Optional.of(new VoteMarks(votes));
    }

    /** The reader's vote on question {@code id}: true useful; empty when they have not voted (or it was forgotten). */
    public Optional<Boolean> of(long id) {
        return Optional.ofNullable(votes.get(id));
    }

    /** With the reader's vote on {@code id} as the newest; the oldest is forgotten beyond {@value #MOST}. */
    public VoteMarks with(long id, boolean useful) {
        var next = new LinkedHashMap<>(votes);
        next.remove(id);
        next.put(id, useful);
        while (next.size() > MOST) {
            next.remove(next.keySet().iterator().next());
        }
        return new VoteMarks(next);
    }

    /** Built from votes newest first (as the database lists them), keeping the newest {@value #MOST}. */
    public static VoteMarks ofNewestFirst(List<Map.Entry<Long, Boolean>> newestFirst) {
        var oldestFirst = new ArrayList<>(newestFirst.subList(0, Math.min(MOST, newestFirst.size())));
        java.util.Collections.reverse(oldestFirst);
        var votes = new LinkedHashMap<Long, Boolean>();
        oldestFirst.forEach(e -> votes.put(e.getKey(), e.getValue()));
        return new VoteMarks(votes);
    }

    public String value() {
        if (votes.isEmpty()) {
            return "-";
        }
        var s = new StringBuilder();
        votes.forEach((id, useful) -> {
            if (!s.isEmpty()) {
                s.append('.');
            }
            s.append(id).append(useful ? 'y' : 'n');
        });
        return s.toString();
    }

    /**
     * Whether the reader's browser talks HTTPS to us, for the cookies' Secure flag. {@code X-Forwarded-Proto} is
     * believed even without a trusted proxy: a client that fakes it only makes its own cookie HTTPS-only.
     */
    public static boolean overHttps(io.javalin.http.Context ctx) {
        if ("https".equalsIgnoreCase(ctx.scheme())) {
            return true;
        }
        String proto = ctx.header("X-Forwarded-Proto");
        return proto != null && "https".equalsIgnoreCase(proto.split(",")[0].strip());
    }

    /**
     * The cookie that carries these marks: HttpOnly (the server splices them, no script reads them), SameSite=Lax,
     * Secure over HTTPS, for two years like the visitor cookie.
     */
    public Cookie cookie(boolean overHttps) {
        return new Cookie(COOKIE, value(), "/", (int) LIFETIME.toSeconds(), overHttps, true, null, SameSite.LAX);
    }
}
