package kz.komek.search;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import kz.komek.bundle.Bundle;
import kz.komek.catalog.CatalogUrls;
import kz.komek.catalog.Usefulness;
import kz.komek.content.AnswerRenderer;
import kz.komek.content.Platform;
import kz.komek.i18n.Locale;

/** Builds search documents from a bundle: the whole help center (a rebuild, the evaluation) or a changed part. */
public final class SearchDocuments {
    private final AnswerRenderer renderer;

    public SearchDocuments(AnswerRenderer renderer) {
        this.renderer = renderer;
    }

    /**
     * One document per question and locale. A cross-listed copy (its canonical names another question of the
     * same site that exists) is left out: the canonical question stands for both.
     *
     * @param sectionTitles titles by {@code site/path} and locale, for sections the bundle itself may not hold
     */
    public List<SearchDocument> from(
            List<Bundle.Question> questions, Map<String, Map<Locale, String>> sectionTitles, Set<String> existing) {
        return from(questions, sectionTitles, existing, Map.of());
    }

    /** @param readers readers' phrases per question and the language they searched in, one a line */
    public List<SearchDocument> from(
            List<Bundle.Question> questions,
            Map<String, Map<Locale, String>> sectionTitles,
            Set<String> existing,
            Map<Long, Map<Locale, String>> readers) {
        // Rendering answers is most of the cost: every core takes a share.
        return questions.parallelStream()
                .filter(q -> !isCopy(q, existing))
                .flatMap(q -> documents(q, sectionTitles, readers.getOrDefault(q.id(), Map.of())).stream())
                .toList();
    }

    private List<SearchDocument> documents(
            Bundle.Question q, Map<String, Map<Locale, String>> sectionTitles, Map<Locale, String> readers) {
        var docs = new ArrayList<SearchDocument>();
        Set<Locale> locales = EnumSet.noneOf(Locale.class);
        q.locales().keySet().forEach(code -> Locale.parse(code).ifPresent(locales::add));
        for (var e : q.locales().entrySet()) {
            Optional<Locale> locale = Locale.parse(e.getKey());
            if (locale.isEmpty()) {
                continue;
            }
            var t = e.getValue();
            var lineage = new ArrayList<String>();
            String path = q.section();
            String own = null;
            for (String prefix = path; prefix != null; prefix = parent(prefix)) {
                String title = sectionTitles
                        .getOrDefault(q.site() + "/" + prefix, Map.of())
                        .get(locale.get());
                if (title != null) {
                    lineage.add(0, title);
                    if (own == null) {
                        own = title;
                    }
                }
            }
            // Rendered once for one platform: the other platforms' phrases would count every word thrice.
            String text = renderer.text(t.content(), Platform.DESKTOP, locale.get());
            docs.add(new SearchDocument(
                    q.id(),
                    q.site(),
                    locale.get(),
                    q.section(),
                    own == null ? lastSegment(path) : own,
                    t.title().strip(),
                    String.join("\n", t.phrasings().texts()),
                    text,
                    String.join(" / ", lineage),
                    t.metaDescription().orElse(""),
                    t.published(),
                    usefulness(q),
                    q.pinned(),
                    locales,
                    readers));
        }
        return docs;
    }

    /**
     * One document per material and locale: its title as the title, its description as the text (snippets come
     * from it), its section's lineage as the sections; no votes, so a neutral usefulness. Indexed under the
     * material's id negated ({@link SearchDocument#forMaterial}).
     */
    public List<SearchDocument> fromMaterials(
            List<Bundle.Material> materials, Map<String, Map<Locale, String>> sectionTitles) {
        var docs = new ArrayList<SearchDocument>();
        for (Bundle.Material m : materials) {
            Set<Locale> locales = EnumSet.noneOf(Locale.class);
            m.locales().keySet().forEach(code -> Locale.parse(code).ifPresent(locales::add));
            for (var e : m.locales().entrySet()) {
                Optional<Locale> locale = Locale.parse(e.getKey());
                if (locale.isEmpty()) {
                    continue;
                }
                var t = e.getValue();
                var lineage = lineage(m.site(), m.section(), locale.get(), sectionTitles);
                docs.add(new SearchDocument(
                        SearchDocument.forMaterial(m.id()),
                        m.site(),
                        locale.get(),
                        m.section(),
                        lineage.isEmpty() ? lastSegment(m.section()) : lineage.get(lineage.size() - 1),
                        t.title().strip(),
                        "",
                        t.description().orElse(""),
                        String.join(" / ", lineage),
                        "",
                        t.published(),
                        new Usefulness(0, 0, Optional.empty()).ratioOrNeutral(),
                        false,
                        locales,
                        Map.of(),
                        m.kind().code()));
            }
        }
        return docs;
    }

    /** The titles of a section and its ancestors in {@code locale}, product first; those without one left out. */
    private static List<String> lineage(
            String site, String path, Locale locale, Map<String, Map<Locale, String>> sectionTitles) {
        var lineage = new ArrayList<String>();
        for (String prefix = path; prefix != null; prefix = parent(prefix)) {
            String title =
                    sectionTitles.getOrDefault(site + "/" + prefix, Map.of()).get(locale);
            if (title != null) {
                lineage.add(0, title);
            }
        }
        return lineage;
    }

    /** All documents of a whole bundle (evaluation, rebuild from an export). */
    public List<SearchDocument> from(Bundle bundle) {
        var titles = new HashMap<String, Map<Locale, String>>();
        for (Bundle.Section s : bundle.sections()) {
            var byLocale = new HashMap<Locale, String>();
            s.title().forEach((code, title) -> Locale.parse(code).ifPresent(l -> byLocale.put(l, title)));
            titles.put(s.site() + "/" + s.path(), byLocale);
        }
        var existing = new HashSet<String>();
        bundle.questions().forEach(q -> existing.add(q.site() + ":" + q.id()));
        var docs = new ArrayList<>(from(bundle.questions(), titles, existing));
        docs.addAll(fromMaterials(bundle.materials(), titles));
        return docs;
    }

    /** A copy listed in a second section: its canonical names another question of the site that exists. */
    static boolean isCopy(Bundle.Question q, Set<String> existing) {
        return CatalogUrls.questionAtEnd(q.canonical())
                .filter(target -> target != q.id() && existing.contains(q.site() + ":" + target))
                .isPresent();
    }

    /** The same weighing as the pages show (imported ratio as a prior); neutral for an unrated answer. */
    static double usefulness(Bundle.Question q) {
        return new Usefulness(
                        q.votes().map(Bundle.Votes::up).orElse(0L),
                        q.votes().map(Bundle.Votes::down).orElse(0L),
                        q.usefulness())
                .ratioOrNeutral();
    }

    private static String parent(String path) {
        int slash = path.lastIndexOf('/');
        return slash < 0 ? null : path.substring(0, slash);
    }

    private static String lastSegment(String path) {
        return path.substring(path.lastIndexOf('/') + 1);
    }
}
