package kz.komek.content;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import org.owasp.html.CssSchema;
import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;

/**
 * Cleans answer HTML with an allowlist (OWASP Java HTML Sanitizer) when it enters the system: on import and from the
 * admin. Keeps what help-center answers use (paragraphs, lists, links, tables, platform spans with their classes,
 * macros as text) and a CSS subset that cannot hide, move or overlay content.
 *
 * <p>When the policy changes nothing, the original string is returned untouched: OWASP re-serialises (entities,
 * quotes, {@code <br />}) and a bundle export must give back the imported text byte for byte. "Nothing" is decided
 * strictly (see {@link SanitizerPass}): every tag, attribute and text chunk passed through as it came in, the input
 * holds no comment or control character, and an HTML5 parser (jsoup) reads the input and the re-serialised output as
 * the same tree, so a lexer/browser disagreement cannot smuggle the unsanitised original through.
 */
public final class HtmlSanitizer {
    static final Set<String> ELEMENTS = Set.of(
            "p",
            "br",
            "span",
            "div",
            "b",
            "strong",
            "i",
            "em",
            "u",
            "s",
            "sub",
            "sup",
            "small",
            "mark",
            "nobr",
            "a",
            "ul",
            "ol",
            "li",
            "h2",
            "h3",
            "h4",
            "blockquote",
            "code",
            "pre",
            "hr",
            "img",
            "table",
            "caption",
            "colgroup",
            "col",
            "thead",
            "tbody",
            "tfoot",
            "tr",
            "th",
            "td");

    /**
     * Nothing here positions, hides, clips or makes content transparent: no display, visibility, position, z-index,
     * opacity, transform, overflow, clip, margin (negative margins overlay), font-size (0 hides), url() values.
     * OWASP also rejects {@code transparent}/rgba colours and negative lengths for these properties.
     */
    static final List<String> CSS_PROPERTIES = List.of(
            "color",
            "background-color",
            "font-weight",
            "font-style",
            "text-decoration",
            "text-align",
            "vertical-align",
            "width",
            "height",
            "float",
            "border",
            "border-top",
            "border-right",
            "border-bottom",
            "border-left",
            "border-color",
            "border-style",
            "border-width",
            "border-top-color",
            "border-top-style",
            "border-top-width",
            "border-right-color",
            "border-right-style",
            "border-right-width",
            "border-bottom-color",
            "border-bottom-style",
            "border-bottom-width",
            "border-left-color",
            "border-left-style",
            "border-left-width",
            "border-collapse",
            "border-spacing",
            "padding",
            "padding-top",
            "padding-right",
            "padding-bottom",
            "padding-left");

    private static final Pattern NUMBER = Pattern.compile("[0-9]{1,4}");
    private static final Pattern LENGTH = Pattern.compile("[0-9]{1,4}%?");
    private static final Pattern CLASSES = Pattern.compile("[A-Za-z0-9_\\- ]{0,200}");
    private static final Pattern RELS =
            Pattern.compile("(?i)\\s*(?:(?:nofollow|noopener|noreferrer|ugc|sponsored|external|help)\\s*)+");
    private static final Pattern IDREFS = Pattern.compile("[A-Za-z0-9_\\- ]{0,200}");

    private static final int MAX_EXTRA_RUNS = 3;

    private final PolicyFactory policy;

    public HtmlSanitizer() {
        this.policy = new HtmlPolicyBuilder()
                .allowElements(ELEMENTS.toArray(String[]::new))
                // A span's only job may be a class the renderer keys on; keep attribute-less ones too rather than
                // rewrite answers for nothing. An <a> or <img> without attributes is still dropped.
                .allowWithoutAttributes("span")
                .allowUrlProtocols("http", "https", "mailto", "tel")
                .allowAttributes("href")
                .onElements("a")
                .allowAttributes("target")
                .matching(false, "_blank")
                .onElements("a")
                // rel travels under another name so OWASP's link-rel rewriting neither adds nor drops tokens
                // (SanitizerPass renames it back); modern browsers imply noopener for target=_blank anyway.
                .allowAttributes(SanitizerPass.REL)
                .matching(RELS)
                .onElements("a")
                .skipRelsOnLinks("noopener", "noreferrer")
                .allowAttributes("src")
                .matching(HtmlSanitizer::isImageUrl)
                .onElements("img")
                .allowAttributes("alt", "title")
                .onElements("img")
                .allowAttributes("width", "height")
                .matching(LENGTH)
                .onElements("img")
                .allowAttributes("start")
                .matching(NUMBER)
                .onElements("ol")
                .allowAttributes("type")
                .matching(false, "1", "a", "A", "i", "I")
                .onElements("ol")
                .allowAttributes("span")
                .matching(NUMBER)
                .onElements("col", "colgroup")
                .allowAttributes("colspan", "rowspan")
                .matching(NUMBER)
                .onElements("td", "th")
                .allowAttributes("scope")
                .matching(false, "row", "col", "rowgroup", "colgroup")
                .onElements("td", "th")
                .allowAttributes("headers")
                .matching(IDREFS)
                .onElements("td", "th")
                .allowAttributes("class")
                .matching(CLASSES)
                .onElements("span", "div", "p", "a", "table", "td", "th")
                .allowAttributes("dir")
                .matching(true, "ltr", "rtl", "auto")
                .globally()
                .allowStyling(CssSchema.withProperties(CSS_PROPERTIES))
                .toFactory();
    }

    /** Cleans an answer with an allowlist. */
    public Sanitized sanitize(String html) {
        Objects.requireNonNull(html, "html");
        Sanitized first = new SanitizerPass(policy).run(html);
        if (!first.changed()) {
            return first;
        }
        // OWASP's tag balancer is not idempotent on what it repairs (<p>a<li>b</p> becomes <p>a<ul><li>b…</p>, which
        // it splits on the next run): run again until stable, so that sanitizing stored answers changes nothing.
        String html2 = first.html();
        for (int run = 0; run < MAX_EXTRA_RUNS; run++) {
            Sanitized again = new SanitizerPass(policy).run(html2);
            if (!again.changed()) {
                break;
            }
            html2 = again.html();
        }
        return new Sanitized(html2, first.removed());
    }

    /** The protocol check already ran (http, https, mailto, tel or relative); an image cannot be mailto: or tel:. */
    private static boolean isImageUrl(String url) {
        String scheme = SanitizerPass.scheme(url).orElse("").toLowerCase(Locale.ROOT);
        return !scheme.equals("mailto") && !scheme.equals("tel");
    }
}
