package kz.komek.catalog;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/** A section's place in its site's tree: 1 to 3 slugs (product, theme, subtheme), e.g. {@code bonus/save/general}. */
public record SectionPath(String value) {
    private static final Pattern SLUG = Pattern.compile("[a-z0-9][a-z0-9_-]{0,62}");
    public static final int MAX_DEPTH = 3;

    public SectionPath {
        var problem = problem(value);
        if (problem.isPresent()) {
            throw new IllegalArgumentException(problem.get());
        }
    }

    /** Why {@code value} is not a section path, if it is not. */
    public static Optional<String> problem(String value) {
        if (value == null || value.isEmpty()) {
            return Optional.of("section path is empty");
        }
        String[] parts = value.split("/", -1);
        if (parts.length > MAX_DEPTH) {
            return Optional.of("section path " + quote(value) + " is deeper than " + MAX_DEPTH + " levels");
        }
        for (String part : parts) {
            if (!SLUG.matcher(part).matches()) {
                return Optional.of("section path " + quote(value)
                        + " has a segment that is not a lowercase slug (a-z, 0-9, '-', '_')");
            }
        }
        if (parts[0].equals("search")) {
            return Optional.of("section path " + quote(value) + " starts with \"search\", the search page's address");
        }
        if (parts.length == 1 && CatalogUrls.looksLikeQuestion(parts[0])) {
            return Optional.of("section path " + quote(value) + " looks like a question id");
        }
        return Optional.empty();
    }

    public static Optional<SectionPath> parse(String value) {
        return problem(value).isEmpty() ? Optional.of(new SectionPath(value)) : Optional.empty();
    }

    private static String quote(String s) {
        return '"' + (s.length() > 80 ? s.substring(0, 80) + "…" : s) + '"';
    }

    public int depth() {
        return (int) value.chars().filter(c -> c == '/').count() + 1;
    }

    public Optional<SectionPath> parent() {
        int slash = value.lastIndexOf('/');
        return slash < 0 ? Optional.empty() : Optional.of(new SectionPath(value.substring(0, slash)));
    }

    /** This path and its ancestors, root first: {@code bonus}, {@code bonus/save}, {@code bonus/save/general}. */
    public List<SectionPath> lineage() {
        var result = new ArrayList<SectionPath>();
        int from = 0;
        while (true) {
            int slash = value.indexOf('/', from);
            if (slash < 0) {
                result.add(this);
                return result;
            }
            result.add(new SectionPath(value.substring(0, slash)));
            from = slash + 1;
        }
    }

    public String lastSegment() {
        return value.substring(value.lastIndexOf('/') + 1);
    }

    public boolean isAncestorOf(SectionPath other) {
        return other.value.startsWith(value + "/");
    }

    @Override
    public String toString() {
        return value;
    }
}
