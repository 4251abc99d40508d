package kz.komek.http;

import java.util.function.Function;
import kz.komek.i18n.Locale;

/**
 * The client is known but may not do this (a role too low, a form without its CSRF token): a 403. An API client
 * gets {@link #getMessage()}, a person the page message in the page's language.
 */
public final class ForbiddenException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient Function<Locale, String> pageMessage;

    /** The same message for an API client and a person. */
    public ForbiddenException(String message) {
        this(message, locale -> message);
    }

    public ForbiddenException(String message, Function<Locale, String> pageMessage) {
        super(message, null, false, false);
        this.pageMessage = pageMessage;
    }

    public String pageMessage(Locale locale) {
        return pageMessage.apply(locale);
    }
}
