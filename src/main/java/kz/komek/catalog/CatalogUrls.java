package kz.komek.catalog;

import java.util.Optional;
import java.util.regex.Pattern;
import kz.komek.i18n.Locale;

/**
 * The addresses of the reader pages, read and written here only: a site's home {@code /client/ru/}, a section
 * {@code /client/ru/bonus/save} and a question {@code /client/ru/bonus/save/general/q456}. A question's page is the
 * last segment {@code q} and its id below its section; {@link SectionPath} refuses that shape as a product's slug.
 */
public final class CatalogUrls {
    private static final Pattern QUESTION_SEGMENT = Pattern.compile("q([0-9]+)");
    // 18 digits always fit a long; a longer id cannot exist, so it names no question rather than failing to parse
    private static final int MAX_ID_DIGITS = 18;

    private CatalogUrls() {}

    /** What a path below {@code /{site}/{locale}/} asks for. */
    public sealed interface PagePath {}

    /** The site's home: an empty path. */
    public record Home() implements PagePath {}

    /** A section page; {@code path} is as asked, not yet known to be a {@link SectionPath}. */
    public record SectionAt(String path) implements PagePath {}

    /**
     * A question page.
     *
     * @param section the path before {@code q{id}} as asked ({@code ""} when there is none); the question may
     *     live elsewhere
     */
    public record QuestionAt(String section, long id) implements PagePath {}

    /** Reads the path below {@code /{site}/{locale}/}; slashes around it do not count. */
    public static PagePath parse(String path) {
        String p = stripSlashes(path);
        if (p.isEmpty()) {
            return new Home();
        }
        int slash = p.lastIndexOf('/');
        Optional<Long> id = questionId(p.substring(slash + 1));
        if (id.isPresent()) {
            return new QuestionAt(slash < 0 ? "" : p.substring(0, slash), id.get());
        }
        return new SectionAt(p);
    }

    /** The question a segment names: {@code q456} is 456. */
    public static Optional<Long> questionId(String segment) {
        var m = QUESTION_SEGMENT.matcher(segment);
        return m.matches() && m.group(1).length() <= MAX_ID_DIGITS
                ? Optional.of(Long.parseLong(m.group(1)))
                : Optional.empty();
    }

    /** The question a path inside a site ends with, as a canonical names it: {@code /bonus/save/general/q456}. */
    public static Optional<Long> questionAtEnd(String path) {
        int slash = path.lastIndexOf('/');
        return slash < 0 ? Optional.empty() : questionId(path.substring(slash + 1));
    }

    /** Whether a segment has a question's shape, whatever the length of its number: no section may be named so. */
    static boolean looksLikeQuestion(String segment) {
        return QUESTION_SEGMENT.matcher(segment).matches();
    }

    /** {@code /client/ru}: every page of a site in a locale is below it, the search page too. */
    public static String prefix(String site, Locale locale) {
        return "/" + site + "/" + locale.code();
    }

    /** {@code /client/ru/}. */
    public static String home(String site, Locale locale) {
        return prefix(site, locale) + "/";
    }

    /** {@code /client/ru/bonus/save}. */
    public static String section(String site, Locale locale, String sectionPath) {
        return prefix(site, locale) + "/" + sectionPath;
    }

    /** {@code /client/ru/bonus/save/general/q456}. */
    public static String question(String site, Locale locale, String sectionPath, long id) {
        return prefix(site, locale) + questionPath(sectionPath, id);
    }

    /** The page path of a question inside its site, as canonicals hold it: {@code /bonus/save/general/q456}. */
    public static String questionPath(String sectionPath, long id) {
        return "/" + sectionPath + "/q" + id;
    }

    private static String stripSlashes(String path) {
        int from = 0;
        int to = path.length();
        while (from < to && path.charAt(from) == '/') {
            from++;
        }
        while (to > from && path.charAt(to - 1) == '/') {
            to--;
        }
        return path.substring(from, to);
    }
}
