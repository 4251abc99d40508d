package kz.komek.content;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import kz.komek.i18n.Locale;

/**
 * How answers render: the app's User-Agent tokens, where app-relative links lead, and the macros with a
 * rendering per platform. Read from JSON ({@code src/main/resources/content/content.json} holds the defaults; an
 * operator passes their own with {@code --content-config}), so URLs and texts are configuration, not code.
 */
public record ContentConfig(
        List<String> appUserAgentTokens,
        String deepLinkBase,
        Optional<String> webBase,
        Map<String, String> webLinks,
        List<String> ownHosts,
        List<MacroDefinition> macros) {

    public ContentConfig {
        appUserAgentTokens = List.copyOf(appUserAgentTokens);
        webLinks = Map.copyOf(webLinks);
        ownHosts = List.copyOf(ownHosts);
        macros = List.copyOf(macros);
    }

    /** How one macro renders on one platform. */
    public enum Kind {
        /** The argument (or the default text) as plain text. */
        TEXT,
        /** A link with the argument as its text. */
        LINK,
        /** Nothing. */
        NONE
    }

    public record Rendering(Kind kind, Optional<String> href, Optional<String> cssClass) {
        public Rendering {
            if (kind == Kind.LINK && href.isEmpty()) {
                throw new IllegalArgumentException("a link rendering needs an href");
            }
        }
    }

    /**
     * A named macro. {@code href} may contain {@code {locale}}. Names are matched exactly as written in content,
     * after trimming; aliases are other names for the same macro. A {@code handoff} macro's links lead to komek's
     * "describe your question" form, whose chat link is then the configured {@code href}.
     */
    public record MacroDefinition(
            String name,
            List<String> aliases,
            Map<Locale, String> defaultText,
            Map<Platform, Rendering> renderings,
            boolean handoff) {
        public MacroDefinition {
            aliases = List.copyOf(aliases);
            defaultText = Map.copyOf(defaultText);
            renderings = Map.copyOf(renderings);
            for (Platform p : Platform.values()) {
                if (!renderings.containsKey(p)) {
                    throw new IllegalArgumentException("macro " + name + " has no rendering for platform " + p);
                }
            }
        }
    }

    public static ContentConfig defaults() {
        try (InputStream in = ContentConfig.class.getResourceAsStream("/content/content.json")) {
            if (in == null) {
                throw new IllegalStateException("content/content.json is missing from the jar");
            }
            return parse(new ObjectMapper().readTree(in), "the built-in content.json");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads an operator's file; a problem is an {@link IllegalArgumentException} naming the file and field. */
    public static ContentConfig read(Path file) {
        try {
            return parse(new ObjectMapper().readTree(Files.readString(file)), file.toString());
        } catch (IOException e) {
            throw new IllegalArgumentException(file + ": cannot read a content configuration: " + e.getMessage(), e);
        }
    }

    static ContentConfig parse(JsonNode root, String source) {
        try {
            var tokens = strings(root.path("app_user_agent_tokens"));
            JsonNode links = root.path("app_links");
            String deepLinkBase = links.path("deep_link_base").asText("komek-app://");
            Optional<String> webBase = optionalText(links.path("web_base"));
            var web = new LinkedHashMap<String, String>();
            links.path("web")
                    .properties()
                    .forEach(e -> web.put(e.getKey(), e.getValue().asText()));
            var macros = new ArrayList<MacroDefinition>();
            int i = 0;
            for (JsonNode m : root.path("macros")) {
                String where = "macros[" + i++ + "]";
                String name = m.path("name").asText("").strip();
                if (name.isEmpty()) {
                    throw new IllegalArgumentException(where + ".name is missing");
                }
                var defaults = new EnumMap<Locale, String>(Locale.class);
                m.path("default_text")
                        .properties()
                        .forEach(e -> Locale.parse(e.getKey())
                                .ifPresent(l -> defaults.put(l, e.getValue().asText())));
                var renderings = new EnumMap<Platform, Rendering>(Platform.class);
                for (Platform p : Platform.values()) {
                    JsonNode r = m.path(p.code());
                    if (r.isMissingNode()) {
                        throw new IllegalArgumentException(where + " (" + name + ")." + p.code() + " is missing");
                    }
                    Kind kind;
                    try {
                        kind = Kind.valueOf(r.path("kind").asText("").toUpperCase(java.util.Locale.ROOT));
                    } catch (IllegalArgumentException e) {
                        throw new IllegalArgumentException(
                                where + " (" + name + ")." + p.code() + ".kind must be text, link or none");
                    }
                    renderings.put(p, new Rendering(kind, optionalText(r.path("href")), optionalText(r.path("class"))));
                }
                macros.add(new MacroDefinition(
                        name,
                        strings(m.path("aliases")),
                        defaults,
                        renderings,
                        m.path("handoff").asBoolean(false)));
            }
            return new ContentConfig(tokens, deepLinkBase, webBase, web, strings(root.path("own_hosts")), macros);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(source + ": " + e.getMessage(), e);
        }
    }

    private static List<String> strings(JsonNode array) {
        var list = new ArrayList<String>();
        array.forEach(n -> list.add(n.asText()));
        return list;
    }

    private static Optional<String> optionalText(JsonNode n) {
        return n.isTextual() && !n.asText().isBlank() ? Optional.of(n.asText()) : Optional.empty();
    }

    public ContentConfig withAppUserAgentTokens(List<String> tokens) {
        return new ContentConfig(tokens, deepLinkBase, webBase, webLinks, ownHosts, macros);
    }

    /** komek's hand-off form of a site in a locale; the app's webview keeps its platform (as every page link does). */
    public static String handoffHref(String site, Locale locale, Platform platform) {
        return "/" + site + "/" + locale.code() + "/ask" + (platform == Platform.APP ? "?platform=app" : "");
    }

    /** The first hand-off macro (the chat), whose link the hand-off form leads on to. */
    public Optional<MacroDefinition> handoff() {
        return macros.stream().filter(MacroDefinition::handoff).findFirst();
    }

    /** The macro with this name or alias (trimmed, exact). */
    public Optional<MacroDefinition> macro(String name) {
        String key = name.strip();
        return macros.stream()
                .filter(m -> m.name().equals(key) || m.aliases().contains(key))
                .findFirst();
    }
}
