package kz.komek.admin.questions;

import io.javalin.http.Context;
import kz.komek.admin.Actor;
import kz.komek.admin.AdminFrame;
import kz.komek.admin.AdminLocale;
import kz.komek.admin.Principal;
import kz.komek.http.BadRequestException;

/** What the question pages read from a request and how they answer it, the same way on every page. */
final class QuestionHttp {
    private QuestionHttp() {}

    /** A question or revision number from a path or query parameter: 400 unless it is a whole number from 1. */
    static long id(String s) {
        try {
            long n = Long.parseLong(s == null ? "" : s.strip());
            if (n > 0) {
                return n;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw new BadRequestException("expected a number from 1, found \"" + (s == null ? "" : s) + "\"");
    }

    /** Who writes, with the request id the audit row keeps. */
    static Actor actor(Context ctx, Principal who) {
        return Actor.of(who, ctx.header("X-Request-Id"));
    }

    /** {@code path} in the admin UI's language of this request. */
    static String href(Context ctx, String path) {
        return AdminFrame.withLang(path, AdminLocale.of(ctx));
    }
}
