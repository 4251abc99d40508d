package kz.komek.admin.sections;

import java.util.List;

/**
 * A section write {@link SectionEditor} refused: a code with its arguments, which the section pages say in their
 * language, and the English message the API and the log give (it also names the section). A 400, or a 409 when the
 * sections' state refuses it; {@code web.Errors} answers the API with {@link #status()}.
 */
public final class SectionRefusal extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** The refusals, with the arguments each carries. */
    enum Code {
        /** site/path of the section that is already there. */
        EXISTS(409),
        /** the missing parent's path. */
        NO_PARENT(400),
        SAME_PATH(400),
        /** the path asked for. */
        UNDER_ITSELF(400),
        /** the depth the move would reach, the most allowed. */
        TOO_DEEP(400),
        BAD_PATH(400),
        NO_TITLE(400),
        /** the most characters a title may have. */
        TITLE_TOO_LONG(400),
        /** live questions, drafts. */
        NOT_EMPTY(409),
        MOVED_MEANWHILE(409),
        NO_SITE(400),
        BAD_POSITION(400),
        UNKNOWN_LOCALE(400),
        NO_ORDER_PARENT(400),
        BAD_ORDER(400);

        private final int status;

        Code(int status) {
            this.status = status;
        }
    }

    private final Code code;
    private final transient List<Object> args;

    SectionRefusal(Code code, String message, Object... args) {
        super(message, null, false, false);
        this.code = code;
        this.args = List.of(args);
    }

    Code code() {
        return code;
    }

    /** The values the code's page text needs, in its order. */
    List<Object> args() {
        return args;
    }

    public int status() {
        return code.status;
    }
}
