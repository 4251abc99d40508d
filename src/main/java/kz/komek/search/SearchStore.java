package kz.komek.search;

import java.sql.Timestamp;
import java.util.ArrayList;
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
import kz.komek.i18n.Locale;
import org.jdbi.v3.core.Jdbi;

/** What the search feature reads from the database and the misses it writes. */
public final class SearchStore {
    private final Jdbi jdbi;

    public SearchStore(Jdbi jdbi) {
        this.jdbi = jdbi;
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

    /**
     * Questions written after {@code sinceRevision}, in batches of about {@code batch}, streamed so that a
     * rebuild of a large help center never holds it all in memory.
     */
    public void changedSince(long sinceRevision, int batch, Consumer<List<Bundle.Question>> consumer) {
        jdbi.useTransaction(h -> {
            var rows = h.createQuery("""
                            select q.id, q.site, s.path, q.position, q.pinned, q.canonical, q.votes_up, q.votes_down,
                                   q.usefulness, t.locale, t.title, t.content, t.published, t.meta_description
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

    /** Records a query that found nothing, for editors. */
    public void recordMiss(String site, Optional<Locale> locale, String query) {
        jdbi.useHandle(h -> h.createUpdate("insert into search_miss (site, locale, query) values (:site, :locale, :q)")
                .bind("site", site)
                .bind("locale", locale.map(Locale::code).orElse(null))
                .bind("q", query.length() > 500 ? query.substring(0, 500) : query)
                .execute());
    }

    /** The most recent misses, newest first. */
    public List<Map<String, Object>> misses(int limit) {
        return jdbi.withHandle(h -> h.createQuery(
                        "select site, locale, query, at from search_miss order by at desc, id desc limit :limit")
                .bind("limit", limit)
                .mapToMap()
                .list());
    }
}
