package kz.komek.web;

import java.nio.ByteBuffer;
import java.util.function.BooleanSupplier;
import kz.komek.ops.RequestIds;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.PreEncodedHttpField;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.slf4j.MDC;

/**
 * The first handler every request meets, pages from memory included: it gives the request its id ({@code X-Request-Id}
 * in, out, and in the log lines' MDC) and, once the node drains, answers with {@code Connection: close}, so that
 * clients and load balancers open their next connection to another node. Both headers are set again as the response
 * commits, since an error page resets the headers a handler set before it.
 */
final class FrontDoor extends Handler.Wrapper {
    private static final HttpField CLOSE = new PreEncodedHttpField(HttpHeader.CONNECTION, "close");

    private final RequestIds ids;
    private final BooleanSupplier draining;

    FrontDoor(RequestIds ids, BooleanSupplier draining, Handler next) {
        super(next);
        this.ids = ids;
        this.draining = draining;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        String id = ids.of(request.getHeaders().get(RequestIds.HEADER));
        request.setAttribute(RequestIds.ATTRIBUTE, id);
        var stamped = new Stamped(request, response, new HttpField(RequestIds.HEADER, id));
        stamped.stamp();
        MDC.put(RequestIds.MDC_KEY, id);
        try {
            return super.handle(request, stamped, callback);
        } finally {
            MDC.remove(RequestIds.MDC_KEY);
        }
    }

    /** The response, which puts the request's headers back on as it commits. */
    private final class Stamped extends Response.Wrapper {
        private final HttpField id;

        Stamped(Request request, Response wrapped, HttpField id) {
            super(request, wrapped);
            this.id = id;
        }

        void stamp() {
            var headers = getHeaders();
            headers.put(id);
            if (draining.getAsBoolean()) {
                headers.put(CLOSE);
            }
        }

        @Override
        public void write(boolean last, ByteBuffer content, Callback callback) {
            if (!isCommitted()) {
                stamp();
            }
            super.write(last, content, callback);
        }
    }
}
