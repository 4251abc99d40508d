package kz.komek.http;

import kz.komek.i18n.StorableText;

/**
 * Input a client can fix, in one named field: a 400 whose JSON names it ({@code {"error": …, "field": …}}).
 *
 * @see #storable
 */
public final class BadFieldException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String field;

    /** {@code where} names the record ("question 456"; may be empty), {@code problem} what is wrong with the field. */
    public BadFieldException(String where, String field, String problem) {
        super((where.isEmpty() ? "" : where + ", ") + "field " + field + ": " + problem, null, false, false);
        this.field = field;
    }

    public String field() {
        return field;
    }

    /** {@code value} when it can be stored as text (see {@link StorableText}); else refused, naming the field. */
    public static String storable(String where, String field, String value) {
        StorableText.problem(value).ifPresent(p -> {
            throw new BadFieldException(where, field, p);
        });
        return value;
    }
}
