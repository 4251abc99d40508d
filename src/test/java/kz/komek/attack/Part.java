package kz.komek.attack;

import java.util.List;

/** One part's outcome: its figures in one line, pass or fail, and lines a person reads to reproduce a failure. */
record Part(String name, String figures, Status status, List<String> details) {
    enum Status {
        PASS,
        FAIL,
        SKIP
    }

    static Part of(String name, String figures, boolean pass, List<String> details) {
        return new Part(name, figures, pass ? Status.PASS : Status.FAIL, details);
    }

    String line() {
        return String.format("%-22s %-4s  %s", name, status, figures);
    }
}
