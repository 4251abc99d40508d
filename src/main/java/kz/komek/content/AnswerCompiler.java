package kz.komek.content;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import kz.komek.content.AnswerTemplate.Link;
import kz.komek.content.AnswerTemplate.LinkKind;
import kz.komek.content.AnswerTemplate.MacroCall;
import kz.komek.content.AnswerTemplate.Only;
import kz.komek.content.AnswerTemplate.Segment;
import kz.komek.content.AnswerTemplate.Static;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

/**
 * Turns answer HTML into an {@link AnswerTemplate}, on the parsed tree (jsoup), never with regular expressions
 * over markup. The walk is also a last line of defence: whatever the stored HTML holds, only allowlisted tags and
 * attributes and safe URLs come out, even if the content skipped the sanitizer.
 */
final class AnswerCompiler {
    /**
     * Tags kept as they are: the sanitizer's allowlist, so what may be stored may be shown. Others are unwrapped
     * (their children stay), or dropped with their content (below).
     */
    private static final Set<String> KEEP = HtmlSanitizer.ELEMENTS;

    private static final Set<String> DROP = Set.of(
            "script",
            "style",
            "iframe",
            "frame",
            "frameset",
            "object",
            "embed",
            "applet",
            "link",
            "meta",
            "base",
            "form",
            "input",
            "button",
            "textarea",
            "select",
            "option",
            "svg",
            "math",
            "template",
            "noscript",
            "noembed",
            "noframes",
            "title",
            "head",
            "xmp",
            "plaintext",
            "audio",
            "video",
            "source",
            "track",
            "canvas",
            "dialog",
            "portal",
            "param");

    private static final Set<String> VOID = Set.of("br", "hr", "img", "col");

    private static final Set<String> ATTRIBUTES =
            Set.of("class", "dir", "title", "alt", "width", "height", "colspan", "rowspan", "scope", "start", "span");

    /** Styles that could hide, overlay or run something are dropped whole. */
    private static final Pattern UNSAFE_STYLE = Pattern.compile(
            "(?i)expression|javascript|vbscript|url\\s*\\(|behavior|binding|@import|position|display|visibility|"
                    + "z-index|opacity|transform|clip|\\\\");

    private static final Pattern CSS_COMMENT = Pattern.compile("/\\*.*?(\\*/|$)", Pattern.DOTALL);

    /** A komek page: /{site}/{ru|kz}/…; any other root-relative link points into the mobile app. */
    private static final Pattern KOMEK_PAGE = Pattern.compile("/[a-z0-9][a-z0-9_-]*/(ru|kz)(/.*)?");

    private static final int MAX_DEPTH = 256;

    private final ContentConfig config;

    AnswerCompiler(ContentConfig config) {
        this.config = config;
    }

    AnswerTemplate compile(String html) {
        var body = Jsoup.parseBodyFragment(html).body();
        var segments = new ArrayList<Segment>();
        children(body, segments, 0);
        return new AnswerTemplate(AnswerTemplate.compact(segments));
    }

    private void children(Element parent, List<Segment> out, int depth) {
        for (Node child : parent.childNodes()) {
            node(child, out, depth);
        }
    }

    private void node(Node node, List<Segment> out, int depth) {
        if (node instanceof TextNode text) {
            text(text.getWholeText(), out);
        } else if (node instanceof Element element) {
            element(element, out, depth);
        }
        // comments, data nodes (script/style bodies) and doctype nodes never reach the reader
    }

    private void text(String text, List<Segment> out) {
        var calls = Macros.find(text);
        int at = 0;
        for (var call : calls) {
            out.add(new Static(Html.text(Macros.stripBroken(text.substring(at, call.start())))));
            out.add(new MacroCall(call.name(), call.argument()));
            at = call.end();
        }
        out.add(new Static(Html.text(Macros.stripBroken(text.substring(at)))));
    }

    private void element(Element e, List<Segment> out, int depth) {
        String tag = e.normalName();
        if (DROP.contains(tag)) {
            return;
        }
        if (depth > MAX_DEPTH) {
            // Absurd nesting is flattened rather than followed, so no input can exhaust the stack.
            children(e, out, depth);
            return;
        }
        Set<Platform> platforms = platforms(e);
        if (!platforms.isEmpty()) {
            var body = new ArrayList<Segment>();
            if (tag.equals("span")) {
                children(e, body, depth + 1); // the span only marked the platform: keep its content
            } else {
                tag(e, tag, body, depth); // a platform-only block (div, p): keep the block on its platform
            }
            out.add(new Only(platforms, AnswerTemplate.compact(body)));
            return;
        }
        if (tag.equals("nobr")) {
            // <nobr> is not HTML; a span with white-space: nowrap keeps its meaning.
            out.add(new Static("<span class=\"nobr\">"));
            children(e, out, depth + 1);
            out.add(new Static("</span>"));
            return;
        }
        if (tag.equals("p") && isSpacer(e)) {
            return; // empty paragraphs used as vertical space: the stylesheet spaces paragraphs
        }
        if (!KEEP.contains(tag)) {
            children(e, out, depth + 1);
            return;
        }
        tag(e, tag, out, depth);
    }

    private void tag(Element e, String tag, List<Segment> out, int depth) {
        if (tag.equals("a")) {
            link(e, out, depth);
            return;
        }
        var start = new StringBuilder("<").append(tag);
        attributes(e, tag, start);
        start.append('>');
        out.add(new Static(start.toString()));
        if (VOID.contains(tag)) {
            return;
        }
        children(e, out, depth + 1);
        out.add(new Static("</" + tag + ">"));
    }

    private void link(Element a, List<Segment> out, int depth) {
        String href = a.attr("href").strip();
        var body = new ArrayList<Segment>();
        children(a, body, depth + 1);
        if (href.isEmpty() || !Html.safeUrl(href, config)) {
            out.addAll(body); // no usable target: keep the words
            return;
        }
        LinkKind kind = LinkKind.PLAIN;
        if (href.startsWith("/")
                && !href.startsWith("//")
                && !KOMEK_PAGE.matcher(href).matches()) {
            kind = LinkKind.APP_RELATIVE;
        } else if (Html.isExternal(href, config) || href.startsWith("//")) {
            kind = LinkKind.EXTERNAL;
        }
        var attrs = new StringBuilder();
        attributes(a, "a", attrs);
        out.add(new Link(kind, href, attrs.toString(), AnswerTemplate.compact(body)));
    }

    /**
     * The style without comments and whitespace: stricter than a browser (which reads "posit ion" as two words), so
     * that no way of splitting a property's name gets it past the check.
     */
    private static String squeezedCss(String css) {
        return CSS_COMMENT.matcher(css).replaceAll("").replaceAll("\\s+", "");
    }

    private void attributes(Element e, String tag, StringBuilder out) {
        for (Attribute attr : e.attributes()) {
            String name = attr.getKey().toLowerCase(Locale.ROOT);
            // judged as written: the writer drops control characters, so "pos\u0001ition" must be read as position
            String value = Html.withoutControls(attr.getValue());
            boolean keep = ATTRIBUTES.contains(name)
                    || (name.equals("src") && tag.equals("img") && Html.safeUrl(value, config) && !value.isBlank())
                    || (name.equals("style")
                            && !UNSAFE_STYLE.matcher(squeezedCss(value)).find())
                    || (name.equals("type") && tag.equals("ol"))
                    || (name.equals("headers") && (tag.equals("td") || tag.equals("th")));
            if (name.equals("class")) {
                value = withoutPlatformClasses(value);
                keep = !value.isBlank();
            }
            if (keep) {
                out.append(' ')
                        .append(name)
                        .append("=\"")
                        .append(Html.attribute(value))
                        .append('"');
            }
        }
    }

    private static Set<Platform> platforms(Element e) {
        Set<Platform> found = EnumSet.noneOf(Platform.class);
        for (String c : e.classNames()) {
            Platform.ofSpanClass(asWritten(c)).ifPresent(found::add);
        }
        return found;
    }

    /**
     * A class name as the renderer writes it: {@link Html#attribute} drops control characters, so
     * {@code mobileApp\u0012_only} comes out as {@code mobileApp_only} and must be taken for that platform's class
     * here too, or its marker reaches every platform (found by AnswerRendererFuzzTest).
     */
    private static String asWritten(String className) {
        return Html.text(className);
    }

    private static String withoutPlatformClasses(String classes) {
        var kept = new StringBuilder();
        for (String c : classes.trim().split("\\s+")) {
            if (!c.isEmpty() && Platform.ofSpanClass(asWritten(c)).isEmpty()) {
                kept.append(kept.length() == 0 ? "" : " ").append(c);
            }
        }
        return kept.toString();
    }

    /** A paragraph with nothing but spaces, non-breaking spaces and line breaks. */
    private static boolean isSpacer(Element p) {
        for (Node child : p.childNodes()) {
            if (child instanceof TextNode t) {
                if (!t.getWholeText().replace('\u00a0', ' ').isBlank()) {
                    return false;
                }
            } else if (!(child instanceof Element el && el.normalName().equals("br"))) {
                return false;
            }
        }
        return true;
    }
}
