package kz.komek.content;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import kz.komek.i18n.Excerpt;
import kz.komek.i18n.StorableText;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.TextNode;
import org.owasp.html.Handler;
import org.owasp.html.HtmlChangeListener;
import org.owasp.html.HtmlSanitizer.Policy;
import org.owasp.html.HtmlStreamEventReceiver;
import org.owasp.html.HtmlStreamRenderer;
import org.owasp.html.PolicyFactory;

/**
 * One sanitising run. It sits on both sides of the OWASP pipeline: it sees each token the lexer produced (as the
 * preprocessor, ahead of OWASP's tag balancer), forwards it, and sees what the balancer and the policy let through for
 * that token, synchronously. Comparing the two gives
 * notes for what the change listener cannot tell (style properties dropped from a kept style attribute, stray or
 * unclosed tags, text dropped as misplaced) and decides whether the input may be returned as it was.
 */
final class SanitizerPass implements HtmlStreamEventReceiver, HtmlChangeListener<SanitizerPass> {
    /** The name rel travels under through the policy; see {@link HtmlSanitizer}. */
    static final String REL = "komek-rel";

    private static final Set<String> VOID = Set.of(
            "area", "base", "br", "col", "command", "embed", "hr", "img", "input", "keygen", "link", "meta", "param",
            "source", "track", "wbr");
    private static final Set<String> URL_ATTRIBUTES =
            Set.of("href", "src", "action", "formaction", "xlink:href", "background", "poster", "cite", "data");
    private static final Pattern SCHEME = Pattern.compile("^([a-zA-Z][a-zA-Z0-9+.\\-]*):");
    /** The code units OWASP drops (C0 controls but tab, LF, FF, CR; non-characters): their presence is a change. */
    private static final Pattern CONTROL = Pattern.compile("[\\x00-\\x08\\x0B\\x0E-\\x1F\\uFFFE\\uFFFF]");

    private sealed interface Event {}

    private record Open(String name, List<String> attrs) implements Event {}

    private record Close(String name) implements Event {}

    private record Text(String text) implements Event {}

    /** An element the input opened, whether the policy let its start tag through, and whether we kept it back. */
    private record Frame(String name, boolean emitted, boolean tooDeep) {}

    /**
     * Deeper elements are dropped here (their text stays), before OWASP's balancer, whose own limit (256) leaves
     * closing tags that a second run re-balances differently: the result would not be stable.
     */
    static final int MAX_DEPTH = 100;

    private final PolicyFactory factory;
    private final Set<String> notes = new LinkedHashSet<>();
    private final List<Event> emitted = new ArrayList<>();
    private final Deque<Frame> open = new ArrayDeque<>();
    private HtmlStreamEventReceiver policy;
    private String currentTag = "";
    private List<String> currentAttrs = List.of();
    private boolean tagDiscarded;

    SanitizerPass(PolicyFactory factory) {
        this.factory = factory;
    }

    Sanitized run(String html) {
        StringBuilder out = new StringBuilder(html.length() + 16);
        HtmlStreamRenderer renderer = HtmlStreamRenderer.create(out, Handler.DO_NOTHING);
        Policy owasp = factory.apply(new Output(renderer), this, this);
        org.owasp.html.HtmlSanitizer.sanitize(html, owasp, balancerAndPolicy -> {
            policy = balancerAndPolicy;
            return this;
        });
        String result = out.toString();
        if (count(html, "<!--") > Math.min(count(html, TEMPLATE_GUARD), count(result, TEMPLATE_GUARD))) {
            notes.add("removed comment");
        } else if (html.replace(TEMPLATE_GUARD, "{").contains("<!") || html.contains("<?")) {
            notes.add("removed <!…> or <?…> markup");
        }
        // NUL is among CONTROL; what else StorableText refuses is half a surrogate pair
        if (CONTROL.matcher(html).find() || StorableText.problem(html).isPresent()) {
            notes.add("removed control characters");
        }
        if (notes.isEmpty() && !result.equals(html) && !sameTree(html, result)) {
            notes.add("rewrote markup that a browser would read differently");
        }
        return notes.isEmpty() ? new Sanitized(html, List.of()) : new Sanitized(result, List.copyOf(notes));
    }

    /**
     * What OWASP writes after a text's {@code {} so that no {@code {{} template expression can form: not a comment
     * of the input's that got through. Found by fuzzing: a sanitized answer with one, sanitized again, was said to
     * lose a comment, so stored answers would never have been stable.
     */
    private static final String TEMPLATE_GUARD = "{<!-- -->";

    private static int count(String text, String part) {
        int n = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + part.length())) {
            n++;
        }
        return n;
    }

    // ---- input side: tokens from the lexer, forwarded to the policy

    @Override
    public void openDocument() {
        policy.openDocument();
    }

    @Override
    public void closeDocument() {
        emitted.clear();
        policy.closeDocument();
        for (Event e : emitted) {
            if (e instanceof Close c) {
                notes.add("closed unclosed " + tag(c.name()));
            }
        }
    }

    @Override
    public void openTag(String name, List<String> attrs) {
        List<String> forwarded = new ArrayList<>(attrs.size());
        for (int i = 0; i + 1 < attrs.size(); i += 2) {
            String attr = attrs.get(i);
            if (attr.equals(REL)) {
                continue; // our own carrier name must not come from outside; reported by the attribute diff below
            }
            forwarded.add("a".equals(name) && attr.equals("rel") ? REL : attr);
            forwarded.add(attrs.get(i + 1));
        }
        if (open.size() >= MAX_DEPTH && !VOID.contains(name)) {
            notes.add("removed " + tag(name) + " nested deeper than " + MAX_DEPTH);
            open.push(new Frame(name, false, true));
            return;
        }
        currentTag = name;
        currentAttrs = List.copyOf(attrs);
        tagDiscarded = false;
        emitted.clear();
        policy.openTag(name, forwarded);

        boolean through = false;
        for (Event e : emitted) {
            if (e instanceof Open o && !through && o.name().equals(name)) {
                through = true;
                compareAttributes(name, currentAttrs, o.attrs());
            } else {
                unexpected(e);
            }
        }
        if (!through && !tagDiscarded) {
            notes.add("removed misplaced " + tag(name));
        }
        if (!VOID.contains(name)) {
            open.push(new Frame(name, through, false));
        }
    }

    @Override
    public void closeTag(String name) {
        Frame match = null;
        for (Frame f : open) {
            if (f.name().equals(name)) {
                match = f;
                break;
            }
        }
        if (match != null && match.tooDeep()) {
            while (open.pop() != match) {
                // deeper still, and kept back too
            }
            return;
        }
        emitted.clear();
        policy.closeTag(name);
        if (match != null) {
            while (open.pop() != match) {
                // frames the end tag closes implicitly; the balancer's closes for them are noted below
            }
        }
        boolean expected = match != null && match.emitted();
        boolean seen = false;
        for (Event e : emitted) {
            if (e instanceof Close c && expected && !seen && c.name().equals(name)) {
                seen = true;
            } else {
                unexpected(e);
            }
        }
        // A stray </p> only makes an empty paragraph (it cannot close anything around the answer): cut-off answers
        // of the seed end with one, and it is not worth breaking their round trip.
        boolean harmless = match == null && name.equals("p");
        if (!seen && (match == null || match.emitted()) && !VOID.contains(name) && !harmless) {
            notes.add("removed stray </" + Excerpt.of(name, 40) + ">");
        }
    }

    @Override
    public void text(String text) {
        emitted.clear();
        policy.text(text);
        StringBuilder through = new StringBuilder(text.length());
        for (Event e : emitted) {
            if (e instanceof Text t) {
                through.append(t.text());
            } else {
                unexpected(e);
            }
        }
        boolean insideDiscarded = open.stream().anyMatch(f -> !f.emitted());
        // whitespace between list items or table rows does not render; the balancer drops it
        boolean whitespace = text.isBlank();
        if (!through.toString().equals(text) && !insideDiscarded && !whitespace) {
            notes.add("removed misplaced text");
        }
    }

    private void unexpected(Event e) {
        if (e instanceof Close c) {
            notes.add("closed unclosed " + tag(c.name()));
        } else if (e instanceof Open o) {
            notes.add("added " + tag(o.name()));
        } else {
            notes.add("moved text");
        }
    }

    // ---- change listener: called by OWASP's reporter during policy.openTag

    @Override
    public void discardedTag(SanitizerPass context, String elementName) {
        tagDiscarded = true;
        if (elementName.equals(currentTag) && HtmlSanitizer.ELEMENTS.contains(elementName)) {
            // An allowed element goes only when it has no attribute left (<a>, <img>): say which ones and why.
            for (int i = 0; i + 1 < currentAttrs.size(); i += 2) {
                removedAttribute(elementName, currentAttrs.get(i), currentAttrs.get(i + 1), null);
            }
        }
        notes.add("removed " + tag(elementName));
    }

    @Override
    public void discardedAttributes(SanitizerPass context, String tagName, String... attributeNames) {
        for (String attr : attributeNames) {
            String name = attr.equals(REL) ? "rel" : attr;
            removedAttribute(tagName, name, valueOf(currentAttrs, name), null);
        }
    }

    private void compareAttributes(String tagName, List<String> in, List<String> out) {
        Set<String> seen = new LinkedHashSet<>();
        for (int i = 0; i + 1 < in.size(); i += 2) {
            String name = in.get(i);
            String value = in.get(i + 1);
            if (!seen.add(name)) {
                notes.add("removed duplicate " + Excerpt.of(name, 40) + " on " + tag(tagName));
                continue;
            }
            String kept = valueOf(out, name);
            if (kept == null) {
                removedAttribute(tagName, name, value, null);
            } else if (name.equals("style")) {
                removedAttribute(tagName, name, value, kept);
            } else if (!kept.strip().equals(value.strip())) {
                // (URL policies trim, and OWASP's renderer pads a value that ends in a backtick with a space)
                notes.add("rewrote " + Excerpt.of(name, 40) + " on " + tag(tagName));
            }
        }
        for (int i = 0; i + 1 < out.size(); i += 2) {
            if (!seen.contains(out.get(i))) {
                notes.add("added " + Excerpt.of(out.get(i), 40) + " on " + tag(tagName));
            }
        }
    }

    private void removedAttribute(String tagName, String name, String value, String keptStyle) {
        if (name.equals("style")) {
            List<String> kept = keptStyle == null ? List.of() : styleProperties(keptStyle);
            boolean any = false;
            for (String property : styleProperties(value == null ? "" : value)) {
                if (!kept.contains(property)) {
                    notes.add("removed style property " + Excerpt.of(property, 40));
                    any = true;
                }
            }
            if (!any && (keptStyle == null || !keptStyle.equals(value))) {
                notes.add((keptStyle == null ? "removed" : "rewrote") + " style on " + tag(tagName));
            }
            return;
        }
        String why = "";
        if (value != null && URL_ATTRIBUTES.contains(name)) {
            why = scheme(value)
                    .map(s -> " (" + Excerpt.of(s.toLowerCase(Locale.ROOT), 40) + ": URL)")
                    .orElse("");
        }
        notes.add("removed " + Excerpt.of(name, 40) + " on " + tag(tagName) + why);
    }

    // ---- output side: what the policy and its tag balancer let through

    private final class Output implements HtmlStreamEventReceiver {
        private final HtmlStreamRenderer renderer;

        Output(HtmlStreamRenderer renderer) {
            this.renderer = renderer;
        }

        @Override
        public void openDocument() {
            renderer.openDocument();
        }

        @Override
        public void closeDocument() {
            renderer.closeDocument();
        }

        @Override
        public void openTag(String name, List<String> attrs) {
            List<String> renamed = new ArrayList<>(attrs);
            for (int i = 0; i < renamed.size(); i += 2) {
                if (renamed.get(i).equals(REL)) {
                    renamed.set(i, "rel");
                }
            }
            emitted.add(new Open(name, List.copyOf(renamed)));
            renderer.openTag(name, renamed);
        }

        @Override
        public void closeTag(String name) {
            emitted.add(new Close(name));
            renderer.closeTag(name);
        }

        @Override
        public void text(String text) {
            emitted.add(new Text(text));
            renderer.text(text);
        }
    }

    // ---- helpers

    /** The URL scheme as a browser would read it: whitespace and control characters inside it are ignored. */
    static Optional<String> scheme(String url) {
        StringBuilder cleaned = new StringBuilder(Math.min(url.length(), 64));
        for (int i = 0; i < url.length() && cleaned.length() < 64; i++) {
            char c = url.charAt(i);
            if (c > ' ' && !(c >= 0x7F && c <= 0x9F)) {
                cleaned.append(c);
            }
        }
        Matcher m = SCHEME.matcher(cleaned);
        return m.find() ? Optional.of(m.group(1)) : Optional.empty();
    }

    /** Property names of a declaration list, for notes only: the policy itself parses CSS properly. */
    private static List<String> styleProperties(String css) {
        List<String> names = new ArrayList<>();
        for (String declaration : css.replaceAll("/\\*.*?(\\*/|$)", "").split(";")) {
            int colon = declaration.indexOf(':');
            String name = (colon < 0 ? declaration : declaration.substring(0, colon))
                    .trim()
                    .toLowerCase(Locale.ROOT);
            if (!name.isEmpty() && !names.contains(name)) {
                names.add(name);
            }
        }
        return names;
    }

    private static String valueOf(List<String> attrs, String name) {
        for (int i = 0; i + 1 < attrs.size(); i += 2) {
            if (attrs.get(i).equals(name)) {
                return attrs.get(i + 1);
            }
        }
        return null;
    }

    private static String tag(String name) {
        return "<" + Excerpt.of(name, 40) + ">";
    }

    /** Whether an HTML5 parser builds the same tree from both: OWASP's lexer is not a browser's parser. */
    private static boolean sameTree(String a, String b) {
        return canonical(a).equals(canonical(b));
    }

    private static String canonical(String html) {
        Document document = Jsoup.parseBodyFragment(html);
        document.outputSettings().prettyPrint(false);
        // what a stray </p> leaves behind (see closeTag)
        document.body().select("p").stream()
                .filter(p -> p.attributesSize() == 0 && p.childNodeSize() == 0)
                .forEach(Element::remove);
        // whitespace where it does not render (see text)
        for (Element e : document.body().select("ul, ol, table, thead, tbody, tfoot, tr, colgroup")) {
            e.textNodes().stream().filter(TextNode::isBlank).forEach(TextNode::remove);
        }
        return document.body().html();
    }
}
