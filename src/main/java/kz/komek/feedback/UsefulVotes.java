package kz.komek.feedback;

import io.javalin.http.Context;

/**
 * Told of every "useful" vote once it is recorded, with the request that cast it: search learns from it which
 * question a reader's search ended on. Called on the request's thread; it must be quick and must not throw.
 */
@FunctionalInterface
public interface UsefulVotes {
    UsefulVotes NONE = (ctx, questionId) -> {};

    void voted(Context ctx, long questionId);
}
