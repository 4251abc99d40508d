package kz.komek.feedback;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;
import kz.komek.catalog.UiText;
import kz.komek.catalog.VoteBox;
import kz.komek.i18n.Locale;

/**
 * Why an answer did not help: a short fixed list, so editors can count reasons; the reader's own words go in the
 * comment. The codes are stored and sent by the API, the labels live in {@link UiText}.
 */
enum VoteReason {
    NO_ANSWER("no_answer", UiText.REASON_NO_ANSWER),
    UNCLEAR("unclear", UiText.REASON_UNCLEAR),
    OUTDATED("outdated", UiText.REASON_OUTDATED),
    OTHER("other", UiText.REASON_OTHER);

    private final String code;
    private final UiText label;

    VoteReason(String code, UiText label) {
        this.code = code;
        this.label = label;
    }

    String code() {
        return code;
    }

    static Optional<VoteReason> parse(String code) {
        return Arrays.stream(values()).filter(r -> r.code.equals(code)).findFirst();
    }

    /** {@code no_answer, unclear, outdated, other}: for error messages. */
    static String codes() {
        return Arrays.stream(values()).map(VoteReason::code).collect(Collectors.joining(", "));
    }

    VoteBox.Choice choice(Locale locale) {
        return new VoteBox.Choice(code, label.in(locale));
    }
}
