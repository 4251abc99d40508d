package kz.komek.admin.questions;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.LongFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import kz.komek.bundle.Bundle;
import kz.komek.content.ContentConfig;
import kz.komek.content.Macros;
import kz.komek.content.Platform;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

/**
 * Content checks an editor can act on, per question and locale: macros the renderer does not know or cannot
 * parse, a platform phrase without all three variants, links to questions that do not exist or are not public,
 * empty answers, and locales a question lacks.
 */
public final class Lint {
    public enum Kind {
        UNKNOWN_MACRO,
        BROKEN_MACRO,
        MISSING_VARIANT,
        BROKEN_LINK,
        EMPTY_ANSWER,
        MISSING_TRANSLATION
    }

    /**
     * @param detail what is wrong, in English (the API's and the command line's)
     * @param args the values the detail names, for the editor's page to say it in its language: the missing locale
     *     ({@code MISSING_TRANSLATION}); the macro's name ({@code UNKNOWN_MACRO}) or text ({@code BROKEN_MACRO}); the
     *     phrase and the codes of the platforms it lacks ({@code MISSING_VARIANT}); the link and the question it
     *     names, and the locale it is not published in ({@code BROKEN_LINK})
     */
    public record Finding(long question, String site, String locale, Kind kind, String detail, List<String> args) {
        public Finding {
            args = List.copyOf(args);
        }
    }

    /** A link to a question: a komek page path, or any URL whose path ends in {@code /q{id}}. */
    private static final Pattern QUESTION_LINK = Pattern.compile(
            "^(?:https?://[^/]+)?(?:/([a-z0-9][a-z0-9_-]*)/(ru|kz))?(?:/[a-z0-9][a-z0-9_-]*)*/q([0-9]{1,18})/?(?:[?#].*)?$");

    private final ContentConfig config;

    public Lint(ContentConfig config) {
        this.config = config;
    }

    public List<Finding> check(Bundle bundle, LocalDateTime now) {
        var byId = new HashMap<Long, Bundle.Question>();
        bundle.questions().forEach(q -> byId.put(q.id(), q));
        List<String> declared = bundle.locales().isEmpty() ? List.of("ru", "kz") : bundle.locales();
        var findings = new ArrayList<Finding>();
        for (Bundle.Question q : bundle.questions()) {
            findings.addAll(check(q, declared, id -> Optional.ofNullable(byId.get(id)), now));
        }
        return findings;
    }

    /**
     * One question (an editor's draft), checked against {@code others}: the question a link names, as readers
     * would find it (the caller looks it up, so this class stays free of I/O).
     */
    public List<Finding> check(
            Bundle.Question q,
            List<String> declared,
            LongFunction<Optional<Bundle.Question>> others,
            LocalDateTime now) {
        var findings = new ArrayList<Finding>();
        for (String locale : declared) {
            if (!q.locales().containsKey(locale)) {
                findings.add(new Finding(
                        q.id(), q.site(), locale, Kind.MISSING_TRANSLATION, "no " + locale + " text", List.of(locale)));
            }
        }
        q.locales().forEach((locale, text) -> findings.addAll(check(q, locale, text, others, now)));
        return findings;
    }

    private List<Finding> check(
            Bundle.Question q,
            String locale,
            Bundle.QuestionLocale text,
            LongFunction<Optional<Bundle.Question>> byId,
            LocalDateTime now) {
        var out = new ArrayList<Finding>();
        var body = Jsoup.parseBodyFragment(text.content()).body();
        if (body.text().replace('\u00a0', ' ').isBlank()
                && body.select("img, table").isEmpty()) {
            out.add(new Finding(q.id(), q.site(), locale, Kind.EMPTY_ANSWER, "the answer has no text", List.of()));
        }
        body.traverse((node, depth) -> {
            if (node instanceof TextNode t) {
                macros(q, locale, t.getWholeText(), out);
            }
        });
        variants(q, locale, body, out);
        for (Element a : body.select("a[href]")) {
            link(q, locale, a.attr("href").strip(), byId, now).ifPresent(out::add);
        }
        return out;
    }

    private void macros(Bundle.Question q, String locale, String text, List<Finding> out) {
        var calls = Macros.find(text);
        var rest = new StringBuilder();
        int at = 0;
        for (var call : calls) {
            if (config.macro(call.name()).isEmpty()) {
                out.add(new Finding(
                        q.id(),
                        q.site(),
                        locale,
                        Kind.UNKNOWN_MACRO,
                        "%вставка " + call.name() + "(" + call.argument() + ")%: no macro named \"" + call.name()
                                + "\"; readers see only its argument",
                        List.of(call.name())));
            }
            rest.append(text, at, call.start());
            at = call.end();
        }
        rest.append(text.substring(at));
        if (Macros.hasBrokenMacro(rest.toString())) {
            String s = rest.toString();
            int i = s.indexOf("вставка");
            String around = s.substring(Math.max(0, i - 2), Math.min(s.length(), i + 40));
            out.add(new Finding(
                    q.id(),
                    q.site(),
                    locale,
                    Kind.BROKEN_MACRO,
                    "a macro that does not parse: \"" + around + "\"",
                    List.of(around)));
        }
    }

    /**
     * Neighbouring platform elements (only whitespace between them) form one phrase; each phrase needs a variant
     * for every platform, or a reader on the missing platform gets a hole in the sentence.
     */
    private static void variants(Bundle.Question q, String locale, Element root, List<Finding> out) {
        for (Element parent : root.getAllElements()) {
            Set<Platform> group = EnumSet.noneOf(Platform.class);
            String firstText = "";
            for (Node child : parent.childNodes()) {
                Set<Platform> own = child instanceof Element e ? platforms(e) : Set.of();
                if (!own.isEmpty()) {
                    if (group.isEmpty()) {
                        firstText = ((Element) child).text();
                    }
                    group.addAll(own);
                } else if (child instanceof TextNode t && t.getWholeText().isBlank()) {
                    continue;
                } else {
                    report(q, locale, group, firstText, out);
                    group = EnumSet.noneOf(Platform.class);
                }
            }
            report(q, locale, group, firstText, out);
        }
    }

    private static void report(Bundle.Question q, String locale, Set<Platform> group, String text, List<Finding> out) {
        if (group.isEmpty() || group.size() == Platform.values().length) {
            return;
        }
        var missing = EnumSet.allOf(Platform.class);
        missing.removeAll(group);
        String phrase = text.length() > 60 ? text.substring(0, 60) + "…" : text;
        out.add(new Finding(
                q.id(),
                q.site(),
                locale,
                Kind.MISSING_VARIANT,
                "\"" + phrase + "\" has no "
                        + missing.stream().map(Platform::spanClass).toList() + " variant: readers on "
                        + missing.stream().map(Platform::code).toList() + " miss it",
                List.of(
                        phrase,
                        String.join(",", missing.stream().map(Platform::code).toList()))));
    }

    private static Set<Platform> platforms(Element e) {
        Set<Platform> found = EnumSet.noneOf(Platform.class);
        for (String c : e.classNames()) {
            Platform.ofSpanClass(c).ifPresent(found::add);
        }
        return found;
    }

    private static Optional<Finding> link(
            Bundle.Question q,
            String locale,
            String href,
            LongFunction<Optional<Bundle.Question>> byId,
            LocalDateTime now) {
        Matcher m = QUESTION_LINK.matcher(href);
        if (!m.matches()) {
            return Optional.empty();
        }
        long target = Long.parseLong(m.group(3));
        String targetLocale = m.group(2) != null ? m.group(2) : locale;
        // a link to itself sees the text being checked, not the stored one
        var linked = target == q.id() ? Optional.of(q) : byId.apply(target);
        if (linked.isEmpty()) {
            return Optional.of(new Finding(
                    q.id(),
                    q.site(),
                    locale,
                    Kind.BROKEN_LINK,
                    href + ": question " + target + " does not exist",
                    List.of(href, Long.toString(target))));
        }
        var text = linked.get().locales().get(targetLocale);
        boolean published =
                text != null && text.published().map(p -> !p.isAfter(now)).orElse(true);
        if (!published) {
            return Optional.of(new Finding(
                    q.id(),
                    q.site(),
                    locale,
                    Kind.BROKEN_LINK,
                    href + ": question " + target + " is not published in " + targetLocale,
                    List.of(href, Long.toString(target), targetLocale)));
        }
        return Optional.empty();
    }
}
