package kz.komek.web;

import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import java.util.Map;
import java.util.Optional;
import kz.komek.admin.sections.SectionRefusal;
import kz.komek.brand.Brand;
import kz.komek.bundle.BundleException;
import kz.komek.bundle.HeapBudget;
import kz.komek.catalog.UiText;
import kz.komek.content.Platform;
import kz.komek.http.BadFieldException;
import kz.komek.http.BadRequestException;
import kz.komek.http.BodyTooLargeException;
import kz.komek.http.ConflictException;
import kz.komek.http.ForbiddenException;
import kz.komek.http.NotFoundException;
import kz.komek.http.TooManyRequestsException;
import kz.komek.http.UnauthorizedException;
import kz.komek.i18n.Locale;
import org.eclipse.jetty.http.HttpException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place that maps failures to responses: JSON {@code {"error": …}} under {@code /api}, an HTML page
 * elsewhere. Unexpected exceptions are logged once, with their stack trace, and never shown to the client.
 */
final class Errors {
    private static final Logger log = LoggerFactory.getLogger(Errors.class);

    private final Brand brand;
    private final java.util.List<String> appTokens;
    private final TemplateEngine templates;
    private final long maxBodyBytes;

    Errors(TemplateEngine templates, long maxBodyBytes, Brand brand, java.util.List<String> appTokens) {
        this.brand = brand;
        this.appTokens = java.util.List.copyOf(appTokens);
        this.templates = templates;
        this.maxBodyBytes = maxBodyBytes;
    }

    void register(RoutesConfig r) {
        r.exception(NotFoundException.class, (e, ctx) -> respond(ctx, 404, e.getMessage()));
        r.exception(BadRequestException.class, (e, ctx) -> respond(ctx, 400, e.getMessage()));
        // input with a problem in one field: the message names the record and field, the JSON the field too
        r.exception(BadFieldException.class, (e, ctx) -> refuseField(ctx, 400, e.getMessage(), Optional.of(e.field())));
        r.exception(BundleException.class, (e, ctx) -> refuseField(ctx, 400, e.getMessage(), e.field()));
        // a bundle too large for this JVM's heap: the sender can send less, or the operator raise -Xmx
        r.exception(HeapBudget.TooLarge.class, (e, ctx) -> respond(ctx, 413, e.getMessage()));
        r.exception(ConflictException.class, (e, ctx) -> respond(ctx, 409, e.getMessage()));
        r.exception(SectionRefusal.class, (e, ctx) -> refuseField(ctx, e.status(), e.getMessage(), e.field()));
        r.exception(TooManyRequestsException.class, (e, ctx) -> {
            ctx.header("Retry-After", Long.toString(e.retryAfterSeconds()));
            // a page reader gets the wait in their language; an API client the English message
            respond(ctx, 429, e.getMessage(), UiText.TRY_AGAIN_IN.format(localeOf(ctx), e.retryAfterSeconds()));
        });
        r.exception(UnauthorizedException.class, (e, ctx) -> {
            ctx.header("WWW-Authenticate", e.challenge());
            respond(ctx, 401, e.getMessage());
        });
        r.exception(
                ForbiddenException.class, (e, ctx) -> respond(ctx, 403, e.getMessage(), e.pageMessage(localeOf(ctx))));
        r.exception(BodyTooLargeException.class, (e, ctx) -> tooLarge(ctx, e));
        r.exception(HttpResponseException.class, (e, ctx) -> {
            if (e.getStatus() == 413) {
                // Javalin's, when ctx.body() reads past maxRequestSize (a body sent without its length)
                tooLarge(ctx, new BodyTooLargeException(maxBodyBytes));
                return;
            }
            respond(ctx, e.getStatus(), e.getMessage());
        });
        r.exception(Exception.class, (e, ctx) -> {
            if (sqlState(e, "55P03")) {
                // lock_timeout: the row is being written (an import); the writer should send the request again
                ctx.header("Retry-After", "1");
                respond(ctx, 503, "What this changes is being updated right now; please send it again in a moment.");
                return;
            }
            if (sqlState(e, "22021")) {
                // a NUL character that no field check caught: PostgreSQL refuses it; nothing was written
                respond(ctx, 400, "The text contains a NUL character (U+0000), which cannot be stored; remove it.");
                return;
            }
            if (multipartTooLarge(e)) {
                tooLarge(ctx, new BodyTooLargeException(maxBodyBytes));
                return;
            }
            Optional<HttpException> bad = badMessage(e);
            if (bad.isPresent()) {
                // Jetty refused the request's own bytes (a malformed multipart body, say): the sender's mistake
                respond(
                        ctx,
                        bad.get().getCode(),
                        "Malformed request: " + bad.get().getReason());
                return;
            }
            log.error("{} {} failed", ctx.method(), ctx.path(), e);
            respond(ctx, 500, "Something went wrong on our side. Please try again later.");
        });
        // Routes that match nothing end here without an exception.
        r.error(404, ctx -> {
            if (ctx.result() == null || ctx.result().isEmpty() || ctx.result().startsWith("Endpoint ")) {
                respond(ctx, 404, "There is no page at " + ctx.path());
            }
        });
    }

    /**
     * Whether PostgreSQL refused with this SQLSTATE, among the causes: 22021 is text it cannot store (a NUL in a
     * UTF-8 string), 55P03 a lock not granted within {@code lock_timeout}.
     */
    private static boolean sqlState(Throwable e, String state) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.sql.SQLException sql && state.equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether Jetty's multipart parser stopped at its limits (Routes.configure: the total and a file's size, both
     * {@code --max-body}), which happens to an upload sent without its length. Jetty says so only in an
     * IllegalStateException's message, under its "bad multipart" BadMessageException; TransferPagesTest holds this to
     * the Jetty in use.
     */
    private static boolean multipartTooLarge(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof IllegalStateException
                    && t.getMessage() != null
                    && (t.getMessage().startsWith("max length exceeded")
                            || t.getMessage().startsWith("max file size exceeded"))) {
                return true;
            }
            if (t instanceof org.eclipse.jetty.http.HttpException h && h.getCode() == 413) {
                return true;
            }
        }
        return false;
    }

    /** A 413 that says what the limit is; the page in the reader's or editor's language. */
    private void tooLarge(Context ctx, BodyTooLargeException e) {
        // the rest of the body is not read: the connection ends with this answer
        ctx.header("Connection", "close");
        respond(ctx, 413, e.getMessage(), UiText.BODY_TOO_LARGE.format(localeOf(ctx), e.limit()));
    }

    /** Jetty's verdict on a malformed request, wherever in the causes it is (servlet parts wrap it). */
    private static Optional<HttpException> badMessage(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof HttpException bad && bad.getCode() >= 400 && bad.getCode() < 500) {
                return Optional.of(bad);
            }
        }
        return Optional.empty();
    }

    /** The site's error page for a request no route has seen, in the locale its path names. */
    byte[] page(int status, String message, String path) {
        Locale locale = localeOf(path, Optional.empty());
        var out = new StringOutput();
        templates.render(
                "error.jte",
                new ErrorPage(status, title(status, locale), message, locale, Platform.DESKTOP, brand),
                out);
        return out.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    private void respond(Context ctx, int status, String message) {
        respond(ctx, status, message, message);
    }

    /** As {@link #respond}, with {@code "field"} beside {@code "error"} in the JSON when a field is named. */
    private void refuseField(Context ctx, int status, String message, Optional<String> field) {
        if (field.isPresent() && ctx.path().startsWith("/api/")) {
            ctx.status(status);
            ctx.json(Map.of("error", message, "field", field.get()));
            return;
        }
        respond(ctx, status, message);
    }

    private void respond(Context ctx, int status, String message, String pageMessage) {
        ctx.status(status);
        if (ctx.path().startsWith("/api/")) {
            ctx.json(Map.of("error", message));
            return;
        }
        Locale locale = localeOf(ctx);
        var page = new ErrorPage(status, title(status, locale), pageMessage, locale, platform(ctx), brand);
        var out = new StringOutput();
        templates.render("error.jte", page, out);
        ctx.html(out.toString());
    }

    /** The app's webview gets its error page without the website's chrome too; a bad {@code ?platform=} is the web. */
    private Platform platform(Context ctx) {
        try {
            return Platform.of(ctx.queryParam("platform"), ctx.userAgent(), appTokens);
        } catch (IllegalArgumentException e) {
            return Platform.DESKTOP;
        }
    }

    /**
     * The locale named in {@code /{site}/{locale}/…}, so a Kazakh reader gets a Kazakh error page; on pages without
     * one in the path (the admin), {@code ?lang=}.
     */
    private static Locale localeOf(Context ctx) {
        return localeOf(ctx.path(), Optional.ofNullable(ctx.queryParam("lang")));
    }

    private static Locale localeOf(String path, Optional<String> lang) {
        String[] parts = path.split("/");
        Optional<Locale> fromPath = parts.length > 2 ? Locale.parse(parts[2]) : Optional.empty();
        return fromPath.or(() -> lang.flatMap(Locale::parse)).orElse(Locale.DEFAULT);
    }

    private static String title(int status, Locale locale) {
        UiText text = switch (status) {
            case 401 -> UiText.UNAUTHORIZED;
            case 403 -> UiText.FORBIDDEN;
            case 404 -> UiText.NOT_FOUND;
            case 413 -> UiText.TOO_LARGE;
            case 429 -> UiText.TOO_MANY_REQUESTS;
            default -> status < 500 ? UiText.BAD_REQUEST : UiText.SERVER_ERROR;
        };
        return text.in(locale);
    }
}
