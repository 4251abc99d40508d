package kz.komek.content;

import java.util.Set;
import org.jsoup.parser.Parser;

/**
 * The text of HTML this package wrote, as a reader sees it: what {@code Jsoup.parseBodyFragment(html).text()}
 * gives, without building a document. Rebuilding the search index reads 200,000 answers this way; parsing each
 * rendered answer a second time was about a third of the time spent on its documents.
 *
 * <p>Only for the renderer's own output: sanitized, with every {@code <} and {@code >} in text and attributes
 * escaped, so a tag ends at the first {@code >}.
 */
final class PlainText {
    private PlainText() {}

    /**
     * Tags after which, and before which, words do not run together: jsoup's block tags (and {@code br} and
     * {@code img}, which only separate). Around rarer markup jsoup's own rules are finer; real answers read the
     * same (see the tests).
     */
    private static final Set<String> BLOCKS = Set.of(
            "address",
            "article",
            "aside",
            "blockquote",
            "caption",
            "center",
            "col",
            "colgroup",
            "dd",
            "details",
            "dir",
            "div",
            "dl",
            "dt",
            "fieldset",
            "figcaption",
            "figure",
            "footer",
            "form",
            "h1",
            "h2",
            "h3",
            "h4",
            "h5",
            "h6",
            "header",
            "hgroup",
            "hr",
            "li",
            "main",
            "menu",
            "nav",
            "ol",
            "p",
            "pre",
            "section",
            "summary",
            "table",
            "tbody",
            "td",
            "tfoot",
            "th",
            "thead",
            "tr",
            "ul",
            "video",
            "audio",
            "iframe");

    static String of(String html) {
        var out = new StringBuilder(html.length());
        boolean spaceBeforeNext = false; // a block ended: the next text or inline element starts a new word
        int pre = 0;
        int i = 0;
        while (i < html.length()) {
            int lt = html.indexOf('<', i);
            int end = lt < 0 ? html.length() : lt;
            if (end > i) {
                if (spaceBeforeNext) {
                    space(out);
                    spaceBeforeNext = false;
                }
                String text = Parser.unescapeEntities(html.substring(i, end), false);
                if (pre > 0) {
                    out.append(text);
                } else {
                    appendNormalised(out, text);
                }
            }
            if (lt < 0) {
                break;
            }
            if (html.startsWith("<!--", lt)) {
                int close = html.indexOf("-->", lt + 4);
                i = close < 0 ? html.length() : close + 3;
                spaceBeforeNext = false; // as jsoup: a block followed by a comment gets no space after it
                continue;
            }
            int gt = html.indexOf('>', lt);
            if (gt < 0) {
                break; // not the renderer's output: no tag ends here
            }
            boolean closing = lt + 1 < html.length() && html.charAt(lt + 1) == '/';
            String name = name(html, closing ? lt + 2 : lt + 1, gt);
            boolean block = BLOCKS.contains(name) || name.equals("img");
            if (closing) {
                if (name.equals("pre") && pre > 0) {
                    pre--;
                }
                // a block's end counts only when something follows it in the same parent
                spaceBeforeNext = block;
            } else {
                if (block || name.equals("br")) {
                    if (out.length() > 0) {
                        space(out);
                    }
                    spaceBeforeNext = false;
                } else if (spaceBeforeNext) {
                    space(out);
                    spaceBeforeNext = false;
                }
                if (name.equals("pre") && html.charAt(gt - 1) != '/') {
                    pre++;
                }
            }
            i = gt + 1;
            if (closing && spaceBeforeNext && i < html.length() && html.startsWith("</", i)) {
                spaceBeforeNext = false;
            }
        }
        return out.toString().trim();
    }

    private static String name(String html, int from, int to) {
        int i = from;
        while (i < to && Character.isLetterOrDigit(html.charAt(i))) {
            i++;
        }
        return html.substring(from, i).toLowerCase(java.util.Locale.ROOT);
    }

    private static void space(StringBuilder out) {
        if (out.length() > 0 && out.charAt(out.length() - 1) != ' ') {
            out.append(' ');
        }
    }

    /** Whitespace runs (and no-break spaces) as one space, invisible characters dropped, as jsoup does. */
    private static void appendNormalised(StringBuilder out, String text) {
        boolean lastWasWhite = out.length() > 0 && out.charAt(out.length() - 1) == ' ';
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r' || c == '\u00a0') {
                if (!lastWasWhite && out.length() > 0) {
                    out.append(' ');
                    lastWasWhite = true;
                }
            } else if (c != '\u200b' && c != '\u00ad') {
                out.append(c);
                lastWasWhite = false;
            }
        }
    }
}
