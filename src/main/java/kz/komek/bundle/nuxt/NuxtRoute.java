package kz.komek.bundle.nuxt;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import kz.komek.bundle.BundleException;

/** The page's route: {@code /{locale}/{section path}}, optionally with the site first or a question last. */
record NuxtRoute(String path, String locale, String section) {
    private static final Pattern LOCALE = Pattern.compile("[a-z]{2}");
    private static final Pattern SEGMENT = Pattern.compile("[A-Za-z0-9_.-]+");
    private static final Pattern QUESTION_SEGMENT = Pattern.compile("q\\d+");

    static NuxtRoute parse(String raw, String site) {
        String path = raw.strip().replaceAll("[?#].*$", "");
        if (!path.startsWith("/")) {
            return null;
        }
        List<String> segments = new ArrayList<>();
        for (String segment : path.split("/")) {
            if (!segment.isEmpty()) {
                segments.add(segment);
            }
        }
        if (segments.size() > 1
                && segments.get(0).equals(site)
                && LOCALE.matcher(segments.get(1)).matches()) {
            segments.remove(0);
        }
        if (segments.size() < 2 || !LOCALE.matcher(segments.get(0)).matches()) {
            return null;
        }
        List<String> section = new ArrayList<>(segments.subList(1, segments.size()));
        if (QUESTION_SEGMENT.matcher(section.get(section.size() - 1)).matches()) {
            section.remove(section.size() - 1); // a question page: its section is the rest
        }
        if (section.isEmpty()
                || !section.stream().allMatch(s -> SEGMENT.matcher(s).matches())) {
            return null;
        }
        if (section.size() > 3) {
            throw new BundleException(
                    "route " + raw, "a section path has 1 to 3 levels, this one has " + section.size());
        }
        return new NuxtRoute(raw, segments.get(0), String.join("/", section));
    }
}
