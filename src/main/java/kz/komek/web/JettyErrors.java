package kz.komek.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * The errors Jetty answers itself, before any route runs (a malformed request line, an address or headers too
 * large): JSON under {@code /api/}, the site's own error page elsewhere, as {@link Errors} answers the rest. Never
 * Jetty's own page, which names the server and echoes what it refused.
 */
final class JettyErrors extends ErrorHandler {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Errors errors;

    JettyErrors(Errors errors) {
        this.errors = errors;
    }

    @Override
    protected void generateResponse(
            Request request, Response response, int code, String message, Throwable cause, Callback callback)
            throws IOException {
        String path = request.getHttpURI() == null ? "" : request.getHttpURI().getPath();
        boolean api = path != null && path.startsWith("/api/");
        byte[] body = api ? json(code) : errors.page(code, said(code), path == null ? "" : path);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, api ? "application/json" : "text/html; charset=utf-8");
        response.write(true, ByteBuffer.wrap(body), callback);
    }

    /** A request too broken to have a path (its request line could not be read): the site's page, in Russian. */
    @Override
    public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
        fields.put(new HttpField(HttpHeader.CONTENT_TYPE, "text/html; charset=utf-8"));
        return ByteBuffer.wrap(errors.page(status, said(status), ""));
    }

    private static byte[] json(int code) {
        try {
            return JSON.writeValueAsBytes(Map.of("error", said(code)));
        } catch (IOException e) {
            return ("{\"error\":\"" + code + "\"}").getBytes(StandardCharsets.UTF_8);
        }
    }

    private static String said(int code) {
        return switch (code) {
            case 414 -> "The address is too long.";
            case 431 -> "The request's headers are too large.";
            case 413 -> "The request is too large.";
            default -> code < 500 ? "The request is malformed." : "Something went wrong on our side.";
        };
    }
}
