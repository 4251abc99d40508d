package kz.komek.brand;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import kz.komek.i18n.Locale;

/**
 * The operator's brand: the name on the pages, a logo, and the icons browsers and phones ask for. Read from a JSON
 * file ({@code --branding FILE}) whose image paths are relative to it; what it leaves out is komek's own.
 *
 * <pre>{@code
 * {"name": {"ru": "Dala Гид", "kz": "Dala Гид"}, "logo": "logo.svg",
 *  "favicon": "favicon.ico", "icon": "icon.svg", "apple_touch_icon": "apple-touch-icon.png"}
 * }</pre>
 *
 * @param brand the name and, when a logo is given, where it is served
 * @param assets the images by the name they are served under ({@code /favicon.ico}, {@code /brand/{name}})
 */
public record Branding(Brand brand, Map<String, Asset> assets) {
    /** An operator's image is small: the largest accepted, so a wrong file (a video) stops the start. */
    static final int MAX_BYTES = 512 * 1024;

    public static final String FAVICON = "favicon.ico";
    public static final String ICON = "icon.svg";
    public static final String APPLE_TOUCH_ICON = "apple-touch-icon.png";

    public static final Branding DEFAULT = new Branding(
            Brand.DEFAULT,
            Map.of(
                    FAVICON, Asset.builtIn(FAVICON, Kind.ICO),
                    ICON, Asset.builtIn(ICON, Kind.SVG),
                    APPLE_TOUCH_ICON, Asset.builtIn(APPLE_TOUCH_ICON, Kind.PNG)));

    public Branding {
        assets = Map.copyOf(assets);
    }

    /** The image formats a brand may use, known by their first bytes, not by a file's name. */
    public enum Kind {
        ICO("image/x-icon"),
        PNG("image/png"),
        SVG("image/svg+xml");

        private final String contentType;

        Kind(String contentType) {
            this.contentType = contentType;
        }

        public String contentType() {
            return contentType;
        }

        static Optional<Kind> of(byte[] b) {
            if (b.length > 4 && b[0] == 0 && b[1] == 0 && b[2] == 1 && b[3] == 0) {
                return Optional.of(ICO);
            }
            if (b.length > 8 && (b[0] & 0xff) == 0x89 && b[1] == 'P' && b[2] == 'N' && b[3] == 'G') {
                return Optional.of(PNG);
            }
            String head = new String(b, 0, Math.min(b.length, 1024), StandardCharsets.UTF_8);
            return head.contains("<svg") ? Optional.of(SVG) : Optional.empty();
        }
    }

    /** One image: its bytes, its format and a validator for caches. */
    public record Asset(byte[] bytes, Kind kind, String etag) {
        static Asset of(byte[] bytes, Kind kind) {
            return new Asset(bytes, kind, "\"" + Integer.toHexString(java.util.Arrays.hashCode(bytes)) + "\"");
        }

        static Asset builtIn(String name, Kind kind) {
            try (InputStream in = Branding.class.getResourceAsStream("/brand/" + name)) {
                if (in == null) {
                    throw new IllegalStateException("brand/" + name + " is missing from the jar");
                }
                return of(in.readAllBytes(), kind);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** The image served as {@code name}, if there is one. */
    public Optional<Asset> asset(String name) {
        return Optional.ofNullable(assets.get(name));
    }

    /**
     * Reads an operator's branding file.
     *
     * @throws IllegalArgumentException naming the file and what is wrong with it
     */
    public static Branding read(Path file) {
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(file.toFile());
        } catch (IOException e) {
            throw new IllegalArgumentException("--branding " + file + ": not readable JSON: " + e.getMessage());
        }
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException("--branding " + file + ": expected a JSON object");
        }
        try {
            return parse(root, file.toAbsolutePath().getParent());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--branding " + file + ": " + e.getMessage());
        }
    }

    static Branding parse(JsonNode root, Path dir) {
        for (Iterator<String> it = root.fieldNames(); it.hasNext(); ) {
            String field = it.next();
            if (!java.util.Set.of("name", "logo", "favicon", "icon", "apple_touch_icon", "comment")
                    .contains(field)) {
                throw new IllegalArgumentException(
                        "unknown field \"" + field + "\"; known: name, logo, favicon, icon, apple_touch_icon");
            }
        }
        var assets = new java.util.HashMap<>(DEFAULT.assets());
        image(root, "favicon", dir, Kind.ICO, Kind.PNG).ifPresent(a -> assets.put(FAVICON, a));
        image(root, "icon", dir, Kind.SVG, Kind.PNG).ifPresent(a -> assets.put(ICON, a));
        image(root, "apple_touch_icon", dir, Kind.PNG).ifPresent(a -> assets.put(APPLE_TOUCH_ICON, a));
        Optional<String> logoHref = Optional.empty();
        var logo = image(root, "logo", dir, Kind.SVG, Kind.PNG);
        if (logo.isPresent()) {
            String name = "logo." + (logo.get().kind() == Kind.SVG ? "svg" : "png");
            assets.put(name, logo.get());
            // the validator in the address: a new logo is fetched at once despite the long cache lifetime
            logoHref = Optional.of("/brand/" + name + "?v=" + logo.get().etag().replace("\"", ""));
        }
        var names = new EnumMap<Locale, String>(Locale.class);
        JsonNode name = root.path("name");
        if (name.isTextual()) {
            names.put(Locale.RU, name.asText().strip());
        } else if (name.isObject()) {
            for (Locale l : Locale.values()) {
                if (name.path(l.code()).isTextual()) {
                    names.put(l, name.path(l.code()).asText().strip());
                }
            }
        } else if (!name.isMissingNode()) {
            throw new IllegalArgumentException("name must be a text or {\"ru\": …, \"kz\": …}");
        }
        Map<Locale, String> chosen = names.isEmpty() ? DEFAULT.brand().names() : names;
        return new Branding(new Brand(chosen, logoHref), assets);
    }

    private static Optional<Asset> image(JsonNode root, String field, Path dir, Kind... allowed) {
        JsonNode n = root.path(field);
        if (n.isMissingNode() || n.isNull()) {
            return Optional.empty();
        }
        if (!n.isTextual() || n.asText().isBlank()) {
            throw new IllegalArgumentException(field + " must be a file name");
        }
        Path file = dir.resolve(n.asText());
        byte[] bytes;
        try {
            if (Files.size(file) > MAX_BYTES) {
                throw new IllegalArgumentException(field + ": " + file + " is larger than " + MAX_BYTES / 1024 + " KB");
            }
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new IllegalArgumentException(field + ": cannot read " + file);
        }
        Kind kind = Kind.of(bytes)
                .filter(k -> java.util.Arrays.asList(allowed).contains(k))
                .orElseThrow(() -> new IllegalArgumentException(field + ": " + file + " is not "
                        + String.join(
                                " or ",
                                java.util.Arrays.stream(allowed).map(Kind::name).toList())));
        return Optional.of(Asset.of(bytes, kind));
    }
}
