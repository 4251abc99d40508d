package kz.komek.attack;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;

/**
 * What a batch of hostile requests got back: counts per status, the 5xx answers and the answers that show a stack
 * trace or an exception's name (with the first few of each as samples to reproduce), and the requests that got no
 * answer at all.
 */
final class Tally {
    /** A Java stack frame, an exception's class name or the packages a trace would name. */
    static final Pattern STACK_TRACE = Pattern.compile(
            "(?m)(^\\s*at [\\w$.]+\\([^)]*\\)|\\b[\\w$.]+(Exception|Error)\\b(:|\\s+at )|\\bkz\\.komek\\.[a-z]|"
                    + "org\\.eclipse\\.jetty\\.|io\\.javalin\\.|com\\.fasterxml\\.|org\\.jdbi\\.|org\\.postgresql\\.|"
                    + "java\\.lang\\.|Caused by:)");

    private static final int SAMPLES = 12;

    private final AtomicLong sent = new AtomicLong();
    private final Map<Integer, AtomicLong> statuses = new TreeMap<>();
    private final List<String> serverErrors = new ArrayList<>();
    private final List<String> traces = new ArrayList<>();
    private final List<String> unanswered = new ArrayList<>();
    private long serverErrorCount;
    private long traceCount;
    private long unansweredCount;
    private long versionRefusals;

    static boolean showsStackTrace(String text) {
        return STACK_TRACE.matcher(text).find();
    }

    void add(Req req, Raw.Reply reply) {
        sent.incrementAndGet();
        synchronized (this) {
            statuses.computeIfAbsent(reply.status(), s -> new AtomicLong()).incrementAndGet();
            String what = req.label() + ": " + req.method() + " " + shorten(req.target());
            if (reply.status() == 505
                    && (!req.version().matches("HTTP/1\\.[01]") || req.target().isBlank())) {
                // a version this server does not speak: 505 is the answer RFC 9110 (15.6.6) prescribes. With no
                // target ("HEAD  HTTP/1.1") the version is read as the target and the line as HTTP/0.9's
                versionRefusals++;
            } else if (reply.status() >= 500) {
                serverErrorCount++;
                // a few of each status, so that a rare one is not hidden behind a frequent one
                int status = reply.status();
                long same = serverErrors.stream()
                        .filter(e -> e.startsWith(status + " "))
                        .count();
                if (serverErrors.size() < 3 * SAMPLES && same < 4) {
                    serverErrors.add(reply.status() + " " + what + " → " + shorten(reply.body()));
                }
            }
            if (showsStackTrace(reply.head() + "\n" + reply.body())) {
                traceCount++;
                if (traces.size() < SAMPLES) {
                    var m = STACK_TRACE.matcher(reply.head() + "\n" + reply.body());
                    m.find();
                    traces.add(reply.status() + " " + what + " → …" + m.group() + "…");
                }
            }
            if (!reply.answered()) {
                unansweredCount++;
                if (unanswered.size() < SAMPLES) {
                    unanswered.add(what + " → " + reply.error());
                }
            }
        }
    }

    static String shorten(String s) {
        String one = s.replace("\r", "\\r").replace("\n", "\\n").replace("\0", "\\0");
        return one.length() > 160 ? one.substring(0, 160) + "…(" + one.length() + " chars)" : one;
    }

    long sent() {
        return sent.get();
    }

    synchronized long serverErrors() {
        return serverErrorCount;
    }

    synchronized long traces() {
        return traceCount;
    }

    synchronized long versionRefusals() {
        return versionRefusals;
    }

    synchronized long unanswered() {
        return unansweredCount;
    }

    synchronized String statusSummary() {
        var sb = new StringBuilder();
        statuses.forEach((s, n) -> sb.append(sb.length() == 0 ? "" : " ")
                .append(s < 0 ? "none" : s)
                .append('×')
                .append(n.get()));
        return sb.toString();
    }

    /** The samples, for a person to reproduce: one line each. */
    synchronized List<String> samples() {
        var all = new ArrayList<String>();
        serverErrors.forEach(s -> all.add("5xx: " + s));
        traces.forEach(s -> all.add("trace: " + s));
        unanswered.forEach(s -> all.add("no answer: " + s));
        return all;
    }
}
