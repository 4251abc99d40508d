package kz.komek.admin.sections;

import java.util.List;
import java.util.Optional;
import kz.komek.i18n.StorableText;

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
        /** how many questions or materials the new kind does not list. */
        KIND_NOT_EMPTY(409),
        BAD_KIND(400),
        MOVED_MEANWHILE(409),
        NO_SITE(400),
        BAD_POSITION(400),
        UNKNOWN_LOCALE(400),
        NO_ORDER_PARENT(400),
        BAD_ORDER(400),
        /** the field's locale (or ""), what is wrong with its text: a NUL character, a lone surrogate. */
        BAD_TEXT(400);

        private final int status;

        Code(int status) {
            this.status = status;
        }
    }

    private final Code code;
    private final transient List<Object> args;
    private final Optional<String> field;

    SectionRefusal(Code code, String message, Object... args) {
        this(Optional.empty(), code, message, args);
    }

    private SectionRefusal(Optional<String> field, Code code, String message, Object... args) {
        super(message, null, false, false);
        this.code = code;
        this.args = List.of(args);
        this.field = field;
    }

    /**
     * {@code value}, unless PostgreSQL could not store it ({@link StorableText}): then refused, naming the field
     * ({@code titles.ru}).
     */
    static String storable(String value, String field) {
        StorableText.problem(value).ifPresent(problem -> {
            String locale = field.startsWith("titles.") ? field.substring("titles.".length()) : "";
            throw new SectionRefusal(
                    Optional.of(field), Code.BAD_TEXT, "section, field " + field + ": " + problem, locale, problem);
        });
        return value;
    }

    /** The field refused, when the refusal is about one field's text (the API's JSON names it). */
    public Optional<String> field() {
        return field;
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
