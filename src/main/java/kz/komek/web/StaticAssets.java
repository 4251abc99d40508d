package kz.komek.web;

import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import kz.komek.http.NotFoundException;

/**
 * Files under {@code /static/} from the classpath, with an ETag. An explicit route rather than Javalin's static
 * handler: that one runs only when no route matches, and {@code /{site}/{locale}} matches {@code /static/x.css}.
 */
final class StaticAssets {
    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9._-]{0,80}");
    private static final Map<String, String> TYPES = Map.of(
            "css", "text/css; charset=utf-8",
            "js", "text/javascript; charset=utf-8",
            "svg", "image/svg+xml",
            "png", "image/png",
            "ico", "image/x-icon",
            "woff2", "font/woff2");

    record Asset(byte[] bytes, String type, String etag) {}

    /**
     * Assets are few and small: read once, kept for the life of the process. Only files that exist are kept: a
     * name that is none is looked up again each time, so that requests for made-up names cannot fill memory.
     */
    private final Map<String, Asset> cache = new ConcurrentHashMap<>();

    void serve(Context ctx) {
        String name = ctx.pathParam("file");
        Asset asset = find(name).orElseThrow(() -> new NotFoundException("no file /static/" + name));
        ctx.header("Cache-Control", "public, max-age=3600");
        ctx.header("ETag", asset.etag());
        if (asset.etag().equals(ctx.header("If-None-Match"))) {
            ctx.status(304);
            return;
        }
        ctx.contentType(asset.type()).result(asset.bytes());
    }

    Optional<Asset> find(String name) {
        if (!NAME.matcher(name).matches() || name.contains("..")) {
            return Optional.empty();
        }
        Asset known = cache.get(name);
        if (known != null) {
            return Optional.of(known);
        }
        Optional<Asset> loaded = load(name);
        loaded.ifPresent(a -> cache.put(name, a));
        return loaded;
    }

    /** How many files are kept (tests: only real ones). */
    int kept() {
        return cache.size();
    }

    private static Optional<Asset> load(String name) {
        String ext = name.substring(name.lastIndexOf('.') + 1);
        String type = TYPES.get(ext);
        if (type == null) {
            return Optional.empty();
        }
        try (InputStream in = StaticAssets.class.getResourceAsStream("/static/" + name)) {
            if (in == null) {
                return Optional.empty();
            }
            byte[] bytes = in.readAllBytes();
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(bytes);
            return Optional.of(new Asset(bytes, type, "\"" + HexFormat.of().formatHex(hash, 0, 12) + "\""));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
