package kz.komek.bundle;

import java.util.List;
import java.util.Optional;

/**
 * A bundle or payload that cannot be imported. The message names the record and field, so an operator can fix
 * the file: {@code question 456, locales.kz.updated: not an ISO date: "3.1.2021"}.
 *
 * <p>A problem with one field of a record also says which field and what kind of problem, so that a program can
 * say it in its own words (the admin's editor, in the editor's language) without reading the English message.
 *
 * <p>Its one subclass, {@link HeapBudget.TooLarge}, is a file too large for the heap: the API answers it with 413.
 */
public sealed class BundleException extends RuntimeException permits HeapBudget.TooLarge {
    private static final long serialVersionUID = 1L;

    /** What is wrong with a field; {@link #OTHER} when the message is all there is to say. */
    public enum Kind {
        MISSING,
        EMPTY,
        /** Args: the greatest length allowed. */
        TOO_LONG,
        NOT_A_DATE,
        NOT_A_DATE_TIME,
        NOT_A_NUMBER,
        /** Text PostgreSQL cannot store: a NUL character or a lone UTF-16 surrogate (i18n.StorableText). */
        NOT_STORABLE,
        /** A list holds one value twice. Args: the value. */
        DUPLICATE,
        /** A list is too long. Args: the greatest count allowed. */
        TOO_MANY,
        /** Markup where plain text is expected. */
        MARKUP,
        OTHER
    }

    private final String problem;
    private final Optional<String> field;
    private final Kind kind;
    private final List<Object> args;

    public BundleException(String where, String problem) {
        this(where, problem, (Throwable) null);
    }

    public BundleException(String where, String problem, Throwable cause) {
        super(where + ": " + problem, cause);
        this.problem = problem;
        this.field = Optional.empty();
        this.kind = Kind.OTHER;
        this.args = List.of();
    }

    private BundleException(String record, String field, Kind kind, String problem, List<Object> args) {
        super(record + ", field " + field + ": " + problem);
        this.problem = problem;
        this.field = Optional.of(field);
        this.kind = kind;
        this.args = args;
    }

    /**
     * A problem with {@code field} of {@code record} ({@code question 5}, {@code locales.kz.title}); the message
     * reads {@code question 5, field locales.kz.title: is empty}.
     */
    public static BundleException field(String record, String field, Kind kind, String problem, Object... args) {
        return new BundleException(record, field, kind, problem, List.of(args));
    }

    /** The words after the record and field: {@code is empty}. */
    public String problem() {
        return problem;
    }

    /** The field of the record, as bundle-format.md names it ({@code locales.kz.title}); empty if none is named. */
    public Optional<String> field() {
        return field;
    }

    public Kind kind() {
        return kind;
    }

    /** What the kind says more precisely (see {@link Kind}). */
    public List<Object> args() {
        return args;
    }
}
