package kz.komek.feedback;

import java.util.Optional;
import kz.komek.i18n.Excerpt;

/**
 * One reader's answer to "was this useful?".
 *
 * @param reason why not; only with a "not useful" vote
 * @param comment the reader's own words, at most {@link #MAX_COMMENT} characters; only with a "not useful" vote
 */
record Vote(boolean useful, Optional<VoteReason> reason, Optional<String> comment) {
    static final int MAX_COMMENT = 1_000;

    Vote {
        if (useful && (reason.isPresent() || comment.isPresent())) {
            throw new IllegalArgumentException("a reason or comment goes only with a \"not useful\" vote");
        }
        comment = comment.map(Vote::clean).filter(c -> !c.isEmpty());
        if (comment.isPresent()) {
            int length = comment.get().codePointCount(0, comment.get().length());
            if (length > MAX_COMMENT) {
                throw new IllegalArgumentException(
                        "the comment is " + length + " characters long; at most " + MAX_COMMENT + " are kept");
            }
        }
    }

    /**
     * From what a client sent: {@code useful} is required, an empty reason or comment means none.
     *
     * @throws IllegalArgumentException with a message for the client
     */
    static Vote of(Optional<Boolean> useful, Optional<String> reasonCode, Optional<String> comment) {
        boolean u = useful.orElseThrow(
                () -> new IllegalArgumentException("say whether the answer was useful: \"useful\": true or false"));
        Optional<VoteReason> reason = reasonCode
                .filter(c -> !c.isBlank())
                .map(c -> VoteReason.parse(c.strip())
                        .orElseThrow(() -> new IllegalArgumentException(
                                "unknown reason \"" + Excerpt.of(c, 40) + "\": use one of " + VoteReason.codes())));
        return new Vote(u, reason, comment);
    }

    /**
     * Line breaks kept, other control characters dropped (PostgreSQL refuses NUL in text, and they only garble what
     * editors read), surrounding blanks trimmed.
     */
    private static String clean(String s) {
        String text = s.replace("\r\n", "\n").replace('\r', '\n');
        var out = new StringBuilder(text.length());
        text.codePoints()
                .filter(c -> c == '\n' || c == '\t' || !Character.isISOControl(c))
                .forEach(out::appendCodePoint);
        return out.toString().strip();
    }
}
