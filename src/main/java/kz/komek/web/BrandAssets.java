package kz.komek.web;

import io.javalin.http.Context;
import kz.komek.brand.Branding;
import kz.komek.http.NotFoundException;

/**
 * The brand's images: {@code /favicon.ico}, which browsers ask for on every site whatever the page says, and
 * {@code /brand/{name}} for the icons and logo the pages link.
 */
final class BrandAssets {
    /**
     * An operator's SVG is served as an image, but a visitor may open it as a document: nothing in it may run or
     * load anything.
     */
    private static final String SVG_POLICY = "default-src 'none'; style-src 'unsafe-inline'; sandbox";

    private final Branding branding;

    BrandAssets(Branding branding) {
        this.branding = branding;
    }

    void favicon(Context ctx) {
        send(ctx, Branding.FAVICON);
    }

    void serve(Context ctx) {
        send(ctx, ctx.pathParam("file"));
    }

    private void send(Context ctx, String name) {
        var asset = branding.asset(name).orElseThrow(() -> new NotFoundException("no brand image " + name));
        // a day: icons change rarely, and the logo's address carries its version
        ctx.header("Cache-Control", "public, max-age=86400");
        ctx.header("ETag", asset.etag());
        if (asset.kind() == Branding.Kind.SVG) {
            ctx.header("Content-Security-Policy", SVG_POLICY);
        }
        if (asset.etag().equals(ctx.header("If-None-Match"))) {
            ctx.status(304);
            return;
        }
        ctx.contentType(asset.kind().contentType()).result(asset.bytes());
    }
}
