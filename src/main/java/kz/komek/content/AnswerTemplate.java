package kz.komek.content;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import kz.komek.i18n.Locale;

/**
 * An answer compiled once into what varies by platform and what does not: static HTML, platform-only parts,
 * macro calls and links whose target depends on the platform. Rendering it is string concatenation, so the
 * same answer renders for desktop, mobile and the app without parsing it again.
 */
final class AnswerTemplate {
    sealed interface Segment permits Static, Only, MacroCall, Link {}

    /** HTML that is the same on every platform, already escaped. */
    record Static(String html) implements Segment {}

    /** Content of a platform span: shown on these platforms only, without the span itself. */
    record Only(Set<Platform> platforms, List<Segment> body) implements Segment {
        Only {
            platforms = Set.copyOf(platforms);
            body = List.copyOf(body);
        }
    }

    /** {@code %вставка NAME(ARGUMENT)%}, rendered by the macro's configured rendering. */
    record MacroCall(String name, String argument) implements Segment {}

    /**
     * An {@code <a>} whose href depends on the platform: an app-relative link becomes a deep link in the app and
     * its web equivalent (or plain text) on the web. {@code attributes} is the rest of the start tag, escaped.
     */
    record Link(LinkKind kind, String href, String attributes, List<Segment> body) implements Segment {
        Link {
            body = List.copyOf(body);
        }
    }

    enum LinkKind {
        APP_RELATIVE,
        EXTERNAL,
        PLAIN
    }

    private final List<Segment> segments;

    AnswerTemplate(List<Segment> segments) {
        this.segments = List.copyOf(segments);
    }

    List<Segment> segments() {
        return segments;
    }

    String render(Platform platform, Locale locale, Optional<String> site, ContentConfig config) {
        var out = new StringBuilder(256);
        render(segments, platform, locale, site, config, false, out);
        return out.toString();
    }

    /** {@code inLink}: inside an {@code <a>} the renderer wrote, where no other link may start. */
    private static void render(
            List<Segment> segments,
            Platform platform,
            Locale locale,
            Optional<String> site,
            ContentConfig config,
            boolean inLink,
            StringBuilder out) {
        for (Segment s : segments) {
            if (s instanceof Static st) {
                out.append(st.html());
            } else if (s instanceof Only only) {
                if (only.platforms().contains(platform)) {
                    render(only.body(), platform, locale, site, config, inLink, out);
                }
            } else if (s instanceof MacroCall call) {
                renderMacro(call, platform, locale, site, config, inLink, out);
            } else if (s instanceof Link link) {
                renderLink(link, platform, locale, site, config, inLink, out);
            }
        }
    }

    private static void renderLink(
            Link link,
            Platform platform,
            Locale locale,
            Optional<String> site,
            ContentConfig config,
            boolean inLink,
            StringBuilder out) {
        String href = link.href();
        String extra = "";
        if (link.kind() == LinkKind.APP_RELATIVE) {
            href = platform == Platform.APP ? config.deepLinkBase() + href.substring(1) : webEquivalent(href, config);
        } else if (link.kind() == LinkKind.EXTERNAL) {
            extra = " target=\"_blank\" rel=\"noopener noreferrer\"";
        }
        if (href == null) {
            // No web page does what this app screen does: keep the words, drop the dead link.
            render(link.body(), platform, locale, site, config, inLink, out);
            return;
        }
        out.append("<a href=\"")
                .append(Html.attribute(href))
                .append('"')
                .append(link.attributes())
                .append(extra);
        out.append('>');
        render(link.body(), platform, locale, site, config, true, out);
        out.append("</a>");
    }

    /** The web page for an app screen: an exact mapping by path, else the configured base, else none. */
    private static String webEquivalent(String href, ContentConfig config) {
        int q = href.indexOf('?');
        String path = q < 0 ? href : href.substring(0, q);
        String mapped = config.webLinks().get(path);
        if (mapped != null) {
            return mapped;
        }
        return config.webBase().map(base -> base + href).orElse(null);
    }

    private static void renderMacro(
            MacroCall call,
            Platform platform,
            Locale locale,
            Optional<String> site,
            ContentConfig config,
            boolean inLink,
            StringBuilder out) {
        var definition = config.macro(call.name());
        if (definition.isEmpty()) {
            out.append(Html.text(call.argument())); // unknown: the reader gets the words, lint reports the name
            return;
        }
        String text =
                call.argument().isBlank() ? definition.get().defaultText().getOrDefault(locale, "") : call.argument();
        var rendering = definition.get().renderings().get(platform);
        ContentConfig.Kind kind = rendering.kind();
        if (kind == ContentConfig.Kind.LINK && inLink) {
            // A link inside a link is not HTML: a browser ends the outer link where the inner one starts and the
            // rest of its words fall outside it. The macro gives its words to the link around it.
            kind = ContentConfig.Kind.TEXT;
        }
        switch (kind) {
            case NONE -> {}
            case TEXT -> out.append(Html.text(text));
            case LINK -> {
                // a hand-off leads to komek's "describe your question" form first (decision 0045), which leads on
                // to the configured chat; without a site (text for the index) straight to the chat
                String href = definition.get().handoff() && site.isPresent()
                        ? ContentConfig.handoffHref(site.get(), locale, platform)
                        : rendering.href().orElseThrow().replace("{locale}", locale.code());
                out.append("<a href=\"").append(Html.attribute(href)).append('"');
                rendering
                        .cssClass()
                        .ifPresent(c -> out.append(" class=\"")
                                .append(Html.attribute(c))
                                .append('"'));
                if (Html.isExternal(href, config)) {
                    out.append(" target=\"_blank\" rel=\"noopener noreferrer\"");
                }
                out.append('>').append(Html.text(text)).append("</a>");
            }
        }
    }

    /** Merges neighbouring static parts, so rendering appends as few strings as possible. */
    static List<Segment> compact(List<Segment> segments) {
        var result = new ArrayList<Segment>(segments.size());
        StringBuilder pending = null;
        for (Segment s : segments) {
            if (s instanceof Static st) {
                if (pending == null) {
                    pending = new StringBuilder();
                }
                pending.append(st.html());
            } else {
                if (pending != null) {
                    result.add(new Static(pending.toString()));
                    pending = null;
                }
                result.add(s);
            }
        }
        if (pending != null && pending.length() > 0) {
            result.add(new Static(pending.toString()));
        }
        return result;
    }
}
