package kz.komek.search;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import kz.komek.bundle.Bundle;
import kz.komek.bundle.BundleExport;
import kz.komek.bundle.Phrasings;
import kz.komek.catalog.CatalogStore;
import kz.komek.catalog.MaterialKind;
import kz.komek.i18n.Locale;
import org.jdbi.v3.core.Jdbi;

/** What the search feature reads from the database and the misses it writes. */
public final class SearchStore {
    /**
     * Distinct missed queries kept a day, and distinct queries of searches that found something (search_day): beyond
     * them, searches are only counted (under the query "").
     */
    static final int MISSES_A_DAY = 10_000;

    /** Days of misses kept for editors, unless the analytics retention says otherwise. */
    static final int MISS_DAYS = 90;

    /** A batch of the search page's counts for one day, site, locale and normalized query (see SearchCounter). */
    record SearchCount(LocalDate day, String site, Locale locale, String query, long searches, long opened) {}

    private final Jdbi jdbi;
    private final int missesADay;

    public SearchStore(Jdbi jdbi) {
        this(jdbi, MISSES_A_DAY);
    }

    SearchStore(Jdbi jdbi, int missesADay) {
        this.jdbi = jdbi;
        this.missesADay = missesADay;
    }

    public long contentVersion() {
        return jdbi.withHandle(h -> h.createQuery("select version from help_center")
                .mapTo(Long.class)
                .one());
    }

    /** Titles of every section by {@code site/path} and locale. */
    public Map<String, Map<Locale, String>> sectionTitles() {
        return jdbi.withHandle(h -> h.createQuery("""
                        select s.site, s.path, t.locale, t.title
                        from section s join section_title t on t.section_id = s.id
                        """)
                .reduceRows(new HashMap<String, Map<Locale, String>>(), (acc, row) -> {
                    Locale.parse(row.getColumn("locale", String.class))
                            .ifPresent(l -> acc.computeIfAbsent(
                                            row.getColumn("site", String.class) + "/"
                                                    + row.getColumn("path", String.class),
                                            k -> new EnumMap<>(Locale.class))
                                    .put(l, row.getColumn("title", String.class)));
                    return acc;
                }));
    }

    /** {@code site:id} of every question: a copy is only a copy while its canonical question exists. */
    public Set<String> questionKeys() {
        return new HashSet<>(jdbi.withHandle(h -> h.createQuery("select site || ':' || id from question")
                .mapTo(String.class)
                .list()));
    }

    /** The {@code site:id} keys of those of {@code ids} that are questions. */
    public Set<String> questionKeys(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return Set.of();
        }
        return new HashSet<>(jdbi.withHandle(
                h -> h.createQuery("select site || ':' || id from question where id = any(:ids)")
                        .bind("ids", ids.stream().mapToLong(Long::longValue).toArray())
                        .mapTo(String.class)
                        .list()));
    }

    /** The ids of every question. */
    public Set<Long> questionIds() {
        return new HashSet<>(jdbi.withHandle(
                h -> h.createQuery("select id from question").mapTo(Long.class).list()));
    }

    public long questionCount() {
        return jdbi.withHandle(h ->
                h.createQuery("select count(*) from question").mapTo(Long.class).one());
    }

    /** The index ids of everything searchable: every question's id and every material's negated. */
    public Set<Long> indexedIds() {
        return new HashSet<>(
                jdbi.withHandle(h -> h.createQuery("select id from question union all select -id from material")
                        .mapTo(Long.class)
                        .list()));
    }

    /** How many questions and materials there are: what {@link #indexedIds} would count. */
    public long indexedCount() {
        return jdbi.withHandle(
                h -> h.createQuery("select (select count(*) from question) + (select count(*) from material)")
                        .mapTo(Long.class)
                        .one());
    }

    /**
     * Materials written after {@code sinceRevision}, with their texts. They are few beside questions: read at once.
     */
    public List<Bundle.Material> materialsChangedSince(long sinceRevision) {
        return jdbi.withHandle(h -> {
            var out = new ArrayList<Bundle.Material>();
            var texts = new LinkedHashMap<String, Bundle.MaterialLocale>();
            Bundle.Material[] current = {null};
            h.createQuery("""
                            select m.id, m.site, s.path, m.kind, m.position, t.locale, t.title, t.url, t.description,
                                   t.duration, t.format, t.size, t.updated, t.published
                            from material m
                            join section s on s.id = m.section_id
                            join material_text t on t.material_id = m.id
                            where m.revision > :since
                            order by m.id, t.locale
                            """)
                    .bind("since", sinceRevision)
                    .map((rs, ctx) -> {
                        var t = CatalogStore.materialText(rs);
                        var text = new Bundle.MaterialLocale(
                                t.title(),
                                t.url(),
                                t.description(),
                                t.duration(),
                                t.format(),
                                t.size(),
                                t.updated(),
                                t.published(),
                                Map.of());
                        var m = new Bundle.Material(
                                rs.getLong("id"),
                                rs.getString("site"),
                                rs.getString("path"),
                                MaterialKind.parse(rs.getString("kind")).orElseThrow(),
                                rs.getInt("position"),
                                Map.of(),
                                Map.of());
                        return Map.entry(m, Map.entry(rs.getString("locale"), text));
                    })
                    .forEach(row -> {
                        if (current[0] != null
                                && current[0].id() != row.getKey().id()) {
                            out.add(current[0].withLocales(texts));
                            texts.clear();
                        }
                        current[0] = row.getKey();
                        texts.put(row.getValue().getKey(), row.getValue().getValue());
                    });
            if (current[0] != null) {
                out.add(current[0].withLocales(texts));
            }
            return out;
        });
    }

    /**
     * Questions written after {@code sinceRevision}, in batches of about {@code batch}, streamed so that a
     * rebuild of a large help center never holds it all in memory.
     */
    public void changedSince(long sinceRevision, int batch, Consumer<List<Bundle.Question>> consumer) {
        jdbi.useTransaction(h -> {
            var rows = h.createQuery("""
                            select q.id, q.site, s.path, q.position, q.pinned, q.canonical, q.votes_up, q.votes_down,
                                   q.usefulness, t.locale, t.title, t.content, t.published, t.meta_description,
                                   t.phrasings
                            from question q
                            join section s on s.id = q.section_id
                            left join question_text t on t.question_id = q.id
                            where q.revision > :since
                            order by q.id
                            """)
                    .bind("since", sinceRevision)
                    .setFetchSize(500)
                    .map((rs, ctx) -> {
                        Timestamp published = rs.getTimestamp("published");
                        var question = BundleExport.questionRow(rs, false, Map.of(), Map.of());
                        String locale = rs.getString("locale");
                        Optional<Map.Entry<String, Bundle.QuestionLocale>> text = locale == null
                                ? Optional.empty()
                                : Optional.of(Map.entry(
                                        locale,
                                        new Bundle.QuestionLocale(
                                                rs.getString("title"),
                                                rs.getString("content"),
                                                Optional.empty(),
                                                Optional.ofNullable(published).map(Timestamp::toLocalDateTime),
                                                Optional.empty(),
                                                Optional.ofNullable(rs.getString("meta_description")),
                                                Optional.empty(),
                                                false,
                                                false,
                                                new Phrasings(List.of((String[])
                                                        rs.getArray("phrasings").getArray())),
                                                Map.of())));
                        return Map.entry(question, text);
                    });
            try (var stream = rows.stream()) {
                var pending = new ArrayList<Bundle.Question>();
                Bundle.Question[] current = {null};
                Map<String, Bundle.QuestionLocale> texts = new LinkedHashMap<>();
                stream.forEach(row -> {
                    var q = row.getKey();
                    if (current[0] != null && current[0].id() != q.id()) {
                        pending.add(current[0].withLocales(texts));
                        texts.clear();
                        if (pending.size() >= batch) {
                            consumer.accept(List.copyOf(pending));
                            pending.clear();
                        }
                    }
                    current[0] = q;
                    row.getValue().ifPresent(e -> texts.put(e.getKey(), e.getValue()));
                });
                if (current[0] != null) {
                    pending.add(current[0].withLocales(texts));
                }
                if (!pending.isEmpty()) {
                    consumer.accept(List.copyOf(pending));
                }
            }
        });
    }

    /**
     * Counts a query that found nothing, for editors: one row a day per site, locale and query (lower case, spaces
     * collapsed), at most {@link #MISSES_A_DAY} distinct queries a day; a query with five digits or more or an e-mail
     * address counts under "".
     */
    public void recordMiss(String site, Optional<Locale> locale, String query) {
        recordMiss(Optional.empty(), site, locale, query);
    }

    /**
     * As {@link #recordMiss(String, Optional, String)}, on {@code day} (the help center's, as the other per-day
     * counts); empty: the database's date.
     */
    public void recordMiss(Optional<LocalDate> day, String site, Optional<Locale> locale, String query) {
        String normalized = query.strip().toLowerCase(java.util.Locale.ROOT).replaceAll("\\s+", " ");
        // editors read these on the analytics page: words that may name a person count under "" (decision 0046)
        String q = ReaderWords.keepable(normalized) ? normalized : "";
        jdbi.useHandle(h -> h.createUpdate("""
                        insert into search_miss_day (day, site, locale, query)
                        select coalesce(cast(:day as date), current_date), :site, :locale,
                               case when (select count(*) from search_miss_day
                                          where day = coalesce(cast(:day as date), current_date)) < :cap
                                    then :q else '' end
                        on conflict (day, site, locale, query)
                        do update set misses = search_miss_day.misses + 1, last_at = now()
                        """)
                .bind("site", site.length() > 64 ? site.substring(0, 64) : site)
                .bind("locale", locale.map(Locale::code).orElse(""))
                .bind("q", q.length() > 200 ? q.substring(0, 200) : q)
                .bind("cap", missesADay)
                .bind("day", day.orElse(null))
                .execute());
    }

    /** Forgets the misses of days older than {@link #MISS_DAYS}; returns how many rows went. */
    public int pruneMisses() {
        return pruneMisses(MISS_DAYS);
    }

    /** Forgets the misses of days older than {@code days}; returns how many rows went. */
    public int pruneMisses(int days) {
        return jdbi.withHandle(h -> h.createUpdate("delete from search_miss_day where day < current_date - :days")
                .bind("days", days)
                .execute());
    }

    /**
     * Adds the search page's counts in one statement (decision 0046). Several nodes add to the same rows, so each adds
     * its own counts; rows go in key order so two nodes flushing at once cannot deadlock. A query not yet stored for
     * its day counts under "" once the day has {@link #MISSES_A_DAY} distinct queries (a batch may pass the bound by
     * its own size: the bound is against growth, not exact).
     */
    void addSearches(Collection<SearchCount> counts) {
        if (counts.isEmpty()) {
            return;
        }
        var sorted = counts.stream()
                .sorted(java.util.Comparator.comparing(SearchCount::day)
                        .thenComparing(SearchCount::site)
                        .thenComparing(c -> c.locale().code())
                        .thenComparing(SearchCount::query))
                .toList();
        jdbi.useHandle(h -> h.createUpdate("""
                        insert into search_day (day, site, locale, query, searches, opened)
                        select day, site, locale, query, sum(searches), sum(opened)
                        from (
                            select v.day, v.site, v.locale,
                                   case when v.query = '' or d.query is not null or coalesce(n.kept, 0) < :cap
                                        then v.query else '' end as query,
                                   v.searches, v.opened
                            from unnest(cast(:days as date[]), :sites, :locales, :queries, :searches, :opened)
                                as v(day, site, locale, query, searches, opened)
                            left join search_day d on d.day = v.day and d.site = v.site and d.locale = v.locale
                                and d.query = v.query
                            left join (
                                select day, count(*) as kept from search_day
                                where day = any(cast(:days as date[])) group by day
                            ) n on n.day = v.day
                        ) c
                        group by day, site, locale, query
                        order by day, site, locale, query
                        on conflict (day, site, locale, query) do update
                        set searches = search_day.searches + excluded.searches,
                            opened = search_day.opened + excluded.opened
                        """)
                .bindArray(
                        "days",
                        String.class,
                        sorted.stream().map(c -> c.day().toString()).toList())
                .bindArray(
                        "sites",
                        String.class,
                        sorted.stream().map(SearchCount::site).toList())
                .bindArray(
                        "locales",
                        String.class,
                        sorted.stream().map(c -> c.locale().code()).toList())
                .bindArray(
                        "queries",
                        String.class,
                        sorted.stream().map(SearchCount::query).toList())
                .bindArray(
                        "searches",
                        Long.class,
                        sorted.stream().map(SearchCount::searches).toList())
                .bindArray(
                        "opened",
                        Long.class,
                        sorted.stream().map(SearchCount::opened).toList())
                .bind("cap", missesADay)
                .execute());
    }

    /** The most recent misses, newest first. */
    public List<Map<String, Object>> misses(int limit) {
        return jdbi.withHandle(
                h -> h.createQuery("""
                        select site, nullif(locale, '') as locale, query, misses, last_at as at
                        from search_miss_day order by last_at desc, query limit :limit
                        """).bind("limit", limit).mapToMap().list());
    }

    /** Editors' verdicts on learned word pairs: true confirmed, false rejected. */
    public Map<WordPair, Boolean> verdicts() {
        return jdbi.withHandle(h -> h.createQuery("select ru, kz, confirmed from lexicon_verdict")
                .reduceRows(new HashMap<WordPair, Boolean>(), (acc, row) -> {
                    acc.put(
                            new WordPair(row.getColumn("ru", String.class), row.getColumn("kz", String.class)),
                            row.getColumn("confirmed", Boolean.class));
                    return acc;
                }));
    }

    /**
     * Records an editor's verdict, or forgets it ({@code verdict} empty), and tells every node: a notification on
     * the content channel with the version as it is, so no page cache is dropped for it.
     */
    public void decide(WordPair pair, Optional<Boolean> verdict, String actor) {
        decide(pair, verdict, actor, h -> {});
    }

    /** As {@link #decide(WordPair, Optional, String)}, running {@code alsoThen} in the same transaction (the audit). */
    public void decide(
            WordPair pair, Optional<Boolean> verdict, String actor, Consumer<org.jdbi.v3.core.Handle> alsoThen) {
        jdbi.useTransaction(h -> {
            if (verdict.isPresent()) {
                h.createUpdate("""
                                insert into lexicon_verdict (ru, kz, confirmed, decided_by) values (:ru, :kz, :c, :by)
                                on conflict (ru, kz)
                                do update set confirmed = :c, decided_by = :by, decided_at = now()
                                """)
                        .bind("ru", pair.ru())
                        .bind("kz", pair.kz())
                        .bind("c", verdict.get())
                        .bind("by", actor)
                        .execute();
            } else {
                h.createUpdate("delete from lexicon_verdict where ru = :ru and kz = :kz")
                        .bind("ru", pair.ru())
                        .bind("kz", pair.kz())
                        .execute();
            }
            alsoThen.accept(h);
            h.createQuery("select pg_notify('komek_content', version::text) from help_center")
                    .mapTo(String.class)
                    .list();
        });
    }

    /**
     * Readers' phrases of {@code ids} as search indexes them: per question and the language they were searched in,
     * one a line, the weightiest first ({@link ReaderWords} counts them).
     */
    public Map<Long, Map<Locale, String>> readerPhrases(Collection<Long> ids) {
        var out = new HashMap<Long, Map<Locale, String>>();
        if (ids.isEmpty()) {
            return out;
        }
        jdbi.useHandle(h -> h.createQuery("""
                        select question_id, locale, string_agg(phrase, E'\\n' order by weight desc, phrase) as phrases
                        from reader_phrase where question_id = any(:ids)
                        group by question_id, locale
                        """)
                .bind("ids", ids.stream().mapToLong(Long::longValue).toArray())
                .map((rs, ctx) -> Map.entry(
                        rs.getLong("question_id"), Map.entry(rs.getString("locale"), rs.getString("phrases"))))
                .forEach(e -> Locale.parse(e.getValue().getKey())
                        .ifPresent(l -> out.computeIfAbsent(e.getKey(), k -> new EnumMap<>(Locale.class))
                                .put(l, e.getValue().getValue()))));
        return out;
    }
}
