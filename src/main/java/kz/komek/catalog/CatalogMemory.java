package kz.komek.catalog;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import kz.komek.i18n.Locale;

/**
 * The catalog as the readers' pages read it, held in memory per content state: sites, section trees and question
 * lists are read once per state and then served without SQL, so a page rendered after a cache miss costs templates,
 * not queries (issue 15). Within one state nothing becomes public by itself (the state changes when a
 * scheduled question comes due), so a list read at any moment of a state holds for all of it.
 *
 * <p>Questions (their texts and vote counts) are kept by id, up to {@value #QUESTION_BYTES} bytes of text: at
 * 100,000 questions every answer in memory would take more heap than a node should need. When the state changes,
 * the questions the write did not touch (their revision is older than the state they were read in) are kept for the
 * next one, and sites and section trees are read at once, on the state's own thread: the first pages after an edit
 * read only what the edit changed. Vote counts change without a write; they are read again after {@code fresh}, as
 * the pages that show them are.
 */
public final class CatalogMemory {
    /** Memory for question texts (their characters, two bytes each). */
    static final long QUESTION_BYTES = 48L << 20;

    private record ListKey(long sectionId, Locale locale) {}

    private record SiteLocale(String site, Locale locale) {}

    private record QuestionKey(long version, long id) {}

    /** A question as read (empty: there is none), and when, for its vote counts' sake. */
    private record Kept(Optional<Question> question, long readAt) {}

    /** What one content state holds; replaced whole when the state changes. */
    private record Generation(
            ContentState state,
            List<Site> sites,
            Map<String, SectionTree> trees,
            Map<ListKey, List<QuestionSummary>> lists,
            Map<SiteLocale, Set<Long>> filled,
            Map<ListKey, List<Material>> materials,
            Map<SiteLocale, Map<Long, Integer>> materialCounts) {}

    private final CatalogStore store;
    private final Supplier<ContentState> state;
    private final Cache<QuestionKey, Kept> questions;
    private final long freshMillis;
    private volatile Generation generation;

    /**
     * @param state the content state now, from memory ({@link CurrentState})
     * @param fresh how long a question's vote counts are kept (as long as pages are)
     */
    public CatalogMemory(CatalogStore store, Supplier<ContentState> state, Duration fresh) {
        this.store = store;
        this.state = state;
        this.freshMillis = fresh.toMillis();
        this.questions = Caffeine.newBuilder()
                .maximumWeight(QUESTION_BYTES)
                .<QuestionKey, Kept>weigher((k, kept) ->
                        200 + kept.question().map(CatalogMemory::chars).orElse(0) * 2)
                // a state's entries are carried to the next one or left; those left age out
                .expireAfterAccess(fresh.multipliedBy(2).plusMinutes(1))
                .build();
    }

    public List<Site> sites() {
        return now().sites();
    }

    public SectionTree tree(String site) {
        return now().trees().computeIfAbsent(site, store::tree);
    }

    /** As {@link CatalogStore#questionsIn}: {@code now} must fall in the current state (it does for a request's). */
    public List<QuestionSummary> questionsIn(long sectionId, Locale locale, LocalDateTime now) {
        return this.now()
                .lists()
                .computeIfAbsent(new ListKey(sectionId, locale), k -> store.questionsIn(sectionId, locale, now));
    }

    /**
     * The sections of {@code site} that readers of {@code locale} have something to read in: a public question or
     * material in the section or below it. The others are left out of readers' menus, cards and sitemaps (editors still see
     * them). {@code now} must fall in the current state, as for {@link #questionsIn}.
     */
    public Set<Long> filled(String site, Locale locale, LocalDateTime now) {
        return this.now().filled().computeIfAbsent(new SiteLocale(site, locale), k -> {
            var counts = store.questionCounts(site, locale, now);
            var materials = materialCounts(site, locale, now);
            var filled = new HashSet<Long>();
            SectionTree tree = tree(site);
            for (Section section : tree.all()) {
                if (counts.getOrDefault(section.id(), 0) > 0 || materials.getOrDefault(section.id(), 0) > 0) {
                    tree.lineage(section).forEach(s -> filled.add(s.id()));
                }
            }
            return Set.copyOf(filled);
        });
    }

    /** As {@link CatalogStore#materialsIn}: {@code now} must fall in the current state (it does for a request's). */
    public List<Material> materialsIn(long sectionId, Locale locale, LocalDateTime now) {
        return this.now()
                .materials()
                .computeIfAbsent(new ListKey(sectionId, locale), k -> store.materialsIn(sectionId, locale, now));
    }

    private Map<Long, Integer> materialCounts(String site, Locale locale, LocalDateTime now) {
        return this.now()
                .materialCounts()
                .computeIfAbsent(new SiteLocale(site, locale), k -> store.materialCounts(site, locale, now));
    }

    /**
     * The questions of a ranking that is kept for a while (top questions), as this content state has them now: with
     * their current titles, without those no longer public in {@code locale} or no longer in the section they were
     * ranked in (until the next ranking). So a change shows at once on every node, while views and votes re-rank at
     * their own pace. Reads only the ranked questions' own lists.
     */
    public List<QuestionSummary> asNow(
            SectionTree tree, List<QuestionSummary> ranked, Locale locale, LocalDateTime now) {
        var current = new ArrayList<QuestionSummary>(ranked.size());
        for (QuestionSummary q : ranked) {
            tree.find(q.section())
                    .flatMap(section -> questionsIn(section.id(), locale, now).stream()
                            .filter(listed -> listed.id() == q.id())
                            .findFirst())
                    .ifPresent(current::add);
        }
        return current;
    }

    public Optional<Question> question(long id) {
        var key = new QuestionKey(now().state().version(), id);
        Kept kept = questions.getIfPresent(key);
        long at = System.currentTimeMillis();
        if (kept == null || at - kept.readAt() > freshMillis) {
            kept = new Kept(store.question(id), at);
            questions.put(key, kept);
        }
        return kept.question();
    }

    /** Makes the generation of the state now, before readers ask for it ({@link CurrentState#onChange}). */
    public void prepare() {
        Generation g = now();
        for (Site site : g.sites()) {
            tree(site.slug());
        }
    }

    /** The page path of question {@code id} inside {@code site} ({@code /bonus/save/general/q456}), if it is there. */
    public Optional<String> ownPath(String site, long id) {
        return question(id).filter(q -> q.site().equals(site)).map(Question::ownPath);
    }

    /** The generation of the state now, read anew (its sites first) when the state has changed. */
    private Generation now() {
        ContentState s = state.get();
        Generation g = generation;
        if (g != null && g.state().equals(s)) {
            return g;
        }
        synchronized (this) {
            g = generation;
            if (g == null || !g.state().equals(s)) {
                // read after the state: what is read is at least as new as the state it is filed under
                if (g != null && g.state().version() != s.version()) {
                    carry(g.state().version(), s.version());
                }
                g = new Generation(
                        s,
                        store.sites(),
                        new ConcurrentHashMap<>(),
                        new ConcurrentHashMap<>(),
                        new ConcurrentHashMap<>(),
                        new ConcurrentHashMap<>(),
                        new ConcurrentHashMap<>());
                generation = g;
            }
            return g;
        }
    }

    /**
     * Files the questions read in version {@code from} that no write has touched since under version {@code to}.
     * A question read meanwhile under {@code from} is not carried, and is read again when asked for.
     */
    private void carry(long from, long to) {
        var read = new java.util.HashMap<Long, Kept>();
        questions.asMap().forEach((k, kept) -> {
            if (k.version() == from) {
                read.put(k.id(), kept);
            }
        });
        if (read.isEmpty()) {
            return;
        }
        for (long id : store.untouchedSince(from, read.keySet())) {
            questions.put(new QuestionKey(to, id), read.get(id));
        }
    }

    private static int chars(Question q) {
        return q.texts().values().stream()
                .mapToInt(t -> t.title().length() + t.content().length() + 200)
                .sum();
    }
}
