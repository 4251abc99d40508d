package kz.komek.admin.questions;

import kz.komek.http.ConflictException;

/** A save based on an older revision than the latest: someone else saved in between (409). */
public final class StaleRevisionException extends ConflictException {
    private final int latest;
    private final String author;

    StaleRevisionException(long id, int basedOn, int latest, String author) {
        super("question " + id + ": revision " + latest + " by " + author + " was saved after revision " + basedOn
                + ", which this edit started from; compare them, then save again");
        this.latest = latest;
        this.author = author;
    }

    public int latest() {
        return latest;
    }

    public String author() {
        return author;
    }
}
